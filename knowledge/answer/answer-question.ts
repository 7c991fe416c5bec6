/**
 * The answering core: classifies the message, follows the conversation (a follow-up like
 * "phí bao nhiêu?" stays on the last procedure, "2" picks from the last clarify list), finds
 * the procedure, and answers, asks which procedure was meant, or says it found nothing.
 * Places the question names (an old province, ward, a district) are looked up after the
 * answer is chosen and added as one note line and a `places` field; they never steer search.
 * @module
 */

import { builtInPlaceNotes, type PlaceNotes } from '../places/create-place-notes.ts'
import { placeTypeWords } from '../places/place-type-words.ts'
import { withoutPlaceNames } from '../places/without-place-names.ts'
import type { Procedure } from '../procedures/procedure.types.ts'
import { pairsOf } from '../search/analyse-procedure-name.ts'
import { containsPhrase } from '../search/contains-phrase.ts'
import type { ExpandedQuery } from '../search/expand-query.ts'
import { expandQuery } from '../search/expand-query.ts'
import { LONG_MESSAGE_WORDS } from '../search/find-request-clause.ts'
import { findTakenBack } from '../search/find-taken-back.ts'
import { foldPhrase, type Synonyms } from '../search/load-synonyms.ts'
import { namesPlaceAbroad } from '../search/names-place-abroad.ts'
import { analyzeText, foldVietnamese } from '../search/normalize-vietnamese.ts'
import type { SearchOptions, SearchResult } from '../search/search.types.ts'
import { asksForForces } from '../search/serves-forces.ts'
import { type AbsentTopics, builtInAbsentTopics } from './absent-topics.ts'
import type { Answer, AnswerContext, Facet } from './answer.types.ts'
import {
  asksHowToGoOn,
  asksOtherAction,
  asksPaperNeeded,
  createFollowUpAnswerer,
  isAside,
  isHowWord,
} from './answer-follow-up.ts'
import { answerForm } from './answer-form.ts'
import { answerWith, type PlaceContext } from './answer-with-procedure.ts'
import { asksForAnimal } from './asks-for-animal.ts'
import { CALL_BACK } from './asks-for-person.ts'
import { classifyMessage, isComplaint, isOutsideRecords, RECEIPT_CODE } from './classify-message.ts'
import { composeClarify } from './compose-clarify.ts'
import { correctedRequest } from './corrected-request.ts'
import { decideConfidence, holdsUnknownWord } from './decide-confidence.ts'
import { detectFacet, detectOtherFacets } from './detect-facet.ts'
import { doubtsAction } from './doubt-action.ts'
import { filedCorrectionRequest } from './filed-correction-request.ts'
import { findAskedKind } from './find-asked-kind.ts'
import { findCoveredNames } from './find-covered-names.ts'
import { findFirstIssue } from './find-first-issue.ts'
import { askedFormCode, type FormUse, wordsBesideForm } from './find-form-code.ts'
import { findNamedCard } from './find-named-card.ts'
import { findObjectChoice } from './find-object-choice.ts'
import { findMissedObject, findObjectGap, findPurposeOnly, objectWords } from './find-object-gap.ts'
import { findOtherApplicant } from './find-other-applicant.ts'
import { orderPaperUses } from './find-paper-uses.ts'
import { findPlaceSibling } from './find-place-sibling.ts'
import { findPlainAction } from './find-plain-action.ts'
import { addsUnaskedWords, findUndecided } from './find-undecided.ts'
import { type ComplaintAct, complaintAct, fitComplaint, isComplaintProcedure } from './fit-complaint.ts'
import { HOTLINE, PORTAL } from './help-channels.ts'
import { holdsOnlyInTail } from './holds-only-in-tail.ts'
import { holdsRequestTopic, requestTopics } from './holds-request-topic.ts'
import { holdsTypedRun, holdsTypedTopic } from './holds-typed-topic.ts'
import { asksHouseholdOnly, householdForCompany, isCompanyName } from './household-for-company.ts'
import { keepAskedEvents } from './keep-asked-events.ts'
import { MAX_LISTED_NAME_CHARS, shorten } from './label-candidates.ts'
import { asksCapital } from './lead-capital.ts'
import { asksPenalty } from './lead-penalty.ts'
import { leadsWithUnaskedAction } from './leads-with-unasked-action.ts'
import {
  builtInSynonyms,
  countedWords,
  GENERIC,
  rewrittenWords,
  withoutAsides,
  withoutPickingWord,
} from './message-words.ts'
import { namesOneRecord } from './names-one-record.ts'
import { namesOwnTopic } from './names-own-topic.ts'
import { namesPrivateBrand } from './names-private-brand.ts'
import { builtInProcedureActions, type Misfit, type ProcedureActions } from './procedure-actions.ts'
import { MISFIT_PENALTY, rankByFit } from './rank-by-fit.ts'
import { createAdminEvidenceReader } from './read-admin-evidence.ts'
import { readBareChange } from './read-bare-change.ts'
import { readNotYetHeld } from './read-not-yet-held.ts'
import { renewExpired } from './renew-expired.ts'
import { replySmallTalk } from './reply-smalltalk.ts'
import { sentBackRequest } from './sent-back-request.ts'
import { setAsidePurpose } from './set-aside-purpose.ts'
import { findOpenChoice, otherSideOfChoice, settleChoice } from './settle-choice.ts'
import { shareObject } from './share-object.ts'
import { ASK_WORDS, sharesOnlyTheAsk } from './shares-only-the-ask.ts'
import { sharesTopic } from './shares-topic.ts'
import { splitList, splitRequests } from './split-requests.ts'
import { withoutCitations } from './without-citations.ts'
import { asksWhatNextWithHeld, heldPaper, withoutHeldClause } from './without-held-clause.ts'

export type AnswerQuestionOptions = {
  question: string
  context?: AnswerContext
  search: (query: string, options?: SearchOptions) => SearchResult[]
  getProcedure: (code: string) => Promise<Procedure | null>
  /** Defaults to the built-in dictionary. */
  synonyms?: Synonyms
  /** Place finder and note writer; defaults to the built-in administrative units. */
  places?: PlaceNotes
  /** Action and qualifier vocabulary; defaults to knowledge/data/procedure-actions.json. */
  actions?: ProcedureActions
  /** Topics the records do not hold (banks, telecoms …); defaults to knowledge/data/absent-topics.json. */
  topics?: AbsentTopics
  /** Share (0–1) of procedure names holding a folded word; without it no object gap is looked for. */
  wordShare?: (folded: string) => number
  /** The procedure staff taught for this exact question (knowledge/search/match-learnt-phrases.ts), or null. */
  taught?: (question: string) => string | null
  /** Query expansion (a cached one from the knowledge base); defaults to `expandQuery` with `synonyms`. */
  expand?: (text: string) => ExpandedQuery
  /** Whether only members of the police or the army file the procedure (knowledge/search/serves-forces.ts). */
  servesForces?: (code: string) => boolean
  /** The procedures whose papers hold a form, by its code (find-form-code.ts); none when not given. */
  formUses?: (code: string) => readonly FormUse[]
  /** The codes of the procedures whose papers name a paper held, as typed (find-paper-uses.ts). */
  paperUses?: (paper: string) => readonly string[]
}

/** Below this share of the query's words found in the best name, nothing is a match. */
const MIN_COVERAGE = 0.5
const MIN_MATCHED_WEIGHT = 3
/** Distinct procedures scoring within this of the best one make the answer ambiguous. */
const CLARIFY_MARGIN = 0.06
/**
 * A weak match is answered outright when no other fitting procedure scores within `margin` of it, it
 * holds at least these shares of the question's words and rare words, and this share of its own name
 * was asked about (not a corner of a long name: "xin giấy phép bán rượu" against a customs procedure).
 * A name that lacks a phrase narrowing the question's object (`findMissedObject`) and has no other
 * doubt must hold `missedIdfCoverage` of the rare words: "xin cấp lại sổ hộ nghèo" holds "cấp lại
 * sổ" of "Cấp lại Sổ thuyền viên" but not "hộ nghèo", the rarest words, so it is asked about.
 */
const ALONE = { margin: 0.45, coverage: 0.5, idfCoverage: 0.25, precision: 0.15, missedIdfCoverage: 0.4 }
/** A doubted best match alone among the fitting ones is answered when it holds this much of the question and leads so far. */
const SOLE = { coverage: 0.7, idfCoverage: 0.7, margin: 0.3 }
/** The names a cited law or decree is looked for in: a name that holds it is what is asked. */
const CITED_AMONG = 10
/** A short message is read as a procedure's name when one of this many best found holds it (names-one-record.ts). */
const NAMED_AMONG = 3
/** At most this many words beside a form's code ("là gì", "tải ở đâu") ask only for the form. */
const FORM_ALONE_WORDS = 3
/** Nearest procedures named as "có thể liên quan" when none covers the question. */
const MAX_RELATED = 3
/** A weak match lists the fitting procedures scoring within this of it, so the right one is likely among them. */
const WEAK_MARGIN = 0.5
/**
 * A name holding at least this share of the question's words, and lacking only a word that narrows
 * its object, is offered ("có phải bạn hỏi …"), not denied: a narrower object the records lack
 * ("bảo hiểm nhân thọ", "khuyết tật") leaves less of the question in the name.
 */
