import { describe, expect, it } from 'vitest'
import {
  askedFormCode,
  formKey,
  indexForms,
  wordsBesideForm,
} from '../../../knowledge/answer/find-form-code.ts'
import type { Procedure } from '../../../knowledge/procedures/procedure.types.ts'
import { describeOnPortal, kindAndCode } from '../../helpers/portal-knowledge-base.ts'

const record = (code: string, name: string, documents: string[]): Procedure =>
  ({
    code,
    name,
    documents: documents.map((d) => ({ name: d, template: null, copies: null, group: null })),
  }) as unknown as Procedure

describe('a form asked for by its code', () => {
  it('reads the code after "mẫu", "tờ khai", "form", with marks or without', () => {
    expect(askedFormCode('mẫu CT01 là gì')).toBe('CT01')
    expect(askedFormCode('to khai tk01 lay o dau')).toBe('tk01')
    expect(askedFormCode('form BK04-ĐK')).toBe('BK04-ĐK')
    expect(askedFormCode('bằng A1 hết hạn')).toBeNull()
    expect(askedFormCode('viết đơn 2 bản')).toBeNull()
    // tax forms: a number, then a slash or a hyphen and letters
    expect(askedFormCode('mẫu 02/QTT-TNCN là gì')).toBe('02/QTT-TNCN')
    expect(askedFormCode('tờ khai 01-ĐK-TCT tải ở đâu')).toBe('01-ĐK-TCT')
    expect(askedFormCode('mẫu số 2 tờ')).toBeNull()
    expect(wordsBesideForm('mẫu TK1-TS là gì')).toBe(2)
  })

  it('indexes the forms the records’ papers name, with the paper’s own name', () => {
    const forms = indexForms([
      record('1.004194', 'Đăng ký tạm trú', [
        'Tờ khai thay đổi thông tin cư trú (Mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA)',
      ]),
      record('1.004222', 'Đăng ký thường trú', [
        'Tờ khai thay đổi thông tin cư trú (của từng người) (Mẫu CT01 …)',
      ]),
      record('1.001456', 'Cấp hộ chiếu', ['Tờ khai đề nghị cấp hộ chiếu theo mẫu số TK01']),
    ])
    expect(forms.get(formKey('ct01'))?.map((u) => [u.code, u.form, u.formCode])).toEqual([
      ['1.004194', 'Tờ khai thay đổi thông tin cư trú', 'CT01'],
      ['1.004222', 'Tờ khai thay đổi thông tin cư trú', 'CT01'],
    ])
    expect(forms.get(formKey('TK01'))?.[0]?.form).toBe('Tờ khai đề nghị cấp hộ chiếu')
    expect(formKey('bk04-dk')).toBe(formKey('BK04-ĐK'))
    expect(formKey('01/ĐK-TCT')).toBe(formKey('01-dk-tct'))
  })
})

describeOnPortal('a form asked for by its code (the shipped export)', (portal) => {
  it('asks which of the procedures using the form is meant, naming the form as the records do', async () => {
    const answer = await portal.kb.answer('mẫu CT01 là gì', {})
    expect(answer.kind).toBe('clarify')
    expect(answer.text.split('\n')[0]).toBe(
      'Mẫu CT01 (Tờ khai thay đổi thông tin cư trú) có trong hồ sơ của 9 thủ tục. Bạn hỏi về thủ tục nào (trả lời số thứ tự)?',
    )
    expect(answer.candidates?.map((c) => c.code)).toEqual(expect.arrayContaining(['1.004194', '1.004222']))
    // a pick from the list answers that procedure
    const candidateCodes = answer.candidates?.map((c) => c.code) ?? []
    const picked = await portal.kb.answer(String(candidateCodes.indexOf('1.004222') + 1), { candidateCodes })
    expect(kindAndCode(picked)).toEqual({ kind: 'answer', code: '1.004222' })
  })

  it('finds a tax form written with a slash or a hyphen, as the records write either', async () => {
    const answer = await portal.kb.answer('mẫu 01/ĐK-TCT tải ở đâu', {})
    expect(answer.kind).toBe('clarify')
    expect(answer.text.split('\n')[0]).toMatch(
      /^Mẫu 01-ĐK-TCT \(Tờ khai đăng ký thuế\) có trong hồ sơ của \d+ thủ tục/,
    )
  })

  it('answers the papers of the procedure the rest of the message names', async () => {
    for (const [question, code] of [
      ['tờ khai CT01 đăng ký tạm trú', '1.004194'],
      ['mẫu TK01 làm hộ chiếu', '1.001456'],
    ] as const) {
      const answer = await portal.kb.answer(question, {})
      expect(kindAndCode(answer), question).toEqual({ kind: 'answer', code })
      expect(answer.facet).toBe('documents')
    }
  })

  it('says no record’s papers hold a form it does not know, unless the message asks more', async () => {
    const answer = await portal.kb.answer('mẫu 04a/ĐK', {})
    expect(answer.kind).toBe('not_found')
    expect(answer.text).toContain('mẫu 04a/ĐK')
    expect(kindAndCode(await portal.kb.answer('giấy xác nhận thông tin cư trú mẫu CT07', {}))).toEqual({
      kind: 'answer',
      code: '1.010041',
    })
  })

  it('asks about a form the dictionary reads though no record’s papers name it as the procedure it names', async () => {
    // TK1-TS, the social insurance registration form: the compulsory and the voluntary registration
    for (const question of ['mẫu TK1-TS', 'tờ khai TK1-TS nộp ở đâu']) {
      const answer = await portal.kb.answer(question, {})
      expect(answer.kind, question).toBe('clarify')
      expect(answer.candidates?.map((c) => c.code).slice(0, 2), question).toEqual(['1.002051', '1.002179'])
    }
    expect(kindAndCode(await portal.kb.answer('to khai tk1-ts cho bhxh tu nguyen', {}))).toEqual({
      kind: 'answer',
      code: '1.002179',
    })
  })
})
