/**
 * Turns a citizen's free text into weighted search terms: chat-speak rewritten, question
 * cues and filler removed, everyday names expanded to official terms ("sổ đỏ" → "giấy
 * chứng nhận quyền sử dụng đất"), procedure codes picked out.
 * @module
 */

import type { Facet } from '../answer/answer.types.ts'
import { containsPhrase } from './contains-phrase.ts'
import { createLruCache } from './create-lru-cache.ts'
import { dropClassifiers } from './drop-classifiers.ts'
import { dropMeasures } from './drop-measures.ts'
import { findLifeEvents } from './find-life-events.ts'
import { findShortNegation } from './find-negated-facts.ts'
import { findPurposeClause } from './find-purpose-clause.ts'
import { findStory } from './find-request-clause.ts'
import { findStoryVariants } from './find-story-variants.ts'
import { findTakenBack } from './find-taken-back.ts'
import { type Expansion, lookupPhrase, phraseSpan, type Synonyms } from './load-synonyms.ts'
import { namesDeath } from './names-death.ts'
import { type AnalyzedToken, analyzeMessage, analyzeText, isTypedWithMarks } from './normalize-vietnamese.ts'
import { respellSpoken } from './respell-spoken.ts'
import type { NameWords } from './search-index.types.ts'
import { splitRunTogether } from './split-run-together.ts'
import { typedPhraseIn } from './typed-phrase-at.ts'

/** Words that address the assistant where a message opens, typed without marks ("hi", "hey", "bot"). */
const OPENERS = new Set(['hi', 'hey', 'bot', 'ad', 'admin'])

export type QueryTerm = {
  /** Tone-normalised form, for exact-accent matching. */
  text: string
  folded: string
  /** Whether `text` carries the intended marks (typed with diacritics, or an official term). */
  accented: boolean
  weight: number
  fromSynonym: boolean
  /** A bracketed qualifier of an expansion ("[quyền sử dụng đất]"): optional, so never in a pair. */
  qualifier?: true
  /** Said only after "để" ("… để xây nhà"): what the procedure is for, not what is asked for. */
  purpose?: true
  /** Said only in the story a long message tells before its request (find-request-clause.ts). */
  story?: true
  /** Said only under a negation in the story ("chưa đăng ký kết hôn"): a fact, not what is asked (find-negated-facts.ts). */
  negated?: true
  /** For a word typed beside its dictionary reading ("công ty" → "doanh nghiệp"): the reading's words. */
  readAs?: string[]
  /** Said only where the message says what it does not want ("không phải … có yếu tố nước ngoài"): no word of the ask. */
  refused?: true
  /**
   * The pair of a two-syllable word the dictionary gave for what was typed ("visa" → "thị thực"):
   * the syllable counts only beside its partner, not in another word ("đô thị", "thực hiện").
   */
  bound?: string
}

export type ExpandedQuery = {
  /** Content terms in query order (duplicates removed). */
  terms: QueryTerm[]
  /** Folded word pairs in query order, for the phrase field. */
  bigrams: string[]
  /** Procedure codes typed in the text. */
  codes: string[]
  /** Facets named by cue phrases, in order of appearance. */
  facets: Facet[]
  /** Folded tokens after chat-speak rewriting, for the message classifier. */
  folded: string[]
  /** Tokens after chat-speak rewriting. */
  tokens: AnalyzedToken[]
  /** Whether any expansion fired. */
  expanded: boolean
  /** Word pairs said before a purpose clause ("… để …"), when the question has one. */
  headPairs?: string[]
  /** Word pairs of the request, when a long message tells a story before it (find-request-clause.ts). */
  requestPairs?: string[]
  /**
   * Word pairs said only under a negation ("không phải khai sinh có yếu tố nước ngoài, …"): what the
   * citizen says is not the case or not wanted, and the request does not say again.
   */
  deniedPairs?: string[]
  /** The words (indexes of `tokens`) of filler phrases of two words or more ("có việc muốn hỏi"): said, but of no topic. */
  fillerAt?: number[]
  /** The procedure words of each life event the message tells (find-life-events.ts). */
  events?: string[]
  /** The words of each variant the message's facts decide (find-story-variants.ts). */
  variants?: string[]
  /** The words of each variant the message's facts rule out (find-story-variants.ts). */
  ruledOut?: string[]
}

