/**
 * Follow-ups in a conversation: a reply to the last clarify question read against its options, a short
 * message that names a case or a variant of the conversation's procedure (also one that alone reads as
 * another procedure: "cho người dưới 14 tuổi" after a passport), and an action asked of the object a
 * procedure name holds. They ask the question again through the answering core they are given, which
 * itself reads every message first on its own.
 * @module
 */

import type { Procedure } from '../procedures/procedure.types.ts'
import type { ExpandedQuery, QueryTerm } from '../search/expand-query.ts'
import { expandQuery, findCueSpans } from '../search/expand-query.ts'
import { isTellingWord } from '../search/find-request-clause.ts'
import { findStoryVariants } from '../search/find-story-variants.ts'
import { foldPhrase, type Synonyms } from '../search/load-synonyms.ts'
import { opensWithDeath } from '../search/names-death.ts'
import { placeAbroadAt } from '../search/names-place-abroad.ts'
import { analyzeText } from '../search/normalize-vietnamese.ts'
import type { Answer } from './answer.types.ts'
import type { AnswerQuestionOptions } from './answer-question.ts'
import { answerWith } from './answer-with-procedure.ts'
import { composeClarify } from './compose-clarify.ts'
import { detectFacet, detectOtherFacets } from './detect-facet.ts'
import { isSpecialSibling } from './find-special-sibling.ts'
import { householdForCompany, isHouseholdName } from './household-for-company.ts'
import { asksCapital } from './lead-capital.ts'
import { asksPenalty } from './lead-penalty.ts'
import { builtInSynonyms, GENERIC, rewrittenWords, withoutAsides } from './message-words.ts'
import { narrowClarify } from './narrow-clarify.ts'
import { builtInProcedureActions, type ProcedureActions, type Traits } from './procedure-actions.ts'
import { recordFacts } from './record-facts.ts'
import { nameObjectWords } from './share-object.ts'

/** A message read on its own, without the conversation (the core's first reading). */
export type AnswerAlone = (options: AnswerQuestionOptions) => Promise<Answer>

/**
 * The object the names share: the first name's object words ({@link nameObjectWords}) up to its first comma
 * that every name holds ("Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu …" → "Giấy chứng nhận
 * quyền sử dụng đất"), else the rest of its object words, else any of its words every name holds ("BHYT"
 * of four health-insurance procedures).
 */
const sharedObject = (names: readonly string[], actions: ProcedureActions): string => {
  const held = names.map((n) => new Set(foldPhrase(n).split(' ')))
  const common = (words: readonly string[]) =>
    words.filter((w) => w && held.every((h) => h.has(foldPhrase(w)))).join(' ')
  const [first = ''] = names
  return (
    common(nameObjectWords(first.split(',')[0] ?? first, actions)) ||
    common(nameObjectWords(first, actions)) ||
    // (a word the fit check reads as a qualifier may be all they share: "BHYT")
    common(first.split(/[\s,;()/]+/u))
  )
}

/** Whether a follow-up asks for an action the conversation's procedure does not do ("mất rồi" after a first issue). */
export const asksOtherAction = async (
  getProcedure: AnswerQuestionOptions['getProcedure'],
  current: string,
  query: ExpandedQuery,
  actions: ProcedureActions,
): Promise<boolean> => {
  const traits = actions.ofQuestion(query.tokens)
  if (!traits.actions.size) return false
  const procedure = await getProcedure(current)
  return !!procedure && actions.misfit(traits, procedure.name)?.kind === 'action'
}

/** Question words of a follow-up that asks how to go on ("phải làm gì", "làm sao", "thế nào"), folded. */
const HOW_WORDS = new Set(['gi', 'j', 'sao', 'nao'])

/** Whether a folded word asks how to go on ("sao" of "rồi sao nữa"): no topic in a conversation. */
export const isHowWord = (folded: string): boolean => HOW_WORDS.has(folded)

/**
 * Whether a message of nothing but generic words and a question word ("phải làm gì", "giờ phải làm
 * sao", "rồi sao nữa") asks how to go on: in a conversation, about its procedure, not everyday advice.
 */
export const asksHowToGoOn = (query: ExpandedQuery): boolean =>
  query.folded.some(isHowWord) &&
  query.terms.every((t) => GENERIC.has(t.folded) || t.weight < 1 || isHowWord(t.folded))

/** A message read as a follow-up in a conversation: its text without masks, expanded, with the vocabularies. */
const readFollowUp = (options: AnswerQuestionOptions) => {
  const { synonyms = builtInSynonyms(), actions = builtInProcedureActions(), getProcedure } = options
  const question = withoutAsides(options.question)
  const query = (options.expand ?? ((text: string) => expandQuery(text, synonyms)))(question)
  return { synonyms, actions, getProcedure, question, query }
}

/** The folded words of the cues asking for a part ("hồ sơ", "lệ phí"): no thing a message names. */
const cueWordsOf = (query: ExpandedQuery, synonyms: Synonyms): Set<string> =>
  new Set(
    findCueSpans(query.tokens, synonyms).flatMap((c) =>
      query.tokens.slice(c.start, c.end).map((t) => t.folded),
    ),
  )

/** Words of a reply that tell an age ("dưới 14 tuổi", "chưa đủ 14"): facts, not things. */
const AGE_WORDS = new Set(['duoi', 'tren', 'du', 'tuoi', 'chua'])

/** Whether a message's traits name no action, qualifier, variant or age: nothing that makes a case. */
const namesNoCase = (traits: Traits): boolean =>
  !traits.actions.size && !traits.qualifiers.size && !traits.variants.size && traits.age === null

/**
 * The answer from the procedure `code` for the part the message asks (and the other parts it asks after it).
 */
const answerPartAsked = (read: ReturnType<typeof readFollowUp>, code: string): Promise<Answer | null> => {
  const { getProcedure, question, query, synonyms } = read
  const facet = detectFacet({ text: query.tokens, synonyms, message: question })
  const also = detectOtherFacets({ text: query.tokens, synonyms }, facet)
  return answerWith(getProcedure, code, facet, [], null, query.folded, also)
}

