/**
 * What a procedure does and for whom, read from its name, and what a question asks for, read
 * from its words, so an answer is given only for the procedure that covers the question: its
 * action (cấp mới, cấp lại, cấp đổi, gia hạn, hủy, thu hồi, chấm dứt, thay đổi, with everyday
 * equivalents: "làm lại", "bị mất" → cấp lại; "hết hạn" → cấp đổi), the qualifiers that decide
 * between variants (người nước ngoài, ô tô / xe máy, procedures only officers may use) and age
 * limits ("dưới 14 tuổi", "từ đủ 14 tuổi": a question's "14 tuổi" is đủ 14 tuổi).
 * The vocabulary lives in knowledge/data/procedure-actions.json.
 * @module
 */

import { z } from 'zod'
import { builtOnce, loadDataFile } from '../load-built-in-data.ts'
import { containsPhrase } from '../search/contains-phrase.ts'
import { findTakenBack } from '../search/find-taken-back.ts'
import { inCompound } from '../search/in-compound.ts'
import { namesDeath, namesLostPaper } from '../search/names-death.ts'
import { namesHarmedPaper } from '../search/names-harmed-paper.ts'
import { type AnalyzedToken, analyzeText } from '../search/normalize-vietnamese.ts'
import { asksPaperAgain } from './asks-paper-again.ts'
import { findRequestedPart } from './find-requested-part.ts'

/** A word no phrase holds, in place of one read otherwise (a death's "mất"). */
const HIDDEN: AnalyzedToken = { text: '', folded: '', accented: false }

/** Words after a closing "thôi" ("một năm thôi thì …", "hỏi thôi nhé"): particles and a new clause, no object. */
const AFTER_ONLY = new Set([
  'thi',
  'ma',
  'nhe',
  'nha',
  'a',
  'ha',
  'nhi',
  'vay',
  'chu',
  'con',
  'nhung',
  'de',
  'roi',
  'ak',
  'nhen',
])

const WISHED = new Set(['muon', 'xin', 'dinh', 'se', 'phai'])

/**
 * Whether tokens[k] is a closing "thôi", the "only" that ends a clause ("em chỉ thuê ở tạm một năm
 * thôi"), not the action of "thôi quốc tịch" or "thôi kinh doanh", which names its object after it.
 */
const saysOnly = (tokens: readonly AnalyzedToken[], k: number): boolean => {
  const t = tokens[k]
  if (t?.folded !== 'thoi' || (t.accented && t.text !== 'thôi') || k === 0) return false
  // "muốn thôi", "xin thôi": the wish is the action
  if (WISHED.has(tokens[k - 1]?.folded ?? '')) return false
  const next = tokens[k + 1]
  return next === undefined || AFTER_ONLY.has(next.folded)
}

const ZPhrases = z.array(z.string().min(1))
export const ZProcedureActionsFile = z.object({
  $comment: z.string().optional(),
  actions: z.record(
    z.string(),
    z.object({
      label: z.string(),
      name: ZPhrases,
      question: ZPhrases,
      /** A question asking this fits a main procedure whose name names no action ("lần đầu"). */
      fitsMainProcedure: z.boolean().optional(),
    }),
  ),
  qualifiers: z.array(
    z.object({
      $comment: z.string().optional(),
      group: z.string(),
      /**
       * Only the name's head (before its first bracket) is read for this group: what the procedure
       * does is said there, its brackets say what must have happened before ("Nghiệm thu … (… đã được
       * cấp Giấy chứng nhận thẩm duyệt thiết kế …)" is an acceptance, not an appraisal).
       */
      head: z.boolean().optional(),
      values: z.record(
        z.string(),
        z.object({
          label: z.string(),
          name: ZPhrases,
          question: ZPhrases,
          /** A name carrying only such values fits only a question that names one of them. */
          onlyWhenAsked: z.boolean().optional(),
        }),
      ),
    }),
  ),
  /**
   * Words in a name that make it a special variant of a procedure (kết hợp nhận cha, mẹ, con; có yếu
   * tố nước ngoài; lưu động …): such a name ranks below its plain sibling unless the question asks for it.
   */
  /** Question phrases that hold an action word but name no action ("qua đời" is not "đổi"). */
  notActions: ZPhrases.optional(),
  variants: z
    .array(z.object({ id: z.string(), label: z.string(), name: ZPhrases, question: ZPhrases }))
    .optional(),
})
export type ProcedureActionsFile = z.infer<typeof ZProcedureActionsFile>