const CODE = /^\d\.\d{6}$/
/** Words (folded) that ask for papers without naming any: "làm giấy tờ", "xin thủ tục", "làm hồ sơ". */
const PAPERWORK = new Set(['cap', 'lam', 'xin', 'giay', 'to', 'thu', 'tuc', 'ho', 'so'])
const WEAK_WEIGHT = 0.35
/** "lần đầu", "mua": when or how, not what ("mới mua" is read as a first time, "mua lại" as buying). */
const NO_OBJECT_WORDS = new Set(['lan', 'dau', 'mua', 'ban'])
/** Words of the records' actions ("khôi phục", "cấp lại", "gia hạn"): a reading holding one names an action, not a thing. */
const ACTION_WORDS = new Set([
  'khoi',
  'phuc',
  'cap',
  'lai',
  'doi',
  'gia',
  'han',
  'thu',
  'hoi',
  'cham',
  'dut',
  'xoa',
  'huy',
  'dang',
  'ki',
  'thay',
  'chuyen',
  'nhuong',
  'tach',
  'hop',
  'giai',
  'the',
  'tam',
  'ngung',
])

/** The word a death's "mất" is read as. */
const DIED = analyzeText('chết')[0] as AnalyzedToken
/**
 * Words in brackets in an expansion ("giấy chứng nhận [quyền sử dụng đất]") qualify the
 * official term: a name that carries them ranks higher, but a name without them (the 2024 land
 * procedures say just "Giấy chứng nhận") is not pushed below names sharing only the qualifier.
 */
const QUALIFIER_WEIGHT = 0.5
/**
 * A small number typed as a digit, as the names spell it: in words ("công ty TNHH hai thành
 * viên") or in Roman numerals ("hạng III", "công trình cấp III").
 */
const NUMBER_WORDS = new Map([
  ['1', 'một i'],
  ['2', 'hai ii'],
  ['3', 'ba iii'],
  ['4', 'bốn iv'],
])
/** Units after a digit that make it a duration, an age or an amount ("3 năm", "2 lần"), not a count the names spell. */
const UNIT_WORDS = new Set(
  'nam thang ngay tuan tuoi gio phut lan trang ban to nguoi con dua chau trieu nghin ngan tram ti dong m m2 km kg tan lit cho chiec cai can tang ha'.split(
    ' ',
  ),
)
/** Words before a digit that make it a label ("phiếu số 2", "mẫu 1"), kept as typed. */
const LABEL_WORDS = new Set(['so', 'mau', 'tang', 'phong', 'khu', 'to', 'ap', 'thon', 'doi'])
/** Words before a digit that make it a grade or class ("hạng 3", "cấp 3", "loại 2"). */
const GRADE_WORDS = new Set(['hang', 'cap', 'loai', 'nhom', 'bac'])

/**
 * The digit's spellings as optional qualifiers, when it counts something ("2 thành viên") or
 * grades it ("hạng 3"); not in a date or an amount ("1995", "25 tuổi" are more than one digit).
 */
const numberTerms = (tokens: AnalyzedToken[], i: number, synonyms: Synonyms): QueryTerm[] => {
  const spelled = NUMBER_WORDS.get(tokens[i]?.folded ?? '')
  if (!spelled) return []
  const before = tokens[i - 1]?.folded ?? ''
  if (LABEL_WORDS.has(before)) return []
  const next = tokens[i + 1]
  const graded = GRADE_WORDS.has(before)
  if (!graded && (!next || /\d/.test(next.folded) || UNIT_WORDS.has(next.folded))) return []
  return expansionTerms(`[${spelled}]`, synonyms)
}

/**
 * The expansion's words, bracketed qualifiers weighing less. They depend on the expansion's text
 * alone (a synonym's weight is never weak), so its words are analysed once and copied for each query.
 */