/** People a story tells of beside its telling words ("bé 6 tuổi", "bà tôi", "hai đứa", "người già"): no thing either. */
const PERSON_WORDS = new Set(['be', 'ba', 'dua', 'gia'])

/** Words that only stress what is said (folded): "đóng cửa luôn", "không làm nữa". */
const STRESS_WORDS = new Set(['luon', 'nua'])

/**
 * Whether a short reply names a thing of its own: a content word that none of `names` holds and that is
 * no action, qualifier, person, time, age or number ("còn xe ô tô thì sao" names none beside "Đăng ký xe";
 * "còn cấp giấy phép xây dựng thì sao" does).
 */
const namesOwnThing = (
  query: ExpandedQuery,
  names: readonly string[],
  actions: ProcedureActions,
  synonyms: Synonyms,
): boolean => {
  const held = ` ${names.map((n) => foldPhrase(n)).join(' ')} `
  // (nor a word of an everyday name of what the names hold: "bằng" of "bằng lái" after "Đổi giấy phép lái xe")
  // (read only when a word the names lack is left)
  let everyday: Set<string> | undefined
  const everydayWord = (w: string) => {
    everyday ??= everydayWordsOf(held, synonyms)
    return everyday.has(w)
  }
  const phraseWords = actions.phraseWords(query.tokens)
  // (the words asking for a part are no thing: "hồ sơ", "lệ phí")
  const cueWords = cueWordsOf(query, synonyms)
  // A qualifier the dictionary rewrote ("người Hàn Quốc" → "có yếu tố nước ngoài") names no thing either.
  const rewritten = rewrittenWords(query, synonyms)
  const onlyQualifiers = [...rewritten].every((w) => phraseWords.has(w) || GENERIC.has(w))
  return query.terms.some(
    (t) =>
      !(t.fromSynonym && onlyQualifiers) &&
      !GENERIC.has(t.folded) &&
      !cueWords.has(t.folded) &&
      t.weight >= 1 &&
      !phraseWords.has(t.folded) &&
      !isTellingWord(t.folded) &&
      !AGE_WORDS.has(t.folded) &&
      !PERSON_WORDS.has(t.folded) &&
      !STRESS_WORDS.has(t.folded) &&
      !/\d/.test(t.folded) &&
      !held.includes(` ${t.folded} `) &&
      !everydayWord(t.folded),
  )
}

/**
 * The words of the dictionary's everyday names whose official words `held` (folded names, spaced) holds
 * in a row: "bằng", "lái" of "bằng lái" → "giấy phép lái xe". Only names of two words or more: a single
 * word ("làm" → "cấp") names no thing.
 */
const everydayWordsOf = (held: string, synonyms: Synonyms): Set<string> => {
  const words = new Set<string>()
  for (const [key, { value }] of synonyms.expansions) {
    if (!key.includes(' ')) continue
    const official = foldPhrase(value.to.replace(/[[\]]/g, ' ')).trim()
    if (official && held.includes(` ${official} `)) for (const w of key.split(' ')) words.add(w)
  }
  return words
}

/**
 * A reply to the last clarify question that names nothing but the options' own words, facts and the
 * part asked ("con tôi 10 tuổi", "bị mất rồi, cần giấy tờ gì"): the option its facts leave is answered,
 * several are asked again (for the part it asks about), and one that decides nothing but asks a part
 * asks again which option it is about. A message naming another thing is a new question.
 */
const answerAfterClarify = async (
  answerAlone: AnswerAlone,
  options: AnswerQuestionOptions,
  codes: readonly string[],
  alone: Answer,
): Promise<Answer | null> => {
  const { synonyms, actions, getProcedure, question, query } = readFollowUp(options)
  const offered = (await Promise.all(codes.map((code) => getProcedure(code)))).filter(
    (p): p is Procedure => p !== null,
  )
  // A short reply the message alone found nothing for, a word of which only one option's name holds ("nhà
  // 3 tầng" after the building permits for level crossings, railway works and houses): that option, though
  // the reply names more than its name ("tầng").
  const sole =
    alone.kind === 'smalltalk' || alone.kind === 'not_found' ? soleHolder(query, offered, actions) : null
  if (sole) {
    const facet = detectFacet({ text: query.tokens, synonyms, message: question })
    return answerWith(getProcedure, sole.code, facet, [], null, query.folded)
  }
  if (
    namesOwnThing(
      query,
      offered.map((p) => p.name),
      actions,
      synonyms,
    )
  )
    return null
  const facet = detectFacet({ text: query.tokens, synonyms, message: question })
  // "cần giấy tờ gì và lệ phí bao nhiêu": the other parts asked are answered after the main one.
  const also = detectOtherFacets({ text: query.tokens, synonyms }, facet)
  const traits = actions.ofQuestion(query.tokens)
  const left = narrowClarify({ options: offered, traits, actions })
  // An action none of the options does ("bị mất" after the land certificate's exchange and registration):
  // asked of their object.
  if (offered.length && traits.actions.size && offered.every((o) => actions.misfit(traits, o.name)))
    return askOfObject(
      answerAlone,
      options,
      traits,
      offered.map((o) => o.name),
    )
  // The words of one option's label ("ô tô nhập khẩu" after the first registration of imported vehicles
  // and of vehicles made at home): that option.
  const named = namedOption(query, left ?? offered, actions)
  const [only] = named ? [named] : (left ?? [])
  if ((named || left?.length === 1) && only)
    return answerWith(getProcedure, only.code, facet, [], null, query.folded, also)
  const pairShare = options.wordShare ? { pairShare: options.wordShare } : {}
  if (left) return composeClarify({ options: left, facet, weak: false, ...pairShare })
  // A part asked of the options ("hồ sơ", "phí bao nhiêu"): which of them it is about.
  return (alone.kind === 'not_found' || alone.kind === 'clarify') &&
    facet !== 'overview' &&
    offered.length > 1
    ? composeClarify({ options: offered, facet, weak: false, ...pairShare })
    : null
}