const GAP_ASK_COVERAGE = 0.6
/**
 * A name holding half the question's words also is offered when they carry at least this share of
 * the question's rare words: side words ("chở lợn từ Đồng Nai ra Bắc bán") dilute the share, not the topic.
 */
const GAP_ASK_HALF = { coverage: 0.5, idfCoverage: 0.4 }
/**
 * A message of at most this many words whose best match holds one of its rare word pairs side by side is
 * offered that match ("có phải bạn hỏi …"), as a long message's request is, however few of its words the name holds.
 */
const SHORT_TOPIC_WORDS = 6
/** A long message's pair held by at most this share of names may name its topic (holds-typed-topic.ts). */
const RUN_TOPIC_SHARE = 0.005
/** A name whose words the question holds at least this share of joins a question between close rivals. */
const WHOLE_NAME = 0.8
/** Words that say the asker acts for an organisation (folded). */
const ORGANISATION_WORDS = [
  'cong ti',
  'doanh nghiep',
  'to chuc',
  'hop tac xa',
  'chi nhanh',
  'van phong dai dien',
  'don vi',
  'co quan',
  'co so',
  'nha dau tu',
  'tin dung',
  // an office, a farm, a workshop, a hotel, a club … (and the lawyer running an office) speak for an organisation too
  // (not "trung tâm", "cửa hàng", "nhà máy": centres and shops the records lack, "trung tâm ngoại ngữ", would be answered
  // with the centres they hold)
  'van phong',
  'cty',
  'trang trai',
  'trai nuoi',
  // ("xưởng" only in a phrase: alone it folds as "xuống")
  'nha xuong',
  'xuong san xuat',
  'xuong may',
  'xuong che tac',
  'xuong co khi',
  'mo xuong',
  'xuong lam',
  'xuong cua toi',
  'phong kham',
  'khach san',
  'hiep hoi',
  'cau lac bo',
  'luat su',
]
/** A procedure that fits only after passing over better-scored ones that do not must be this close to answer outright. */
const FIT_MARGIN = 0.25
/** A pair at most this share of names hold (26 of 2,642) relates a name to a topic the records lack. */
const RELATED_PAIR_SHARE = 0.01
const NOT_FOUND_TEXT =
  'Xin lỗi, tôi chưa tìm thấy thủ tục hành chính phù hợp với câu hỏi này. ' +
  'Bạn có thể nói rõ tên thủ tục (ví dụ: "cấp lại thẻ căn cước", "đăng ký khai sinh"), ' +
  `tra cứu tại Cổng Dịch vụ công quốc gia ${PORTAL} ` +
  `hoặc gọi tổng đài hỗ trợ Dịch vụ công ${HOTLINE}.`
const ELSEWHERE = `Bạn có thể tra cứu tại Cổng Dịch vụ công quốc gia ${PORTAL} hoặc gọi tổng đài hỗ trợ ${HOTLINE} (miễn phí).`

const CONTACT_TEXT =
  `Để được cán bộ hỗ trợ trực tiếp, bạn gọi tổng đài Dịch vụ công ${HOTLINE} (miễn phí, giờ hành chính). ` +
  `Bạn cũng có thể gửi câu hỏi hoặc phản ánh, kiến nghị trên Cổng Dịch vụ công quốc gia ${PORTAL} ` +
  '(mục "Hỗ trợ" và "Phản ánh, kiến nghị"), hoặc hỏi trực tiếp tại bộ phận một cửa của UBND cấp xã.'

/** Before the contact reply, when a call back was asked for. */
const CALL_BACK_TEXT = 'Trợ lý số không gọi điện lại được.'

const FEEDBACK_CHANNEL =
  `Phản ánh, kiến nghị về thủ tục hành chính hoặc về cán bộ giải quyết: gửi tại mục "Phản ánh, kiến nghị" trên ${PORTAL} ` +
  `hoặc gọi tổng đài ${HOTLINE}.`

const statusText = (receiptCode: string | null) =>
  'Tôi không xem được hồ sơ của bạn, nhưng bạn tự tra cứu được tình trạng hồ sơ:\n' +
  `• Trên Cổng Dịch vụ công quốc gia ${PORTAL}: mục "Tra cứu hồ sơ", nhập mã hồ sơ ` +
  `${receiptCode ? `(mã bạn gửi: ${receiptCode})` : 'in trên giấy biên nhận, dạng 000.00.12.H56-260101-0001'}.\n` +
  '• Hoặc trên Cổng dịch vụ công của tỉnh, thành phố nơi đã nộp (mục tra cứu hồ sơ), hoặc tài khoản của bạn nếu nộp trực tuyến.\n' +
  `Nếu đã quá ngày hẹn trả trên giấy biên nhận mà chưa có kết quả, bạn liên hệ bộ phận một cửa nơi nộp hồ sơ hoặc gọi tổng đài ${HOTLINE}.`

const NAME_IT =
  'Hãy nêu tên thủ tục (ví dụ: "cấp lại thẻ căn cước", "đăng ký khai sinh") hoặc mã thủ tục (ví dụ: 1.001193).'

const FACET_WORDS: Record<Facet, string> = {
  documents: 'giấy tờ, hồ sơ',
  fees: 'lệ phí',
  duration: 'thời hạn giải quyết',
  where: 'nơi nộp hồ sơ',
  online: 'cách nộp trực tuyến',
  steps: 'các bước thực hiện',
  requirements: 'điều kiện',
  legal: 'căn cứ pháp lý',
  result: 'kết quả',
  overview: 'thông tin',
}

const OUT_OF_SCOPE_TEXT =
  'Tôi là trợ lý về thủ tục hành chính công nên chưa trả lời được câu hỏi này. ' +
  'Bạn có thể hỏi về giấy tờ, lệ phí, thời hạn hay nơi nộp của một thủ tục, ví dụ "làm lại thẻ căn cước cần gì". ' +
  `Tra cứu thêm tại ${PORTAL}.`

/** Variants the fit model reads of someone from abroad or without the nationality ("Việt kiều", "người không quốc tịch"). */
const FROM_ABROAD = ['foreign', 'stateless', 'abroad']

/** Words of filing any procedure ("nộp hồ sơ", "xin", "đăng ký", "giấy tờ"), folded: they name no object. */
const FILING_WORDS = new Set(['nop', 'ho', 'so', 'xin', 'dang', 'ki', 'giay', 'to'])

/** "2", "số 2", "cái thứ hai": a pick by its place in a list (1-based), whatever list; else null. */
const placeInList = (question: string): number | null => {
  const t = question.normalize('NFC').toLocaleLowerCase('vi').trim()
  const n =
    /^(?:(?:số|so|cái|cai|thứ|thu|chọn|chon|lựa chọn|phương án)\s*)*(\d)\s*[.)!]?\s*(?:ạ|a|nhé|nhe)?$/.exec(t)
  if (n) return Number(n[1])
  const w = /^(?:(?:số|cái|thứ|chọn)\s*)+(một|hai|ba|bốn|năm)$/.exec(t)
  return w?.[1] ? ['một', 'hai', 'ba', 'bốn', 'năm'].indexOf(w[1]) + 1 : null
}

/** Asking for a copy or a certification of a paper, which any paper may be (folded). */
const COPY_ASKS = ['chung thuc', 'sao y', 'sao tu so goc', 'hop phap hoa lanh su', 'chung nhan lanh su']

/** Whether a record calls its own kinds by number ("Phiếu Lý lịch tư pháp số 1, số 2"), this one among them. */
const numbersItsKinds = (p: Procedure, n: number): boolean => {
  const own = new RegExp(`\\bs[oố] ${n}\\b`, 'u')
  return [p.name, ...p.documents.map((d) => d.name), p.requirements ?? '', ...p.results].some((t) =>
    own.test(t.normalize('NFC').toLocaleLowerCase('vi')),
  )
}

/** "2", "số 2", "cái thứ 2", "1.014064": a pick from the last clarify list, or null. */
const pickCandidate = (question: string, codes: string[]): string | null => {
  const code = /\d\.\d{6}/.exec(question)?.[0]
  if (code && codes.includes(code)) return code
  const place = placeInList(question)
  return place ? (codes[place - 1] ?? null) : null
}

const notFound = (text = NOT_FOUND_TEXT): Answer => ({ kind: 'not_found', text })

type Candidate = { code: string; name: string; label?: string }