/** Actions and qualifier values found in a name or a question. */
export type Traits = {
  actions: Set<string>
  /** group → values */
  qualifiers: Map<string, Set<string>>
  /** Variant ids (see the file's `variants`) the name carries or the question asks for. */
  variants: Set<string>
  /** A name: the ages it is for ([min, max), null when open); a question: the age it names. */
  ageMin: number | null
  ageMax: number | null
  age: number | null
  /** A name: qualifier values it names only as an exception ("(trừ xe mô tô, xe gắn máy)"), group → values. */
  excluded?: Map<string, Set<string>>
  /**
   * A name: the actions of what it is for ("… hỗ trợ … để chuyển đổi từ chăn nuôi sang nghề khác"): a
   * question asking that action may be answered by it, though they are not what the procedure does.
   */
  purposeActions?: Set<string>
}

/** Why a procedure does not cover the question. */
export type Misfit =
  | { kind: 'action'; asked: string[] }
  | { kind: 'qualifier'; group: string }
  | { kind: 'age' }
  /** The question narrows the object to something the name does not cover (folded words). */
  | { kind: 'object'; asked: string[] }

export type ProcedureActions = {
  ofQuestion: (tokens: readonly AnalyzedToken[]) => Traits
  ofName: (name: string) => Traits
  /** null when the procedure named `name` covers what the question asks, else why not. */
  misfit: (question: Traits, name: string) => Misfit | null
  /** The folded words of the question that name an action, qualifier or variant ("lần đầu", "bị mất"). */
  phraseWords: (tokens: readonly AnalyzedToken[]) => Set<string>
  /**
   * {@link phraseWords} without the words of qualifier values no name carries: in a name, "bảo hiểm xã hội"
   * is what it is about, not the "insured" a question's phrase reads.
   */
  ownPhraseWords: (tokens: readonly AnalyzedToken[]) => Set<string>
  /** The folded words of the question that name a qualifier only ("người Úc", "xe máy"). */
  qualifierWords: (tokens: readonly AnalyzedToken[]) => Set<string>
  /** Everyday label of an action id ("cấp lại"). */
  actionLabel: (id: string) => string
  /** Label of a variant id ("Có yếu tố nước ngoài"). */
  variantLabel: (id: string) => string
  /** Whether a question asking this action fits a main procedure whose name names no action ("lần đầu"). */
  fitsMain: (id: string) => boolean
  /**
   * The qualifier values a name holds only for someone special (a foreigner, an officer, an employer
   * paying for staff …), group → values: such a name fits only a question that names them.
   */
  onlyWhenAsked: ReadonlyMap<string, ReadonlySet<string>>
}

type Target = { action: string } | { group: string; value: string } | { variant: string } | { none: true }
type Phrase = { tokens: AnalyzedToken[]; targets: Target[] }

const compile = (entries: [string, Target][]): Map<string, Phrase[]> => {
  const byText = new Map<string, Phrase>()
  for (const [text, target] of entries) {
    const tokens = analyzeText(text)
    const key = tokens.map((t) => t.text).join(' ')
    const seen = byText.get(key)
    if (seen) seen.targets.push(target)
    else byText.set(key, { tokens, targets: [target] })
  }
  const byFirst = new Map<string, Phrase[]>()
  for (const p of byText.values()) {
    const first = p.tokens[0]?.folded
    if (!first) continue
    const list = byFirst.get(first) ?? []
    list.push(p)
    byFirst.set(first, list)
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length)
  return byFirst
}