/**
 * The one option whose name holds a word of a short reply (as typed; numbers and words of filing aside),
 * when no other option's name holds any of them; null otherwise.
 */
const soleHolder = <T extends { name: string }>(
  query: ExpandedQuery,
  options: readonly T[],
  actions: ProcedureActions,
): T | null => {
  if (saidLength(query) > REFINING_WORDS) return null
  const phraseWords = actions.phraseWords(query.tokens)
  // (the words as typed: "nhà" is too common a word to search by, but it tells the houses' permit apart)
  const words = query.folded.filter((w) => !GENERIC.has(w) && !phraseWords.has(w) && !/\d/.test(w))
  const holding = options.filter((o) => {
    const held = ` ${foldPhrase(o.name)} `
    return words.some((w) => held.includes(` ${w} `))
  })
  return holding.length === 1 ? (holding[0] ?? null) : null
}

/**
 * The one option whose name holds every content word of a short reply, none of the others holding
 * them all ("nhập khẩu" of "Đăng ký xe lần đầu … đối với xe nhập khẩu"); null otherwise.
 */
const namedOption = <T extends { name: string }>(
  query: ExpandedQuery,
  options: readonly T[],
  actions: ProcedureActions,
): T | null => {
  if (saidLength(query) > REFINING_WORDS) return null
  // The reply as typed, two words or more, in one option's name ("nhà ở" of "… và nhà ở riêng lẻ")
  const phrase = query.folded.join(' ')
  if (query.folded.length >= 2) {
    const saying = options.filter((o) => ` ${foldPhrase(o.name)} `.includes(` ${phrase} `))
    if (saying.length === 1) return saying[0] ?? null
  }
  const phraseWords = actions.phraseWords(query.tokens)
  const words = query.terms
    .filter((t) => !t.fromSynonym && !GENERIC.has(t.folded) && t.weight >= 1 && !phraseWords.has(t.folded))
    .map((t) => t.folded)
  if (!words.length) return null
  const holding = options.filter((o) => {
    const held = ` ${foldPhrase(o.name)} `
    return words.every((w) => held.includes(` ${w} `))
  })
  return holding.length === 1 ? (holding[0] ?? null) : null
}

/** How many words a message says, its filler phrases aside ("à không, ý em là …" says only what follows). */
const saidLength = (query: ExpandedQuery): number => query.tokens.length - (query.fillerAt?.length ?? 0)

/** A follow-up this short that only names a case is read with the procedure the conversation is about. */
const REFINING_WORDS = 8

/** The words of the variants a fact told in a follow-up decides, read with the conversation's procedure's name. */
const toldVariants = (name: string, question: string): string[] =>
  findStoryVariants({ tokens: analyzeText(`${name} ${question}`) }).implied

/** Whether a follow-up tells a fact deciding a variant whose words the conversation's procedure's name lacks. */
const toldVariantLacking = async (options: AnswerQuestionOptions, current: string): Promise<boolean> => {
  const { getProcedure, question, query } = readFollowUp(options)
  if (saidLength(query) > REFINING_WORDS) return false
  const procedure = await getProcedure(current)
  if (!procedure) return false
  const name = ` ${foldPhrase(procedure.name)} `
  return toldVariants(procedure.name, question).some((w) => !name.includes(` ${foldPhrase(w)} `))
}

/**
 * A short follow-up that names a case the conversation's procedure does not cover ("với người nước ngoài"
 * after "đăng ký kết hôn", "còn xe ô tô thì sao" after a motorbike's registration): the procedure's
 * name with that case, asked again. Only a confident answer is kept.
 */
const refineFollowUp = async (
  answerAlone: AnswerAlone,
  options: AnswerQuestionOptions,
  current: string,
): Promise<Answer | null> => {
  const { actions, getProcedure, question, query, synonyms } = readFollowUp(options)
  if (saidLength(query) > REFINING_WORDS) return null
  const traits = actions.ofQuestion(query.tokens)
  const procedure = await getProcedure(current)
  if (!procedure) return null
  // A fact that decides a variant ("con sinh bên Nhật" after the birth registration) is a case too
  const told = toldVariants(procedure.name, question)
  // (its place abroad is no thing of its own; nor, for an action the procedure does not do, a thing its
  // record speaks of: "thay đổi ngành nghề" after the household business's registration changes its lines)
  const misfitsAction = actions.misfit(traits, procedure.name)?.kind === 'action'
  const ofRecord = () => {
    // (a household business's procedure: what it is asked to change is the household business's, its
    // lines of trade as much as its address, though its record does not list them)
    if (isHouseholdName(procedure.name) && !householdForCompany(procedure.name, query.folded)) return true
    const held = recordFacts(procedure).words
    return ownTerms(query, actions, synonyms).every((t) => held.includes(` ${t.folded} `))
  }
  const ownThing = () =>
    namesOwnThing(query, [procedure.name], actions, synonyms) && !(misfitsAction && ofRecord())
  if (!told.length && (namesNoCase(traits) || ownThing())) return null
  // "còn công ty thì sao" after a household business's registration: another applicant, not its case.
  if (householdForCompany(procedure.name, query.folded)) return null
  // An action the procedure does not do ("mất rồi" after a first issue): asked of its object.
  if (actions.misfit(traits, procedure.name))
    return askOfObject(answerAlone, options, traits, [procedure.name])
  const refined = await answerAlone({ ...options, question: `${procedure.name} ${question}`, context: {} })
  // the conversation's procedure itself when it covers the case ("Đăng ký xe" for a car too), or its variant
  // (never one that does not do what the follow-up asks)
  if (refined.kind === 'answer' && !(refined.procedure && actions.misfit(traits, refined.procedure.name)))
    return refined
  // Someone the conversation's procedure is not for ("người nước ngoài thì sao" after the citizen's
  // "Đăng ký tạm trú"), whose own procedure comes first among the options: the question between them.
  const [first] = refined.kind === 'clarify' ? (refined.candidates ?? []) : []
  if (first && isSpecialSibling(traits, procedure.name, first.name, actions)) return refined
  // The variant the fact decides comes first among the options ("… có yếu tố nước ngoài" and its cases at
  // the border or for someone with papers): the question between them, never the plain procedure.
  const firstName = first ? ` ${foldPhrase(first.name)} ` : ''
  if (told.some((w) => firstName.includes(` ${foldPhrase(w)} `))) return refined
  // A case the conversation's procedure fits that found nothing better ("bị cháy mất" after "Cấp lại Giấy
  // chứng nhận do bị mất", "con 2 tuổi chưa làm" after "Thủ tục đăng ký khai sinh"): still that procedure.
  const facet = detectFacet({ text: query.tokens, synonyms, message: question })
  return answerWith(getProcedure, current, facet, [], null, query.folded)
}