/** What the records do not cover, said plainly, with the nearest procedures as suggestions. */
const notCovered = (related: Candidate[], misfit: Misfit | null, actions: ProcedureActions): Answer => {
  const what =
    misfit?.kind === 'action'
      ? ` (việc ${misfit.asked.map((a) => actions.actionLabel(a)).join(', ')} bạn hỏi)`
      : misfit?.kind === 'object'
        ? ' (đúng loại việc bạn hỏi)'
        : misfit
          ? ' (đúng trường hợp bạn hỏi)'
          : ''
  const list = related.map((c) => `• ${shorten(c.name, MAX_LISTED_NAME_CHARS)} (mã ${c.code})`).join('\n')
  return {
    kind: 'not_found',
    ...(related.length ? { candidates: related } : {}),
    text:
      `Dữ liệu thủ tục hành chính chính thức ở đây không có thủ tục đúng với câu hỏi của bạn${what}. ` +
      `${related.length ? `Có thể liên quan:\n${list}\n` : ''}${ELSEWHERE}`,
  }
}

/**
 * @returns an answer built only from stored records when the best procedure covers what was
 *   asked (action, object, deciding qualifiers); a clarify question (≤4 candidates with short
 *   labels) when several variants fit or the match is weak; not_found saying the records do
 *   not cover it, with related procedures; contact, status or small talk
 */