/** A question word typed without marks matches folded; with marks it must agree; names are official text. */
const sameWord = (typed: AnalyzedToken, phrase: AnalyzedToken, official: boolean): boolean =>
  official
    ? typed.text === phrase.text
    : typed.folded === phrase.folded && (!typed.accented || typed.text === phrase.text)

/** Words before a question's phrase that deny it ("không", "không phải", "không bị", "không cần"), folded. */
const DENIALS = ['khong', 'khong phai', 'khong bi', 'khong can', 'chang', 'chang phai'].map((d) =>
  d.split(' '),
)

/** Whether the question denies the phrase starting at token i ("không" typed with its marks, or without any). */
const deniedAt = (tokens: readonly AnalyzedToken[], i: number): boolean =>
  DENIALS.some((words) => {
    const from = i - words.length
    if (from < 0) return false
    const first = tokens[from] as AnalyzedToken
    if (first.accented && !['không', 'chẳng'].includes(first.text.toLowerCase())) return false
    return words.every((w, k) => tokens[from + k]?.folded === w && (k === 0 || !tokens[from + k]?.clause))
  })

const scan = (
  tokens: readonly AnalyzedToken[],
  phrases: Map<string, Phrase[]>,
  official: boolean,
  consumed?: Set<string>,
  /** Which phrases' words go into `consumed` (all when not given). */
  keep?: (targets: readonly Target[]) => boolean,
): Target[] => {
  const found: Target[] = []
  let i = 0
  while (i < tokens.length) {
    let step = 1
    if (inCompound(tokens, i)) {
      i++
      continue
    }
    for (const p of phrases.get(tokens[i]?.folded ?? '') ?? []) {
      if (i + p.tokens.length > tokens.length) continue
      // a question's phrase is not read across a clause break ("xây dựng, hồ sơ" holds no "dừng hồ
      // sơ"; `analyzeMessage` marks them, names are read without marks: "tổ chức, cá nhân trả thu nhập")
      const word = (pt: (typeof p.tokens)[number], k: number) => {
        const t = tokens[i + k] as AnalyzedToken
        return (k === 0 || !t.clause) && sameWord(t, pt, official)
      }
      if (p.tokens.every(word)) {
        // "không mất, chỉ hết hạn", "không phải cấp lại": an action the question denies is not asked
        found.push(
          ...(official || !deniedAt(tokens, i) ? p.targets : p.targets.filter((t) => !('action' in t))),
        )
        step = p.tokens.length
        if (!keep || keep(p.targets))
          for (let k = 0; k < step; k++) consumed?.add(tokens[i + k]?.folded ?? '')
        break
      }
    }
    i += step
  }
  return found
}

const traitsOf = (targets: Target[]): Traits => {
  const traits: Traits = {
    actions: new Set(),
    qualifiers: new Map(),
    variants: new Set(),
    ageMin: null,
    ageMax: null,
    age: null,
  }
  for (const t of targets) {
    if ('action' in t) traits.actions.add(t.action)
    else if ('variant' in t) traits.variants.add(t.variant)
    else if ('none' in t) continue
    else {
      const values = traits.qualifiers.get(t.group) ?? new Set<string>()
      values.add(t.value)
      traits.qualifiers.set(t.group, values)
    }
  }
  return traits
}

const UNDER = new Set(['duoi', 'chua du', 'nho hon'])
const OVER = new Set(['tren', 'hon', 'lon hon'])
const AT_LEAST = new Set(['tu du', 'du', 'tu'])

