/**
 * Vietnamese text normalisation shared by the search index and the query side: NFC and
 * lowercase, one tone placement (hoà/hòa, thuỷ/thủy), a folded form without marks (đ→d, ký/kí),
 * repair of Telex/VNI leftovers typed with the input method off, and a tokenizer that keeps
 * procedure codes (`1.014064`) whole. Index and query must go through the same functions.
 * @module
 */

/** Combining tone marks (sắc, huyền, hỏi, ngã, nặng); vowel-quality marks (â, ơ, ă) are not tones. */
const TONE_MARKS = new Set(['\u0301', '\u0300', '\u0309', '\u0303', '\u0323'])
const TELEX_TONES: Record<string, string> = {
  s: '\u0301',
  f: '\u0300',
  r: '\u0309',
  x: '\u0303',
  j: '\u0323',
}
const VNI_TONES: Record<string, string> = {
  '1': '\u0301',
  '2': '\u0300',
  '3': '\u0309',
  '4': '\u0303',
  '5': '\u0323',
}

const ONSET = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?/
const CODA = /^(ch|nh|ng|[cmnpt])?$/
const VOWELS = 'aăâeêioôơuưy'
const MODIFIED_VOWELS = 'ăâêôơư'
/** Folded vowel clusters that occur in Vietnamese syllables; anything else is not a syllable. */
const NUCLEI = new Set(
  (
    'a e i o u y ai ao au ay eo eu ia ie iu oa oe oi oo ua ue ui uo uu uy ye ' +
    'oai oao oay oeo uay uoi uou uya uye uyu ieu yeu'
  ).split(' '),
)
/** Open two-vowel clusters whose tone sits on the second vowel in the chosen style (hoà, khoẻ, thuỷ). */
const SECOND_VOWEL_TONE = new Set(['oa', 'oe', 'uy'])

/** A procedure code not inside a longer number, else a run of letters and digits. */
const TOKEN_RE = /(?<!\d)\d\.\d{6}(?!\d)|[\p{L}\p{N}]+/gu

const stripMarks = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')

type Syllable = { onset: string; vowels: string; coda: string }

/** Splits a toneless lowercase NFC word into onset, vowel cluster and final; null when it is not a syllable. */
const splitSyllable = (base: string): Syllable | null => {
  let onset = ONSET.exec(base)?.[0] ?? ''
  // "gì", "gìn": the i is the vowel, not part of the gi- onset.
  if (onset === 'gi' && ![...base.slice(2)].some((c) => VOWELS.includes(c))) onset = 'g'
  const rest = base.slice(onset.length)
  let i = 0
  while (i < rest.length && VOWELS.includes(rest[i] ?? '')) i++
  const vowels = rest.slice(0, i)
  const coda = rest.slice(i)
  if (!vowels || !CODA.test(coda) || !NUCLEI.has(stripMarks(vowels))) return null
  return { onset, vowels, coda }
}

/** Puts `tone` (a combining mark, or '') on the right vowel of a toneless syllable. */
const placeTone = (syllable: Syllable, tone: string): string => {
  const { onset, vowels, coda } = syllable
  if (!tone) return onset + vowels + coda
  const chars = [...vowels]
  let at = -1
  for (let k = chars.length - 1; k >= 0; k--) {
    if (MODIFIED_VOWELS.includes(chars[k] ?? '')) {
      at = k
      break
    }
  }
  if (at < 0) {
    if (coda) at = chars.length - 1
    else if (chars.length === 3) at = 1
    else if (chars.length === 2) at = SECOND_VOWEL_TONE.has(vowels) ? 1 : 0
    else at = 0
  }
  chars[at] = `${chars[at]}${tone}`
  return (onset + chars.join('') + coda).normalize('NFC')
}

const syllableCache = new Map<string, string>()

/** Re-places the tone of one lowercase NFC word; words that are not syllables come back unchanged. */
const normalizeToneOf = (word: string): string => {
  const cached = syllableCache.get(word)
  if (cached !== undefined) return cached
  let tone = ''
  let tones = 0
  let base = ''
  for (const c of word.normalize('NFD')) {
    if (TONE_MARKS.has(c)) {
      tone = c
      tones++
    } else base += c
  }
  base = base.normalize('NFC')
  const syllable = tones <= 1 ? splitSyllable(base) : null
  const out = syllable ? placeTone(syllable, tone) : word
  if (syllableCache.size < 200_000) syllableCache.set(word, out)
  return out
}