const answerAlone = async (options: AnswerQuestionOptions): Promise<Answer> => {
  const {
    question: asked,
    context = {},
    search,
    getProcedure,
    synonyms = builtInSynonyms(),
    places: placeNotes = builtInPlaceNotes(),
    actions = builtInProcedureActions(),
    topics = builtInAbsentTopics(),
    wordShare,
    taught,
    expand = (text) => expandQuery(text, synonyms),
    servesForces = () => false,
  } = options
  const unaside = withoutAsides(asked)
  // "theo nghị định 123/2015 đăng ký khai sinh cần gì": the decree cited is no word of what is asked,
  // unless a name the message finds holds it ("… theo Nghị định 182").
  const question = withoutCitations(unaside, (cited) => {
    const number = /\d+/.exec(cited)?.[0]
    return search(unaside, { limit: CITED_AMONG }).some((r) => {
      const name = ` ${foldVietnamese(r.name)} `
      return number ? name.includes(` ${number} `) : name.includes(` ${cited} `)
    })
  })
  const candidateCodes = context.candidateCodes ?? []
  if (candidateCodes.length) {
    const picked = pickCandidate(question, candidateCodes)
    if (picked) {
      const answer = await answerWith(getProcedure, picked, 'overview')
      if (answer) return answer
    }
  } else {
    const place = placeInList(question)
    // "số 2" with no list offered before it: nothing to pick from, and no procedure's words to search,
    // unless the procedure just answered numbers its own kinds so ("số 2" after the criminal record
    // extract, whose record names "Phiếu Lý lịch tư pháp số 1, số 2"): that procedure, asked again.
    if (place) {
      const current = context.procedureCode ? await getProcedure(context.procedureCode) : null
      if (current && numbersItsKinds(current, place)) {
        const answer = await answerWith(getProcedure, current.code, 'overview')
        if (answer) return answer
      }
      return notFound(`Hiện không có danh sách nào để chọn. ${NAME_IT}`)
    }
  }
  // "mẫu CT01 là gì": a form asked for by its code is answered from the records' papers that name it.
  // (a form no record's papers hold is said to be so when the message asks only for it: "mẫu 04a/ĐK là gì";
  // beside other words it may be a paper the procedure issues, "giấy xác nhận thông tin cư trú mẫu CT07")
  // A form the dictionary reads though no record's papers name it ("TK1-TS": the social insurance
  // registration) is asked about as the procedure it reads as.
  const form = options.formUses ? askedFormCode(question) : null
  const uses = form && options.formUses ? options.formUses(form) : []
  const formRead = form !== null && synonyms.expansions.has(foldVietnamese(form))
  if (form && (uses.length || (!formRead && wordsBesideForm(question) <= FORM_ALONE_WORDS)))
    return answerForm({ ...options, code: form, uses })
  const found = placeNotes.find(question)
  const place: PlaceContext | null = found.length
    ? { places: found, note: (levels) => placeNotes.note(found, levels) }
    : null

  const placeNames = found.map((p) => p.mentioned)
  const query = expand(question)
  // "căn cước bị mất thì cấp lại hay cấp đổi": the situation settles the choice; the question is read
  // without the side it rules out (settle-choice.ts), which takes "hay" with it, so this ends. When the
  // records hold nothing for that side ("hộ chiếu hết hạn rồi thì làm lại hay gia hạn": no passport is
  // extended), the other side is what they hold, when they answer it; otherwise the whole is read.
  const settled = settleChoice({ tokens: query.tokens, actions })
  // (each side read as the whole message is, against the conversation too: after a passport's answer,
  // "hết hạn rồi thì làm lại hay gia hạn" extends no passport, and its new issue is the other side)
  if (settled) {
    const answer = await answerQuestion({ ...options, question: settled })
    if (answer.kind !== 'not_found') return answer
    const other = otherSideOfChoice({ tokens: query.tokens, actions })
    const instead = other ? await answerQuestion({ ...options, question: other }) : null
    if (instead?.kind === 'answer') return instead
  }
  const facet = detectFacet({ text: query.tokens, synonyms, message: question })
  // "cần giấy tờ gì và lệ phí bao nhiêu": the other parts asked are answered after the main one.
  const also = detectOtherFacets({ text: query.tokens, synonyms }, facet)
  // Within a conversation about a procedure, a short message without evidence is a follow-up on it
  // ("phí bao nhiêu?", "làm online được không"), not small talk or a question outside the records.
  const following = Boolean(context.procedureCode)
  const recordsShare = following ? undefined : wordShare
  // Classifying and the records' check read the same evidence of public administration: found once.
  // A short message naming one procedure in its words ("bảng kê lâm sản") is about it, however rare they are.
  const named = () =>
    namesOneRecord({ query, names: search(question, { limit: NAMED_AMONG }).map((r) => r.name) })
  // (read without the places named: "tôi ở tỉnh Hà Nam cũ, rằm tháng 7 cúng gì" holds no pair "tỉnh hà"
  // of the names, and where the citizen lives is no evidence of what they ask)
  // (the country stays in a message about someone or somewhere abroad, as the fit model reads them)
  const abroad = () =>
    namesPlaceAbroad(query.tokens) ||
    FROM_ABROAD.some((v) => actions.ofQuestion(query.tokens).variants.has(v))
  const placeless = withoutPlaceNames(question, found, abroad)
  const unplaced = placeless === question ? query : expand(placeless)
  const evidence = recordsShare
    ? createAdminEvidenceReader({ query: unplaced, synonyms, wordShare: recordsShare, topics, named })
    : undefined
  const classified = classifyMessage({
    query: unplaced,
    synonyms,
    text: question,
    wordShare: recordsShare,
    topics,
    evidence,
  })
  // "phải làm gì", "giờ phải làm sao" after a procedure's answer ask about it, not for everyday advice;
  // so do "có bị phạt không", a fine asked for that procedure, and "cần giấy khám sức khỏe không", a paper.
  let kind =
    following &&
    (classified === 'smalltalk' || classified === 'out_of_scope') &&
    (asksHowToGoOn(query) ||
      asksPenalty(query.folded) ||
      asksCapital(query.folded) ||
      asksPaperNeeded(query.folded))
      ? 'question'
      : classified
  // A remark beside the conversation ("mệt quá", "hôm nay trời đẹp nhỉ") is read as on its own.
  if (following && kind === 'question' && wordShare) {
    const procedure = await getProcedure(context.procedureCode as string)
    const aside =
      procedure &&
      isAside({
        query,
        question,
        procedure,
        actions,
        synonyms,
        namesPlace: found.length > 0 || namesPlaceAbroad(query.tokens),
      })
    if (aside) {
      const own = createAdminEvidenceReader({ query, synonyms, wordShare, topics, named })
      const alone = classifyMessage({ query, synonyms, text: question, wordShare, topics, evidence: own })
      if (alone === 'smalltalk' || alone === 'out_of_scope') kind = alone
      else if (isOutsideRecords({ query, wordShare, synonyms, topics, evidence: own })) kind = 'out_of_scope'
    }
  }
  if (kind === 'contact')
    return {
      kind: 'contact',
      handoff: true,
      // (a call back asked for: the assistant cannot call, and says so before the ways to reach someone)
      text: CALL_BACK.test(query.folded.join(' ')) ? `${CALL_BACK_TEXT} ${CONTACT_TEXT}` : CONTACT_TEXT,
    }
  if (kind === 'status') {
    const receiptCode = RECEIPT_CODE.exec(question)?.[0]?.toUpperCase() ?? null
    return { kind: 'status', ...(receiptCode ? { receiptCode } : {}), text: statusText(receiptCode) }
  }
  // A question staff answered with a procedure (a resolved unanswered question) gets it at once.
  const taughtCode = taught?.(question)
  if (taughtCode) {
    const answer = await answerWith(getProcedure, taughtCode, facet, [], place, query.folded, also)
    if (answer) return answer
  }
  if (kind === 'smalltalk') {
    const current = context.procedureCode ? await getProcedure(context.procedureCode) : null
    return { kind: 'smalltalk', text: replySmallTalk(query.folded.join(' '), current?.name ?? null) }
  }
  if (kind === 'out_of_scope') return notFound(OUT_OF_SCOPE_TEXT)
  if (kind === 'gibberish') return notFound()
  // Off-topic beyond the out-of-scope list: no evidence of public administration (`findAdminEvidence`).
  if (recordsShare && isOutsideRecords({ query, wordShare: recordsShare, synonyms, topics, evidence }))
    return notFound(OUT_OF_SCOPE_TEXT)
  const complaint = isComplaint(query)
  const act = complaint ? complaintAct(query.folded) : null
  /**
   * A complaint answered with a procedure that does not resolve complaints (the one it mentions), or
   * with a complaint procedure of another level or body than the question names ("công an phường"
   * answered at province level): the complaint procedure about the body and level it names, a
   * question between its levels, or none.
   */
  /** The procedures that resolve complaints or denunciations, as the search finds them. */
  const complaintProcedures = (a: ComplaintAct) =>
    search(`giải quyết ${a === 'to cao' ? 'tố cáo' : 'khiếu nại'}`, { limit: 20 })
  const answerComplaint = async (answer: Answer): Promise<Answer> => {
    // Feedback without "khiếu nại"/"tố cáo" ("phản ánh công an xã làm hồ sơ chậm"): a question between
    // procedures none of which resolves complaints asks about what the message only mentions.
    // About a body whose complaints the records resolve ("phản ánh công an xã hách dịch"): its complaint and
    // denunciation procedures, for the citizen to choose; about another body: the feedback channel.
    if (!act && (answer.kind === 'clarify' || answer.kind === 'answer')) {
      const offered =
        answer.kind === 'clarify' ? (answer.candidates ?? []) : answer.procedure ? [answer.procedure] : []
      if (offered.some((c) => isComplaintProcedure(c.name))) return answer
      const bodies = (['khieu nai', 'to cao'] as const).flatMap((a) =>
        fitComplaint({ act: a, folded: query.folded, results: complaintProcedures(a) }),
      )
      if (bodies.length) return askWhich(bodies, false)
      return answer.kind === 'clarify' ? notFound() : answer
    }
    if (!act) return answer
    const results = complaintProcedures(act)
    const fitting = fitComplaint({ act, folded: query.folded, results })
    /** The fitting complaint procedure, or a question between them; not found when none fits. */
    const answerFitting = async (): Promise<Answer> => {
      const [only] = fitting
      if (fitting.length === 1 && only)
        return (await answerWith(getProcedure, only.code, facet, [], place, query.folded, also)) ?? notFound()
      return fitting.length ? askWhich(fitting, false) : notFound()
    }
    // A complaint about a body whose complaints the records resolve, though the rest of the message
    // found nothing ("xe bị cảnh sát giao thông tạm giữ quá hạn … muốn làm đơn khiếu nại"): that body's.
    if (answer.kind !== 'answer' && answer.kind !== 'clarify')
      return answer.kind === 'not_found' && fitting.length ? answerFitting() : answer
    // A question between procedures the complaint mentions ("tố cáo công an phường đòi tiền khi làm
    // căn cước": the identity card's) or between other bodies' complaints: the fitting complaint
    // procedures instead; one among only fitting ones stays.
    if (answer.kind === 'clarify') {
      const options = answer.candidates ?? []
      // No complaint procedure fits the body it names ("khiếu nại cán bộ xã gây khó dễ"): options that resolve
      // no complaint are words the message shares by chance ("gây" of "gây nổ"), never offered as its answer.
      if (!fitting.length) return options.some((c) => isComplaintProcedure(c.name)) ? answer : notFound()
      if (options.every((c) => fitting.some((r) => r.code === c.code))) return answer
      // The unit's own procedure is reserved for officers ("phải là cán bộ thuộc biên chế …"): a citizen
      // is asked between the other levels' and it (last) rather than given it as if sure.
      const [unit] = fitting
      if (fitting.length === 1 && unit && actions.misfit(actions.ofQuestion(query.tokens), unit.name)) {
        const levels = fitComplaint({ act, folded: query.folded, results, anyLevel: true })
        return askWhich([...levels.filter((r) => r.code !== unit.code), unit], false)
      }
    } else if (!answer.procedure) return answer
    const given = answer.procedure
    if (
      given &&
      isComplaintProcedure(given.name) &&
      (!fitting.length || fitting.some((r) => r.code === given.code))
    )
      return answer
    return answerFitting()
  }
  // A complaint gets the feedback channel too; one with no fitting procedure gets it as a contact reply.
  // (not one about a bank's, a telecom's, an insurer's, a utility's or a private business's service, nor
  // an app or brand: the portal's feedback is for public procedures, so the reply says the records do not cover it)
  const withChannel = async (given: Answer): Promise<Answer> => {
    if (!complaint) return given
    const answer = await answerComplaint(given)
    if (
      answer.kind === 'not_found' &&
      (topics.ofProvider(query.folded) || namesPrivateBrand(query.folded.join(' '), query.tokens))
    )
      return given.kind === 'not_found' ? given : notFound()
    if (answer.kind === 'not_found')
      return { kind: 'contact', handoff: true, text: `${FEEDBACK_CHANNEL}\n${CONTACT_TEXT}` }
    return { ...answer, text: `${answer.text}\n${FEEDBACK_CHANNEL}` }
  }

  for (const code of query.codes) {
    const answer = await answerWith(getProcedure, code, facet, [], place, query.folded, also)
    if (answer) return answer
  }

  // (in a conversation a bare "sao", "nào" asks how to go on: "rồi sao nữa"; a number of copies or pages
  // is how many of the procedure's papers, "bao nhiêu tiền 1 bản", not the "01" of another name)
  const counted = following ? countedWords(query.tokens) : null
  // (where the citizen lives is no topic: "nhận con nuôi ở quận Hoàn Kiếm cũ" supports no "cơ quan")
  const topical = unplaced.terms.filter(
    (t) =>
      !GENERIC.has(t.folded) &&
      t.weight >= 1 &&
      !(following && isHowWord(t.folded)) &&
      !counted?.has(t.folded),
  )
  const current = context.procedureCode ?? null
  // (not an action the conversation's procedure does not do: "mất rồi" after a first issue asks for its
  // re-issue, which the follow-up is read for with the procedure's name: answer-follow-up.ts)
  if (current && !topical.length && !(await asksOtherAction(getProcedure, current, query, actions))) {
    const answer = await answerWith(getProcedure, current, facet, [], place, query.folded, also)
    if (answer) return answer
  }
  if (!query.terms.length) {
    // "phí bao nhiêu?" with no procedure in the conversation: ask for the procedure's name.
    return withChannel(
      notFound(
        facet === 'overview'
          ? NOT_FOUND_TEXT
          : `Bạn muốn hỏi ${FACET_WORDS[facet]} của thủ tục nào? ${NAME_IT}`,
      ),
    )
  }

  // Only procedures whose action and deciding qualifiers match the question can answer it;
  // among siblings, the one whose variant the question names comes first.
  const searched = search(placeless, { limit: 20 })
  // "… để xóa án tích": an action said only in the purpose is not the one asked (set-aside-purpose.ts).
  // "hộ chiếu hết hạn": renewed by a new issue where the records neither exchange nor extend it (renew-expired.ts).
  // "đổi kê khai thuế từ tháng sang quý": a bare "đổi" of what no record exchanges is a change (read-bare-change.ts).
  // "chưa có giấy phép, giờ xin bổ sung": a first issue (read-not-yet-held.ts).
  const searchedNames = searched.map((r) => r.name)
  const traits = readNotYetHeld({
    tokens: query.tokens,
    actions,
    traits: readBareChange({
      tokens: query.tokens,
      traits: renewExpired({
        tokens: query.tokens,
        traits: setAsidePurpose({
          tokens: query.tokens,
          headPairs: query.headPairs,
          traits: actions.ofQuestion(query.tokens),
          name: searched[0]?.name,
          actions,
        }),
        names: searchedNames,
        actions,
      }),
      names: searchedNames,
      actions,
    }),
  })
  const phraseWords = actions.phraseWords(query.tokens)
  // What the question is about (folded): its content words without action or qualifier words.
  const subjectWords = topical.map((t) => t.folded).filter((w) => !phraseWords.has(w))
  const results = rankByFit({ results: searched, question: traits, actions })
  // A procedure the forces' own members file does not fit a citizen who does not speak of them.
  const forCitizen = !asksForForces(query.folded)
  const misfits = new Map(
    results.map((r) => [
      r.code,
      actions.misfit(traits, r.name) ??
        (forCitizen && servesForces(r.code) ? ({ kind: 'qualifier', group: 'officer' } as const) : null),
    ]),
  )
  // The ranking moved procedures that do not cover the question down; the calibration below weighs
  // the best match as the question's words alone rank it, so a better-worded neighbour still makes it doubt.
  const unpenalised = (r: SearchResult) =>
    r.score + (r.fit !== undefined && misfits.get(r.code) ? MISFIT_PENALTY : 0)
  const best = results.reduce<SearchResult | undefined>(
    (b, r) => (!b || unpenalised(r) > unpenalised(b) ? r : b),
    undefined,
  )
  const totalWeight = query.terms.reduce((sum, t) => sum + t.weight, 0)
  // Long messages carry side words ("vì bản gốc bị thất lạc"): enough matched words also count.
  // (coverage is rounded to 3 decimals: 1/3 of 9 words is 0.333, and 0.333 × 9 must still count as 3)
  const matched = (r: SearchResult) =>
    r.coverage >= MIN_COVERAGE || (r.coverage >= 0.3 && r.coverage * totalWeight >= MIN_MATCHED_WEIGHT - 0.01)
  // A long message's story hides the request's words: the best match holding the request's rare pair is offered.
  // A short one's few side words ("giám hộ cho cháu mồ côi") dilute its share as much: its own rare pairs, as typed, count so.
  const requested = wordShare ? requestTopics(query.requestPairs, query.folded, wordShare) : []
  const short = !query.requestPairs && query.folded.length <= SHORT_TOPIC_WORDS
  const shortTopics = wordShare && short ? requestTopics(query.bigrams, query.folded, wordShare) : []
  const holdsTopicPair = (name: string) =>
    holdsRequestTopic(name, requested) || holdsTypedTopic(name, query.tokens, shortTopics)
  const confident = (r: SearchResult) => matched(r) || (r === best && holdsTopicPair(r.name))
  // (a long message's rarest pairs, held by few names: read only when nothing else is confident)
  const runTopics = () =>
    wordShare && query.folded.length > LONG_MESSAGE_WORDS
      ? requestTopics(query.bigrams, query.folded, wordShare).filter((p) => wordShare(p) <= RUN_TOPIC_SHARE)
      : []
  // A question about a topic the records do not hold (a bank card, a school transfer) is answered
  // only by a procedure whose name names that topic.
  // The question's object words and the words an abbreviation rewrote are read by several checks below: worked out once.
  const questionObject = objectWords(query.tokens, placeNames)
  let rewritten: Set<string> | undefined
  const rewrittenOnce = () => {
    rewritten ??= rewrittenWords(query, synonyms)
    return rewritten
  }
  // A topic the records lack told only in the story before a request that names a topic of its own is
  // the story's ("cháu đang trong độ tuổi nghĩa vụ quân sự, sắp vào Bình Dương làm công nhân, có phải
  // khai báo tạm vắng không"), not what is asked.
  const toldOnly = (topic: string) =>
    topic.split(' ').every((w) => query.terms.some((t) => t.story && t.folded === w))
  // A paper the records lack asked to be copied or certified ("photo bằng tốt nghiệp rồi chứng thực ở
  // đâu"): the certification is the service asked, whatever the paper.
  const copies = query.folded.join(' ')
  const copiesPaper = COPY_ASKS.some((p) => containsPhrase(copies, p))
  const absent = copiesPaper
    ? []
    : topics.find(questionObject).filter((t) => !requested.length || !toldOnly(t))
  const holdsTopic = (r: SearchResult) => !absent.length || absent.some((t) => topics.named(t, r.group))
  // Short names the question holds nearly all of: options of a "có phải bạn hỏi …" question.
  const covered = findCoveredNames({ results, fits: (r) => !misfits.get(r.code) && holdsTopic(r) })
  /**
   * A clarify reply with at most four (`compose-clarify.ts`) options: several procedures fit and the
   * question does not decide between them, or (`weak`) it asks whether one of them is meant.
   */
  const askWhich = (options: readonly SearchResult[], weak: boolean): Answer => ({
    ...composeClarify({
      // (never a death's procedure offered for a birth: keep-asked-events.ts)
      options: keepAskedEvents(options, query.folded, query.requestPairs),
      facet,
      weak,
      ...(wordShare ? { pairShare: wordShare } : {}),
      after: [weak ? `Nếu không phải: ${ELSEWHERE}` : null, place?.note(null) ?? null],
    }),
    ...(place ? { places: place.places } : {}),
  })
  if (!best || !confident(best)) {
    // Nothing else fits well: the message most likely still means the conversation's procedure
    // (unless it asks for an action that procedure does not do: answer-follow-up.ts reads it with its name;
    // or names a topic the records lack: "còn visa đi Mỹ thì sao" after the passport).
    if (current && !absent.length && !(await asksOtherAction(getProcedure, current, query, actions)))
      return (await answerWith(getProcedure, current, facet, [], place, query.folded, also)) ?? notFound()
    // Side words hid a name the question covers: ask whether it is meant rather than say nothing fits.
    if (covered.length) return withChannel(askWhich(covered, true))
    // A long message holding three words of the best match's name side by side, a rare pair among
    // them, though its other words outweigh them: the best match is offered (holds-typed-topic.ts).
    if (
      best &&
      !absent.length &&
      !misfits.get(best.code) &&
      holdsTypedRun(best.name, query.tokens, runTopics())
    )
      return withChannel(askWhich([best], true))
    return withChannel(notFound())
  }
  // (a company's procedure is no choice for a household business: household-for-company.ts)
  const householdOnly = asksHouseholdOnly(query.folded)
  const fitting = results.filter(
    (r) => confident(r) && !misfits.get(r.code) && holdsTopic(r) && !(householdOnly && isCompanyName(r.name)),
  )
  // Still the same procedure (or one of its level variants): stay on the conversation's record.
  if (current && fitting.some((r) => r.code === current && best.score - r.score < CLARIFY_MARGIN)) {
    const answer = await answerWith(getProcedure, current, facet, [], place, query.folded, also)
    if (answer) return answer
  }

  // One representative per procedure: level variants of the same name are one choice.
  const representatives = (list: SearchResult[]) => {
    const groups: SearchResult[] = []
    for (const r of list) if (!groups.some((g) => g.group === r.group)) groups.push(r)
    return groups
  }
  // Passing over a better match whose action differs is right only when what is left still
  // names every word of the object the better one named ("cấp đổi giấy chứng tử" is not
  // "cấp đổi giấy chứng nhận đăng ký đầu tư").
  const bestMisfit = misfits.get(best.code)
  const passing =
    bestMisfit?.kind === 'action' ||
    // a procedure only the forces' members file, passed over for a citizen (a complaint is still the citizen's to file)
    (!complaint && bestMisfit?.kind === 'qualifier' && bestMisfit.group === 'officer')
  // (not words of filing any procedure names: "nộp hồ sơ xin cấp lại ở đâu"; in choosing which name goes
  // first, nor the words of the passed-over name's own action, "lại" of its "Cấp lại": the action is what differs)
  const bestActionWords = passing ? actions.phraseWords(analyzeText(best.name)) : new Set<string>()
  const objectWord = (w: string) => !FILING_WORDS.has(w) && !bestActionWords.has(w)
  const losesObject = (r: SearchResult) =>
    r.code !== best.code && r.uncovered.some((w) => !best.uncovered.includes(w) && objectWord(w))
  // A fitting name scored as close that keeps that object goes first ("giấy đăng ký xe bị rách muốn đổi":
  // "Đổi chứng nhận đăng ký xe …", not "Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh" above it).
  const first = fitting[0]
  const keeper =
    passing && first && losesObject(first)
      ? fitting.find((r) => first.score - r.score < CLARIFY_MARGIN && !losesObject(r))
      : undefined
  if (keeper) {
    fitting.splice(fitting.indexOf(keeper), 1)
    fitting.unshift(keeper)
  }
  const top = fitting[0]
  const passedOver = !!top && top.code !== best.code && passing
  // (not "tuổi" of an age the person told: "căn cước của bà em 80 tuổi có phải đổi không" lacks nothing
  // of the card for people under 14)
  const lostWords = passedOver
    ? top.uncovered.filter((w) => !best.uncovered.includes(w) && !(traits.age !== null && w === 'tuoi'))
    : []
  const objectLost = lostWords.some((w) => !FILING_WORDS.has(w))
  // Only words of filing lost: the fitting name is offered ("có phải bạn hỏi …"), not given as if sure.
  const filingLost = lostWords.length > 0 && !objectLost
  // The question narrows the object to something no candidate names ("bảo hiểm nhân thọ").
  const objectGap =
    top && wordShare
      ? findObjectGap({
          words: questionObject,
          content: new Set(query.terms.map((t) => t.folded)),
          // (a person named by nationality, "vợ tôi người Úc", is a qualifier the fit model reads, not an object)
          qualifierWords: actions.qualifierWords(query.tokens),
          tokens: query.tokens,
          top,
          results,
          wordShare,
        })
      : null
  // "khám sức khỏe để thi bằng lái": the name holds only the purpose, none of the object asked about.
  const purposeOnly =
    top && !objectGap && wordShare
      ? findPurposeOnly({
          tokens: query.tokens,
          content: new Set(subjectWords),
          rewritten: rewrittenOnce(),
          top,
          wordShare,
        })
      : null
  // The question's action fits one name and its object another ("KT3 sắp hết hạn muốn gia hạn tạm
  // trú": "Gia hạn tạm trú" and "Đăng ký tạm trú"): ask which is meant rather than say neither is,
  // when the name fitting the action still holds enough of the question's words.
  const actionOrObject =
    !!top &&
    objectLost &&
    !objectGap &&
    !purposeOnly &&
    top.coverage * totalWeight >= MIN_MATCHED_WEIGHT - 0.01 &&
    (shareObject({ a: top.name, b: best.name, actions }) ||
      (!!wordShare &&
        namesOwnTopic({
          fitting: top.name,
          better: best.name,
          typed: query.folded,
          pairs: query.bigrams,
          phraseWords,
          wordShare,
        })))
  if (top && actionOrObject) return withChannel(askWhich(representatives([top, best, ...covered]), true))
  // The name holds most of the question's words and lacks only the word that narrows its object
  // ("giếng khoan" for "Đăng ký khai thác nước dưới đất", "độc thân" for "… tình trạng hôn nhân"):
  // the records may well cover it, so the question asks whether it is meant rather than deny it.
  if (
    top &&
    objectGap &&
    !objectLost &&
    (top.coverage >= GAP_ASK_COVERAGE ||
      (top.coverage >= GAP_ASK_HALF.coverage && top.idfCoverage >= GAP_ASK_HALF.idfCoverage))
  ) {
    // Its close siblings first (the variants of the same object), then the names the question covers.
    const near = representatives(fitting).filter((g) => top.score - g.score < WEAK_MARGIN)
    return withChannel(askWhich(representatives([top, ...near, ...covered]), true))
  }
  /**
   * What the records do not cover, with the candidates sharing the question's topic as related procedures
   * (none when `unrelated`: the candidates were found to share only common words with the question).
   */
  const notCoveredReply = (asked: string[] | null, unrelated = false): Promise<Answer> => {
    // A purpose the records cover ("… để thi bằng lái") is named as related whatever the object's words.
    const topic = new Set(subjectWords)
    // For a topic the records lack, only a name holding a word pair of that topic beyond the ask, which few
    // names hold, is related ("… trợ cấp thất nghiệp" for "trợ cấp thất nghiệp"): one sharing the ask, other
    // words of the question or a pair many names hold ("giấy phép mở … tài khoản ngoại tệ" for "xin giấy
    // phép mở nhà thuốc tây", "lao động" for a foreigner's work permit) is no relation.
    const absentPairs = absent
      .flatMap((t) => pairsOf(t.split(' ')))
      .filter(
        (p) => p.split('_').every((w) => !ASK_WORDS.has(w)) && (wordShare?.(p) ?? 1) <= RELATED_PAIR_SHARE,
      )
      .map((p) => ` ${p.replace('_', ' ')} `)
    const namesAbsentPair = (name: string) => {
      const folded = ` ${foldPhrase(name)} `
      return absentPairs.some((p) => folded.includes(p))
    }
    const words = query.tokens.map((t) => t.folded)
    // (not by the kind of place it names: "lên thành phố" shares nothing with "… 02 tỉnh, thành phố …")
    const places = placeTypeWords(query.tokens)
    const related = representatives(
      results.filter(
        (r) =>
          !unrelated &&
          confident(r) &&
          (!!purposeOnly || sharesTopic({ name: r.name, words, topic, places })) &&
          (!absent.length || namesAbsentPair(r.name)),
      ),
    )
      .slice(0, MAX_RELATED)
      .map((r) => ({ code: r.code, name: r.name }))
    const misfit = asked ? { kind: 'object' as const, asked } : (misfits.get(best.code) ?? null)
    return withChannel(notCovered(related, misfit, actions))
  }
  // The fitting name loses the object the best-worded one names, whose only fault is the action read
  // from everyday words beside other words ("đổi ngành nghề", "đòi bồi thường"): ask whether it is meant.
  if (objectLost && !objectGap && !purposeOnly && holdsTopic(best) && doubtsAction({ best, phraseWords }))
    return withChannel(askWhich(representatives([best, ...covered]), true))
  // "đăng ký thường trú cho chó": a person's paper asked for a pet.
  const animal =
    top && !objectGap && !purposeOnly ? asksForAnimal({ tokens: query.tokens, name: top.name }) : null
  if (!top || objectLost || objectGap || purposeOnly || animal)
    return notCoveredReply(objectGap ?? purposeOnly ?? animal)
  const groups = representatives(fitting)
  // Close scores, or a rival the question's words support as well as the best one: ask which is meant.
  const undecided = new Set(
    findUndecided({ top, groups, question: traits, actions, words: new Set(topical.map((t) => t.folded)) }),
  )
  // "cấp thẻ ABTC" answered with "Cấp lại thẻ ABTC": the question did not say it is a second issue.
  // (the sibling need not hold enough of the question's words alone: it lacks only the action word)
  const siblings = representatives(results.filter((r) => !misfits.get(r.code) && holdsTopic(r)))
  for (const g of findPlainAction({ top, groups: siblings, question: traits, actions })) undecided.add(g)
  // "cấp lại hay cấp đổi căn cước": a choice the question leaves open asks for the other side's name too.
  const openChoice = findOpenChoice({ tokens: query.tokens, actions })
  if (openChoice) {
    const topActions = actions.ofName(top.name).actions
    const other = openChoice.find((side) => !side.some((a) => topActions.has(a)))
    const rival =
      other && openChoice.some((side) => side !== other && side.some((a) => topActions.has(a)))
        ? siblings.find(
            (g) =>
              g.group !== top.group &&
              [...actions.ofName(g.name).actions].some((a) => other.includes(a)) &&
              shareObject({ a: top.name, b: g.name, actions }),
          )
        : undefined
    if (rival) undecided.add(rival)
  }
  // "nên mở công ty hay hộ kinh doanh": a choice between two objects offers the other side as well.
  if (wordShare) {
    const rival = findObjectChoice({
      tokens: query.tokens,
      asked: traits.actions,
      top: top.name,
      others: siblings,
      actions,
      wordShare,
    })
    if (rival) undecided.add(rival)
  }
  // "tôi người Hàn, có bằng lái Hàn Quốc": a procedure only for the kind of person named, close behind.
  for (const g of findAskedKind({ top, groups, question: traits, actions })) undecided.add(g)
  // "quyết toán thuế thu nhập cá nhân": the best one is for household businesses, a rival for employers.
  for (const g of findOtherApplicant({ top, groups, words: new Set(topical.map((t) => t.folded)) }))
    undecided.add(g)
  // A name scoring as high that is the best one's name with words the question does not say is a
  // special case of it, not a choice (find-undecided.ts).
  // (not the words of a filler phrase: "tôi có việc muốn hỏi, đăng ký giám hộ" asks no "giám sát việc giám hộ")
  const said = query.folded.filter((_, k) => !query.fillerAt?.includes(k))
  const questionWords = new Set([...said, ...query.terms.map((t) => t.folded)])
  const close = [
    ...groups.filter(
      (g) =>
        (top.score - g.score < CLARIFY_MARGIN && (g === top || !addsUnaskedWords(g, top, questionWords))) ||
        undecided.has(g),
    ),
    ...[...undecided].filter((g) => !groups.some((x) => x.group === g.group)),
  ]
  // A procedure only organisations carry out answers a question that names no organisation only tentatively.
  const folded = ` ${query.folded.join(' ')} `
  const forOrganisations = !top.forPeople && !ORGANISATION_WORDS.some((w) => folded.includes(` ${w} `))
  // The question names a phrase procedure names use ("thẻ tạm trú") that this name lacks.
  const missed = wordShare
    ? findMissedObject({
        words: questionObject,
        rewritten: new Set([...rewrittenOnce(), ...phraseWords]),
        top,
        wordShare,
        terms: new Set(query.terms.map((t) => t.folded)),
      })
    : null
  // "… ở trong nước" / "… ở nước ngoài": the place the question names decides, or it is asked.
  const placed = findPlaceSibling({ top, fitting, folded: query.folded })
  if (placed && 'answer' in placed)
    return withChannel(
      (await answerWith(getProcedure, placed.answer.code, facet, [], place, query.folded, also)) ??
        notFound(),
    )
  if (placed) return withChannel(askWhich(placed.ask, false))
  // A special case the question does not name ("… trong dự án bất động sản" for "sang tên sổ đỏ"):
  // the search found no plain sibling above it, so it is offered, not given as if sure.
  const unaskedVariant = [...actions.ofName(top.name).variants].some((v) => !traits.variants.has(v))
  // "làm thẻ tạm trú cho chồng người nước ngoài": the card is named by other fitting names, not this one.
  // (not a card the message takes back: "làm thẻ căn cước, à không, làm hộ chiếu cho con"; read only when one is named)
  const holders = findNamedCard({ folded: query.folded, top, fitting })
  const takenBack = holders.length ? findTakenBack(query.tokens) : null
  const cards = takenBack
    ? findNamedCard({ folded: query.folded.filter((_, k) => !takenBack[k]), top, fitting })
    : holders
  // A company is not a household business: "giấy phép kinh doanh của công ty" against "… hộ kinh doanh".
  const forCompany = householdForCompany(top.name, query.folded)
  // The question's qualifier fits the name only through what the name excepts ("ô tô" for "… xe cơ giới
  // (trừ xe mô tô, xe gắn máy)"): the name is offered, not given as if sure.
  const excepting = [...(actions.ofName(top.name).excluded?.keys() ?? [])].some((g) =>
    traits.qualifiers.has(g),
  )
  // "xin mst cá nhân" answered with "Cấp lại …": the question did not say the paper was issued before.
  const firstIssues = findFirstIssue({ top, groups, question: traits, actions })
  // How well a name fits the question (knowledge/answer/decide-confidence.ts): the chosen one, and below
  // the near matches named beside it.
  const doubtOf = (r: SearchResult) => {
    const words = analyzeText(r.name)
    return decideConfidence({
      top: r,
      terms: query.terms,
      phraseWords: actions.phraseWords(words),
      ownPhraseWords: actions.ownPhraseWords(words),
      // (a complaint's other words are its grievance, not a story around what it asks: "phản ánh việc
      // làm sổ đỏ quá lâu" is not about "Cấp Giấy xác nhận việc cấp Giấy chứng nhận")
      ...(wordShare && !complaint ? { wordShare } : {}),
    })
  }
  const doubt = doubtOf(top)
  // A name that shares only the question's action ("tìm lại" → "Khôi phục … hộ chiếu") and no rival
  // close to it: nothing in the records is about what the question names.
  if (doubt === 'action-only' && close.length <= 1) return notCoveredReply(top.uncovered)
  // A match too weak or too scattered to answer as if it were sure: the reply asks whether that procedure is meant.
  // The name holds the question's words only in what it is for ("… tham gia … biểu diễn nghệ thuật").
  const elsewhere = holdsOnlyInTail({ name: top.name, words: subjectWords })
  // A match far ahead of every other fitting procedure, holding half the question's words, a quarter of
  // its rare ones and none the records lack, is what the records have for it, though weak or lacking a
  // phrase of the question: "mua xe máy mới ở đại lý, đăng ký biển số cần mang gì" needs no "có phải
  // bạn hỏi …" before the first registration. (Not a complaint: its words are its grievance.)
  const alone =
    (doubt === 'weak' || !!missed) &&
    !complaint &&
    top.coverage >= ALONE.coverage &&
    top.idfCoverage >= (missed && doubt === null ? ALONE.missedIdfCoverage : ALONE.idfCoverage) &&
    top.precision >= ALONE.precision &&
    groups.every((g) => g.group === top.group || top.score - g.score >= ALONE.margin) &&
    !(wordShare && holdsUnknownWord({ top, terms: query.terms, wordShare }))
  const doubted =
    (doubt !== null && !(doubt === 'weak' && alone)) ||
    elsewhere ||
    excepting ||
    forOrganisations ||
    unaskedVariant ||
    // "nộp thuế đất hàng năm" answered with "Giảm tiền thuê đất …": a turning action nobody asked for
    leadsWithUnaskedAction({
      name: top.name,
      asksAction: traits.actions.size > 0,
      words: new Set([...query.folded, ...query.terms.map((t) => t.folded)]),
    }) ||
    cards.length > 0 ||
    forCompany ||
    filingLost ||
    unpenalised(best) - top.score > FIT_MARGIN ||
    (!!missed && !alone) ||
    !matched(top)
  // "cấp căn cước": a name that fits in all but its "lại" / "đổi" — the first issues are asked about
  // first, beside it, as variants of what was asked rather than a guess.
  if (firstIssues && !doubted)
    return withChannel(askWhich(representatives([...firstIssues, top, ...close]), false))
  const weak = doubted || firstIssues !== null
  if (close.length > 1 || weak) {
    // A name the question holds (nearly) all of is one of the choices too, when there is room.
    // (never one naming an action the question does not ask: "Xóa đăng ký thường trú" for "đăng ký thường trú")
    const whole = covered.filter(
      (c) =>
        c.precision >= WHOLE_NAME && [...actions.ofName(c.name).actions].every((a) => traits.actions.has(a)),
    )
    // A short licence question they share nothing with but the ask and common words: not covered.
    // (not the words an everyday name was rewritten from: "khoan giếng" is "khai thác nước dưới đất")
    const onlyTheAsk = (offered: SearchResult[]) => {
      if (!wordShare) return false
      const rewrittenWords = rewrittenOnce()
      const words = subjectWords.filter((w) => !rewrittenWords.has(w))
      const terms = query.terms.map((t) => t.folded)
      return sharesOnlyTheAsk({ folded: query.folded, words, terms, offered, wordShare })
    }
    if (close.length > 1 && !weak) {
      // Close rivals that each narrow the ask to their own trade ("phòng khám muốn xin giấy phép hoạt
      // động" against real-estate exchanges and weather forecasts) are no choice either.
      const choices = representatives([...close, ...whole])
      return onlyTheAsk(choices)
        ? notCoveredReply(top.uncovered, true)
        : withChannel(askWhich(choices, false))
    }
    // The best match first, then the names the question covers, then the other fitting ones.
    const near = groups.filter((g) => top.score - g.score < WEAK_MARGIN)
    const offered = representatives([top, ...cards.slice(0, 2), ...(firstIssues ?? []), ...covered, ...near])
    if (doubt === 'weak' && onlyTheAsk(offered)) return notCoveredReply(top.uncovered, true)
    // Nothing else to offer beside a name holding most of the question's words and its rare ones, far
    // ahead of any other procedure: asking "có phải bạn hỏi …" about it only delays the answer.
    const rival = groups.find((g) => g.group !== top.group)
    // (alone: no card, first issue, covered or near name beside it; and not when the doubt is a mismatch
    // the question shows: a topic the records lack, a qualifier met only through an exception, a household
    // business for a company, an object the name lacks)
    if (
      offered.length === 1 &&
      doubt !== 'scattered' &&
      doubt !== 'action-only' &&
      doubt !== 'qualifier-only' &&
      !complaint &&
      !absent.length &&
      !excepting &&
      !forCompany &&
      !missed &&
      !firstIssues &&
      top.coverage >= SOLE.coverage &&
      top.idfCoverage >= SOLE.idfCoverage &&
      top.score - (rival?.score ?? 0) >= SOLE.margin
    )
      return withChannel(
        (await answerWith(getProcedure, top.code, facet, [], place, query.folded, also)) ?? notFound(),
      )
    return withChannel(askWhich(offered, true))
  }
  // Named as related: a sibling, or a near match whose name is not a long one holding a few of the
  // question's words in a corner of it (`scattered`).
  const alternatives = fitting
    .filter(
      (r) =>
        r.code !== top.code &&
        (r.group === top.group || (top.score - r.score < 0.25 && doubtOf(r) !== 'scattered')),
    )
    .slice(0, 4)
    .map((r) => ({ code: r.code, name: r.name }))
  return withChannel(
    (await answerWith(getProcedure, top.code, facet, alternatives, place, query.folded, also)) ?? notFound(),
  )
}