/**
 * A short reply that asks an action of the object a procedure name holds ("mất rồi" after "Cấp thẻ căn
 * cước cho người dưới 14 tuổi", "bị mất" after the land certificate's exchange and registration were
 * offered): asked again with that object, the action said first as the citizen would ("mất rồi thẻ căn
 * cước …"), so the name's own action does not stand for it. A procedure that does what is asked is
 * answered; a question between several is asked, answered at once when only one of them does it.
 */
const askOfObject = async (
  answerAlone: AnswerAlone,
  options: AnswerQuestionOptions,
  traits: Traits,
  names: readonly string[],
): Promise<Answer | null> => {
  const { actions, getProcedure, question, query, synonyms } = readFollowUp(options)
  // (a household business's procedures are about the household business: "thêm ngành nghề" after its
  // suspension is its own change, not a company's)
  const object = names.every(isHouseholdName) ? 'hộ kinh doanh' : sharedObject(names, actions)
  if (!object) return null
  const refined = await answerAlone({ ...options, question: `${question} ${object}`, context: {} })
  // (the part asked is the reply's, never one the object's words name: "… trực tuyến toàn trình")
  const facet = detectFacet({ text: query.tokens, synonyms, message: question })
  const answered = refined.kind === 'answer' ? refined.procedure : undefined
  // (a confident answer the core gave for another reading of the action is kept: "hết hạn rồi" after the
  // passport, which is renewed by a new issue, renew-expired.ts)
  if (answered && (!actions.misfit(traits, answered.name) || traits.actions.size > 1))
    return answerWith(getProcedure, answered.code, facet, [], null, query.folded)
  // The records do not do it to that object ("gia hạn được không" after the passport): said so, with the
  // object's procedures as related ones, rather than a question among other objects' extensions.
  if (refined.kind === 'not_found' && refined.candidates?.length) return refined
  if (refined.kind !== 'clarify') return null
  const doing = (refined.candidates ?? []).filter((c) => !actions.misfit(traits, c.name))
  // (of those, the one whose name holds the object itself: "Cấp lại giấy phép lái xe", not the transport
  // business's licence that shares "bằng", "xe")
  const spaced = ` ${foldPhrase(object)} `
  const holding = doing.filter((c) => ` ${foldPhrase(c.name)} `.includes(spaced))
  const [only] = doing.length === 1 ? doing : holding.length === 1 ? holding : []
  if (only) return answerWith(getProcedure, only.code, facet, [], null, query.folded)
  return doing.length ? refined : null
}

/**
 * The reader of follow-ups over `answerAlone` (the core's reading of a message on its own): given a
 * message's options and what `answerAlone` made of it, a reply to the last clarify question that names
 * nothing of its own is read against its options, and a short follow-up naming a case or a variant is
 * read with the conversation's procedure — even when `answerAlone` answered it with another procedure,
 * if asking again with the conversation's one answers the case; otherwise the reply alone stands.
 */
export const createFollowUpAnswerer = (answerAlone: AnswerAlone) => {
  const followUp = createFollowUp(answerAlone)
  return async (options: AnswerQuestionOptions, alone: Answer): Promise<Answer> => {
    // "mất lâu rồi không có giấy báo tử" after a death's registration: "mất" is the death, said without the
    // person, not a paper lost: the message is read again with the person before it.
    const died = await toldDeathOnly(options)
    if (died)
      return followUp({ ...options, question: died }, await answerAlone({ ...options, question: died }))
    return followUp(options, alone)
  }
}

/** Names of procedures about a death (folded): after one of them, a message opening with "mất" tells the death. */
const DEATH_PROCEDURE = /\b(?:khai tu|bao tu|tu tuat|mai tang)\b/

/** "mất" or "mat" as the message's first word: the only messages {@link toldDeathOnly} reads further. */
const OPENS_WITH_MAT = /^\s*m(?:ấ|a)t(?:\s|$)/iu

/** The message with "người nhà" before it, when it opens with a death after a death's procedure; else null. */
const toldDeathOnly = async (options: AnswerQuestionOptions): Promise<string | null> => {
  const current = options.context?.procedureCode
  if (!current || !OPENS_WITH_MAT.test(options.question.normalize('NFC'))) return null
  const { query, getProcedure, question } = readFollowUp(options)
  if (!opensWithDeath(query.tokens)) return null
  const procedure = await getProcedure(current)
  return procedure && DEATH_PROCEDURE.test(foldPhrase(procedure.name)) ? `người nhà ${question}` : null
}

