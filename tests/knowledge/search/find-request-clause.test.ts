import { describe, expect, it } from 'vitest'
import { expandQuery } from '../../../knowledge/search/expand-query.ts'
import { findRequestClause } from '../../../knowledge/search/find-request-clause.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import { analyse, markedWords } from '../../helpers/analyse-message.ts'
import { offeredCodes } from '../../helpers/offered-codes.ts'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'

const synonyms = loadSynonyms()
/** The words of the story a message tells, joined. */
const storyOf = (text: string): string | null => {
  const tokens = analyse(text)
  return markedWords(tokens, findRequestClause({ text, tokens, analyse }))
}

describe('findRequestClause', () => {
  it('takes the clauses that tell of a person or a time, before the request, as the story', () => {
    expect(
      storyOf('vợ em mới sinh bé ở bệnh viện tỉnh, nhà em ở quận Gò Vấp cũ, giờ làm giấy khai sinh ở đâu'),
    ).toBe('vợ em mới sinh bé ở bệnh viện tỉnh nhà em ở quận gò vấp cũ')
    // "giờ" brings the story to now even without a comma
    expect(
      storyOf('bo toi mat o benh vien huyen tuan truoc gio lam giay chung tu cho ong can giay to gi'),
    ).toBe('bo toi mat o benh vien huyen tuan truoc')
  })

  it('reads asking leave at the start of the message as opening it, not as the first clause asking', () => {
    const story = 'vợ em mới sinh bé ở bệnh viện tỉnh, nhà em ở quận Gò Vấp cũ, giờ làm giấy khai sinh ở đâu'
    const told = 'vợ em mới sinh bé ở bệnh viện tỉnh nhà em ở quận gò vấp cũ'
    expect(storyOf(`chào ad, cho em hỏi ${story}`)).toBe(`cho em hỏi ${told}`)
    expect(storyOf(`làm ơn cho hỏi ${story}`)).toBe(`làm ơn cho hỏi ${told}`)
  })

  it('ends a clause at emoji, as a stop, and reads a clause closed by a question mark as asking', () => {
    expect(storyOf('Vừa tậu con xe máy điện cho con gái đi học 😂 Xe mới mua thì đăng ký thế nào?')).toBe(
      'vừa tậu con xe máy điện cho con gái đi học',
    )
    // "… hay tự mang lên BHXH?" asks, though no question word does
    expect(
      storyOf(
        'Tháng 11 em sinh, công ty đóng BHXH cho em đủ 8 tháng rồi, hồ sơ thai sản em nộp cho công ty hay tự mang lên?',
      ),
    ).toBe('tháng 11 em sinh công ty đóng bhxh cho em đủ 8 tháng rồi')
    expect(
      storyOf(
        'Tháng 11 em sinh, công ty đóng BHXH cho em đủ 8 tháng rồi, hồ sơ thai sản em nộp cho công ty hay tự mang lên',
      ),
    ).toBeNull()
  })

  it('keeps every clause that asks something in the request, wherever it is', () => {
    // the first clause asks where: only the old district after it is story
    expect(
      storyOf(
        'lam giay khai sinh cho be o dau, truoc o huyen Dong Anh gio sap nhap roi khong biet nop o dau',
      ),
    ).toBe('truoc o huyen dong anh')
    expect(
      storyOf('tôi ở Hà Nội, con tôi học lớp 3, muốn làm căn cước cho bé thì có mất tiền không, bao nhiêu'),
    ).toBe('tôi ở hà nội con tôi học lớp 3')
  })

  it('tells what the clauses before the story is brought to now must or want to do', () => {
    // "phải bay" is the story's plan; "giờ phải báo mất ở đâu" is what is asked
    expect(
      storyOf(
        'tôi vừa phát hiện mất hộ chiếu khi chuyển nhà, không biết rơi ở đâu, tháng sau lại phải bay đi Singapore công tác, giờ phải báo mất ở đâu trước',
      ),
    ).toBe('tôi vừa phát hiện mất hộ chiếu khi chuyển nhà tháng sau lại phải bay đi singapore công tác')
    // without a "giờ", every clause that asks stays in the request
    expect(
      storyOf(
        'tôi vừa mất hộ chiếu khi chuyển nhà, tháng sau lại phải bay đi Singapore công tác, báo mất ở đâu',
      ),
    ).toBe('tôi vừa mất hộ chiếu khi chuyển nhà')
  })

  it('reads a clause that names only an object, with no person or time, as part of the request', () => {
    // "sổ đỏ còn ghi số chứng minh thư cũ" is what the request is about ("chứng minh" holds no "mình")
    expect(storyOf('sổ đỏ còn ghi số chứng minh thư cũ, giờ muốn cập nhật số căn cước thì làm sao')).toBe(
      null,
    )
    expect(storyOf('mat cavet xe may cua nha nuoc cap, lam lai online tren dich vu cong duoc khong')).toBe(
      null,
    )
  })

  it('finds no story in a short message or in one that asks nothing', () => {
    expect(storyOf('vợ tôi mới sinh, làm khai sinh ở đâu')).toBe(null)
    expect(storyOf('vợ tôi mới sinh bé ở bệnh viện tỉnh hôm qua, cả nhà đều khỏe mạnh và vui vẻ lắm')).toBe(
      null,
    )
  })

  it('marks the story words of the expanded query, and a word the request says too is the request’s', () => {
    const q = expandQuery(
      'Mẹ tôi mất ở bệnh viện huyện tuần trước sau mấy tháng nằm viện, giờ đi làm khai tử cho mẹ thì cần giấy tờ gì?',
      synonyms,
    )
    const story = q.terms.filter((t) => t.story).map((t) => t.folded)
    expect(story).toEqual(expect.arrayContaining(['benh', 'vien', 'huyen', 'thang']))
    // "tuần trước" tells when, and is no word of the question at all
    expect(q.terms.map((t) => t.folded)).not.toContain('tuan')
    expect(story).not.toContain('me')
    expect(story).not.toContain('khai')
    expect(q.requestPairs).toContain('khai_tu')
  })
})

// On the shipped export: the story's hospital, district and months no longer drown the request.
describeOnPortal('long messages that tell a story before asking, on the portal export', (portal) => {
  it.each([
    [
      'Mẹ tôi mất ở bệnh viện huyện tuần trước sau mấy tháng nằm viện, cả nhà đã lo xong đám tang, giờ đi làm khai tử cho mẹ thì cần giấy tờ gì?',
      '1.000656',
    ],
    [
      'vợ em mới sinh bé ở bệnh viện Từ Dũ được một tuần, nhà em ở quận Gò Vấp cũ, giờ làm giấy khai sinh cho bé thì làm ở đâu ạ',
      '1.001193',
    ],
  ])('"%s" is answered or asked about with %s, not "not found"', async (question, code) => {
    const reply = await portal.kb.answer(question, {})
    expect(reply.kind).not.toBe('not_found')
    expect(offeredCodes(reply)).toContain(code)
  })
})