/** Whether each word seen has a syllable's shape (messages repeat their words; bounded as the tones' cache). */
const shapeCache = new Map<string, boolean>()

/** How many tone marks a word carries (a syllable carries one at most). */
const toneCount = (word: string): number => {
  let n = 0
  for (const c of word.normalize('NFD')) if (TONE_MARKS.has(c)) n++
  return n
}

/** True when a lowercase word (with or without marks) has the shape of a Vietnamese syllable. */
export const isVietnameseSyllable = (word: string): boolean => {
  const cached = shapeCache.get(word)
  if (cached !== undefined) return cached
  const base = [...word.normalize('NFD')]
    .filter((c) => !TONE_MARKS.has(c))
    .join('')
    .normalize('NFC')
  const shaped = splitSyllable(base) !== null
  if (shapeCache.size < 200_000) shapeCache.set(word, shaped)
  return shaped
}

const applyTelexVowels = (s: string): string =>
  s
    .replace(/^dd/, 'đ')
    .replace(/uow|uwow|uwo/g, 'ươ')
    .replace(/aw/g, 'ă')
    .replace(/ow/g, 'ơ')
    .replace(/uw/g, 'ư')
    .replace(/aa/g, 'â')
    .replace(/ee/g, 'ê')
    .replace(/oo/g, 'ô')
    .replace(/w/g, 'ư')

/**
 * A Telex tone key typed before the final consonants ("chuyeern" for "chuyeenr"), as free-typing keyboards
 * accept; read so only in a word that shows Telex's vowel keys too ("test", "list" stay English words).
 */
const TONE_BEFORE_FINAL = /^(.*[aeiouyw])([sfrxj])(ng|nh|ch|[cmnpt])$/
const TELEX_VOWEL_KEYS = /dd|aa|ee|oo|aw|ow|uw|w/

const repairTelexWord = (typed: string): string | null => {
  const word = TELEX_VOWEL_KEYS.test(typed) ? typed.replace(TONE_BEFORE_FINAL, '$1$3$2') : typed
  let body = word
  let tone = ''
  const last = body.at(-1) ?? ''
  if (body.length > 1 && (TELEX_TONES[last] !== undefined || last === 'z')) {
    tone = TELEX_TONES[last] ?? ''
    body = body.slice(0, -1)
  }
  const base = applyTelexVowels(body)
  if (base === typed) return null
  const syllable = splitSyllable(base)
  return syllable ? placeTone(syllable, tone) : null
}

const repairVniWord = (word: string): string | null => {
  let base = ''
  let tone = ''
  for (const c of word) {
    if (c >= 'a' && c <= 'z') base += c
    else if (VNI_TONES[c] !== undefined) tone = VNI_TONES[c]
    else if (c === '6')
      base = base.replace(/([aeo])([^aeo]*)$/, (_m, v: string, t: string) => `${v}\u0302${t}`)
    else if (c === '7')
      base = base.replace(/uo([^uo]*)$|([ou])([^ou]*)$/, (m) => m.replace(/[ou]/g, '$&\u031b'))
    else if (c === '8') base = base.replace(/a([^a]*)$/, 'a\u0306$1')
    else if (c === '9') base = base.replace(/^d/, 'đ')
    else return null
  }
  const letters = base.normalize('NFD').replace(/\p{Mn}/gu, '')
  // "a1", "b2" are licence classes, not VNI typing.
  if (letters.length < 2) return null
  const syllable = splitSyllable(base.normalize('NFC'))
  return syllable ? placeTone(syllable, tone) : null
}

/**
 * Repairs one lowercase token typed with Telex or VNI while the Vietnamese keyboard was off
 * ("kys" → "ký", "caaps" → "cấp", "ddoir" → "đỏi", "ky1" → "ký"). Real syllables, codes and
 * words that do not become a syllable are returned unchanged.
 */
export const repairTelexToken = (token: string): string => {
  if (!/^[a-z0-9]+$/.test(token) || /^\d+$/.test(token)) return token
  if (/^[a-z]+$/.test(token)) {
    if (splitSyllable(token)) return token
    return repairTelexWord(token) ?? token
  }
  if (/^[a-z]+[0-9a-z]*[1-9][a-z]*$/.test(token)) return repairVniWord(token) ?? token
  return token
}