/**
 * @returns an answer built only from stored records when the best procedure covers what was
 *   asked (action, object, deciding qualifiers); a clarify question (≤4 candidates with short
 *   labels) when several variants fit or the match is weak; not_found saying the records do
 *   not cover it, with related procedures; contact, status or small talk. Within a conversation,
 *   a reply to the last clarify question that names no procedure of its own is read against its
 *   options, and a follow-up naming a case or variant with the conversation's procedure
 *   (answer-follow-up.ts).
 */
export const answerQuestion = async (asked: AnswerQuestionOptions): Promise<Answer> => {
  // ("loại dưới 14 tuổi" after a list: the option's words, without the word pointing at it)
  const options = asked.context?.candidateCodes?.length
    ? { ...asked, question: withoutPickingWord(asked.question) }
    : asked
  const uses = await offerPaperUses(options)
  if (uses) return uses
  const answer = await answerAlone(options)
  // A person or an application's progress asked for: the message stands on its own. (Sent back with its
  // reason told and what to do now asked, it is the procedure's, when one is named: `sent-back-request.ts`.)
  if (answer.kind === 'status')
    return (
      (await offerPart(options, sentBackRequest)) ??
      (await offerPart(options, filedCorrectionRequest, true)) ??
      answer
    )
  if (answer.kind === 'contact') return answer
  const followed = await answerFollowUp(options, answer)
  if (followed.kind === 'answer')
    return (
      (await answerSeveralRequests(options, followed)) ??
      (await offerForWhatNext(options, followed)) ??
      followed
    )
  if (followed.kind !== 'clarify' && followed.kind !== 'not_found') return followed
  return (
    (await answerSeveralRequests(options, followed)) ??
    (await answerRequestOnly(options, withoutHeldClause)) ??
    (await answerRequestOnly(options, correctedRequest)) ??
    (await offerPart(options, sentBackRequest)) ??
    (await offerPart(options, filedCorrectionRequest, true)) ??
    followed
  )
}