/** "dưới 14 tuổi", "từ đủ 14 tuổi trở lên", "6 tuổi": the number and the word(s) before it. */
const ages = (tokens: readonly AnalyzedToken[]): { n: number; before: string }[] => {
  const out: { n: number; before: string }[] = []
  tokens.forEach((t, i) => {
    if (!/^\d{1,3}$/.test(t.folded) || tokens[i + 1]?.folded !== 'tuoi') return
    const one = tokens[i - 1]?.folded ?? ''
    const two = `${tokens[i - 2]?.folded ?? ''} ${one}`
    out.push({
      n: Number(t.folded),
      before: UNDER.has(two) || AT_LEAST.has(two) || OVER.has(two) ? two : one,
    })
  })
  return out
}

/** An old person named without an age ("làm căn cước cho người già", "bà cụ nhà tôi") — folded. */
const ELDERLY = ['nguoi gia', 'nguoi cao tuoi', 'nguoi lon tuoi', 'cu gia', 'ong cu', 'ba cu', 'gia yeu']
/** The age an old person named without one is read as: past every age limit of the names ("từ đủ 14 tuổi"). */
const ELDERLY_AGE = 60
/**
 * A grown-up named by kinship ("làm căn cước cho bố tôi", "chồng mình", "má tui"), folded: read past the
 * children's limits unless a child is named too ("vợ tôi muốn làm cho con").
 */
const GROWN_KIN = /(?:^|\s)(?:bo|me|cha|ba|ma|tia|vo|chong|ong)\s(?:toi|minh|tui|noi|ngoai)(?=\s|$)/
/** A child named beside ("con", "cháu", "bé"; "còn" typed with its marks is no child). */
const isChild = (t: AnalyzedToken) =>
  ['con', 'chau', 'be', 'tre'].includes(t.folded) && (!t.accented || t.text.toLowerCase() !== 'còn')
/** The age a grown-up named by kinship is read as: of age for every adult variant, not old. */
const GROWN_AGE = 18
/** A baby or young child named without an age ("trẻ sơ sinh", "bé mới sinh", "em bé") — folded. */
const INFANT = ['so sinh', 'moi sinh', 'moi de', 'em be', 'tre nho']
/** The age a baby or young child named without one is read as: under every child's limit of the names. */
const INFANT_AGE = 1

/** The question's traits with the age it names ("6 tuổi", "dưới 14 tuổi"; "người già" as well past 14, "trẻ sơ sinh" under it). */
const withAge = (traits: Traits, tokens: readonly AnalyzedToken[]): Traits => {
  const [age] = ages(tokens)
  if (age) traits.age = UNDER.has(age.before) ? age.n - 0.5 : OVER.has(age.before) ? age.n + 0.5 : age.n
  else {
    const folded = tokens.map((t) => t.folded).join(' ')
    if (ELDERLY.some((phrase) => containsPhrase(folded, phrase))) traits.age = ELDERLY_AGE
    else if (INFANT.some((phrase) => containsPhrase(folded, phrase))) traits.age = INFANT_AGE
    else if (GROWN_KIN.test(folded) && !tokens.some(isChild)) traits.age = GROWN_AGE
  }
  return traits
}

const MAX_CACHED_NAMES = 10_000

/** A name that lists the first issue before other actions: "Cấp, cấp lại …", "Thủ tục cấp, gia hạn …", "Đăng ký, đăng ký lại …". */
const FIRST_ISSUE_LISTED = /^(?:thủ tục\s+)?(?:cấp|đăng ký)\s*,/iu

/**
 * "(trừ xe mô tô, xe gắn máy)", ", trừ trường hợp …", "ngoại trừ …" in a name: what follows is what
 * the procedure is not for ("khấu trừ", "miễn trừ", "bù trừ" are other words and are left alone).
 */
const EXCEPTION = /(?:\(\s*|,\s*|ngoại\s+)trừ\s+([^)]*)\)?/giu

/**
 * What a name's procedure is for, up to its next alternative or bracket ("… vay vốn để hộ gia đình,
 * cá nhân tự xây dựng hoặc cải tạo, sửa chữa nhà ở", "… cổ phiếu để hoán đổi nợ"): its actions are
 * the purpose, not what the procedure does.
 */
