import { describe, expect, it } from 'vitest'
import { clarifyLabels } from '../../../knowledge/answer/label-candidates.ts'
import { createProcedureActions } from '../../../knowledge/answer/procedure-actions.ts'
import { rewriteAbbreviations } from '../../../knowledge/search/expand-query.ts'
import { findStoryVariants } from '../../../knowledge/search/find-story-variants.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import { analyzeText } from '../../../knowledge/search/normalize-vietnamese.ts'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

const actions = createProcedureActions()
const asked = (text: string) => [...actions.ofQuestion(analyzeText(text)).actions].sort()
const synonyms = loadSynonyms()
const implied = (text: string) =>
  findStoryVariants({ tokens: rewriteAbbreviations(analyzeText(text), synonyms) }).implied

describe('a paper told damaged', () => {
  it('asks a re-issue or an exchange, also when an everyday "làm lại" follows', () => {
    expect(asked('sổ đỏ bị rách')).toEqual(['exchange', 'reissue'])
    expect(asked('sổ đỏ nhà tôi bị rách nát muốn làm lại cái mới')).toEqual(['exchange', 'reissue'])
    expect(asked('giấy phép bị chuột cắn rách')).toEqual(['exchange', 'reissue'])
    // the official "cấp lại" asked, or a loss, narrows it
    expect(asked('sổ đỏ bị rách, muốn cấp lại')).toEqual(['reissue'])
    expect(asked('định đổi bằng lái nhưng bị mất rồi, giờ muốn làm lại')).toEqual(['reissue'])
  })

  it('counts a faded or soaked paper as damaged', () => {
    expect(asked('căn cước bị mờ chữ')).toEqual(['exchange', 'reissue'])
    expect(asked('giay phep lai xe bi uot het')).toEqual(['exchange', 'reissue'])
    expect(asked('bằng lái bị nhòe')).toEqual(['exchange', 'reissue'])
  })

  const portal = usePortalKnowledgeBase()

  it('is answered with the record that covers it', async () => {
    // "Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất": the land
    // certificate named in full, not only as "sổ đỏ", is exchanged when damaged
    expect(await portal.kb.answer('giấy chứng nhận quyền sử dụng đất bị rách nát')).toMatchObject({
      kind: 'answer',
      procedure: { code: '1.012783' },
    })
    // it was answered as the household business's registration; the re-issue is now offered first
    const business = await portal.kb.answer('giấy phép kinh doanh hộ gia đình bị chuột cắn rách')
    expect(business.kind).not.toBe('answer')
    expect(business.candidates?.[0]?.code).toBe('2.000575')
  })

  it('never gives the first issue for a faded or soaked paper', async () => {
    // both were answered with the first licence and the first registration of a birth
    const licence = await portal.kb.answer('bằng lái xe bị mờ ảnh')
    expect(licence.kind).toBe('clarify')
    expect(licence.candidates?.map((c) => c.code)).toEqual(['3.000348', '3.000347'])
    const birth = await portal.kb.answer('giấy khai sinh bị mờ')
    expect(birth.procedure?.code).not.toBe('1.001193')
    // eaten by termites: the land certificate is offered first
    expect((await portal.kb.answer('sổ hồng bị mối ăn một góc')).candidates?.[0]?.code).toBe('1.012783')
    expect(await portal.kb.answer('sổ đỏ bị ướt hết')).toMatchObject({
      kind: 'answer',
      procedure: { code: '1.012783' },
    })
  })
})

describe('a driving licence from abroad', () => {
  it('is the exchange of a foreign licence, whatever country is named', () => {
    expect(implied('có bằng lái Mỹ muốn đổi')).toEqual(['bằng lái xe của người nước ngoài'])
    expect(implied('tôi có bằng lái của Nhật, về Việt Nam lái xe được không')).toEqual([
      'bằng lái xe của người nước ngoài',
    ])
    // a licence abroad wanted, not held
    expect(implied('muốn đổi bằng lái Việt Nam sang bằng lái Úc')).toEqual([])
  })

  const portal = usePortalKnowledgeBase()

  it('is answered with "Đổi giấy phép lái xe hoặc bằng lái xe của người nước ngoài"', async () => {
    for (const q of ['có bằng lái Mỹ muốn lái xe ở Việt Nam', 'có bằng lái Mỹ muốn đổi'])
      expect(await portal.kb.answer(q), q).toMatchObject({ kind: 'answer', procedure: { code: '3.000351' } })
    // the Vietnamese licence's exchange is still its own answer
    expect(await portal.kb.answer('đổi bằng lái xe')).toMatchObject({
      kind: 'answer',
      procedure: { code: '3.000347' },
    })
  })

  it('is labelled without the joining "hoặc" when offered beside the plain exchange', () => {
    const { labels } = clarifyLabels([
      'Đổi giấy phép lái xe hoặc bằng lái xe của người nước ngoài',
      'Đổi giấy phép lái xe',
    ])
    expect(labels[0]).toBe('Bằng lái xe của người nước ngoài')
  })
})

describe('a trade named by its abbreviation, a closure told as "đóng", a move as "dời"', () => {
  const synonymsOfTrade = loadSynonyms()
  const rewritten = (text: string) =>
    rewriteAbbreviations(analyzeText(text), synonymsOfTrade)
      .map((t) => t.text)
      .join(' ')

  it('reads the abbreviations of a trade as its words', () => {
    expect(rewritten('vpcc đổi trưởng văn phòng')).toBe('văn phòng công chứng đổi trưởng văn phòng')
    expect(rewritten('gia hạn cchn thú y')).toBe('gia hạn chứng chỉ hành nghề thú y')
    expect(rewritten('cửa hàng thuốc bvtv')).toBe('cửa hàng thuốc bảo vệ thực vật')
    expect(rewritten('mở văn phòng tpl')).toBe('mở văn phòng thừa phát lại')
  })

  it('reads closing an office, a branch or a tax code as ending it', () => {
    expect(asked('đóng văn phòng điều hành BCC')).toEqual(['terminate'])
    expect(asked('muốn đóng chi nhánh công ty')).toEqual(['terminate'])
    // moving the seat or the shop is changing the registration
    expect(asked('dời trụ sở sang phường khác')).toEqual(['change'])
    expect(asked('chuyển địa điểm kinh doanh sang xã bên')).toEqual(['change'])
    // paying is no closing
    expect(asked('đóng bảo hiểm cho công ty')).not.toContain('terminate')
  })
})