const createFollowUp =
  (answerAlone: AnswerAlone) =>
  async (options: AnswerQuestionOptions, alone: Answer): Promise<Answer> => {
    const current = options.context?.procedureCode
    if (alone.kind === 'answer') {
      // (only a case told as a setting, "ở nông thôn có cần không": "làm hộ chiếu có cần không" names its own procedure)
      if (!current) return (await askedIfNeededOfOptions(options, true)) ?? alone
      // ("con sinh ở Nhật" after the birth registration reads alone as that plain procedure)
      if (alone.procedure?.code === current)
        return (await toldVariantLacking(options, current))
          ? ((await refineFollowUp(answerAlone, options, current)) ?? alone)
          : alone
      // (a case of the conversation's procedure that alone reads as another one: "cho người dưới 14 tuổi"
      // after a passport is the passport for a child, not the identity card)
      return (
        (await restatedObject(options, current)) ??
        (await askedPaper(options, current)) ??
        (await refineVariant(answerAlone, options, current, alone)) ??
        (await refineCase(answerAlone, options, current)) ??
        (await toldWhomFor(answerAlone, options, current)) ??
        alone
      )
    }
    const codes = options.context?.candidateCodes ?? []
    if (codes.length > 1)
      return (
        (await answerAfterClarify(answerAlone, options, codes, alone)) ??
        (await askedIfNeededOfOptions(options)) ??
        alone
      )
    if (!current) return alone
    return (
      (await askedFineOrCapital(options, current)) ??
      // ("cần giấy khám sức khỏe không" alone finds nothing sure: a paper of the conversation's procedure)
      (await askedPaper(options, current)) ??
      (await askedForm(options, current)) ??
      (await toldPurpose(options, current)) ??
      (await askedIfNeeded(options, current)) ??
      (await refineFollowUp(answerAlone, options, current)) ??
      (await toldWhomFor(answerAlone, options, current)) ??
      (await answerNamedSibling(options, current, alone)) ??
      (await travelsAbroad(options, current)) ??
      (await stayOnRecord(options, current, alone)) ??
      alone
    )
  }

/**
 * A message's own content terms: not the dictionary's additions, nor words too common to weigh, nor the
 * words asking for a part, an action, a qualifier, a telling, a person or a question word.
 */
const ownTerms = (query: ExpandedQuery, actions: ProcedureActions, synonyms: Synonyms): QueryTerm[] => {
  const cueWords = cueWordsOf(query, synonyms)
  const phraseWords = actions.phraseWords(query.tokens)
  return query.terms.filter(
    (t) =>
      !t.fromSynonym &&
      t.weight >= 1 &&
      !GENERIC.has(t.folded) &&
      !cueWords.has(t.folded) &&
      !phraseWords.has(t.folded) &&
      !isTellingWord(t.folded) &&
      !PERSON_WORDS.has(t.folded) &&
      !isHowWord(t.folded),
  )
}

/** Another place than the asker's (folded): "ở tỉnh khác", "xã khác", "nơi khác". */
const OTHER_PLACE = /\b(?:tinh|thanh pho|xa|phuong|huyen|quan|noi|que|nuoc) khac\b/

/** Asking whether something is needed or required (folded): "có cần không", "có bắt buộc không", "có phải đăng ký không". */
const ASKS_IF_NEEDED = [
  /\bco (can|bat buoc)\b.*\b(khong|ko|k|hong|hok)$/,
  /\b(can|bat buoc) (khong|ko|k|hong|hok)\b/,
  /\bco phai (lam|dang ki|xin|nop|bao|khai|dong)\b/,
]

/**
 * Whether the conversation's procedure is needed in a case the follow-up tells, the thing needed left
 * unsaid ("ở nông thôn có cần không", "nhà 1 tầng thì có phải xin không", "mua xe cũ có cần làm không")
 * — folded: the message closes on "cần / phải (xin / làm) … không" with nothing named after the verb
 * (narrower than {@link ASKS_IF_NEEDED}, which also holds "có cần giấy khám sức khỏe không").
 */
const NEEDED_UNSAID =
  /(?:^| )(?:co )?(?:can|phai|bat buoc)(?: phai)?(?: (?:xin|lam|dang ki|khai bao|bao))? (?:khong|ko|k|hong|hem|hok)(?: (?:a|nhi|vay|the|z|nhe|ad|ban))*$/

/** A case told as a setting first ("ở nông thôn …", "khi …", "nếu …", "với …") — folded. */
const SETTING_OPENS = /^(?:(?:the|vay|con|thi) )*(?:o|tai|trong|khi|neu|voi)\b/

/**
 * Whether a message in a conversation about a procedure is a remark beside it ("mệt quá", "hôm nay trời
 * đẹp nhỉ"): short, asking no part and naming no place, number, action, qualifier or age, with half of its
 * own words or more not held by the procedure's record. The core then reads it on its own (small talk or
 * outside the records) instead of as a follow-up that gets the procedure's answer again or a question
 * among procedures that share a word with it.
 */
export const isAside = (options: {
  query: ExpandedQuery
  question: string
  procedure: Procedure
  actions: ProcedureActions
  synonyms: Synonyms
  /** Whether the message names a place. */
  namesPlace: boolean
}): boolean => {
  const { query, question, procedure, actions, synonyms, namesPlace } = options
  if (namesPlace || saidLength(query) > REFINING_WORDS || asksHowToGoOn(query)) return false
  const whole = query.folded.join(' ')
  // "bán tạp hóa có cần không": whether the conversation's procedure is needed in a case is asked of it;
  // "mua của người quen ở tỉnh khác": another place is a place named.
  if (ASKS_IF_NEEDED.some((re) => re.test(whole)) || OTHER_PLACE.test(whole)) return false
  if (query.folded.some((w) => /\d/.test(w))) return false
  if (detectFacet({ text: query.tokens, synonyms, message: question }) !== 'overview') return false
  if (detectOtherFacets({ text: query.tokens, synonyms }, 'overview').length) return false
  if (!namesNoCase(actions.ofQuestion(query.tokens))) return false
  const terms = ownTerms(query, actions, synonyms)
  if (!terms.length) return false
  // Typed with marks, a word is compared with them ("mệt" is not the records' "mét"); a word that only
  // stresses ("quá", "lắm") is in records too, hence half.
  const marked = query.tokens.filter((t) => t.accented).length * 2 >= query.tokens.length
  const facts = recordFacts(procedure)
  const held = marked ? facts.markedWords : facts.words
  const lacking = terms.filter((t) => !held.includes(` ${marked ? t.text : t.folded} `))
  return lacking.length * 2 >= terms.length
}

/**
 * A short follow-up naming what tells a sibling of the conversation's procedure apart ("bằng quốc tế"
 * after the driving licence's exchange): the one option of the message's own question whose name holds
 * the conversation's procedure's object words in order and the words of the message that procedure's
 * name lacks (the international licence; a word the conversation's record holds may be missing from it),
 * for the part asked; else null.
 */
