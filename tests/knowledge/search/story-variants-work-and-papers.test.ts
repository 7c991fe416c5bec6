import { describe, expect, it } from 'vitest'
import { rewriteAbbreviations } from '../../../knowledge/search/expand-query.ts'
import { findStoryVariants } from '../../../knowledge/search/find-story-variants.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import { analyzeText } from '../../../knowledge/search/normalize-vietnamese.ts'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'
import { itRanksFirst } from '../../helpers/portal-question-tables.ts'

const synonyms = loadSynonyms()
const variantsOf = (text: string): string[] =>
  findStoryVariants({ tokens: rewriteAbbreviations(analyzeText(text), synonyms) }).implied

describe('story facts of work and identity papers', () => {
  it.each([
    [
      'năm ngoái em làm cho 2 công ty nên phải tự quyết toán thuế thu nhập cá nhân',
      'quyết toán thuế trực tiếp với cơ quan thuế',
    ],
    ['nam ngoai lam hai cong ty, gio quyet toan thue tncn', 'quyết toán thuế trực tiếp với cơ quan thuế'],
    [
      'tôi mới đổi từ chứng minh nhân dân sang căn cước, giờ cập nhật thông tin đăng ký thuế thế nào',
      'không làm thay đổi cơ quan thuế quản lý trực tiếp',
    ],
    ['sổ đỏ còn ghi số chứng minh cũ, muốn cập nhật số căn cước', 'thay đổi thông tin về người sử dụng đất'],
    [
      'đất nông nghiệp nhưng nhà tôi đã xây nhà ở từ lâu, giờ xin cấp giấy chứng nhận',
      'sử dụng đất không đúng mục đích',
    ],
    [
      'dat ruong nhung nha toi lo xay nha kho tren do, gio lam so do the nao',
      'sử dụng đất không đúng mục đích',
    ],
    ['mất thẻ bhyt rồi, giờ muốn làm lại thẻ', 'cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH, thẻ BHYT'],
    [
      'ruong lua nha toi bi lu cuon mat trang, xin mien thue su dung dat nong nghiep',
      'bất khả kháng, thiên tai, hỏa hoạn, tai nạn bất ngờ',
    ],
  ])('reads in "%s" the variant "%s"', (question, variant) => {
    expect(variantsOf(question)).toEqual([variant])
  })

  it.each([
    'hộ kinh doanh của tôi bán ở 2 nơi, quyết toán thuế thế nào',
    'tự quyết toán thuế TNCN online',
    'sổ đỏ ghi sai số chứng minh nhân dân, muốn sửa lại',
    // a storm told beside a tax that is not on land is another record's
    'quán tạp hóa bị bão số 3 làm sập mái có được giảm thuế không',
    // a lost health card told without asking for a new one decides nothing
    'tôi đánh rơi thẻ bảo hiểm y tế, đi khám bệnh có được thanh toán không',
    'xin giấy xác nhận số cmnd 9 số cũ với số định danh để làm sổ đỏ',
    // building on farmland with a permit asked for is the permit, not the land certificate
    'đất nông nghiệp nhưng muốn xây nhà, xin giấy phép xây dựng và sổ đỏ thế nào',
  ])(
    'reads nothing in "%s" (a household business, a short settlement question, a wrong name on the certificate …)',
    (question) => {
      expect(variantsOf(question)).toEqual([])
    },
  )
})

describeOnPortal('story facts of work and identity papers on the portal export', (portal) => {
  itRanksFirst(portal, '"%s" finds the variant its facts decide (%s) first', [
    [
      'năm ngoái em nhảy việc 2 công ty nên phải tự quyết toán thuế TNCN, làm online trên eTax được không',
      '2.002233',
    ],
    [
      'Tôi mới đổi từ chứng minh nhân dân sang căn cước, mã số thuế cá nhân vẫn theo số CMND cũ, giờ cập nhật thông tin đăng ký thuế thế nào?',
      '1.008503',
    ],
    [
      'Tôi đánh rơi thẻ bảo hiểm y tế lúc đi khám bệnh, tháng sau phải tái khám ở bệnh viện tỉnh, giờ xin cấp lại thẻ thế nào?',
      '1.002759',
    ],
    [
      'ruộng lúa nhà tôi bị lũ cuốn mất trắng vụ này, có được miễn thuế sử dụng đất nông nghiệp không',
      '1.008584',
    ],
    [
      'Mảnh đất trồng cây lâu năm của nhà tôi đã có sổ từ năm 2005, năm 2012 tôi lỡ xây nhà kho trên đó, nay bị xã phạt và buộc đăng ký đất đai, giờ làm giấy chứng nhận thế nào?',
      '1.013993',
    ],
  ])
})
