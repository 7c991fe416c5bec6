import { describe, expect, it } from 'vitest'
import { asksForTips } from '../../../knowledge/answer/asks-for-tips.ts'
import { foldVietnamese } from '../../../knowledge/search/normalize-vietnamese.ts'
import { readVerdicts } from '../../helpers/read-cases.ts'

const tips = (text: string) => asksForTips(foldVietnamese(text))

describe('asksForTips', () => {
  it.each(readVerdicts('asks-for-tips'))('reads in "%s" a request for tips: %s', (text, asks) => {
    expect(tips(text)).toBe(asks)
  })
})