const answerNamedSibling = async (
  options: AnswerQuestionOptions,
  current: string,
  alone: Answer,
): Promise<Answer | null> => {
  if (alone.kind !== 'clarify') return null
  const read = readFollowUp(options)
  const { actions, getProcedure, query, synonyms } = read
  if (saidLength(query) > REFINING_WORDS) return null
  const procedure = await getProcedure(current)
  if (!procedure) return null
  const object = nameObjectWords(procedure.name, actions).join(' ')
  const own = ` ${foldPhrase(procedure.name)} `
  const extra = ownTerms(query, actions, synonyms)
    .map((t) => t.folded)
    .filter((w) => !own.includes(` ${w} `))
  if (!object || !extra.length) return null
  // (a word the sibling's name lacks must be one the conversation's record holds: "bằng" of "bằng quốc tế")
  const record = recordFacts(procedure).words
  const siblings = (alone.candidates ?? []).filter((c) => {
    const name = ` ${foldPhrase(c.name)} `
    const held = extra.filter((w) => name.includes(` ${w} `))
    return (
      c.code !== current &&
      held.length > 0 &&
      ` ${nameObjectWords(c.name, actions).join(' ')} `.includes(` ${object} `) &&
      extra.every((w) => held.includes(w) || record.includes(` ${w} `))
    )
  })
  const [only] = siblings
  if (siblings.length !== 1 || !only) return null
  return answerPartAsked(read, only.code)
}

/**
 * A short follow-up that only names again the object of the conversation's procedure, with no action,
 * case or variant ("bằng A1" after the driving licence's exchange: "giấy phép lái xe" in the dictionary's
 * reading), which alone reads as that object's plainest procedure (its first issue): still the
 * conversation's procedure, for the part asked.
 */
const restatedObject = async (options: AnswerQuestionOptions, current: string): Promise<Answer | null> => {
  const read = readFollowUp(options)
  const { actions, getProcedure, query } = read
  if (saidLength(query) > REFINING_WORDS) return null
  if (!namesNoCase(actions.ofQuestion(query.tokens))) return null
  const words = query.terms.filter((t) => t.weight >= 1).map((t) => t.folded)
  if (words.filter((w) => !GENERIC.has(w)).length < 2) return null
  const procedure = await getProcedure(current)
  if (!procedure) return null
  const named = ` ${foldPhrase(procedure.name)} `
  if (!named.includes(` ${words.join(' ')} `)) return null
  return answerPartAsked(read, current)
}

/**
 * Whether a paper is needed, asked alone ("có cần mang theo hộ khẩu không", "phải có giấy khai sinh
 * không"), folded. A paper is named first (a procedure asked about, "có cần
 * đăng ký tạm trú không", is not a paper).
 */
const ASKS_PAPER =
  /^(?:(?:vay|the|thi|con|ok) )*(?:co )?(?:can|phai) (?:(?:mang|dem)(?: theo)? |nop |co |xuat trinh |chuan bi )?(?:giay|so|ban|anh|hinh|the|cccd|can cuoc|cmnd|chung minh|ho khau|hop dong|don|to khai|phieu|xac nhan)\b.*? (?:khong|ko|k|hong|hem|hok)(?: (?:a|nhi|vay|the|z|nhe))*$/

/**
 * "ở nông thôn có cần không" after a question among procedures: whether their procedure is needed in a
 * case is asked of them, so which of them the case is is asked again (its words are no topic of their own).
 */
const askedIfNeededOfOptions = async (
  options: AnswerQuestionOptions,
  /** Only when the message opens with its case as a setting ({@link SETTING_OPENS}). */
  settingFirst = false,
): Promise<Answer | null> => {
  const codes = options.context?.candidateCodes ?? []
  if (codes.length < 2) return null
  const { actions, getProcedure, query } = readFollowUp(options)
  const said = query.folded.join(' ')
  if (saidLength(query) > REFINING_WORDS || !NEEDED_UNSAID.test(said)) return null
  if (settingFirst && !SETTING_OPENS.test(said)) return null
  const offered = (await Promise.all(codes.map((code) => getProcedure(code)))).filter(
    (p): p is Procedure => p !== null,
  )
  // (a fact told decides among them as in any reply: "con 5 tuổi có cần làm không")
  const left =
    narrowClarify({ options: offered, traits: actions.ofQuestion(query.tokens), actions }) ?? offered
  const [only] = left
  if (left.length === 1 && only)
    return answerWith(getProcedure, only.code, 'overview', [], null, query.folded)
  if (left.length < 2) return null
  return composeClarify({
    options: left,
    facet: 'overview',
    weak: false,
    ...(options.wordShare ? { pairShare: options.wordShare } : {}),
  })
}

/**
 * "… có cần không" after a procedure, when nothing alone was sure: that procedure, in the case told (its
 * words are no topic of their own).
 */
const askedIfNeeded = (options: AnswerQuestionOptions, current: string): Promise<Answer | null> | null => {
  const { getProcedure, query } = readFollowUp(options)
  if (saidLength(query) > REFINING_WORDS || !NEEDED_UNSAID.test(query.folded.join(' '))) return null
  return answerWith(getProcedure, current, 'overview', [], null, query.folded)
}

/** Words of going abroad ("đi", "sang", "qua", "để đi") — folded. */
const GOING = new Set(['di', 'sang', 'qua', 'de'])
/**
 * What the going is for and the particles beside it ("du lịch", "công tác", "xuất khẩu lao động", "thăm
 * thân", "sắp", "nhé") — folded. Living there ("ở", "bên", "tại") or being born or dying there tells a case.
 */
const GOING_FOR = new Set(
  'du lich cong tac hoc lam viec xuat khau lao dong tham than choi nhe nha a vay con muon can sap toi minh em chau'.split(
    ' ',
  ),
)

/**
 * A short follow-up telling only where the citizen is going ("đi Hàn Quốc", "để đi Nhật làm việc" after
 * the passport or the criminal record certificate): the destination does not change the procedure, which
 * alone would read as the "có yếu tố nước ngoài" procedures of civil status. The conversation's
 * procedure, for the part asked, when nothing the core asked again answered the case.
 */
