import { describe, expect, it } from 'vitest'
import { builtInProcedureActions } from '../../../knowledge/answer/procedure-actions.ts'
import { analyzeText } from '../../../knowledge/search/normalize-vietnamese.ts'

const actions = builtInProcedureActions()
const asked = (text: string) => [...actions.ofQuestion(analyzeText(text)).actions]

// Everyday words that hold an action word typed without marks name no action
// (knowledge/data/procedure-actions.json, `notActions`): a team ("đội tuyển"), claiming
// compensation from the state ("đòi nhà nước"), a vehicle at the repair shop ("sửa xe").
describe('everyday words that name no action', () => {
  it.each([
    [
      'doi tuyen ban sung cua tinh minh sap di thi dau, phai xin giay phep van chuyen sung the nao',
      'exchange',
    ],
    ['gio muon doi nha nuoc boi thuong thi lam the nao', 'exchange'],
    ['toi co tiem sua xe, gio muon thanh lap cong ty thi thu tuc sao', 'change'],
  ])('"%s" does not ask for %s', (text, action) => {
    expect(asked(text)).not.toContain(action)
  })

  it('still reads "đổi" as an exchange where it is one', () => {
    expect(asked('doi bang lai xe het han o dau')).toContain('exchange')
  })
})
