import { describe, expect, it } from 'vitest'
import { countListed } from '../../../knowledge/search/analyse-procedure-name.ts'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

const portal = usePortalKnowledgeBase()
const top = (question: string, limit = 1) => portal.kb.search(question, { limit }).map((r) => r.code)
const first = (question: string) => top(question)[0]

/** Giải thể doanh nghiệp, giải thể trong trường hợp bị thu hồi Giấy chứng nhận đăng ký doanh nghiệp … */
const DISSOLVE_COMPANY = '2.002023'
/** Đề nghị dừng thực hiện thủ tục đăng ký doanh nghiệp; thông báo hủy bỏ nghị quyết, quyết định giải thể … */
const STOP_DISSOLUTION = '1.010010'
/** Thủ tục yêu cầu trợ giúp pháp lý / Thủ tục rút yêu cầu trợ giúp pháp lý … */
const ASK_LEGAL_AID = '2.000829'
const WITHDRAW_LEGAL_AID = '2.001680'
/** Thi cấp chứng chỉ đại lý bảo hiểm / Phúc khảo bài thi chứng chỉ đại lý bảo hiểm */
const AGENT_EXAM = '1.010387'
const AGENT_EXAM_REVIEW = '1.010389'

describe('an action after "bị" is a condition of the procedure, not its action', () => {
  it('ranks the dissolution of a company above stopping a dissolution already filed', () => {
    expect(first('thủ tục giải thể doanh nghiệp')).toBe(DISSOLVE_COMPANY)
    expect(first('muon giai the cong ty tnhh')).toBe(DISSOLVE_COMPANY)
  })

  it('still finds the procedure that stops a dissolution when that is asked', () => {
    expect(first('hủy bỏ quyết định giải thể doanh nghiệp')).toBe(STOP_DISSOLUTION)
  })

  it('reads "bị thu hồi" in a question as the condition too: the re-issue after a withdrawal stays first', () => {
    // Cấp lại Chứng chỉ hành nghề luật sư trong trường hợp bị thu hồi …, well ahead of the withdrawal itself.
    const [best, next] = portal.kb.search('cấp lại chứng chỉ hành nghề luật sư bị thu hồi', { limit: 2 })
    expect(best?.code).toBe('1.008624')
    expect((best?.score ?? 0) - (next?.score ?? 0)).toBeGreaterThan(0.15)
  })
})

describe('withdrawing and re-marking are secondary actions ("rút", "phúc khảo")', () => {
  it('ranks the request for legal aid above its withdrawal', () => {
    expect(first('người nghèo xin trợ giúp pháp lý miễn phí')).toBe(ASK_LEGAL_AID)
    expect(first('làm đơn xin trợ giúp pháp lý')).toBe(ASK_LEGAL_AID)
    expect(first('rút đơn yêu cầu trợ giúp pháp lý')).toBe(WITHDRAW_LEGAL_AID)
  })

  it('ranks the insurance agent exam above the review of its paper', () => {
    expect(first('đăng ký thi chứng chỉ đại lý bảo hiểm')).toBe(AGENT_EXAM)
    expect(first('phúc khảo bài thi chứng chỉ đại lý bảo hiểm')).toBe(AGENT_EXAM_REVIEW)
  })
})

describe('the registration fee of a vehicle', () => {
  it('is the fee on "other assets", not on houses and land or on ships', () => {
    // Khai lệ phí trước bạ/ Miễn lệ phí trước bạ đối với tài sản khác … (vehicles are among them).
    expect(first('trước bạ xe điện vinfast')).toBe('1.007700')
    expect(first('lệ phí trước bạ ô tô bao nhiêu')).toBe('1.007700')
    expect(first('phi truoc ba xe may moi')).toBe('1.007700')
  })

  it('leaves houses and land on their own fee', () => {
    expect(first('lệ phí trước bạ nhà đất')).toBe('1.007277')
  })
})

describe('"attp" is food safety', () => {
  it('finds the food-safety certificate of a production facility, not the animal-feed one', () => {
    // Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở sản xuất, kinh doanh thực phẩm nông, lâm, thủy sản
    expect(first('giấy chứng nhận attp cho xưởng sản xuất nước mắm')).toBe('2.001827')
    expect(first('cap giay vsattp cho co so san xuat mam tom')).toBe('2.001827')
  })
})

describe('a secondary action listed after a comma, a slash or "hoặc" is one more thing the procedure covers', () => {
  it('counts "hủy" in "việc ly hôn, hủy việc kết hôn" as listed, not as the procedure\'s action', () => {
    expect(countListed('ghi vào sổ hộ tịch việc ly hôn, hủy việc kết hôn', 'hủy')).toBe(1)
    expect(countListed('cấp lại/điều chỉnh/gia hạn giấy phép', 'gia hạn')).toBe(1)
    expect(countListed('phê duyệt hoặc điều chỉnh phương án', 'điều chỉnh')).toBe(1)
    // A ";" starts another clause, and a word that only begins with the modifier is not it.
    expect(countListed('đăng ký tổ hợp tác; dừng thực hiện thủ tục', 'dừng')).toBe(0)
    expect(countListed('cấp, đổimới giấy phép', 'đổi')).toBe(0)
  })

  it('ranks the divorce recorded abroad above the marriage recorded abroad when a divorce is asked', () => {
    // Thủ tục ghi vào Sổ hộ tịch việc ly hôn, hủy việc kết hôn … đã được giải quyết tại cơ quan … nước ngoài
    expect(first('ly hôn ở Mỹ rồi, về nước muốn ghi vào sổ hộ tịch việc ly hôn')).toBe('2.000554')
    // … and the marriage record stays first for a marriage.
    expect(first('kết hôn ở Mỹ rồi, về nước muốn ghi vào sổ hộ tịch việc kết hôn')).toBe('2.002189')
  })

  it('ranks the integration of a licence into the identity card first ("Tích hợp, cập nhật, điều chỉnh …")', () => {
    expect(first('tích hợp giấy phép lái xe vào thẻ căn cước')).toBe('1.014060')
  })
})