const travelsAbroad = async (options: AnswerQuestionOptions, current: string): Promise<Answer | null> => {
  const read = readFollowUp(options)
  const { tokens } = read.query
  if (tokens.length > REFINING_WORDS) return null
  const place = placeAbroadAt(tokens)
  const rest = tokens.filter((_, i) => !place.has(i)).map((t) => t.folded)
  if (!place.size || !rest.some((w) => GOING.has(w))) return null
  return rest.every((w) => GOING.has(w) || GOING_FOR.has(w)) ? answerPartAsked(read, current) : null
}

/** Words of a fine or a capital asked about and of the lateness a fine is asked for ("quá hạn có bị phạt không", "cần vốn bao nhiêu"). */
const PENALTY_WORDS = new Set(
  'bi phat xu muc tien nop dong qua han tre muon cham lau khong ko hanh chinh bao nhieu lam von can toi thieu it nhat phap dinh dieu le'.split(
    ' ',
  ),
)

/**
 * A short follow-up asking about a fine ("quá hạn có bị phạt không" after the birth registration) or a
 * capital ("cần vốn bao nhiêu" after the household business), whose other words the conversation's record
 * holds: about that procedure, whose answer then says what its record says of it (lead-penalty.ts,
 * lead-capital.ts), rather than a procedure that shares "quá", "hạn" or "vốn".
 */
const askedFineOrCapital = async (
  options: AnswerQuestionOptions,
  current: string,
): Promise<Answer | null> => {
  const read = readFollowUp(options)
  const { actions, getProcedure, query, synonyms } = read
  if (saidLength(query) > REFINING_WORDS || !(asksPenalty(query.folded) || asksCapital(query.folded)))
    return null
  const procedure = await getProcedure(current)
  if (!procedure) return null
  const held = recordFacts(procedure).words
  const words = ownTerms(query, actions, synonyms)
    .map((t) => t.folded)
    .filter((w) => !PENALTY_WORDS.has(w))
  return words.every((w) => held.includes(` ${w} `)) ? answerPartAsked(read, current) : null
}

/**
 * A paper asked about in a conversation ("có cần mang theo hộ khẩu không" after the identity card's
 * re-issue), which alone reads as the paper's own procedure (the permanent residence): about the
 * conversation's procedure, answered for its papers, the paper looked up in them.
 */
/** Whether a folded message asks alone whether a paper is needed ({@link ASKS_PAPER}). */
export const asksPaperNeeded = (folded: readonly string[]): boolean => ASKS_PAPER.test(folded.join(' '))

const askedPaper = (options: AnswerQuestionOptions, current: string): Promise<Answer | null> | null => {
  const { getProcedure, query } = readFollowUp(options)
  if (saidLength(query) > REFINING_WORDS + 2 || !ASKS_PAPER.test(query.folded.join(' '))) return null
  return answerWith(getProcedure, current, 'documents', [], null, query.folded)
}

/**
 * Whom the conversation's procedure is for, told alone ("cho con mới sinh", "cho mẹ tôi 70 tuổi", "còn cho
 * bé 5 tuổi thì sao") — folded: "cho", then only people, ages and particles.
 */
const FOR_WHOM =
  /^(?:(?:con|the|vay|thi|ok|a|da|vang) )*(?:(?:lam|dang ki|lam thu tuc) )?cho (?:(?:con|be|chau|em|tre|me|bo|ba|ma|cha|ong|vo|chong|anh|chi|co|chu|di|cau|nguoi|gia|cao|lon|nho|so|sinh|moi|de|noi|ngoai|gai|trai|toi|minh|tui|nha|cua|duoi|tren|du|tuoi|thang|thu|hai|dau|ut|\d{1,3}) ?)+(?:(?:thi sao|duoc khong|dc ko|duoc ko|nhe|a|voi|nua|luon|the nao|sao)(?: |$))*$/

/**
 * Whom the conversation's procedure is for, told alone ("cho con mới sinh" after the permanent residence,
 * which alone reads as the birth registration): the procedure asked again with that person, its variant
 * for them when it has one, else the procedure itself.
 */
const toldWhomFor = async (
  answerAlone: AnswerAlone,
  options: AnswerQuestionOptions,
  current: string,
): Promise<Answer | null> => {
  const { actions, getProcedure, question, query } = readFollowUp(options)
  if (saidLength(query) > REFINING_WORDS || !FOR_WHOM.test(query.folded.join(' '))) return null
  const procedure = await getProcedure(current)
  if (!procedure) return null
  const refined = await answerAlone({ ...options, question: `${procedure.name} ${question}`, context: {} })
  const traits = actions.ofQuestion(query.tokens)
  if (refined.kind === 'answer' && !(refined.procedure && actions.misfit(traits, refined.procedure.name)))
    return refined
  if (refined.kind === 'clarify') return refined
  return answerWith(getProcedure, current, 'overview', [], null, query.folded)
}

/** "thế", "vậy" typed with their marks, opening a message: "then what about …" ("thế ly hôn thì sao"). */
const THEN_WHAT_OF = /^(?:thế|vậy)$/iu

/**
 * Asking only for the form ("mẫu tờ khai lấy ở đâu", "cho xin mẫu đơn", "tờ khai tải ở đâu") — folded: the
 * form's words, then only where or how to get or fill it.
 */
const ASKS_FORM =
  /^(?:(?:cho|xin|em|toi|minh|chau|a|vay|the|thi|con|ok) )*(?:(?:mau|file|ban) )?(?:to khai|mau don|mau to khai|don)(?: (?:dang ki|de nghi|mau))?(?: (?:lay|tai|download|in|dien|viet|ghi|o|dau|cho|nao|the|sao|nhu|nhe|a|ve|tren|mang|duoc|khong|ko|co|san|link|file|ban|giay|xin|nhan|can|phai|mua|ai|ky|la))*$/

/**
 * The form asked for in a conversation ("mẫu tờ khai lấy ở đâu" after the marriage registration), which
 * alone reads as "lấy mẫu" (taking samples): the conversation's procedure's papers, where its form is named.
 */
