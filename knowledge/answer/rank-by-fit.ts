/**
 * Ranking by the fit model (`procedure-actions.ts`), used inside the search (injected as its
 * reranker by the knowledge base) and, for results that were not ranked so, by the answering core:
 * - a name that carries a variant the question does not mention ("kết hợp nhận cha, mẹ, con", "có
 *   yếu tố nước ngoài", "lưu động", "khu vực biên giới" …) moves below its plain sibling; a name
 *   whose variant or deciding qualifier (ô tô, người nước ngoài …) the question names moves up;
 * - a name that does not cover the question (another action, a qualifier or age it excludes, a
 *   procedure only for employers or officers the question does not speak of) moves below the names
 *   that do, so a neighbouring procedure is not ranked first;
 * - a name whose action the question does not ask for ("đăng ký lại khai tử" for "bố mới mất, làm
 *   khai tử") moves below a sibling that names no action.
 * Only the scores of the candidates already found change; ties keep the search's order.
 * @module
 */
import { memoize } from '../search/create-lru-cache.ts'
import { isNamedOutright } from '../search/named-outright.ts'
import { analyzeText } from '../search/normalize-vietnamese.ts'
import type { SearchResult } from '../search/search.types.ts'
import { rankFittingSiblings } from './find-fitting-sibling.ts'
import { createServedSiblingFinder } from './find-served-sibling.ts'
import { rankSpecialSiblings } from './find-special-sibling.ts'
import type { Misfit, ProcedureActions, Traits } from './procedure-actions.ts'
import { rankPlainSiblings } from './rank-plain-sibling.ts'

/** Per variant in the name the question does not mention. */
export const UNASKED_VARIANT_PENALTY = 0.15
/** Per variant or deciding qualifier in the name the question names. */
export const ASKED_MATCH_BONUS = 0.1
/** A name that does not cover the question (`misfit`): another action, qualifier or age. */
export const MISFIT_PENALTY = 0.2
/** A name with an action the question does not ask for, when a sibling without one was found. */
export const UNASKED_ACTION_PENALTY = 0.2
/**
 * The bonus goes only to names that cover the question's rare words about as well as the best
 * candidate does: it decides between siblings, it does not lift a name about something else.
 */
const SIBLING_COVERAGE = 0.05
/**
 * A plain sibling counts when it covers the question's rare words about this well compared with the
 * variant: the variant's own action word often matches an everyday word of the question ("mất").
 */
const ACTION_SIBLING_COVERAGE = 0.15

export type RankByFitOptions = {
  results: readonly SearchResult[]
  /** What the question asks for (`actions.ofQuestion`). */
  question: Traits
  actions: ProcedureActions
}

const sharesAny = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => {
  for (const v of a) if (b.has(v)) return true
  return false
}

/** How much the name's variants and qualifiers agree with the question, less a penalty when it does not cover it. */
export const fitAdjustment = (
  question: Traits,
  name: string,
  actions: ProcedureActions,
  sibling = true,
): number => {
  const p = actions.ofName(name)
  let adjust = 0
  const bonus = sibling ? ASKED_MATCH_BONUS : 0
  for (const v of p.variants) adjust += question.variants.has(v) ? bonus : -UNASKED_VARIANT_PENALTY
  for (const [group, values] of p.qualifiers) {
    const asked = question.qualifiers.get(group)
    if (asked && sharesAny(asked, values)) adjust += bonus
  }
  if (actions.misfit(question, name)) adjust -= MISFIT_PENALTY
  return adjust
}

/** Words of a base name that say nothing about its object. */
const FILLER = new Set(['thu', 'tuc'])
/** Share of a plain name's words the variant must hold to be its sibling ("đăng ký khai tử" in "đăng ký lại khai tử"). */
const SIBLING_WORDS = 0.8
/** Only the best-scored candidates are checked for an unasked action (no answer or page reads further). */
const ACTION_CHECKS = 20

/**
 * A base name's words (`set`) and its words that say something about its object (`plain`), with
 * one bit per word (`bits`, `plainBits`; a word's bit from its characters) to rule out most
 * names that are not siblings before looking their words up.
 */