/**
 * A paper held with only what comes next asked, outside a conversation ("có giấy chứng sinh của bệnh viện
 * rồi, giờ làm gì tiếp"): the procedure found for the paper's words is only offered, never answered as if
 * sure (`without-held-clause.ts`); else null.
 */
const offerForWhatNext = async (options: AnswerQuestionOptions, answer: Answer): Promise<Answer | null> => {
  if (!answer.procedure || hasContext(options) || !asksWhatNextWithHeld(withoutAsides(options.question)))
    return null
  const procedure = await options.getProcedure(answer.procedure.code)
  return procedure
    ? composeClarify({
        options: [procedure],
        facet: 'overview',
        weak: true,
        after: [`Nếu không phải: ${ELSEWHERE}`],
      })
    : null
}

/**
 * An application sent back with its reason told and what to do now asked ("nộp hồ sơ tách thửa rồi bị trả
 * lại vì thiếu bản vẽ, giờ làm sao", `sent-back-request.ts`), or handed in with a mistake found after and how
 * to put it right asked (`filed-correction-request.ts`): the procedure the words handed in name, read
 * without the rest, is offered ("có phải bạn hỏi …"), never given as if sure, since it was found from part
 * of the message; else null (the progress reply or the whole message's reading stays).
 */
const offerPart = async (
  options: AnswerQuestionOptions,
  partOf: (text: string) => string | null,
  /** Whether the part's own question among procedures is offered as it is (a mistake to put right names no variant). */
  choices = false,
): Promise<Answer | null> => {
  const read = await readRequestOnly(options, partOf)
  if (choices && read?.kind === 'clarify' && read.candidates?.length) return read
  const found = read?.kind === 'answer' ? read : null
  const procedure = found?.procedure ? await options.getProcedure(found.procedure.code) : null
  return procedure
    ? composeClarify({
        options: [procedure],
        facet: found?.facet ?? 'overview',
        weak: true,
        after: [`Nếu không phải: ${ELSEWHERE}`],
      })
    : null
}