const askedForm = (options: AnswerQuestionOptions, current: string): Promise<Answer | null> | null => {
  const { getProcedure, query } = readFollowUp(options)
  if (saidLength(query) > REFINING_WORDS || !ASKS_FORM.test(query.folded.join(' '))) return null
  return answerWith(getProcedure, current, 'documents', [], null, query.folded)
}

/**
 * What the paper is wanted for, told alone ("để làm thủ tục mua nhà", "dùng để vay ngân hàng", "là để đi
 * làm") — folded, "để" as typed: not "đề nghị", "để lại", "để ý".
 */
const TOLD_PURPOSE =
  /^(?:(?:la|dung|minh|em|toi|chau|con|thi|vay|ma|can|xin|lay|lam) )*de (?!(?:lai|y|nghi|xuat|an|tai|thi|cuong|muc|bai)(?: |$))/

/**
 * The purpose of the conversation's paper told alone, which alone reads as the purpose's own procedure
 * ("để làm thủ tục mua nhà" after the marital status certificate): the conversation's procedure, since
 * the citizen says what they want it for.
 */
const toldPurpose = (options: AnswerQuestionOptions, current: string): Promise<Answer | null> | null => {
  const { getProcedure, query } = readFollowUp(options)
  if (saidLength(query) > REFINING_WORDS || !TOLD_PURPOSE.test(query.folded.join(' '))) return null
  const opening = query.tokens.find((t) => t.folded === 'de')
  if (opening?.accented && opening.text !== 'để') return null
  return answerWith(getProcedure, current, 'overview', [], null, query.folded)
}

/**
 * A short follow-up the message alone found nothing sure for, whose every word the conversation's
 * record itself holds ("ở tỉnh khác thì sao" after a vehicle's registration, "bằng giấy cũ" after the
 * driving licence's exchange, "có cần bản vẽ không" after the building permit): about that procedure, answered from it for the part asked (a paper asked about gets its yes
 * from the record's documents), instead of a question among procedures that share a word with it or
 * "nothing found". A word the record does not hold ("vệ sinh an toàn thực phẩm thì sao" after a household
 * business, "hôm nay trời đẹp nhỉ") leaves the reply alone.
 */
const stayOnRecord = async (
  options: AnswerQuestionOptions,
  current: string,
  alone: Answer,
): Promise<Answer | null> => {
  if (alone.kind !== 'clarify' && alone.kind !== 'not_found') return null
  const read = readFollowUp(options)
  const { actions, getProcedure, query, synonyms } = read
  if (saidLength(query) > REFINING_WORDS) return null
  const words = ownTerms(query, actions, synonyms).map((t) => t.folded)
  // (a number alone, "số 2", picks from a list: with none offered the reply says so)
  if (!words.some((w) => !/\d/.test(w) && w !== 'so')) return null
  const procedure = await getProcedure(current)
  if (!procedure) return null
  const held = recordFacts(procedure).words
  if (!words.every((w) => held.includes(` ${w} `))) return null
  // "còn" (or "thế", "vậy") and words that name another procedure as typed ("vậy còn ly hôn", "thế ly hôn
  // thì sao": "… ghi vào Sổ hộ tịch việc ly hôn" after the marriage), which the conversation's procedure's
  // name lacks: that other thing, not a case of it.
  const phrase = ` ${words.join(' ')} `
  const own = ` ${foldPhrase(procedure.name)} `
  if (
    words.length >= 2 &&
    (/^(?:(?:vay|the|thi|ok|uh|u|cam on|da|vang|a) )*con /.test(query.folded.join(' ')) ||
      THEN_WHAT_OF.test(query.tokens[0]?.text ?? '')) &&
    !own.includes(phrase) &&
    (alone.candidates ?? []).some((c) => ` ${foldPhrase(c.name)} `.includes(phrase))
  )
    return null
  return answerPartAsked(read, current)
}

/**
 * A follow-up that alone reads as another procedure but names nothing the conversation's procedure does
 * not hold beside a qualifier or an age ("cho người dưới 14 tuổi" after a passport): that procedure's
 * own answer for the case, when asking again with its name answers it confidently; else null.
 */
const refineCase = async (
  answerAlone: AnswerAlone,
  options: AnswerQuestionOptions,
  current: string,
): Promise<Answer | null> => {
  const refined = await refineFollowUp(answerAlone, options, current)
  return refined?.kind === 'answer' ? refined : null
}

/** A follow-up naming a variant ("bố mẹ không có đăng ký kết hôn thì sao") is read with the conversation up to this long. */
const VARIANT_WORDS = 12

/**
 * A short follow-up that names a variant of the conversation's procedure ("bố mẹ chưa đăng ký kết hôn
 * thì sao" after the birth registration: its variant with recognition of parentage), which alone reads as
 * another procedure (the marriage): the conversation's procedure's variant when asking again with its
 * name finds one that carries the variant named; else null, and the reply alone stands.
 */
const refineVariant = async (
  answerAlone: AnswerAlone,
  options: AnswerQuestionOptions,
  current: string,
  alone: Answer,
): Promise<Answer | null> => {
  if (!alone.procedure || alone.procedure.code === current) return null
  const { actions, getProcedure, question, query } = readFollowUp(options)
  if (saidLength(query) > VARIANT_WORDS) return null
  const asked = actions.ofQuestion(query.tokens).variants
  if (!asked.size) return null
  // (the reply alone already carries the variant asked: "với người nước ngoài" answered as such)
  if ([...actions.ofName(alone.procedure.name).variants].some((v) => asked.has(v))) return null
  const procedure = await getProcedure(current)
  if (!procedure) return null
  const refined = await answerAlone({ ...options, question: `${procedure.name} ${question}`, context: {} })
  if (refined.kind !== 'answer' || !refined.procedure || refined.procedure.code === alone.procedure.code)
    return null
  const carried = actions.ofName(refined.procedure.name).variants
  return [...carried].some((v) => asked.has(v)) ? refined : null
}