const expansionTerms = (to: string, synonyms: Synonyms): QueryTerm[] =>
  termsOfExpansion(to, synonyms).map((t) => ({ ...t }))

/**
 * An official term the dictionary marks as one word of two syllables ("visa" → "thị thực", "chó" →
 * "động vật"): each syllable counts only beside the other. (Not an action: "mất" → "cấp lại" keeps
 * the "lại" of "đăng ký lại".)
 */
const bindOneWord = (terms: QueryTerm[]): QueryTerm[] => {
  const [first, second, ...more] = terms
  if (!first || !second || more.length || first.qualifier || second.qualifier) return terms
  const bound = `${first.folded}_${second.folded}`
  for (const t of terms) t.bound = bound
  return terms
}

const termsOfExpansion = (to: string, synonyms: Synonyms): readonly QueryTerm[] => {
  let terms = expansionCache.get(to)
  if (terms === undefined) {
    terms = to
      .split(/(\[[^\]]*\])/)
      .filter(Boolean)
      .flatMap((part) => {
        const qualifier = part.startsWith('[')
        return analyzeText(qualifier ? part.slice(1, -1) : part).map((t) => ({
          ...termOf(t, synonyms, true),
          accented: true,
          ...(qualifier ? { weight: QUALIFIER_WEIGHT, qualifier: true as const } : {}),
        }))
      })
    expansionCache.set(to, terms)
  }
  return terms
}
/** Expansions' and abbreviations' texts as analysed (bounded: staff may teach new ones). */
const expansionCache = createLruCache<readonly QueryTerm[]>({ maxEntries: 20_000 })
const abbreviationCache = createLruCache<readonly AnalyzedToken[]>({ maxEntries: 20_000 })

/** An abbreviation's replacement words, with marks (analysed once, copied for each query). */
const abbreviationTokens = (to: string): AnalyzedToken[] => {
  let tokens = abbreviationCache.get(to)
  if (tokens === undefined) {
    tokens = analyzeText(to).map((t) => ({ ...t, accented: true }))
    abbreviationCache.set(to, tokens)
  }
  return tokens.map((t) => ({ ...t }))
}

/** Rewrites chat-speak token runs ("ko" → "không", "dk" → "đăng ký") before phrase matching. */
export const rewriteAbbreviations = (tokens: AnalyzedToken[], synonyms: Synonyms): AnalyzedToken[] => {
  const folded = tokens.map((t) => t.folded)
  const out: AnalyzedToken[] = []
  let i = 0
  while (i < tokens.length) {
    let matched = false
    for (let n = phraseSpan(synonyms, folded, i); n >= 1; n--) {
      const key = n === 1 ? (folded[i] as string) : folded.slice(i, i + n).join(' ')
      const to = synonyms.abbreviations.get(key)
      if (to === undefined) continue
      out.push(...abbreviationTokens(to))
      i += n
      matched = true
      break
    }
    if (!matched) {
      out.push(tokens[i] as AnalyzedToken)
      i++
    }
  }
  return out
}

/** Where each cue phrase stands: its facet and its tokens [start, end). */
export type CueSpan = { facet: Facet; start: number; end: number }

/** @returns the cue phrases in the tokens, longest match first at each word, in order */
export const findCueSpans = (tokens: AnalyzedToken[], synonyms: Synonyms): CueSpan[] => {
  const folded = tokens.map((t) => t.folded)
  const spans: CueSpan[] = []
  let i = 0
  while (i < tokens.length) {
    let step = 1
    for (let n = phraseSpan(synonyms, folded, i); n >= 1; n--) {
      const facet = lookupPhrase(synonyms.cues, tokens, i, n)
      if (facet) {
        spans.push({ facet, start: i, end: i + n })
        step = n
        break
      }
    }
    i += step
  }
  return spans
}

/** Finds the facet cues in the tokens, longest phrase first, left to right. */
export const findCues = (tokens: AnalyzedToken[], synonyms: Synonyms): Facet[] =>
  findCueSpans(tokens, synonyms).map((c) => c.facet)

