import { describe, expect, it } from 'vitest'
import { placeTypeWords } from '../../../knowledge/places/place-type-words.ts'
import { analyzeText } from '../../../knowledge/search/normalize-vietnamese.ts'

const of = (message: string) => [...placeTypeWords(analyzeText(message))].sort()

describe('the words that only name a kind of place', () => {
  it('finds the unit words, with or without marks', () => {
    expect(of('chuyển trường cho con lên thành phố')).toEqual(['pho', 'thanh'])
    expect(of('ve que o xa lam giay to')).toEqual(['xa'])
    expect(of('công an thị trấn')).toEqual(['thi', 'tran'])
  })

  it('leaves a word the message also says elsewhere', () => {
    expect(of('thành lập công ty ở thành phố')).toEqual(['pho'])
    expect(of('đăng ký khai sinh')).toEqual([])
  })
})
