import { describe, expect, it } from 'vitest'
import { asksPaperAgain } from '../../../knowledge/answer/asks-paper-again.ts'
import { analyzeMessage } from '../../../knowledge/search/normalize-vietnamese.ts'

describe('asksPaperAgain', () => {
  it.each([
    'đăng ký kết hôn lại vì mất giấy',
    'làm căn cước lại ở đâu',
    'cấp sổ đỏ lại',
    'lam can cuoc lai o dau',
  ])('reads "%s" as the paper asked for again', (question) => {
    expect(asksPaperAgain(analyzeMessage(question))).toBe(true)
  })

  it.each([
    // the paper's own "lại", no paper after the verb, "lại phải", a reason deciding another action
    'xin cấp thẻ thừa phát lại',
    'nhà cấp 4 để xây lại',
    'làm hồ sơ lại phải mang gì',
    'làm sổ đỏ lại vì sai diện tích',
    // a clause break between the paper and "lại"
    'làm căn cước, lại còn phải chụp ảnh',
  ])('reads no paper asked again in "%s"', (question) => {
    expect(asksPaperAgain(analyzeMessage(question))).toBe(false)
  })
})
