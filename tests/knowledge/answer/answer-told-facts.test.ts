import { expect, it } from 'vitest'
import { offeredCodes } from '../../helpers/offered-codes.ts'
import { describeOnPortal, kindAndCode } from '../../helpers/portal-knowledge-base.ts'

/** Death registration, plain and with a foreign element. */
const DEATH = '1.000656'
const DEATH_FOREIGN = '1.001766'
/** Recognition of parentage; the birth registration combined with it. */
const PARENTAGE = '1.001022'
const BIRTH_WITH_PARENTAGE = '1.000689'
/** Driving licences: exchange, military, police, foreign, international. */
const LICENCE_EXCHANGE = '3.000347'
const LICENCE_MILITARY = '3.000349'
const LICENCE_POLICE = '3.000350'
const LICENCE_FOREIGN = '3.000351'
const LICENCE_INTERNATIONAL = '3.000353'

describeOnPortal('facts a citizen tells that decide the procedure (the shipped export)', (portal) => {
  it('reads a person named by "quốc tịch" and a country as a foreigner', async () => {
    const answer = await portal.kb.answer('vợ tôi quốc tịch Nhật vừa mất ở Đà Nẵng, làm khai tử thế nào')
    expect(kindAndCode(answer)).toEqual({ kind: 'answer', code: DEATH_FOREIGN })
  })

  it('does not read "mất" as a lost paper beside the making of a death notice', async () => {
    const answer = await portal.kb.answer('bao lâu sau khi mất thì phải đi làm giấy báo tử')
    expect(offeredCodes(answer)).toContain(DEATH)
    if (answer.kind === 'answer') expect(answer.procedure?.code).toBe(DEATH)
  })

  it('takes a father’s name added to a birth certificate already issued as recognition of parentage', async () => {
    for (const question of [
      'con đã có giấy khai sinh nhưng để trống tên cha, giờ muốn bổ sung tên cha',
      'bổ sung tên bố vào giấy khai sinh cho con',
    ]) {
      const answer = await portal.kb.answer(question)
      expect(answer.kind, question).not.toBe('not_found')
      const offered = offeredCodes(answer)
      expect(offered[0], question).toBe(PARENTAGE)
      // the birth is registered already: not its registration with recognition
      if (answer.kind === 'answer') expect(answer.procedure?.code).toBe(PARENTAGE)
      else expect(offered, question).not.toContain(BIRTH_WITH_PARENTAGE)
    }
  })

  it('answers driving abroad with the international licence', async () => {
    for (const question of [
      'sang Hàn Quốc lái xe thì cần bằng lái gì',
      'đi Úc muốn thuê xe tự lái ở Úc cần giấy phép lái xe gì',
    ]) {
      const answer = await portal.kb.answer(question)
      expect(kindAndCode(answer), question).toEqual({ kind: 'answer', code: LICENCE_INTERNATIONAL })
    }
  })

  it('reads a licence issued abroad as the exchange of a foreign licence, also as a follow-up', async () => {
    const answer = await portal.kb.answer('tôi có bằng lái Nhật Bản, muốn đổi sang bằng Việt Nam')
    expect(kindAndCode(answer)).toEqual({ kind: 'answer', code: LICENCE_FOREIGN })
    const exchange = await portal.kb.answer('đổi bằng lái')
    expect(kindAndCode(exchange)).toEqual({ kind: 'answer', code: LICENCE_EXCHANGE })
    const follow = await portal.kb.answer('bằng của Mỹ', { procedureCode: LICENCE_EXCHANGE })
    expect(kindAndCode(follow)).toEqual({ kind: 'answer', code: LICENCE_FOREIGN })
  })

  it('reads the army’s and the police’s licences by their everyday names', async () => {
    expect(kindAndCode(await portal.kb.answer('đổi bằng lái quân đội sang bằng thường'))).toEqual({
      kind: 'answer',
      code: LICENCE_MILITARY,
    })
    const follow = await portal.kb.answer('bằng quân đội', { procedureCode: LICENCE_EXCHANGE })
    expect(kindAndCode(follow)).toEqual({ kind: 'answer', code: LICENCE_MILITARY })
    expect(offeredCodes(await portal.kb.answer('đổi bằng lái công an khi ra ngành'))[0]).toBe(LICENCE_POLICE)
  })

  it('reads guardianship named alone as its registration, and its supervision or end as those procedures', async () => {
    for (const question of [
      'bà ngoại muốn làm giám hộ cho cháu mồ côi',
      'đứng ra giám hộ cho em trai bị bệnh tâm thần',
    ])
      expect(kindAndCode(await portal.kb.answer(question)), question).toEqual({
        kind: 'answer',
        code: '1.004837',
      })
    expect(kindAndCode(await portal.kb.answer('đăng ký giám sát việc giám hộ'))).toEqual({
      kind: 'answer',
      code: '3.000323',
    })
    expect(offeredCodes(await portal.kb.answer('cháu đủ 18 tuổi rồi, chấm dứt giám hộ thế nào'))[0]).toBe(
      '1.004845',
    )
  })

  it('reads extending a visa in Vietnam as the foreigner’s extension of stay, not a visa of another country', async () => {
    const stay = ['1.001146', '1.003326']
    for (const question of ['gia hạn visa cho vợ người Hàn đang ở Hà Nội', 'gia hạn thị thực']) {
      const answer = await portal.kb.answer(question)
      expect(answer.kind, question).toBe('answer')
      expect(stay, question).toContain(answer.procedure?.code)
    }
    const abroad = await portal.kb.answer('gia hạn visa du học Mỹ khi đang ở bên đó')
    expect(abroad.kind === 'answer' ? abroad.procedure?.code : null).not.toBe('1.001146')
  })

  it('reads a house added to an issued land certificate as the registration of assets on the plot', async () => {
    for (const question of [
      'xây nhà xong muốn ghi thêm nhà vào sổ đỏ',
      'nhà mới xây trên đất đã có sổ hồng, bổ sung nhà vào sổ thế nào',
    ])
      expect(kindAndCode(await portal.kb.answer(question)), question).toEqual({
        kind: 'answer',
        code: '1.013995',
      })
  })

  it('reads a paper integrated into the identity card as that procedure, also after a question about the card', async () => {
    const integrate = '1.014060'
    for (const question of ['tích hợp bằng lái vào căn cước', 'muốn tích hợp thẻ bhyt vào cccd'])
      expect(kindAndCode(await portal.kb.answer(question)), question).toEqual({
        kind: 'answer',
        code: integrate,
      })
    const card = await portal.kb.answer('làm căn cước')
    const candidateCodes = (card.candidates ?? []).map((c) => c.code)
    // (before: the driving licence's first issue)
    expect(kindAndCode(await portal.kb.answer('tích hợp bằng lái vào', { candidateCodes }))).toEqual({
      kind: 'answer',
      code: integrate,
    })
  })

  it('never offers an unrelated re-issue for a lost household book: proof of residence, asked or named as related', async () => {
    for (const question of [
      'làm lại sổ hộ khẩu bị mất',
      'sổ hộ khẩu bị mất thì xin cấp lại ở đâu',
      'mat so ho khau',
    ]) {
      const answer = await portal.kb.answer(question)
      expect(answer.kind, question).not.toBe('answer')
      // (before: a boat's re-registration and a notary office's licence among the options)
      expect(offeredCodes(answer)[0], question).toBe('1.010041')
    }
  })

  it('reads a paper valid "đến" a date as expiring: the licence exchanged, the stay extended', async () => {
    expect(
      kindAndCode(await portal.kb.answer('bằng lái ô tô ghi hạn đến tháng sau là hết thì làm sao')),
    ).toEqual({
      kind: 'answer',
      code: LICENCE_EXCHANGE,
    })
    // (the extension first; "Đăng ký tạm trú" holds only a word of filing more, so the extension is offered)
    const stay = await portal.kb.answer('tạm trú hạn đến cuối tháng này, muốn ở tiếp')
    expect(stay.kind).not.toBe('not_found')
    expect(offeredCodes(stay)[0]).toBe('1.002755')
  })
})
