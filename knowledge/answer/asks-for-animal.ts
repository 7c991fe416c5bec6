/**
 * Whether a question asks a person's paper for an animal: "đăng ký thường trú cho chó", "làm giấy
 * chứng tử cho thú cưng", "làm hộ chiếu cho mèo". A name about people (residence, civil status,
 * passports) does not cover a pet, so the reply says the records do not cover it instead of
 * answering as if for a person. A name about animals ("Kiểm dịch động vật …", "… thuốc thú y", "…
 * chăn nuôi") is what the records have for them and is left alone.
 * @module
 */
import { containsPhrase } from '../search/contains-phrase.ts'
import { type AnalyzedToken, normalizeVietnamese } from '../search/normalize-vietnamese.ts'

/** Animals a citizen keeps, typed with their marks ("chó", not "cho"), or a phrase unmarked text cannot mistake. */
const MARKED_ANIMALS = new Set(['chó', 'mèo'].map(normalizeVietnamese))
/** Phrases (folded) that name a pet whatever the marks. */
const PET_PHRASES = ['thu cung', 'vat nuoi']
/** Words of names about animals (with marks, tones placed as `normalizeVietnamese` places them): such a name is about them. */
const ANIMAL_NAME_WORDS = [
  'động vật',
  'vật nuôi',
  'chăn nuôi',
  'thú y',
  'gia súc',
  'gia cầm',
  'thủy sản',
  'kiểm dịch',
  'chó',
  'mèo',
].map(normalizeVietnamese)

export type AsksForAnimalOptions = {
  /** The question's tokens as analysed. */
  tokens: readonly AnalyzedToken[]
  /** The name about to be given as the answer. */
  name: string
}

/** @returns the animal's words as typed ("chó", "thú cưng") when the question names one the name is not about, else null */
export const asksForAnimal = ({ tokens, name }: AsksForAnimalOptions): string[] | null => {
  const marked = tokens.find((t) => t.accented && MARKED_ANIMALS.has(t.text))
  const folded = tokens.map((t) => t.folded).join(' ')
  const named = marked ? [marked.folded] : PET_PHRASES.find((p) => containsPhrase(folded, p))?.split(' ')
  if (!named) return null
  const lower = normalizeVietnamese(name)
  return ANIMAL_NAME_WORDS.some((w) => lower.includes(w)) ? null : named
}