/**
 * A paper held with only what comes next asked, outside a conversation ("có giấy chứng sinh của bệnh viện
 * rồi, giờ làm gì tiếp"): the procedures whose papers name it, plain ones for citizens first, offered
 * (find-paper-uses.ts); else null.
 */
const offerPaperUses = async (options: AnswerQuestionOptions): Promise<Answer | null> => {
  if (!options.paperUses || hasContext(options)) return null
  const text = withoutAsides(options.question)
  const paper = asksWhatNextWithHeld(text) ? heldPaper(text) : null
  const codes = paper ? options.paperUses(paper) : []
  if (!codes.length) return null
  const found = await Promise.all(codes.map((code) => options.getProcedure(code)))
  const procedures = orderPaperUses(
    found.filter((p): p is Procedure => p !== null),
    options.actions ?? builtInProcedureActions(),
    options.servesForces ?? (() => false),
  )
  return composeClarify({
    options: procedures,
    facet: 'overview',
    weak: false,
    lead: `Theo hồ sơ thủ tục chính thức, giấy tờ này được nộp khi làm ${
      procedures.length > 1
        ? 'các thủ tục sau. Bạn muốn làm thủ tục nào (trả lời số thứ tự)?'
        : 'thủ tục sau:'
    }`,
    after: [`Nếu không phải: ${ELSEWHERE}`],
  })
}

