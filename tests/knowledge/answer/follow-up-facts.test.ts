import { describe, expect, it } from 'vitest'
import { offeredCodes } from '../../helpers/offered-codes.ts'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

/** "Đăng ký thành lập hộ kinh doanh", its pause and "Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh". */
const HOUSEHOLD_BUSINESS = '1.001612'
const HOUSEHOLD_PAUSE = '1.001570'
const CIVIL_EXTRACT_COPY = '2.000635'
const CERTIFIED_COPY = '2.000815'
/** "Thủ tục đăng ký kết hôn", the ordinary passport, the marital status certificate, a divorce recorded. */
const MARRIAGE = '1.000894'
const PASSPORT = '1.001456'
const MARITAL_STATUS = '1.004873'
const DIVORCE_RECORDED = '2.000554'
/** "Đăng ký thường trú", "Thủ tục đăng ký khai sinh". */
const PERMANENT_RESIDENCE = '1.004222'
const BIRTH = '1.001193'

describe('follow-ups that tell a fact of the asker’s case', () => {
  const portal = usePortalKnowledgeBase()
  const askAfter = (code: string, question: string) => portal.kb.answer(question, { procedureCode: code })

  it('reads whether the procedure is needed in a case as a question about it, not a remark beside it', async () => {
    for (const question of ['bán tạp hóa có cần không', 'có bắt buộc không'])
      expect(await askAfter(HOUSEHOLD_BUSINESS, question), question).toMatchObject({
        kind: 'answer',
        procedure: { code: HOUSEHOLD_BUSINESS },
      })
  })

  it('reads a death told as "đã chết" as "đã mất" is read, a fact of the case, not a new topic', async () => {
    expect(await askAfter('1.013076', 'xe đứng tên người đã chết thì sao')).toMatchObject({
      kind: 'answer',
      procedure: { code: '1.013076' },
    })
  })

  it('reads asking for speed, with the deadline told beside it, as how long the procedure takes', async () => {
    for (const question of [
      'có nhanh được không',
      'mai em bay rồi, có nhanh được không',
      'làm nhanh nhất mất mấy ngày',
    ])
      expect(await askAfter('3.000333', question), question).toMatchObject({
        kind: 'answer',
        procedure: { code: '3.000333' },
        facet: 'duration',
      })
  })

  it('reads a pause of a few months as the household business’s pause', async () => {
    expect(await askAfter(HOUSEHOLD_BUSINESS, 'giờ muốn tạm nghỉ 2 tháng')).toMatchObject({
      kind: 'answer',
      procedure: { code: HOUSEHOLD_PAUSE },
    })
  })

  it('reads a number of copies or pages as how many of the procedure’s papers, not another name’s "01"', async () => {
    for (const question of [
      'bao nhiêu tiền 1 bản',
      '1 bản bao nhiêu',
      '2 bản sao giấy khai sinh bao nhiêu tiền',
    ])
      expect(await askAfter(CIVIL_EXTRACT_COPY, question), question).toMatchObject({
        kind: 'answer',
        procedure: { code: CIVIL_EXTRACT_COPY },
      })
    expect(await askAfter(CERTIFIED_COPY, '10 trang hết bao nhiêu')).toMatchObject({
      kind: 'answer',
      procedure: { code: CERTIFIED_COPY },
    })
  })

  it('takes a spouse of a neighbouring country’s nationality as a foreigner', async () => {
    for (const question of ['đăng ký kết hôn với người Lào', 'đăng ký kết hôn với người Đức'])
      expect(await portal.kb.answer(question), question).toMatchObject({
        kind: 'answer',
        procedure: { code: '2.000806' },
      })
  })

  it('reads a seller in another place as a fact of the vehicle’s change of owner, not a remark beside it', async () => {
    // "Cấp chứng nhận đăng ký xe … thay đổi chủ xe (đăng ký sang tên xe) … một phần hoặc trực tiếp"
    expect(await askAfter('1.013076', 'mua của người quen ở tỉnh khác')).toMatchObject({
      kind: 'answer',
      procedure: { code: '1.013076' },
    })
  })

  it('asks an action none of the options does of their object, whatever word only stresses it', async () => {
    const options = ['1.001612', '1.011022', '1.009824', '1.014979']
    const reply = await portal.kb.answer('đóng cửa luôn', { candidateCodes: options })
    // the household business's end ("Chấm dứt hoạt động hộ kinh doanh") first, not the closing of mines
    expect(reply.kind).not.toBe('not_found')
    expect(offeredCodes(reply)[0]).toBe('1.001266')
  })

  it('reads "còn … thì sao" after thanks as another thing asked, as without them', async () => {
    // after the marriage registration, divorce is not that procedure again
    for (const question of ['còn ly hôn thì sao', 'cảm ơn, còn ly hôn thì sao'])
      expect(await askAfter('1.000894', question), question).not.toMatchObject({
        kind: 'answer',
        procedure: { code: '1.000894' },
      })
  })

  it('reads the form asked for, the photos asked for and the paper’s purpose as about the conversation’s procedure', async () => {
    // "mẫu tờ khai lấy ở đâu" alone reads as "lấy mẫu" (taking samples for research)
    const form = await askAfter(MARRIAGE, 'mẫu tờ khai lấy ở đâu')
    expect(form).toMatchObject({ kind: 'answer', procedure: { code: MARRIAGE }, facet: 'documents' })
    expect(form.text).toContain('Tờ khai')
    const photos = await askAfter(PASSPORT, 'cần ảnh mấy tấm')
    expect(photos).toMatchObject({ kind: 'answer', procedure: { code: PASSPORT }, facet: 'documents' })
    expect(photos.text).toMatch(/ảnh/i)
    // what the certificate is wanted for, not a licence to buy something
    expect(await askAfter(MARITAL_STATUS, 'để làm thủ tục mua nhà')).toMatchObject({
      kind: 'answer',
      procedure: { code: MARITAL_STATUS },
    })
    // "đề nghị" is no purpose
    expect((await askAfter(MARITAL_STATUS, 'đề nghị cấp giấy phép xây dựng')).procedure?.code).not.toBe(
      MARITAL_STATUS,
    )
  })

  it('reads "bản sao" as a copy, not as the "bạn" of small talk, and "thế ly hôn thì sao" as another thing', async () => {
    expect(await askAfter(CIVIL_EXTRACT_COPY, 'chỉ cần bản sao thôi')).toMatchObject({
      kind: 'answer',
      procedure: { code: CIVIL_EXTRACT_COPY },
    })
    expect((await portal.kb.answer('bản sao thôi')).kind).not.toBe('smalltalk')
    expect((await portal.kb.answer('bạn ơi thôi')).kind).toBe('smalltalk')
    const divorce = await askAfter(MARRIAGE, 'thế ly hôn thì sao')
    expect(divorce.procedure?.code).not.toBe(MARRIAGE)
    expect(offeredCodes(divorce)).toContain(DIVORCE_RECORDED)
  })

  it('reads a reply to a list that points at an option with "loại" or "cái" as that option', async () => {
    // the identity card's issue under 14, from 14, re-issue and exchange
    const candidateCodes = ['1.014062', '1.014061', '1.014064', '1.014063']
    expect(await portal.kb.answer('loại dưới 14 tuổi', { candidateCodes })).toMatchObject({
      kind: 'answer',
      procedure: { code: '1.014062' },
    })
    expect(await portal.kb.answer('cái cấp đổi', { candidateCodes })).toMatchObject({
      kind: 'answer',
      procedure: { code: '1.014063' },
    })
  })

  it('reads whom the procedure is for, told alone, as about the conversation’s procedure', async () => {
    // "cho con mới sinh" alone reads as the birth registration
    expect(await askAfter(PERMANENT_RESIDENCE, 'cho con mới sinh')).toMatchObject({
      kind: 'answer',
      procedure: { code: PERMANENT_RESIDENCE },
    })
    expect(await askAfter(BIRTH, 'cho con thứ hai')).toMatchObject({
      kind: 'answer',
      procedure: { code: BIRTH },
    })
    // a person with a procedure of their own stays a new question ("cho người nước ngoài" is a case, read elsewhere)
    expect((await askAfter(PERMANENT_RESIDENCE, 'cho con mới sinh đăng ký khai sinh')).procedure?.code).toBe(
      BIRTH,
    )
  })
})
