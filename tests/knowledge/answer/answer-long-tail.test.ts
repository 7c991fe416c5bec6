import { describe, expect, it } from 'vitest'
import { createProcedureActions } from '../../../knowledge/answer/procedure-actions.ts'
import { analyzeText } from '../../../knowledge/search/normalize-vietnamese.ts'
import { exportNames } from '../../helpers/export-names.ts'
import { offeredCodes } from '../../helpers/offered-codes.ts'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

const actions = createProcedureActions()
const nameOf = (code: string) => exportNames.get(code) ?? ''

/** "Ủy quyền lĩnh thay các chế độ bảo hiểm xã hội, trợ cấp thất nghiệp". */
const PROXY_COLLECTION = '1.001601'
/** "Thủ tục đăng ký kết hôn lưu động" and the plain registration. */
const MOBILE_MARRIAGE = '1.000593'
const MARRIAGE = '1.000894'

describe('procedures citizens name by what happens to them', () => {
  it('reads the words of a qualifier no name carries as what a name is about', () => {
    const words = analyzeText(nameOf(PROXY_COLLECTION))
    // A question's "bảo hiểm xã hội" says the asker is insured; in this name it is the benefits collected.
    expect([...actions.phraseWords(words)]).toEqual(expect.arrayContaining(['bao', 'hiem', 'xa', 'hoi']))
    const own = actions.ownPhraseWords(words)
    expect([...own]).toEqual(expect.arrayContaining(['uy', 'quyen', 'linh', 'thay']))
    for (const w of ['bao', 'hiem', 'xa', 'hoi']) expect(own.has(w)).toBe(false)
  })

  const portal = usePortalKnowledgeBase()

  it('offers the proxy procedure for collecting a parent’s benefits, instead of saying the records lack it', async () => {
    const answer = await portal.kb.answer(
      'mẹ già yếu không đi được, em lĩnh tiền bảo hiểm xã hội thay cho mẹ được không',
    )
    // its words shared are the action, the proxy and "bảo hiểm xã hội": asked about, not given as if sure
    expect(answer.kind).toBe('clarify')
    expect(offeredCodes(answer)[0]).toBe(PROXY_COLLECTION)
  })

  it('reads a registration done at home as the mobile one, and a death at home as where it happened', async () => {
    const mobile = await portal.kb.answer(
      'ông bà ở vùng sâu đi lại khó, xã có tổ chức đăng ký kết hôn tại nhà được không',
    )
    expect(mobile.kind).toBe('answer')
    expect(mobile.procedure?.code).toBe(MOBILE_MARRIAGE)
    const hall = await portal.kb.answer('đăng ký kết hôn tại nhà văn hóa xã')
    expect(hall.procedure?.code).toBe(MARRIAGE)
    // The death registration (1.000656), not its mobile variant (1.000419).
    const death = await portal.kb.answer(
      'bà nội em mất hôm qua tại nhà, gia đình ra xã làm khai tử cho bà thì có mất lệ phí không ạ',
    )
    expect(death.procedure?.code).toBe('1.000656')
  })

  it('takes the object said before "đăng ký" as what is registered', async () => {
    const answer = await portal.kb.answer('tàu cá mới đóng đăng ký ở đâu')
    expect(answer.kind).not.toBe('not_found')
    // the fishing vessel's registration (1.003650)
    expect(offeredCodes(answer)).toContain('1.003650')
  })

  it('reads an electronic receipt as an electronic voucher, and a wrecked motorbike as its registration withdrawn', async () => {
    const receipt = await portal.kb.answer('xuất biên lai điện tử bị sai thì xử lý sao')
    expect(receipt.kind).not.toBe('not_found')
    expect(offeredCodes(receipt)).toContain('1.013659')
    const wreck = await portal.kb.answer('xe máy nát không đi nữa phải nộp lại giấy đăng ký không')
    expect(wreck.kind).not.toBe('not_found')
    expect(offeredCodes(wreck).every((c) => ['1.013065', '1.013123'].includes(c))).toBe(true)
  })

  it('does not read a loan as a mortgage to register when the question asks for its debt to be frozen', async () => {
    const answer = await portal.kb.answer('xin khoanh nợ vay ngân hàng')
    expect(offeredCodes(answer)[0]).toBe('1.001068')
  })

  it('reads a jet ski as a recreational water vehicle, a wrong VNeID as the population data to correct, and African swine fever as an animal epidemic', async () => {
    const jetSki = await portal.kb.answer('mua mô tô nước về cho thuê ở bãi biển đăng ký ở đâu')
    expect(jetSki.kind).toBe('answer')
    expect(jetSki.procedure?.code).toBe('2.001215')
    const vneid = await portal.kb.answer('vneid sai quê quán sửa ở đâu')
    expect(vneid.procedure?.code).toBe('1.012564')
    const fever = await portal.kb.answer('heo bị dịch tả châu phi chết hết có được nhà nước hỗ trợ không')
    expect(offeredCodes(fever)[0]).toBe('1.013997')
  })

  it('passes over a re-issue for an exchange to the name that keeps the paper asked about', async () => {
    // "Đổi chứng nhận đăng ký xe …" (1.013079), not the household business's certificate re-issued
    const answer = await portal.kb.answer('giấy đăng ký xe bị rách muốn đổi')
    expect(answer.kind).not.toBe('not_found')
    expect(offeredCodes(answer)[0]).toBe('1.013079')
  })

  it('reads "đôi" before a paper as the exchange typed without its hook', async () => {
    const answer = await portal.kb.answer('đôi bằng lái')
    expect(answer).toMatchObject({ kind: 'answer', procedure: { code: '3.000347' } })
  })

  it('certifies or copies from the master register a paper whose own issuing the records lack', async () => {
    const certified = await portal.kb.answer('photo bằng tốt nghiệp rồi chứng thực ở đâu')
    expect(certified.kind).not.toBe('not_found')
    // the certification of copies from originals (2.000815)
    expect(offeredCodes(certified)[0]).toBe('2.000815')
    const register = await portal.kb.answer('cấp bản sao từ sổ gốc bằng tốt nghiệp')
    expect(register).toMatchObject({ kind: 'answer', procedure: { code: '2.000908' } })
    // a copy of the diploma itself re-issued is still the education procedure the records lack
    expect((await portal.kb.answer('xin bản sao bằng tốt nghiệp THPT bị mất ở đâu')).kind).not.toBe('answer')
  })

  it('never answers a low-income worker’s recognition for a household asking to be recognised as poor', async () => {
    const answer = await portal.kb.answer(
      'nhà em thu nhập thấp muốn được công nhận hộ nghèo thì làm đơn ở đâu',
    )
    expect(answer.kind).not.toBe('answer')
    // the poor-household recognitions (1.011606, 1.011607) are among the choices
    expect(offeredCodes(answer)).toEqual(expect.arrayContaining(['1.011606', '1.011607']))
  })

  it('reads "kinh doanh hộ gia đình" as the household business registration', async () => {
    for (const question of ['đăng ký kinh doanh hộ gia đình', 'dang ky kinh doanh ho gia dinh o dau'])
      expect(await portal.kb.answer(question), question).toMatchObject({
        kind: 'answer',
        procedure: { code: '1.001612' },
      })
  })

  it('takes "sau sáp nhập" as when the address changed, not a company merger', async () => {
    const answer = await portal.kb.answer('doi the can cuoc do thay doi dia chi sau sap nhap thi lam o dau')
    // the identity card's exchange (1.014063), no company merger offered
    expect(answer).toMatchObject({ kind: 'answer', procedure: { code: '1.014063' } })
    const followUp = await portal.kb.answer('đổi địa chỉ sau sáp nhập', { procedureCode: '1.014063' })
    expect(offeredCodes(followUp).some((c) => ['1.010029', '1.008935'].includes(c))).toBe(false)
  })

  it('gives the plain foreign-element birth registration, not the late one for people with papers, unless they are said', async () => {
    const child = await portal.kb.answer('khai sinh cho con bố là người nước ngoài')
    expect(child).toMatchObject({ kind: 'answer', procedure: { code: '2.000528' } })
    const adult = await portal.kb.answer(
      'chị mình sinh năm 1995 ở Việt Nam, bố là người Mỹ, chưa đăng ký khai sinh nhưng đã có hộ chiếu và giấy tờ cá nhân, giờ làm khai sinh thế nào',
    )
    expect(adult).toMatchObject({ kind: 'answer', procedure: { code: '1.000893' } })
  })

  it('reads opening a shop as a first issue: a re-issue or an extension does not fit it', () => {
    const opening = actions.ofQuestion(analyzeText('mở tiệm bán thuốc thú y cho heo gà cần giấy gì'))
    expect([...opening.actions]).toEqual(['new'])
    // "Cấp lại …" (1.004839) and "Gia hạn …" (1.014779) of the veterinary drug seller's certificate
    expect(actions.misfit(opening, nameOf('1.004839'))).toMatchObject({ kind: 'action' })
    expect(actions.misfit(opening, nameOf('1.014779'))).toMatchObject({ kind: 'action' })
    expect(actions.misfit(opening, nameOf('1.001686'))).toBeNull()
  })

  it('reads paddy land turned into residential land as the change of land use', async () => {
    // the commune's allocation, lease or change of use (1.013949)
    for (const question of ['muốn chuyển đất ruộng lên đất ở để xây nhà', 'chuyen dat lua len dat o'])
      expect(await portal.kb.answer(question), question).toMatchObject({
        kind: 'answer',
        procedure: { code: '1.013949' },
      })
  })

  it('reads "mất" opening a follow-up on a death’s registration as the death, and a paper after it as a loss', async () => {
    // after the death registration (1.000656); its re-registration (1.005461) is for a record lost
    for (const question of [
      'mất lâu rồi không có giấy báo tử',
      'mất từ năm 2010 giờ mới đi khai tử được không',
    ])
      expect(await portal.kb.answer(question, { procedureCode: '1.000656' }), question).toMatchObject({
        kind: 'answer',
        procedure: { code: '1.000656' },
      })
    // after the passport, "mất rồi" is still the passport lost (its report, 1.010386, among others)
    const lost = await portal.kb.answer('mất rồi', { procedureCode: '1.001456' })
    expect(offeredCodes(lost)[0]).not.toBe('1.001456')
  })

  it('never answers a permit asked for with the procedure that returns it', async () => {
    const answer = await portal.kb.answer(
      'muốn khoan giếng thăm dò nước dưới đất cho nhà máy cần giấy phép gì',
    )
    // "Trả lại giấy phép thăm dò nước dưới đất …" (1.011518, 1.011512) is offered at most
    if (answer.kind === 'answer') expect(['1.011518', '1.011512']).not.toContain(answer.procedure?.code)
    expect(offeredCodes(answer)).toContain('1.004232')
  })

  it('reads widening a sea area as the change of its allocation, and electronic tax filing as the electronic transactions', async () => {
    const wider = await portal.kb.answer(
      'đang nuôi hàu trên biển được giao khu vực biển, giờ muốn mở rộng diện tích',
    )
    // "Sửa đổi, bổ sung Quyết định giao khu vực biển …", not a new allocation
    expect(wider).toMatchObject({ kind: 'answer', procedure: { code: '3.000442' } })
    for (const question of [
      'đăng ký nộp thuế điện tử cho cá nhân',
      'dang ky tai khoan thue dien tu cho ho kinh doanh',
    ])
      expect(offeredCodes(await portal.kb.answer(question)), question).toContain('1.008008')
  })

  it('keeps a death’s registration the answer when its fee is asked, not the survivors’ allowance', async () => {
    for (const question of [
      'ông nội mất hôm qua làm giấy khai tử hết bao nhiêu tiền',
      'bố tôi mất ở nhà, làm giấy chứng tử ở đâu hết bao nhiêu tiền',
    ])
      expect(await portal.kb.answer(question), question).toMatchObject({
        kind: 'answer',
        procedure: { code: '1.000656' },
      })
  })
})