type GroupWords = { set: ReadonlySet<string>; plain: readonly string[]; bits: number; plainBits: number }
/** A word's bit of 32 (equal words, equal bits). */
const bitOf = (word: string): number => {
  let h = 0
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + word.charCodeAt(i)) | 0
  return 1 << (h & 31)
}
/** Base names repeat from search to search: their words are split once (bounded like the name traits). */
const wordsOf = memoize(
  (group): GroupWords => {
    const all = group.split(' ')
    const plain = all.filter((w) => !FILLER.has(w))
    let bits = 0
    for (const w of all) bits |= bitOf(w)
    let plainBits = 0
    for (const w of plain) plainBits |= bitOf(w)
    return { set: new Set(all), plain, bits, plainBits }
  },
  { maxEntries: 10_000 },
)

/**
 * The folded words of a name's action, qualifier and variant phrases ("hủy", "bị mất"), read when
 * needed: names come back search after search, so each is read once per vocabulary (bounded). Kept
 * by the vocabulary's reader, which an answer's own copy of the actions (its question's traits
 * remembered) shares with the knowledge base's.
 */
const phraseWordsByReader = new WeakMap<
  ProcedureActions['phraseWords'],
  (name: string) => ReadonlySet<string>
>()
const nameWordsOf = ({ phraseWords }: ProcedureActions): ((name: string) => ReadonlySet<string>) => {
  let read = phraseWordsByReader.get(phraseWords)
  if (!read) {
    read = memoize((name): ReadonlySet<string> => phraseWords(analyzeText(name)), { maxEntries: 10_000 })
    phraseWordsByReader.set(phraseWords, read)
  }
  return read
}

/**
 * Whether the plain sibling leaves out a question word the variant covers, other than the words of
 * the variant's own action ("ly hôn" in "ghi vào Sổ hộ tịch việc ly hôn, hủy việc kết hôn" beside
 * "… việc kết hôn"): then the variant names the question's object, the sibling does not.
 */
const coversMoreThan = (
  variant: SearchResult,
  plain: SearchResult,
  actionWords: (name: string) => ReadonlySet<string>,
): boolean => {
  for (const w of plain.uncovered)
    if (!variant.uncovered.includes(w) && !actionWords(variant.name).has(w)) return true
  return false
}

/** Set bits of a 32-bit number. */
const bitCount = (n: number): number => {
  let v = n - ((n >>> 1) & 0x55555555)
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24
}

/** Whether `variant` is `plain` with words added: most of the plain name's words are in it. */
const extendsPlain = (variant: GroupWords, plain: GroupWords): boolean => {
  const words = plain.plain
  if (!words.length) return false
  // Stops past the allowed share of missing words: most candidates are no sibling.
  let misses = Math.floor((1 - SIBLING_WORDS) * words.length + 1e-9)
  // Each bit of the plain name's words the variant lacks is at least one word it lacks.
  if (bitCount(plain.plainBits & ~variant.bits) > misses) return false
  for (const w of words) if (!variant.set.has(w) && --misses < 0) return false
  return true
}

/**
 * Whether the question says something the name rules out (another action, an age, "đã có giấy khai
 * sinh" against a birth registration), not only that the name is for someone the question does not
 * mention (an officer, a court's request).
 */
const contradicts = (question: Traits, misfit: Misfit | null): boolean =>
  !!misfit && (misfit.kind !== 'qualifier' || !!question.qualifiers.get(misfit.group)?.size)

/**
 * @returns the results re-scored by their fit to the question, best first (ties keep the search's order);
 *   procedures named outright (`isNamedOutright`) stay first; results the search already ranked by fit
 *   (`fit` set) keep their score
 */
