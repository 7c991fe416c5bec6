import { describe, expect, it } from 'vitest'
import { expandQuery, rewriteAbbreviations } from '../../../knowledge/search/expand-query.ts'
import { findShortNegation } from '../../../knowledge/search/find-negated-facts.ts'
import { findStory } from '../../../knowledge/search/find-request-clause.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import { analyzeMessage } from '../../../knowledge/search/normalize-vietnamese.ts'
import { analyse, markedWords } from '../../helpers/analyse-message.ts'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'

const synonyms = loadSynonyms()
/** The words a message's story says were not done, joined. */
const negatedOf = (text: string): string | null => {
  const tokens = analyse(text)
  return markedWords(tokens, findStory({ text, tokens, analyse })?.negated)
}

describe('findNegatedFacts', () => {
  it('marks what the story says was not done, from the negation to the clause’s end', () => {
    expect(
      negatedOf(
        'mình người Việt, chồng người Đài Loan nhưng chưa đăng ký kết hôn, giờ muốn làm khai sinh cho bé',
      ),
    ).toBe('chưa đăng ký kết hôn')
    // "ko" is read as "không"; "hoi do" typed without marks is "hồi đó", a time, not "hỏi"
    expect(
      negatedOf('me toi mat tu nam 2005 o que, hoi do gia dinh ko lam giay chung tu, gio lam so do thi sao'),
    ).toBe('không lam giay chung tu')
  })

  it('reads a clause that says what was not done as story, even with no person or time in it', () => {
    const q = expandQuery(
      'công an xã không giải quyết đăng ký tạm trú cho tôi mà không nói lý do, tôi muốn khiếu nại',
      synonyms,
    )
    const tam = q.terms.find((t) => t.folded === 'tam')
    expect(tam?.story).toBe(true)
    expect(tam?.negated).toBe(true)
    expect(q.terms.find((t) => t.folded === 'khieu')?.negated).toBeUndefined()
  })

  it('leaves doubt, what the citizen lacks, mending and the request itself unmarked', () => {
    // "không biết": the speaker's doubt
    expect(
      negatedOf('vợ tôi mới sinh bé ở bệnh viện tỉnh, không biết giấy tờ thế nào, giờ làm khai sinh ở đâu'),
    ).toBe(null)
    // "chưa có thẻ căn cước": what is lacked is what is asked for
    expect(
      negatedOf('Cháu tôi vừa tròn 14 tuổi, chưa có thẻ căn cước, giờ đi làm lần đầu thì thủ tục ra sao?'),
    ).toBe(null)
    // "chua chay" typed without marks is "chữa cháy"
    expect(
      negatedOf('em di chua chay giup hang xom bi bong nang, nam vien ca thang, co duoc ho tro gi khong'),
    ).toBe(null)
    // in the request, "không" goes with the question
    expect(
      negatedOf('nhà tôi ở quê có mảnh đất nhỏ, giờ không muốn giữ nữa thì tặng cho con có mất thuế không'),
    ).toBe(null)
  })
})

describe('findShortNegation', () => {
  const shortNegatedOf = (text: string): string | null => {
    const tokens = analyse(text)
    return markedWords(tokens, findShortNegation(tokens))
  }

  it('marks what a short message says was not done, up to the word that opens its request', () => {
    expect(shortNegatedOf('bố mẹ chưa đăng ký kết hôn làm giấy khai sinh cho con')).toBe(
      'chưa đăng ký kết hôn',
    )
    expect(shortNegatedOf('làm khai sinh cho con khi chưa đăng ký kết hôn')).toBe('chưa đăng ký kết hôn')
  })

  it('leaves what is lacked, never had, and a "không" that may be what is asked unmarked', () => {
    expect(shortNegatedOf('tháng sau đi Nhật mà tôi chưa từng có passport')).toBe(null)
    expect(shortNegatedOf('chưa có sổ đỏ có xin giấy phép xây dựng được không')).toBe(null)
    expect(shortNegatedOf('xin giấy chứng nhận không tiền án tiền sự')).toBe(null)
    // too little asked beside it
    expect(shortNegatedOf('chưa đăng ký kết hôn')).toBe(null)
  })

  it('marks the clause a message opens with "không phải", up to its break', () => {
    // read as the search reads a message: with its clause breaks
    const shortNegatedOf = (text: string): string | null => {
      const tokens = rewriteAbbreviations(analyzeMessage(text), synonyms)
      return markedWords(tokens, findShortNegation(tokens))
    }
    expect(shortNegatedOf('không phải đăng ký thường trú, tôi chỉ ở tạm vài tháng')).toBe(
      'không phải đăng ký thường trú',
    )
    // after its subject only
    expect(shortNegatedOf('con tôi không phải làm lại, cháu chưa có căn cước bao giờ')).toBe(
      'không phải làm lại',
    )
    expect(shortNegatedOf('hồ sơ đăng ký kinh doanh của tôi không phải nộp lại, chỉ bổ sung')).toBe(null)
    // ("khong" is read as "không" before)
    expect(shortNegatedOf('khong phai sang ten, chi muon doi bien so xe')).toBe('không phai sang ten')
    // without a break it is a question ("không phải nộp phí à"), and only an opening "không phải" counts
    expect(shortNegatedOf('không phải nộp lệ phí đăng ký kết hôn à')).toBe(null)
    expect(shortNegatedOf('đăng ký kết hôn không phải nộp phí, đúng không')).toBe(null)
  })
})

describeOnPortal('negated story facts on the portal export', (portal) => {
  it('a short message: parents not married registering a birth is the birth with the recognition, not a marriage', async () => {
    const answer = await portal.kb.answer('bố mẹ chưa đăng ký kết hôn làm giấy khai sinh cho con')
    expect(answer.procedure?.code ?? answer.candidates?.[0]?.code).toBe('1.000689')
  })

  it('parents without a marriage registration ("không có đăng ký kết hôn") are never answered with the marriage', async () => {
    const answer = await portal.kb.answer('bố mẹ không có đăng ký kết hôn thì khai sinh cho con thế nào')
    expect(answer.kind).toBe('answer')
    expect(answer.procedure?.code).toBe('1.000689')
    const asked = await portal.kb.answer(
      'vợ chồng không có giấy đăng ký kết hôn làm khai sinh cho con được không',
    )
    expect(asked.kind).not.toBe('answer')
    expect((asked.candidates ?? []).map((c) => c.code)).toContain('1.000689')
  })

  it('a message opening with what it does not want offers what it does', async () => {
    const answer = await portal.kb.answer('không phải đăng ký thường trú, tôi chỉ ở tạm vài tháng')
    const offered = answer.procedure ? [answer.procedure] : (answer.candidates ?? [])
    expect(offered.map((c) => c.code)).toContain('1.004194')
  })

  it('a complaint about a registration refused is the complaint, not the registration', () => {
    const found = portal.kb
      .search('công an xã không giải quyết đăng ký tạm trú cho tôi mà không nói lý do, tôi muốn khiếu nại', {
        limit: 3,
      })
      .map((r) => r.code)
    expect(['1.004335', '1.003504', '1.000178']).toContain(found[0])
  })
})