/** Whether the message comes within a conversation: after an answer or a list. */
const hasContext = ({ context = {} }: AnswerQuestionOptions): boolean =>
  Boolean(context.procedureCode || context.candidateCodes?.length)

/**
 * The request a message tells beside something it is not asking, outside a conversation, when the whole
 * read together found nothing sure: a paper held told first ("có kết quả xét nghiệm ADN rồi muốn làm giấy
 * nhận con", `without-held-clause.ts`) or what it is not ("không phải cấp lại mà là cấp đổi căn cước",
 * `corrected-request.ts`). The request alone, when it is answered; else null.
 */
const answerRequestOnly = async (
  options: AnswerQuestionOptions,
  requestOf: (text: string) => string | null,
): Promise<Answer | null> => {
  const answer = await readRequestOnly(options, requestOf)
  return answer?.kind === 'answer' ? answer : null
}

/** The request alone read as a message of its own, whatever the reply; null in a conversation or without one. */
const readRequestOnly = async (
  options: AnswerQuestionOptions,
  requestOf: (text: string) => string | null,
): Promise<Answer | null> => {
  if (hasContext(options)) return null
  const request = requestOf(withoutAsides(options.question))
  return request ? answerAlone({ ...options, question: request }) : null
}

/** The lead of a reply to several requests in one message, each with a procedure of its own. */
const requestsLead = (count: number) =>
  `Bạn hỏi về ${count} thủ tục. Bạn muốn xem thủ tục nào trước (trả lời số thứ tự)?`

/** … and to a list of requests only some of which the records hold a procedure for. */
const someRequestsLead = (asked: number, held: number) =>
  `Bạn hỏi ${asked} ý, nhưng dữ liệu thủ tục chính thức ở đây chỉ có thủ tục cho ${held} ý dưới đây. Bạn muốn xem thủ tục nào (trả lời số thứ tự)?`

/**
 * Two requests in one message, or a list of them, outside a conversation ("vừa đổi bằng lái vừa làm hộ
 * chiếu", "1) đổi bằng lái 2) làm lại căn cước"), each read alone (`split-requests.ts`): when each names
 * a procedure of its own, which to show first. A list is read item by item even when the whole message
 * was answered (its answer is one item's at best), and offers the items that name a procedure when the
 * others name none; two requests joined by "và" only when the whole found nothing sure. Else null.
 */
const answerSeveralRequests = async (
  options: AnswerQuestionOptions,
  whole: Answer,
): Promise<Answer | null> => {
  if (hasContext(options)) return null
  const text = withoutAsides(options.question)
  const list = splitList(text)
  if (!list && whole.kind === 'answer') return null
  const sides = list ?? splitRequests(text)
  if (!sides) return null
  const answers = await Promise.all(sides.map((side) => answerAlone({ ...options, question: side })))
  // (an item asked back about among cases that fit offers its first, in a list the whole of which found
  // nothing sure; not one asked whether an option is meant at all)
  const offered = (a: Answer) =>
    a.kind === 'answer'
      ? a.procedure?.code
      : list && whole.kind !== 'answer' && a.kind === 'clarify' && !a.unsure
        ? a.candidates?.[0]?.code
        : undefined
  const codes = answers.map(offered)
  const held = [...new Set(codes.filter((code): code is string => !!code))]
  const each = held.length === codes.length
  // (every item naming the same procedure is one request: the whole message's reply stands)
  if (codes.every(Boolean) && held.length < 2) return null
  if (held.length < (whole.kind === 'answer' ? 2 : 1) || (!list && !each)) return null
  const procedures = await Promise.all(held.map((code) => options.getProcedure(code)))
  if (procedures.some((p) => !p)) return null
  return composeClarify({
    options: procedures as Procedure[],
    facet: 'overview',
    weak: false,
    lead: each ? requestsLead(held.length) : someRequestsLead(sides.length, held.length),
    ...(options.wordShare ? { pairShare: options.wordShare } : {}),
  })
}

/** Follow-ups read against the conversation, asking again through {@link answerAlone}. */
const answerFollowUp = createFollowUpAnswerer(answerAlone)
