import { describe, expect, it } from 'vitest'
import { analyzeMessage, analyzeText } from '../../../knowledge/search/normalize-vietnamese.ts'
import { typedPhraseAt, typedPhraseIn } from '../../../knowledge/search/typed-phrase-at.ts'

describe('typedPhraseAt', () => {
  const phrase = analyzeText('à không')
  it('matches a phrase typed with the same marks or without marks', () => {
    expect(typedPhraseAt(analyzeMessage('đổi bằng lái, à không, làm lại'), 3, phrase)).toBe(true)
    expect(typedPhraseAt(analyzeMessage('doi bang lai, a khong, lam lai'), 3, phrase)).toBe(true)
  })

  it('rejects other marks, a phrase cut short and, when asked, a clause break inside it', () => {
    expect(typedPhraseAt(analyzeMessage('dạ em hỏi ạ không biết'), 3, phrase)).toBe(false)
    expect(typedPhraseAt(analyzeMessage('đổi bằng lái, à'), 3, phrase)).toBe(false)
    const broken = analyzeMessage('đổi bằng lái à, không, làm lại')
    expect(typedPhraseAt(broken, 3, phrase)).toBe(true)
    expect(typedPhraseAt(broken, 3, phrase, true)).toBe(false)
  })

  it('finds a phrase anywhere only where its marks agree with the typed ones', () => {
    // "ở" (where) and "ố" (stained), "mấy" (how many) and "máy" (a machine) fold alike
    expect(typedPhraseIn(analyzeMessage('cấp lại sổ đỏ ở đâu'), analyzeText('ố'))).toBe(false)
    expect(typedPhraseIn(analyzeMessage('sổ đỏ bị ố vàng'), analyzeText('ố'))).toBe(true)
    expect(typedPhraseIn(analyzeMessage('so do bi o vang'), analyzeText('ố'))).toBe(true)
    expect(typedPhraseIn(analyzeMessage('mất mấy ngày'), analyzeText('mất máy'))).toBe(false)
    expect(typedPhraseIn(analyzeMessage('em bị mất máy tính'), analyzeText('mất máy'))).toBe(true)
  })
})
