import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { expandQuery } from '../../../knowledge/search/expand-query.ts'
import { findLifeEvents, ZLifeEventsFile } from '../../../knowledge/search/find-life-events.ts'
import { findRequestClause } from '../../../knowledge/search/find-request-clause.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import { analyse } from '../../helpers/analyse-message.ts'
import { exportNames, folded } from '../../helpers/export-names.ts'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'

const synonyms = loadSynonyms()
const eventsOf = (text: string): string[] => {
  const tokens = analyse(text)
  const story = findRequestClause({ text, tokens, analyse })
  return story ? findLifeEvents({ tokens, story }) : []
}

describe('life events', () => {
  it('justifies every entry by records of the export whose names hold its words', () => {
    const file = ZLifeEventsFile.parse(
      JSON.parse(readFileSync(new URL('../../../knowledge/data/life-events.json', import.meta.url), 'utf8')),
    )
    for (const event of file.events)
      for (const record of event.records) {
        const name = exportNames.get(record.split(' ')[0] as string)
        expect(name, record).toBeDefined()
        expect(` ${folded(name as string).join(' ')} `).toContain(` ${folded(event.leadsTo).join(' ')} `)
      }
  })

  it('reads an event told in the story, not one said in the request', () => {
    expect(
      eventsOf('vợ tôi vừa sinh em bé ở bệnh viện tỉnh, giờ tôi phải đi làm giấy tờ gì cho cháu, làm ở đâu'),
    ).toEqual(['đăng ký khai sinh'])
    expect(
      eventsOf(
        'bà nội tôi vừa qua đời ở quê hôm kia, cả nhà lo xong việc rồi, giờ phải đi làm giấy tờ gì cho bà',
      ),
    ).toEqual(['đăng ký khai tử'])
    // "sắp sinh em bé nên muốn nghỉ bán": the birth is why, the request is the business's pause
    expect(
      eventsOf(
        'Tôi bán quần áo có đăng ký hộ kinh doanh, sắp sinh em bé nên muốn nghỉ bán khoảng 6 tháng, có phải báo cho xã không',
      ),
    ).toEqual([])
    // typed with other marks, "sinh con" is not there
    expect(
      eventsOf(
        'nhà tôi có sính lễ con gà, hôm qua mua ở chợ huyện, giờ muốn đăng ký hộ kinh doanh thì làm sao',
      ),
    ).toEqual([])
  })

  it('reads a birth or a death in a message with no story apart, and no other event there', () => {
    const eventsIn = (text: string) => expandQuery(text, synonyms).events ?? []
    // one run of words, no punctuation: voice-typed
    expect(eventsIn('bố tôi vừa qua đời thì gia đình phải báo với xã thế nào')).toEqual(['đăng ký khai tử'])
    expect(eventsIn('nha em moi co them chau be gio lam giay to gi cho chau')).toEqual(['đăng ký khai sinh'])
    // a relative's "mất" is a death; a paper after it is a loss
    expect(eventsIn('ong noi em mat tuan truoc nha can lam giay gi')).toEqual(['đăng ký khai tử'])
    expect(eventsIn('ông nội em mất căn cước phải làm giấy gì')).toEqual([])
    // a wedding or a purchase is only the story's: here it is the setting of another request
    expect(eventsIn('xin phép bay flycam quay phim đám cưới ở quê')).toEqual([])
    // an everyday name of an object read: the message says what it asks for
    expect(eventsIn('bố tôi qua đời nhận tiền tuất bảo hiểm xã hội thế nào')).toEqual([])
  })

  it('reads moving house, renting, buying a used vehicle and a wedding told alone, never as a story’s setting', () => {
    const eventsIn = (text: string) => expandQuery(text, synonyms).events ?? []
    expect(eventsIn('cả nhà mới chuyển về nhà mới ở phường khác thì phải làm thủ tục gì')).toEqual([
      'đăng ký thường trú',
    ])
    expect(eventsIn('em mới lên thành phố ở trọ thì phải làm giấy tờ gì')).toEqual(['đăng ký tạm trú'])
    expect(eventsIn('vừa mua lại chiếc xe của anh họ phải làm giấy tờ gì')).toEqual(['thay đổi chủ xe'])
    expect(eventsIn('hai đứa mới cưới xong chưa làm giấy tờ gì thì giờ làm gì')).toEqual(['đăng ký kết hôn'])
    // a story before a request of its own: the setting, not the request
    expect(
      eventsIn(
        'Vợ chồng tôi là công nhân khu công nghiệp, thu nhập thấp, ở trọ 8 năm nay, muốn đăng ký mua nhà ở xã hội',
      ),
    ).toEqual([])
    expect(
      eventsIn('tôi vừa phát hiện mất hộ chiếu khi chuyển nhà, không biết rơi ở đâu, giờ báo mất ở đâu'),
    ).toEqual([])
  })

  it('adds the procedure words to the expanded query at the request’s weight', () => {
    const q = expandQuery(
      'vo toi vua sinh em be o benh vien tinh, gio toi phai di lam giay to gi cho chau, lam o dau',
      synonyms,
    )
    const khai = q.terms.find((t) => t.folded === 'khai')
    expect(khai?.story).toBeUndefined()
    expect(khai?.weight).toBe(1)
    expect(khai?.fromSynonym).toBe(true)
  })
})