const PURPOSE = /\sđể\s[^/;(]*/giu
/** "Dừng thực hiện thủ tục đăng ký …; Dừng thực hiện thủ tục giải thể …": the procedure halted, up to the next clause. */
const HALTED = /(dừng thực hiện(?: thủ tục)?)[^;]*/giu

/**
 * @param model the vocabulary (defaults to knowledge/data/procedure-actions.json)
 * @example const actions = createProcedureActions(); actions.misfit(actions.ofQuestion(q.tokens), 'Cấp lại thẻ căn cước')
 */
export const createProcedureActions = (
  model: ProcedureActionsFile = loadProcedureActions(),
): ProcedureActions => {
  const nameEntries: [string, Target][] = []
  const headEntries: [string, Target][] = []
  const questionEntries: [string, Target][] = []
  const mainFits = new Set<string>()
  for (const [action, a] of Object.entries(model.actions)) {
    for (const p of a.name) nameEntries.push([p, { action }])
    for (const p of a.question) questionEntries.push([p, { action }])
    if (a.fitsMainProcedure) mainFits.add(action)
  }
  const onlyWhenAsked = new Map<string, Set<string>>()
  // Qualifier values no name carries ("insured": "bảo hiểm xã hội" in a question): their words are an object in a name.
  const nameless = new Set<string>()
  for (const q of model.qualifiers) {
    for (const [value, v] of Object.entries(q.values)) {
      if (!v.name.length) nameless.add(`${q.group}:${value}`)
      for (const p of v.name) (q.head ? headEntries : nameEntries).push([p, { group: q.group, value }])
      for (const p of v.question) questionEntries.push([p, { group: q.group, value }])
      if (v.onlyWhenAsked) {
        const set = onlyWhenAsked.get(q.group) ?? new Set<string>()
        set.add(value)
        onlyWhenAsked.set(q.group, set)
      }
    }
  }
  for (const v of model.variants ?? []) {
    for (const p of v.name) nameEntries.push([p, { variant: v.id }])
    for (const p of v.question) questionEntries.push([p, { variant: v.id }])
  }
  for (const p of model.notActions ?? []) questionEntries.push([p, { none: true }])
  const variantLabels = new Map((model.variants ?? []).map((v) => [v.id, v.label]))
  const namePhrases = compile(nameEntries)
  const headPhrases = compile(headEntries)
  const questionPhrases = compile(questionEntries)
  // A paper damaged ("bị rách", "hư hỏng") is re-issued or exchanged, as each record says: the
  // phrases that stand for both actions.
  const texts = new Map<string, Set<string>>()
  for (const [text, t] of questionEntries)
    if ('action' in t) texts.set(text, (texts.get(text) ?? new Set()).add(t.action))
  const damagePhrases = compile(
    [...texts].flatMap(([text, actions]): [string, Target][] =>
      actions.has('reissue') && actions.has('exchange') ? [[text, { action: 'reissue' }]] : [],
    ),
  )
  const cache = new Map<string, Traits>()

  const ofName = (name: string): Traits => {
    const seen = cache.get(name)
    if (seen) return seen
    const acting = name.normalize('NFC').replace(EXCEPTION, ' ')
    const tokens = analyzeText(acting)
    const head = headEntries.length ? analyzeText(name.normalize('NFC').split('(')[0] ?? '') : []
    const traits = traitsOf([...scan(tokens, namePhrases, true), ...scan(head, headPhrases, true)])
    // "… vay vốn để … cải tạo, sửa chữa nhà ở": the actions after "để" are what it is for.
    const done = acting.replace(PURPOSE, ' ')
    if (done !== acting) {
      const own = traitsOf(scan(analyzeText(done), namePhrases, true)).actions
      const purpose = new Set([...traits.actions].filter((a) => !own.has(a)))
      traits.actions = own
      if (purpose.size) traits.purposeActions = purpose
    }
    // "Dừng thực hiện thủ tục giải thể hợp tác xã": the record halts a dissolution, it does not dissolve.
    const halting = acting.replace(HALTED, '$1')
    if (halting !== acting) traits.actions = traitsOf(scan(analyzeText(halting), namePhrases, true)).actions
    // "Cấp, cấp lại giấy phép …", "Đăng ký, đăng ký lại …": the bare verb listed first is the first issue.
    if (traits.actions.size && FIRST_ISSUE_LISTED.test(name.normalize('NFC')) && model.actions.new)
      traits.actions.add('new')
    const exceptions = [...name.normalize('NFC').matchAll(EXCEPTION)].map((m) => m[1] ?? '').join(' ')
    if (exceptions.trim()) {
      const excluded = new Map<string, Set<string>>()
      for (const [group, values] of traitsOf(scan(analyzeText(exceptions), namePhrases, true)).qualifiers) {
        const named = traits.qualifiers.get(group)
        const only = new Set([...values].filter((v) => !named?.has(v)))
        if (only.size) excluded.set(group, only)
      }
      if (excluded.size) traits.excluded = excluded
    }
    for (const { n, before } of ages(tokens)) {
      if (UNDER.has(before)) traits.ageMax = n
      else if (OVER.has(before)) traits.ageMin = n + 1
      else if (AT_LEAST.has(before)) traits.ageMin = n
    }
    if (cache.size >= MAX_CACHED_NAMES) cache.clear()
    cache.set(name, traits)
    return traits
  }

  /** The message opens with a phrase that holds an action word but names no action ("mất bao lâu"). */
  const namesNoAction = (tokens: readonly AnalyzedToken[]): boolean => {
    for (const p of questionPhrases.get(tokens[0]?.folded ?? '') ?? [])
      if (
        p.tokens.length <= tokens.length &&
        p.tokens.every((pt, k) => sameWord(tokens[k] as AnalyzedToken, pt, false))
      )
        return p.targets.every((t) => 'none' in t)
    return false
  }

  const actionsIn = (words: readonly AnalyzedToken[]): Set<string> =>
    traitsOf(scan(words, questionPhrases, false)).actions

  const ofQuestion = (typed: readonly AnalyzedToken[]): Traits => {
    // "mẹ em mất", "… thì mất": a death names no action, nor does a closing "thôi" ("ở tạm một năm
    // thôi thì đăng ký gì": "only"); their words are hidden from the phrases.
    // What the message takes back ("đổi bằng lái, à không, làm lại …") names no action asked either.
    const back = findTakenBack(typed)
    const tokens = typed.map((t, k) => (back?.[k] || namesDeath(typed, k) || saysOnly(typed, k) ? HIDDEN : t))
    const traits = traitsOf(scan(tokens, questionPhrases, false))
    // "đã thôi quốc tịch, giờ muốn trở lại": the action asked is the one after "muốn", not what happened before.
    const requested = findRequestedPart(tokens, (words) => actionsIn(words).size > 0)
    if (requested) {
      traits.actions = actionsIn(requested)
      // "sổ đỏ bị rách nát, muốn làm lại cái mới": after a paper told damaged, an everyday "làm lại"
      // asks for either action; only the official "cấp lại" narrows it.
      if (
        traits.actions.size === 1 &&
        traits.actions.has('reissue') &&
        scan(tokens, damagePhrases, false).length > 0 &&
        !requested.some((t, k) => t.folded === 'cap' && requested[k + 1]?.folded === 'lai')
      )
        traits.actions.add('exchange')
      return withAge(traits, tokens)
    }
    // "mất hộ chiếu": a message that starts with "mất" reports a loss ("bố mất" is a death, "mất bao
    // lâu" a duration: phrases that name no action).
    if (
      tokens[0]?.folded === 'mat' &&
      (!tokens[0].accented || tokens[0].text === 'mất') &&
      !namesNoAction(tokens)
    )
      traits.actions.add('reissue')
    // "đăng ký kết hôn lại", "làm căn cước lại": the verb and "lại" around the paper say "đăng ký lại".
    if (!traits.actions.size && asksPaperAgain(tokens)) traits.actions.add('reissue')
    // "bị móc túi mất bằng lái": a paper lost, told anywhere in the message.
    if (!traits.actions.size && tokens.some((_, k) => namesLostPaper(tokens, k)))
      traits.actions.add('reissue')
    // "bằng lái ô tô bị gãy đôi": a paper told harmed is held already, re-issued or exchanged.
    if (!traits.actions.size && tokens.some((_, k) => namesHarmedPaper(tokens, k)))
      for (const a of ['reissue', 'exchange']) traits.actions.add(a)
    return withAge(traits, tokens)
  }

  const misfit = (question: Traits, name: string): Misfit | null => {
    const p = ofName(name)
    if (question.actions.size) {
      let shared = false
      let main = false
      for (const a of question.actions) {
        if (p.actions.has(a) || p.purposeActions?.has(a)) shared = true
        if (mainFits.has(a)) main = true
      }
      main &&= !p.actions.size
      if (!shared && !main) return { kind: 'action', asked: [...question.actions] }
    }
    for (const [group, values] of p.qualifiers) {
      const asked = question.qualifiers.get(group)
      if (asked?.size) {
        let any = false
        for (const v of asked) if (values.has(v)) any = true
        if (!any) return { kind: 'qualifier', group }
      } else {
        const restricted = onlyWhenAsked.get(group)
        let every = true
        if (restricted) for (const v of values) if (!restricted.has(v)) every = false
        if (restricted && every) return { kind: 'qualifier', group }
      }
    }
    // A name that excepts what the question asks for ("… cho xe cơ giới (trừ xe mô tô, xe gắn máy)" for a motorbike).
    for (const [group, values] of p.excluded ?? []) {
      const asked = question.qualifiers.get(group)
      if (asked?.size && [...asked].every((v) => values.has(v))) return { kind: 'qualifier', group }
    }
    if (question.age !== null) {
      if (p.ageMax !== null && question.age >= p.ageMax) return { kind: 'age' }
      if (p.ageMin !== null && question.age < p.ageMin) return { kind: 'age' }
    }
    return null
  }

  /** The words of the question phrases found in `tokens` whose targets `keep` accepts (all when not given). */
  const phraseWordsOf = (
    tokens: readonly AnalyzedToken[],
    keep?: (targets: readonly Target[]) => boolean,
  ): Set<string> => {
    const consumed = new Set<string>()
    scan(tokens, questionPhrases, false, consumed, keep)
    return consumed
  }
  /** Not a qualifier value only questions name ("insured"): an action, a variant or a value names carry. */
  const carriedByNames = (t: Target): boolean => !('group' in t) || !nameless.has(`${t.group}:${t.value}`)

  return {
    ofQuestion,
    ofName,
    misfit,
    phraseWords: (tokens) => phraseWordsOf(tokens),
    ownPhraseWords: (tokens) => phraseWordsOf(tokens, (targets) => targets.some(carriedByNames)),
    qualifierWords: (tokens) => phraseWordsOf(tokens, (targets) => targets.some((t) => 'group' in t)),
    actionLabel: (id) => model.actions[id]?.label ?? id,
    variantLabel: (id) => variantLabels.get(id) ?? id,
    fitsMain: (id) => mainFits.has(id),
    onlyWhenAsked,
  }
}

/** Reads and validates the vocabulary file. */
export const loadProcedureActions = (
  path = new URL('../data/procedure-actions.json', import.meta.url),
): ProcedureActionsFile => loadDataFile(ZProcedureActionsFile, path)

/** The built-in vocabulary, compiled once on first use. */
export const builtInProcedureActions: () => ProcedureActions = builtOnce(() => createProcedureActions())