/** A word of the part asked, in the words an expansion's `unless` is read in. */
const ASKED: AnalyzedToken = { text: '_', folded: '_', accented: false }

/**
 * @param text the citizen's message
 * @returns weighted content terms, word pairs, codes and facet cues
 */
export const expandQuery = (
  text: string,
  synonyms: Synonyms,
  /**
   * The words and pairs the names hold: words typed glued without marks are cut by them
   * (split-run-together.ts), and syllables spelled as spoken respelled (respell-spoken.ts).
   */
  names?: NameWords,
): ExpandedQuery => {
  // (and the classifiers before a thing described and the measures between words dropped:
  // drop-classifiers.ts, drop-measures.ts)
  const repaired = (typed: AnalyzedToken[]) =>
    names
      ? respellSpoken(
          splitRunTogether(typed, (k) => names.df.has(k), synonyms),
          names,
          synonyms,
        )
      : typed
  const cut = (typed: AnalyzedToken[]) => dropMeasures(dropClassifiers(repaired(typed), synonyms))
  const tokens = rewriteAbbreviations(cut(analyzeMessage(text)), synonyms)
  const folded = tokens.map((t) => t.folded)
  const cueSpans = findCueSpans(tokens, synonyms)
  const facets = cueSpans.map((c) => c.facet)
  // The message without the words asking for a part ("hết bao nhiêu tiền"): the context an expansion's
  // `when` is read in, so that asking a fee is no word of money received ("bố mất, làm khai tử hết bao
  // nhiêu tiền" is not the survivors' allowance).
  // (not a time asked: "đóng cửa một thời gian" closes for a while)
  const inCue = (k: number, facets: (f: Facet) => boolean) =>
    cueSpans.some((c) => facets(c.facet) && k >= c.start && k < c.end)
  const context = folded.map((w, k) => (inCue(k, (f) => f !== 'duration') ? '_' : w)).join(' ')
  // (for what holds an expansion back, the cost and the time asked only: "mất" of "mất bao lâu" is no
  // paper lost, while "báo" of "mất giấy thông hành, báo ở đâu" still reports a loss)
  const costOrTime = (f: Facet) => f === 'fees' || f === 'duration'
  const withMarks = isTypedWithMarks(tokens)
  const codes = folded.filter((f) => CODE.test(f))

  // "chứng thực bản sao bằng lái" keeps "bằng lái" as typed (its `unless`); a paper asked about in a clause
  // of what the procedure needs ("đổi bằng lái có cần bản sao căn cước không") does not hold it back.
  const clause = findPurposeClause(tokens)
  const paper = clause?.kind === 'paper' ? clause : null
  // (nor in the words asking for a part: "mất" of "mất bao lâu" is no paper lost)
  const outside = tokens.flatMap((t, k) =>
    paper && k >= paper.start && k < paper.end ? [] : [inCue(k, costOrTime) ? ASKED : t],
  )
  const inAskedPaper = (i: number) => !!paper && i >= paper.start && i < paper.end
  // A cue made only of filler words ("thủ tục làm") must not swallow a following expansion ("làm lại").
  const isFillerOnly = (phrase: string) => phrase.split(' ').every((w) => synonyms.filler.has(w))

  // "chuyển đất vườn sang đất ở để xây nhà": what follows "để" is the purpose, up to a new clause.
  const purpose = clause
  const purposeAt = purpose?.start ?? -1
  const purposeEnd = purpose && purpose.end < tokens.length ? purpose.end : -1
  let headRuns = -1
  let purposeRuns = -1
  // "vợ em mới sinh bé ở bệnh viện tỉnh, giờ làm giấy khai sinh ở đâu": the story before the request.
  const told = findStory({
    text,
    tokens,
    analyse: (piece) => rewriteAbbreviations(cut(analyzeText(piece)), synonyms),
  })
  // "… nhưng chưa đăng ký kết hôn, …": what the story says was not done; in a short message, what it
  // says was not done before (or after) its request ("bố mẹ chưa đăng ký kết hôn làm khai sinh cho con").
  const shortNegated = told ? null : findShortNegation(tokens)
  // "đổi bằng lái, à không, làm lại …": what the message takes back is refused as "không phải …" is.
  const takenBack = findTakenBack(tokens)
  const story =
    told?.story ?? (shortNegated || takenBack ? new Array<boolean>(tokens.length).fill(false) : null)
  // "mua đất có hợp đồng công chứng rồi, giờ sang tên sổ đỏ thế nào": what holds an expansion of the
  // request back is read in the request when the story tells what is done ("rồi", "xong"): its
  // "công chứng" certified the contract, it asks no copy. (A story that only sets the scene still
  // counts: "doanh nghiệp khác đặt tên trùng …, đề nghị họ đổi tên" is a company's name, not a person's.)
  const storyAt = (k: number) => told?.story[k] === true
  const storyDone = tokens.some((t, k) => storyAt(k) && (t.folded === 'roi' || t.folded === 'xong'))
  const outsideStory =
    told && storyDone
      ? tokens.flatMap((t, k) =>
          paper && k >= paper.start && k < paper.end ? [] : [inCue(k, costOrTime) || storyAt(k) ? ASKED : t],
        )
      : null
  const fits = (e: Expansion, at = -1) =>
    (!e.when.length || e.when.some((w) => containsPhrase(context, w))) &&
    !e.unless.some((w) => typedPhraseIn(outsideStory && at >= 0 && !storyAt(at) ? outsideStory : outside, w))
  const negated = takenBack
    ? tokens.map((_, k) => takenBack[k] || (told?.negated ?? shortNegated)?.[k] === true)
    : (told?.negated ?? shortNegated)
  // Whether each run tells the story, and under a negation (runs never mix them).
  const runStory: boolean[] = []
  const runNegated: boolean[] = []
  // Whether each negated run says what is not wanted ("không phải …"), not what was not done ("chưa …").
  const runRefused: boolean[] = []
  let refusing = false
  let telling = false
  let denying = false
  const terms: QueryTerm[] = []
  const runs: QueryTerm[][] = []
  const fillerAt: number[] = []
  let run: QueryTerm[] = []
  const closeRun = () => {
    if (run.length) {
      runs.push(run)
      runStory.push(telling)
      runNegated.push(denying)
      runRefused.push(denying && refusing)
    }
    run = []
  }
  let expanded = false
  // Whether an everyday name of an object was read (not only paperwork: "làm giấy" → "cấp").
  let namedObject = false
  const spelledNumbers: QueryTerm[] = []
  // Where the message's words of address end ("hi bot …"), while they are being read.
  let opening = 0
  let i = 0
  while (i < tokens.length) {
    if (story && (story[i] !== telling || (negated?.[i] ?? false) !== denying)) {
      closeRun()
      telling = story[i] as boolean
      denying = negated?.[i] ?? false
      if (denying && !negated?.[i - 1])
        refusing =
          takenBack?.[i] === true || (tokens[i]?.folded === 'khong' && tokens[i + 1]?.folded === 'phai')
    }
    if (purposeAt >= 0 && i >= purposeAt && headRuns < 0) {
      closeRun()
      headRuns = runs.length
    }
    if (purposeEnd >= 0 && i >= purposeEnd && purposeRuns < 0) {
      closeRun()
      purposeRuns = runs.length
    }
    let consumed = 0
    // "hi bot, …", "hey ad …": a word of address only where the message opens ("hy sinh", "bột" stay words)
    const opener = tokens[i] as AnalyzedToken
    if (i === opening && i + 1 < tokens.length && OPENERS.has(opener.text) && !opener.accented) {
      closeRun()
      opening = i + 1
      i++
      continue
    }
    // "mẹ em mất": a death is not a lost paper; it expands as "chết" does ("… mất, nhận tiền tuất").
    if (namesDeath(tokens, i)) {
      const found = lookupPhrase(synonyms.expansions, [DIED], 0, 1, DIED.folded)
      const expansion = found && (found.before?.find(fits) ?? (fits(found) ? found : undefined))
      run.push(termOf(tokens[i] as AnalyzedToken, synonyms, false))
      if (expansion) run.push(...expansionTerms(expansion.to, synonyms))
      expanded ||= expansion !== undefined
      namedObject ||= expansion !== undefined
      consumed = 1
    }
    for (let n = consumed ? 0 : phraseSpan(synonyms, folded, i); n >= 1 && !consumed; n--) {
      const key = n === 1 ? (folded[i] as string) : folded.slice(i, i + n).join(' ')
      // (a paper asked about is read as typed: "có cần giấy xác nhận chỗ ở không" names no procedure)
      const found = inAskedPaper(i) ? undefined : lookupPhrase(synonyms.expansions, tokens, i, n, key)
      const fitsHere = (e: Expansion) => fits(e, i)
      const expansion = found && (found.before?.find(fitsHere) ?? (fitsHere(found) ? found : undefined))
      if (expansion) {
        const terms = expansionTerms(expansion.to, synonyms)
        // A country kept beside its reading ("Hàn Quốc", "Trung Quốc") counts only as that word: its
        // "quốc", never a word alone, is not the "quốc" of "quốc tế" or "quốc tịch".
        if (expansion.keep) {
          const kept = tokens.slice(i, i + n).map((t) => termOf(t, synonyms, false))
          // The words typed and their reading name one thing: a name holding the reading ("doanh
          // nghiệp" for "công ty") leaves no typed word uncovered.
          const said = kept.filter((t) => !terms.some((e) => e.folded === t.folded))
          // (not a reading that names an action: "tìm lại" read as "khôi phục" still asks what is found)
          if (said.length && !terms.some((e) => ACTION_WORDS.has(e.folded)))
            for (const t of said)
              t.readAs = terms.filter((e) => !said.some((k) => k.folded === e.folded)).map((e) => e.folded)
          const country = n >= 2 && kept[n - 1]?.folded === 'quoc' ? kept.splice(n - 2) : []
          run.push(...kept, ...bindOneWord(country))
        }
        if (!expansion.keep) closeRun()
        run.push(...(expansion.oneWord ? bindOneWord(terms) : terms))
        if (!expansion.keep) closeRun()
        expanded = true
        namedObject ||= !terms.every(
          (t) => PAPERWORK.has(t.folded) || ACTION_WORDS.has(t.folded) || NO_OBJECT_WORDS.has(t.folded),
        )
        consumed = n
      } else if (lookupPhrase(synonyms.cues, tokens, i, n, key) && !isFillerOnly(key)) {
        closeRun()
        consumed = n
      } else if (lookupPhrase(synonyms.filler, tokens, i, n, key)) {
        const t = tokens[i] as AnalyzedToken
        // Typed without marks, "thi" may be "thì" (filler) or "thi" (exam): keep it, weakly; in a
        // message typed with marks ("làm đơn yêu cầu thi hành án") it is "thi", as typed.
        const ambiguous = n === 1 && !t.accented && synonyms.ambiguousFiller.has(key)
        if (ambiguous) run.push({ ...termOf(t, synonyms, false), weight: withMarks ? 1 : WEAK_WEIGHT })
        else closeRun()
        if (n > 1) for (let k = 0; k < n; k++) fillerAt.push(i + k)
        // ("chào bot, …": a word of address may follow a greeting)
        if (i === opening && !ambiguous) opening = i + n
        consumed = n
      }
    }
    if (!consumed) {
      const t = tokens[i] as AnalyzedToken
      if (CODE.test(t.folded)) closeRun()
      else if (inToldSpan(tokens, i)) run.push({ ...termOf(t, synonyms, false), weight: WEAK_WEIGHT })
      else {
        run.push(termOf(t, synonyms, false))
        spelledNumbers.push(...numberTerms(tokens, i, synonyms))
      }
      consumed = 1
    }
    i += consumed
  }
  closeRun()
  // "… muốn làm giấy tờ để đứng tên mảnh đất ông để lại": nothing but paperwork asked before "để"
  // (the story aside), so what follows it is the request, not what the procedure is for.
  const asked = runs.slice(0, Math.max(headRuns, 0)).filter((_, k) => !runStory[k])
  if (asked.length && asked.every((r) => r.every((t) => PAPERWORK.has(t.folded) || t.weight < 1)))
    headRuns = -1
  // "… mà gia đình chưa khai tử, nay muốn làm thì cần giấy tờ gì": a request of nothing but paperwork
  // asks for what the story says was not done yet.
  const request = runs.filter((_, k) => !runStory[k] && !runNegated[k])
  const bareRequest = request.every((r) => r.every((t) => PAPERWORK.has(t.folded) || t.weight < 1))
  if (runNegated.includes(true) && bareRequest)
    runs.forEach((_, k) => {
      if (runNegated[k]) runStory[k] = runNegated[k] = runRefused[k] = false
    })
  // A word said both before and after "để" keeps its full weight (the first, unmarked, copy wins).
  if (headRuns >= 0)
    for (const r of runs.slice(headRuns, purposeRuns < 0 ? runs.length : purposeRuns))
      for (const t of r) t.purpose = true
  // "vợ tôi vừa sinh em bé, …": the procedure a life event told in the story leads to is what is asked
  // ("giờ phải làm giấy tờ gì cho cháu"), so its words weigh as the request's do.
  // An event the story says did not happen ("chưa cưới") leads nowhere. A message with no story told
  // apart and no everyday name of an object read (one run of words, "bố tôi vừa qua đời thì gia đình
  // phải báo với xã thế nào") tells it anywhere.
  const tellsAt = story ? story.map((s, k) => s && !negated?.[k]) : tokens.map(() => !namedObject)
  // There, a relative's "mất" ("ông nội em mất tuần trước, nhà cần làm giấy gì") is a death told.
  const diedAt = story ? undefined : (k: number) => namesDeath(tokens, k)
  // Words the message asks for without typing them: a run of the request.
  const addAsked = (words: string) => {
    runs.push(expansionTerms(words, synonyms))
    runStory.push(false)
    runNegated.push(false)
    runRefused.push(false)
    expanded = true
  }
  // A story before a request of nothing but paperwork ("vừa mua lại chiếc xe của anh họ, phải làm giấy
  // tờ gì") tells every event, as a message with no story does.
  const events = findLifeEvents({ tokens, story: tellsAt, diedAt, bare: !!story && bareRequest })
  for (const to of events) addAsked(to)
  // "con em sinh bên Nhật, …, đăng ký khai sinh ở đâu": a fact that decides the variant adds its words.
  const { implied: variants, ruledOut } = findStoryVariants({ tokens })
  for (const to of variants) addAsked(to)
  // A refusal names the procedure asked and denies its variant: it shares a word pair with the rest of
  // the message ("không phải khai sinh có yếu tố nước ngoài, …, làm khai sinh ở đâu"). One that shares
  // none tells a fact ("người dịch không phải cộng tác viên của xã").
  if (runRefused.includes(true)) {
    const said = new Set(topicPairs(runs.filter((_, k) => !runNegated[k])))
    // (the refusal's runs in a row, cut by filler: "khai sinh" | "yếu tố nước ngoài")
    for (let k = 0; k < runs.length; ) {
      let end = k
      while (runRefused[end]) end++
      if (end > k && !topicPairs(runs.slice(k, end)).some((p) => said.has(p))) runRefused.fill(false, k, end)
      k = Math.max(end, k + 1)
    }
  }
  runs.forEach((r, k) => {
    if (runStory[k]) for (const t of r) t.story = true
    if (runNegated[k]) for (const t of r) t.negated = true
    if (runRefused[k]) for (const t of r) t.refused = true
  })
  // After the words typed, so a digit's pairs stay as typed ("hạng_3") and its spellings pair with nothing.
  for (const t of spelledNumbers) runs.push([t])

  const byFolded = new Map<string, QueryTerm>()
  for (const t of runs.flat()) {
    const seen = byFolded.get(t.folded)
    if (!seen) {
      byFolded.set(t.folded, { ...t })
      terms.push(byFolded.get(t.folded) as QueryTerm)
    } else {
      seen.weight = Math.max(seen.weight, t.weight)
      seen.accented ||= t.accented
      seen.fromSynonym ||= t.fromSynonym
      // Said on its own too, or in another word: it stands alone.
      if (seen.bound !== t.bound) delete seen.bound
      // A word of the story the request says too is a word of the request.
      if (!t.story) delete seen.story
      if (!t.negated) delete seen.negated
      if (!t.refused) delete seen.refused
    }
  }
  const bigrams: string[] = []
  for (const r of runs) {
    for (let k = 0; k + 1 < r.length; k++) {
      // a qualifier is optional: pairs with it would retrieve only the names that carry it
      if (r[k]?.qualifier || r[k + 1]?.qualifier) continue
      const pair = `${r[k]?.folded}_${r[k + 1]?.folded}`
      if (!bigrams.includes(pair)) bigrams.push(pair)
    }
  }
  const headPairs = headRuns >= 0 ? topicPairs(runs.slice(0, headRuns)) : []
  const saidPairs = new Set(topicPairs(runs.filter((_, k) => !runNegated[k])))
  const deniedPairs = topicPairs(runs.filter((_, k) => runRefused[k])).filter((p) => !saidPairs.has(p))
  const requestPairs = story ? topicPairs(runs.filter((_, k) => !runStory[k] && !runNegated[k])) : []
  return {
    terms,
    bigrams,
    codes,
    facets,
    folded,
    tokens,
    expanded,
    ...(headRuns >= 0 ? { headPairs } : {}),
    ...(story ? { requestPairs } : {}),
    ...(deniedPairs.length ? { deniedPairs } : {}),
    ...(fillerAt.length ? { fillerAt } : {}),
    ...(events.length ? { events } : {}),
    ...(variants.length ? { variants } : {}),
    ...(ruledOut.length ? { ruledOut } : {}),
  }
}