describeOnPortal('a life event told before a bare request, on the portal export', (portal) => {
  it('finds the procedure the event leads to first', () => {
    const first = (q: string) => portal.kb.search(q, { limit: 3 })[0]?.code
    expect(
      first('vợ tôi vừa sinh em bé ở bệnh viện tỉnh, giờ tôi phải đi làm giấy tờ gì cho cháu, làm ở đâu'),
    ).toBe('1.001193')
    expect(
      first(
        'bà nội tôi vừa qua đời ở quê hôm kia, cả nhà lo xong việc rồi, giờ phải đi làm giấy tờ gì cho bà',
      ),
    ).toBe('1.000656')
  })

  it('answers a death told in one run of words with a question of paperwork, and nothing for grief alone', async () => {
    for (const q of [
      'bố tôi vừa qua đời thì gia đình phải báo với xã thế nào',
      'ông nội em mất tuần trước nhà cần làm giấy gì',
      'bố em mất rồi phải báo xã không',
    ]) {
      const a = await portal.kb.answer(q, {})
      expect(a.kind, q).toBe('answer')
      expect(a.procedure?.code, q).toBe('1.000656')
    }
    for (const q of ['bo em mat roi buon qua', 'vợ em mới sinh nên ăn gì'])
      expect((await portal.kb.answer(q, {})).kind, q).toBe('not_found')
  })

  it('answers what a move, a purchase or a wedding told alone leads to', async () => {
    const first = async (q: string) => {
      const a = await portal.kb.answer(q, {})
      return a.kind === 'not_found' ? null : (a.procedure?.code ?? a.candidates?.[0]?.code)
    }
    expect(await first('vừa mua lại chiếc xe của anh họ phải làm giấy tờ gì')).toBe('1.013076')
    expect(await first('mới mua mảnh đất của hàng xóm thì phải làm giấy tờ gì')).toBe('1.013831')
    expect(await first('hai đứa mới cưới xong chưa làm giấy tờ gì thì giờ làm gì')).toBe('1.000894')
  })

  it('reads a request of nothing but paperwork as asking for what the story says was not done', async () => {
    const a = await portal.kb.answer(
      'kính thưa cán bộ, mẹ tôi mất đã ba tháng mà gia đình chưa khai tử, nay muốn làm thì cần giấy tờ gì ạ',
      {},
    )
    expect(a.procedure?.code ?? a.candidates?.[0]?.code).toBe('1.000656')
    const b = await portal.kb.answer('hai đứa chưa đăng ký kết hôn, giờ muốn làm thì cần gì', {})
    expect(b.procedure?.code).toBe('1.000894')
  })
})