/** Text without a letter outside ASCII: no word in it carries a tone mark to re-place. */
const ASCII_ONLY = /^[\x00-\x7f]*$/

/** NFC, Vietnamese lowercase and one tone placement per syllable; separators are kept. */
export const normalizeVietnamese = (text: string): string => {
  // Vietnamese has no special casing rules, so the plain (much faster) lowercasing is the same as 'vi'.
  const lower = text.normalize('NFC').toLowerCase()
  // A word without tone marks comes back from `normalizeToneOf` as it is: text typed without marks
  // (nearly half of the questions) is not split into words at all.
  if (ASCII_ONLY.test(lower)) return lower
  return lower.replace(/\p{L}+/gu, (w) => normalizeToneOf(w))
}

/** Folded form of one normalised token: no marks, đ→d, "ký"/"kí" → "ki", "02" → "2". */
export const foldToken = (token: string): string => {
  if (/^\d\.\d{6}$/.test(token)) return token
  if (/^\d+$/.test(token)) return token.replace(/^0+(?=\d)/, '')
  const plain = stripMarks(token)
  if (plain === 'qui') return 'quy'
  // i/y after a consonant are one sound (ký/kí, lý/lí, mỹ/mĩ); "uy", "ay" keep their y.
  return plain.replace(/^([bcdghklmnprstvx]+)y$/, '$1i')
}

/** Folded form of a whole text (tokens joined by spaces). */
export const foldVietnamese = (text: string): string => tokenizeVietnamese(text).map(foldToken).join(' ')

/**
 * Splits normalised text into tokens: procedure codes first (kept whole), then runs of
 * letters and digits. Applies tone normalisation; does not fold.
 */
export const tokenizeVietnamese = (text: string): string[] => tokenizeNormalized(normalizeVietnamese(text))

/** Like `tokenizeVietnamese` for text that already went through `normalizeVietnamese`. */
export const tokenizeNormalized = (s: string): string[] => s.match(TOKEN_RE) ?? []

export type AnalyzedToken = {
  /** Tone-normalised token as typed (after Telex repair). */
  text: string
  /** Folded form used for matching. */
  folded: string
  /** Whether the user typed Vietnamese marks on this token. */
  accented: boolean
  /** The token opens a new clause: a comma, full stop or other break and a space come before it. */
  clause?: true
}

/**
 * Most of the message's words carry their marks (two at least): an unmarked word there is meant without
 * them ("bong" is "bong", not "bỏng"; "lại thủ" is no "lái thử").
 */
export const isTypedWithMarks = (tokens: readonly AnalyzedToken[]): boolean => {
  let marked = 0
  for (const t of tokens) if (t.accented) marked++
  return marked >= 2 && marked * 2 >= tokens.length
}

/** One raw token's analysis, kept: a token's repair and folding depend on the token alone. */
const tokenCache = new Map<string, AnalyzedToken>()
const MAX_CACHED_TOKENS = 200_000

/** Roman numerals ("cấp III"), whose repeated letters are no stretching. */
const ROMAN = /^[ivxlc]+$/

/** Without marks, a letter typed three times or more at the end is stretched ("khongggg"); twice may be English ("app", "pass"). */
const STRETCHED_UNMARKED = /(.)\1\1$/u

/**
 * A word with its last letter stretched ("khôngggg", "vậyyy", "ạaa", "đượcccc"): the letter repeated
 * (its marks aside) is dropped, one at a time, until what is left is a syllable; a word that never
 * becomes one (an English word, a name) is kept as typed, and so is a syllable ("xoong").
 */
const unstretch = (word: string): string => {
  if (word.length < 3 || ROMAN.test(word) || !/^\p{L}+$/u.test(word) || isVietnameseSyllable(word))
    return word
  if (stripMarks(word) === word && !STRETCHED_UNMARKED.test(word)) return word
  const letters = [...word]
  while (
    letters.length > 1 &&
    stripMarks(letters.at(-1) as string) === stripMarks(letters.at(-2) as string)
  ) {
    // the marked letter stays ("ạaa" is "ạ")
    const last = letters.at(-1) as string
    letters.splice(stripMarks(last) === last ? -1 : -2, 1)
    const left = letters.join('')
    if (isVietnameseSyllable(left)) return left
  }
  return word
}

