import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { expandQuery, rewriteAbbreviations } from '../../../knowledge/search/expand-query.ts'
import { findStoryVariants, ZStoryVariantsFile } from '../../../knowledge/search/find-story-variants.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import { analyzeText } from '../../../knowledge/search/normalize-vietnamese.ts'
import { exportNames, folded } from '../../helpers/export-names.ts'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'

const synonyms = loadSynonyms()
const told = (text: string) =>
  findStoryVariants({ tokens: rewriteAbbreviations(analyzeText(text), synonyms) })
const variantsOf = (text: string): string[] => told(text).implied

describe('story variants', () => {
  it('justifies every entry by records of the export whose names hold its words', () => {
    const file = ZStoryVariantsFile.parse(
      JSON.parse(
        readFileSync(new URL('../../../knowledge/data/story-variants.json', import.meta.url), 'utf8'),
      ),
    )
    for (const variant of file.variants)
      for (const record of variant.records) {
        const name = exportNames.get(record.split(' ')[0] as string)
        expect(name, record).toBeDefined()
        const held = [variant.implies, variant.rulesOut].filter((w): w is string => w !== undefined)
        const nameWords = ` ${folded(name as string).join(' ')} `
        expect(
          held.some((w) => nameWords.includes(` ${folded(w).join(' ')} `)),
          record,
        ).toBe(true)
      }
  })

  it.each([
    [
      'bé nhà tôi sinh ở Hàn Quốc, giờ cả nhà về quê Nghệ An sống, đăng ký khai sinh cho bé ở đâu',
      'có yếu tố nước ngoài',
    ],
    ['giấy khai sinh của tôi mất, ở phường cũng không còn sổ, làm khai sinh thế nào', 'lại'],
    ['giấy đăng ký kết hôn bị cháy, xã không còn lưu thì làm sao', 'lại'],
    ['anh toi bi tai nan khi dang lam viec o xuong, muon lam che do tai nan lao dong', 'lần đầu'],
    ['mẹ tôi đang hưởng lương hưu thì mất, tháng đó chưa kịp lĩnh, con cháu nhận thay thế nào', 'truy lĩnh'],
    ['tôi có xưởng mộc nhỏ, giờ muốn lập công ty do một mình tôi làm chủ thì thủ tục sao', 'một thành viên'],
  ])('reads in "%s" the fact that decides the variant "%s"', (question, variant) => {
    expect(variantsOf(question)).toEqual([variant])
  })

  it('reads a fact that rules a variant out', () => {
    expect(told('con mình đã có giấy khai sinh rồi, giờ bố cháu muốn nhận con thì làm sao').ruledOut).toEqual(
      ['khai sinh kết hợp'],
    )
    // the register lost: no copy can be made from it
    expect(told('giấy khai sinh bản gốc bị cháy, sổ hộ tịch ở xã cũng mất, làm lại khai sinh')).toEqual({
      implied: ['lại'],
      ruledOut: ['bản sao'],
    })
  })

  it('reads nothing without the procedure, with words of the other variant, or with other marks', () => {
    // no birth certificate yet: the birth is registered with the recognition
    expect(told('bé mới sinh chưa có giấy khai sinh, chưa có tên bố, giờ bố muốn nhận con').ruledOut).toEqual(
      [],
    )
    // a child born abroad, but no birth registration asked about
    expect(variantsOf('con em sinh bên Nhật, giờ về Việt Nam thì làm căn cước cho cháu ở đâu')).toEqual([])
    // "tái phát": the recurrence, not the first accident
    expect(
      variantsOf('bị tai nạn lao động năm ngoái, nay vết thương tái phát thì hưởng chế độ thế nào'),
    ).toEqual([])
    // "sinh bến" is not "sinh bên"
    expect(variantsOf('con em sinh bến Nhật, đăng ký khai sinh ở đâu')).toEqual([])
  })

  it('adds the variant’s words to the expanded query and says which it is', () => {
    const q = expandQuery('giấy khai sinh gốc bị cháy, ở xã cũng không còn sổ lưu', synonyms)
    expect(q.variants).toEqual(['lại'])
    expect(q.terms.map((t) => t.folded)).toContain('lai')
  })
})

describeOnPortal('story variants on the portal export', (portal) => {
  it.each([
    [
      'bé nhà tôi sinh ở Hàn Quốc, bên đó chưa làm giấy tờ gì, giờ cả nhà về quê Nghệ An sống thì đăng ký khai sinh cho bé ở đâu',
      '2.000528',
    ],
    ['giấy khai sinh gốc của tôi bị cháy, ở xã cũng không còn sổ lưu, làm khai sinh thế nào', '1.004884'],
    ['vợ chồng tôi đăng ký kết hôn năm 2003, vợ tôi người Hàn, nay sổ gốc mất, muốn đăng ký lại', '2.000513'],
    [
      'anh toi lam phu ho bi nga gay tay luc dang lam viec o cong trinh, gio muon huong che do tai nan lao dong thi lam sao',
      '1.001632',
    ],
    ['con sinh ra khi chưa cưới nên giấy khai sinh để trống tên bố, giờ bố cháu muốn nhận con', '1.001022'],
    ['bé nhà em 2 tuổi chưa có tên bố trong giấy khai sinh, giờ bố bé muốn nhận con thì làm sao', '1.001022'],
    [
      'gia đình tôi được giao một khu vực biển để nuôi tôm hùm, nay nghỉ làm, muốn trả lại khu vực biển thì làm sao',
      '3.000441',
    ],
    [
      'mẹ tôi nằm viện tư mà viện không nhận thẻ BHYT, phải tự trả hết tiền viện phí, giờ muốn bảo hiểm trả lại một phần thì làm sao',
      '1.001656',
    ],
    [
      'tôi đang bán tạp hóa có đăng ký hộ kinh doanh, giờ muốn lên công ty do một mình tôi làm chủ để xuất hóa đơn, thủ tục sao',
      '2.001583',
    ],
  ])('"%s" finds the variant its facts decide (%s) first', (question, code) => {
    expect(portal.kb.search(question, { limit: 3 })[0]?.code).toBe(code)
  })
})