/** The runs' pairs of full words, which may name a topic ("mới đẻ", "1 tuần" do not). */
const topicPairs = (runs: readonly QueryTerm[][]): string[] => {
  const pairs: string[] = []
  for (const r of runs)
    for (let k = 0; k + 1 < r.length; k++) {
      const a = r[k] as QueryTerm
      const b = r[k + 1] as QueryTerm
      if (a.qualifier || b.qualifier || a.weight < 1 || b.weight < 1 || /\d/.test(a.folded + b.folded))
        continue
      pairs.push(`${a.folded}_${b.folded}`)
    }
  return pairs
}

/** Units of a span of time ("3 tháng", "2 tuần", "10 ngày") — folded. */
const TIME_UNITS = new Set(['ngay', 'thang', 'nam', 'tuan', 'hom', 'bua'])
/** Words before a number that make it a date, not a span ("ngày 3 tháng 5", "tháng 7", "năm 2024") — folded. */
const DATE_WORDS = new Set(['ngay', 'thang', 'nam', 'truoc', 'sau'])

/**
 * Whether the word at `i` is part of a span of time the message tells ("tạm ngừng kinh doanh 3 tháng",
 * "ở được 2 năm"): a fact of the case, which few procedures' names are about, so it weighs little (a
 * date such as "tháng 7" or "ngày 3 tháng 5" is no span; "sở hữu căn hộ 50 năm" still finds the term).
 */
const inToldSpan = (tokens: readonly AnalyzedToken[], i: number): boolean => {
  const isSpanNumber = (k: number) =>
    /^\d{1,3}$/.test(tokens[k]?.folded ?? '') &&
    TIME_UNITS.has(tokens[k + 1]?.folded ?? '') &&
    !DATE_WORDS.has(tokens[k - 1]?.folded ?? '') &&
    !tokens[k + 1]?.clause
  return isSpanNumber(i) || (TIME_UNITS.has(tokens[i]?.folded ?? '') && isSpanNumber(i - 1))
}

const termOf = (t: AnalyzedToken, synonyms: Synonyms, fromSynonym: boolean): QueryTerm => ({
  text: t.text,
  folded: t.folded,
  accented: t.accented,
  weight: !fromSynonym && synonyms.weak.has(t.folded) ? WEAK_WEIGHT : 1,
  fromSynonym,
})