const analyzeToken = (raw: string): AnalyzedToken => {
  const cached = tokenCache.get(raw)
  if (cached !== undefined) return cached
  const typed = unstretch(raw)
  const fixed = repairTelexToken(typed)
  const folded = foldToken(fixed)
  // (a word with two tone marks, "chíếu", was typed with a slip: its marks say nothing, it matches as unmarked)
  const token = {
    text: fixed,
    folded,
    accented: fixed === typed && stripMarks(fixed) !== fixed && toneCount(fixed) <= 1,
  }
  if (tokenCache.size < MAX_CACHED_TOKENS) tokenCache.set(raw, token)
  return token
}

/** One raw token's analysis as a new object the caller may change (the kept one is shared). */
const analyzedCopy = (raw: string): AnalyzedToken => {
  const t = analyzeToken(raw)
  return { text: t.text, folded: t.folded, accented: t.accented }
}

/** Query-side analysis: tokenize, repair Telex/VNI leftovers, fold. Every token is a new object the caller may change. */
export const analyzeText = (text: string): AnalyzedToken[] => tokenizeVietnamese(text).map(analyzedCopy)

/** A break between clauses: punctuation and a space ("xây dựng, hồ sơ gồm"), or a new line. */
const CLAUSE_BREAK = /[,.;:!?…]\s|\n/u

/**
 * A citizen's message analysed as `analyzeText` does, with each token after a clause break marked
 * (`clause`): the message's phrases are not read across it ("xây dựng, hồ sơ gồm" holds no "dừng hồ
 * sơ"). Names and dictionary phrases are read with `analyzeText`: their commas join ("tổ chức, cá nhân").
 */
export const analyzeMessage = (text: string): AnalyzedToken[] => {
  const normalized = normalizeVietnamese(text)
  if (!CLAUSE_BREAK.test(normalized))
    return tokenizeNormalized(normalized).flatMap(splitGlued).map(analyzedCopy)
  const out: AnalyzedToken[] = []
  let end = 0
  for (const m of normalized.matchAll(TOKEN_RE)) {
    const [first, ...rest] = splitGlued(m[0]).map(analyzedCopy)
    if (!first) continue
    if (out.length && CLAUSE_BREAK.test(normalized.slice(end, m.index))) first.clause = true
    out.push(first, ...rest)
    end = m.index + m[0].length
  }
  return out
}

/** Shortest word that may be two syllables typed without the space between them ("căncước"). */
const MIN_GLUED = 4

/**
 * Two syllables typed with their marks but without the space between them (voice typing, a hurried
 * thumb: "căncước", "giấyphép", "đăngký"): the word is no syllable, and cut in one place only it is two.
 * Without marks the cut is a guess ("hochieu": "hộ chiếu" or "học hiểu"), so such words stay whole.
 * @returns the two syllables, or the word alone
 */
const splitGlued = (word: string): string[] => {
  if (word.length < MIN_GLUED || stripMarks(word) === word || /\d/.test(word)) return [word]
  const lower = word.toLowerCase()
  if (isVietnameseSyllable(lower)) return [word]
  const cuts: number[] = []
  for (let i = 1; i < word.length; i++)
    if (isVietnameseSyllable(lower.slice(0, i)) && isVietnameseSyllable(lower.slice(i))) cuts.push(i)
  // Two places to cut ("hộchiếu": "hộ chiếu", "hộc hiếu"): the one leaving the second syllable a
  // two-letter initial ("ch", "ng", "th" …) reads as typed; otherwise it is a guess.
  const digraph = cuts.filter((i) => DIGRAPH_INITIALS.has(lower.slice(i, i + 2)))
  const at = cuts.length === 1 ? cuts[0] : digraph.length === 1 ? digraph[0] : undefined
  return at === undefined ? [word] : [word.slice(0, at), word.slice(at)]
}

/** Initials of two letters: a consonant before "h" (or "gi", "qu", "ng") begins a syllable more often than it ends one. */
const DIGRAPH_INITIALS = new Set(['ch', 'gh', 'gi', 'kh', 'ng', 'nh', 'ph', 'qu', 'th', 'tr'])