export const rankByFit = ({ results, question, actions }: RankByFitOptions): SearchResult[] => {
  // Results the search already ranked (the answering core ranks them again): only their order is kept.
  if (results.every((r) => isNamedOutright(r) || r.fit !== undefined))
    return [...results].sort((a, b) => b.score - a.score)
  // An action a main procedure also fits ("cấp mới", "lần đầu") is no variant.
  const unasked = results.map((r) => {
    for (const a of actions.ofName(r.name).actions) if (!actions.fitsMain(a)) return true
    return false
  })
  let bestCoverage = 0
  for (const r of results)
    if (!isNamedOutright(r) && r.fit === undefined) bestCoverage = Math.max(bestCoverage, r.idfCoverage)
  // Found siblings that name no action: next to one, an action the question does not ask for is a variant it did not mean.
  const actionless: { r: SearchResult; words: GroupWords | null }[] = []
  if (!question.actions.size && unasked.some((u, i) => u && i < ACTION_CHECKS)) {
    results.forEach((r, i) => {
      if (!isNamedOutright(r) && r.fit === undefined && !unasked[i] && r.group)
        actionless.push({ r, words: null })
    })
  }
  const actionWordsOf = nameWordsOf(actions)
  const hasPlainSibling = (r: SearchResult): boolean => {
    let words: GroupWords | null = null
    // The variant's own action words, read once for all the siblings it is compared with.
    let own: ReadonlySet<string> | null = null
    const ownWords = (): ReadonlySet<string> => {
      own ??= actionWordsOf(r.name)
      return own
    }
    for (const s of actionless) {
      if (s.r.idfCoverage < r.idfCoverage - ACTION_SIBLING_COVERAGE) continue
      if (coversMoreThan(r, s.r, ownWords)) continue
      words ??= wordsOf(r.group)
      s.words ??= wordsOf(s.r.group)
      if (s.words.plain.length * SIBLING_WORDS <= words.set.size && extendsPlain(words, s.words)) return true
    }
    return false
  }
  const servedSibling = createServedSiblingFinder(results)
  const scored = results.map((r, i) => {
    if (isNamedOutright(r) || r.fit !== undefined) return r
    const sibling = r.idfCoverage >= bestCoverage - SIBLING_COVERAGE
    let fit = fitAdjustment(question, r.name, actions, sibling)
    if (unasked[i] && i < ACTION_CHECKS && actionless.length && hasPlainSibling(r))
      fit -= UNASKED_ACTION_PENALTY
    // A step done for another found procedure ("xác nhận … để đăng ký thường trú") is an action not asked either.
    else if (i < ACTION_CHECKS && servedSibling(r)) fit -= UNASKED_ACTION_PENALTY
    if (fit === 0) return { ...r, fit: 0 }
    const score = Math.round((r.score + fit) * 1000) / 1000
    return { ...r, score, fit: Math.round(fit * 1000) / 1000 }
  })
  // A name that does not cover the question ranks below its plain sibling that does: "Đăng ký khai sinh
  // kết hợp đăng ký nhận cha, mẹ, con" below "Đăng ký nhận cha, mẹ, con" for a child whose birth is
  // already registered, however many of the question's words its longer name holds.
  const groupWords: GroupWords[] = []
  for (let i = 0; i < Math.min(ACTION_CHECKS, scored.length); i++) {
    const r = scored[i] as SearchResult
    if (isNamedOutright(r) || !r.group || !contradicts(question, actions.misfit(question, r.name))) continue
    const words = wordsOf(r.group)
    for (let j = 0; j < scored.length; j++) {
      const s = scored[j] as SearchResult
      if (s === r || s.score >= r.score || isNamedOutright(s) || !s.group || s.group === r.group) continue
      // read once per search for every name it is compared with
      const sibling = groupWords[j] ?? wordsOf(s.group)
      groupWords[j] = sibling
      // This name is the sibling's with words added (a longer name holding nearly all of its words).
      if (
        sibling.set.size >= words.set.size ||
        !extendsPlain(words, sibling) ||
        actions.misfit(question, s.name)
      )
        continue
      scored[i] = { ...r, score: Math.round((s.score - 0.001) * 1000) / 1000 }
      break
    }
  }
  // The sort is stable: ties keep the search's order without carrying each result's position.
  // A found sibling of its object that fits ranks above a name the question rules out, among the first.
  const ranked = rankFittingSiblings({
    results: scored.sort((a, b) => b.score - a.score),
    actions,
    ruledOut: (r) => contradicts(question, actions.misfit(question, r.name)),
  })
  // A general name ranks below its found sibling for the one the question names (a foreigner, an employer …).
  const special = rankSpecialSiblings({ results: ranked, question, actions })
  // A name that only adds unasked words to a found sibling's ranks below it.
  return rankPlainSiblings({ results: special })
}
