import { describe, expect, it } from 'vitest'
import { dropClassifiers } from '../../../knowledge/search/drop-classifiers.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import { analyzeMessage } from '../../../knowledge/search/normalize-vietnamese.ts'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'

const synonyms = loadSynonyms()
const words = (text: string) => dropClassifiers(analyzeMessage(text), synonyms).map((t) => t.text)

describe('dropClassifiers', () => {
  it('drops the classifier before a thing described, typed with marks', () => {
    expect(words('tự đóng cái khoản bảo hiểm')).toEqual(['tự', 'đóng', 'bảo', 'hiểm'])
    expect(words('cuốn sổ màu hồng bị mất')).toEqual(['sổ', 'màu', 'hồng', 'bị', 'mất'])
    expect(words('rơi mất tấm thẻ gắn chip')).toEqual(['rơi', 'mất', 'thẻ', 'gắn', 'chip'])
    // "cái" only before what it counts
    expect(words('mất cái thẻ gắn chip')).toEqual(['mất', 'cái', 'thẻ', 'gắn', 'chip'])
  })

  it('keeps what is not one: unmarked words, a last word, a word before a clause break', () => {
    expect(words('tam tru cai luong')).toEqual(['tam', 'tru', 'cai', 'luong'])
    expect(words('mua cuốn')).toEqual(['mua', 'cuốn'])
    expect(words('lấy cuốn, rồi khai sinh')).toEqual(['lấy', 'cuốn', 'rồi', 'khai', 'sinh'])
    // a phrase of the dictionary holds it: "cái này" is filler, "mấy tấm ảnh" asks a count
    expect(words('làm cái này ở đâu')).toEqual(['làm', 'cái', 'này', 'ở', 'đâu'])
    expect(words('cần mấy tấm ảnh')).toEqual(['cần', 'mấy', 'tấm', 'ảnh'])
  })

  it('passes a clause break on to the word after a dropped classifier', () => {
    const [, second] = dropClassifiers(analyzeMessage('mất rồi, cuốn sổ'), synonyms).slice(1)
    expect(second).toMatchObject({ text: 'sổ', clause: true })
  })

  it('returns the same tokens when there is none', () => {
    const typed = analyzeMessage('đăng ký tạm trú')
    expect(dropClassifiers(typed, synonyms)).toBe(typed)
  })
})

describeOnPortal('a thing described with its classifier, on the portal export', (portal) => {
  it('reads the dictionary phrase the classifier stood in', async () => {
    const answer = await portal.kb.answer(
      'Chị bán hàng rong, không làm công ty nào, muốn tự đóng cái khoản bảo hiểm để về già có lương hưu thì đăng ký ở đâu?',
    )
    // "Đăng ký, đăng ký lại, điều chỉnh đóng BHXH tự nguyện; cấp sổ BHXH"
    expect(answer.procedure?.code).toBe('1.002179')
  })
})
