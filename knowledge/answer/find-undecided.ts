/**
 * Procedures the question does not decide between: another fitting procedure whose name holds
 * every word of the question the best one holds (as large a share of its words and of its rare
 * words) ranks lower only for what the question did not say — a shorter name, a nearer level, a
 * plainer wording. Answering the best one then guesses ("làm lại thẻ BHYT bị mất": "Cấp lại thẻ
 * bảo hiểm y tế" or "Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH, thẻ BHYT"), so the reply
 * asks instead. A name that is the best one's name with words added ("đăng ký khai sinh cho
 * người đã có hồ sơ, giấy tờ cá nhân" next to "đăng ký khai sinh") is a special case of it, not
 * a rival: the plain procedure stays the answer.
 * @module
 */
import { memoize } from '../search/create-lru-cache.ts'
import { isNamedOutright } from '../search/named-outright.ts'
import { analyzeText } from '../search/normalize-vietnamese.ts'
import type { SearchResult } from '../search/search.types.ts'
import type { ProcedureActions, Traits } from './procedure-actions.ts'

/** A rival scoring further than this below the best one is not looked at. */
export const UNDECIDED_MARGIN = 0.35
/** Rounding slack of the search's shares (3 decimals). */
const SLACK = 0.001
/** Words of a base name that say nothing about its object. */
const FILLER = new Set(['thu', 'tuc'])

export type FindUndecidedOptions = {
  /** The procedure about to be given as the answer. */
  top: SearchResult
  /** One fitting result per procedure (level variants merged), best first. */
  groups: readonly SearchResult[]
  /** What the question asks for (`actions.ofQuestion`). */
  question: Traits
  actions: ProcedureActions
  /** The question's content words (folded); with them a rival whose name's head says more of them is one too. */
  words?: ReadonlySet<string>
}

/**
 * The folded words of a name's head: before its bracketed cases. Remembered (read only): answers
 * compare the same procedure names question after question.
 */
const headWords: (name: string) => ReadonlySet<string> = memoize(
  (name) => new Set(analyzeText(name.split('(')[0] ?? name).map((t) => t.folded)),
  { maxEntries: 10_000 },
)

/**
 * The rival's head (its name before the brackets) holds a word of the question the best one's
 * head lacks, and the best one's head holds none the rival's lacks: the best one ranks first for
 * words of its bracketed cases ("Thẩm định thiết kế về phòng cháy chữa cháy" next to "Nghiệm thu
 * về phòng cháy chữa cháy (… thẩm duyệt thiết kế …)" for "… có phải thẩm định thiết kế PCCC không").
 */
const headSaysMore = (g: SearchResult, top: SearchResult, words: ReadonlySet<string>) => {
  const own = headWords(top.name)
  const rival = headWords(g.name)
  let more = 0
  for (const w of words) {
    if (rival.has(w) && !own.has(w)) more++
    else if (own.has(w) && !rival.has(w)) return false
  }
  return more > 0
}

/** A rival the question names more closely may hold this much less of the question's words. */
export const CLOSER_COVERAGE_GAP = 0.35
/** … when at least this share of its name was asked about … */
export const CLOSER_PRECISION = 0.6
/** … and less than this share of the best one's name. */
export const LOOSE_PRECISION = 0.3

/** The rival holds every word of the question the best one holds (as large a share of its words and rare words). */
const holdsAsMuch = (g: SearchResult, top: SearchResult) =>
  g.coverage >= top.coverage - SLACK && g.idfCoverage >= top.idfCoverage - SLACK

/**
 * The rival's name is mostly what was asked while the best one's long name holds the question's
 * words among many others ("đăng ký thường trú vào nhà thuê": "Đăng ký thường trú" next to "Xác nhận
 * về điều kiện diện tích bình quân nhà ở để đăng ký thường trú vào chỗ ở do thuê …"): the best one
 * ranks first only for words that may be side words.
 */
const namedCloser = (g: SearchResult, top: SearchResult) =>
  top.precision < LOOSE_PRECISION &&
  g.precision >= CLOSER_PRECISION &&
  g.coverage >= top.coverage - CLOSER_COVERAGE_GAP

/** Where a name starts saying by which channel it is done ("… thực hiện bằng dịch vụ công trực tuyến toàn trình"). */
const CHANNEL = / (?:thuc hien )?(?:bang dich vu cong )?truc tuyen (?:toan trinh|mot phan)\b.*$/
/** The folded base name without its channel clause: the same procedure done online or in person. */
const withoutChannel = (group: string) => group.replace(CHANNEL, '')

/**
 * A best name the question holds at least this share of is what it names: a rival holding as much of
 * the question is no longer undecided by that alone ("hàng xóm lấn đất, muốn hòa giải tranh chấp đất
 * đai" names "Hòa giải tranh chấp đất đai", not the settlement of land disputes at the province).
 */
const NAMED_IN_FULL = 0.9

/** Whether `name` is `plain` with words added (every word of the plain base name is in it). */
const extendsName = (name: string, plain: string): boolean => {
  const words = new Set(name.split(' '))
  return plain.split(' ').every((w) => FILLER.has(w) || words.has(w))
}

/** Words a base name says besides what it is about ("thủ tục", "và", "của"): a plain name may hold them unasked. */
const PLAIN_NAME_WORDS = new Set([...FILLER, 'va', 'cua', 'cho', 'tai', 'doi', 'voi'])

/**
 * Whether a rival scoring as high is the best name with words the question does not say ("Đăng ký
 * giám sát việc giám hộ" beside "Thủ tục đăng ký giám hộ"): a special case of it, not a choice. Only
 * when the best name says nothing the question does not (it is then the plain case asked about).
 * @param asked the question's words and search terms (folded)
 */
export const addsUnaskedWords = (
  rival: SearchResult,
  top: SearchResult,
  asked: ReadonlySet<string>,
): boolean => {
  const own = top.group.split(' ')
  if (!own.every((w) => asked.has(w) || PLAIN_NAME_WORDS.has(w)) || !extendsName(rival.group, top.group))
    return false
  const ownWords = new Set(own)
  return !rival.group.split(' ').some((w) => asked.has(w) && !ownWords.has(w))
}

/**
 * @returns the other procedures the question supports at least as well as `top` within
 *   {@link UNDECIDED_MARGIN}, best first; empty when the question decides
 * @example findUndecided({ top, groups }) // [the BHXH/BHYT correction] for "lam lai the bhyt bi mat"
 */
export const findUndecided = ({
  top,
  groups,
  question,
  actions,
  words,
}: FindUndecidedOptions): SearchResult[] => {
  if (isNamedOutright(top)) return []
  const own = actions.ofName(top.name).actions
  // "Xóa đăng ký tàu cá" next to "Cấp giấy chứng nhận đăng ký tàu cá": a name whose actions neither
  // the question nor the best name speaks of is a variant the question did not mean.
  const ownVariants = actions.ofName(top.name).variants
  // "… mà không xác định được nơi thường trú", "chữ ký người dịch": a special case the question does not name.
  const unaskedVariant = (r: SearchResult) => {
    for (const v of actions.ofName(r.name).variants)
      if (!ownVariants.has(v) && !question.variants.has(v)) return true
    return false
  }
  const unaskedAction = (r: SearchResult) => {
    // what the name is for counts too ("… vay vốn để … cải tạo, sửa chữa nhà ở"): a side the question did not name
    const rival = actions.ofName(r.name)
    const named = [...rival.actions, ...(rival.purposeActions ?? [])].filter((a) => !actions.fitsMain(a))
    return named.length > 0 && named.every((a) => !own.has(a) && !question.actions.has(a))
  }
  return groups.filter(
    (g) =>
      g.group !== top.group &&
      withoutChannel(g.group) !== withoutChannel(top.group) &&
      !isNamedOutright(g) &&
      top.score - g.score < UNDECIDED_MARGIN &&
      ((holdsAsMuch(g, top) && top.precision < NAMED_IN_FULL) ||
        namedCloser(g, top) ||
        (!!words && headSaysMore(g, top, words))) &&
      !extendsName(g.group, top.group) &&
      !unaskedAction(g) &&
      !unaskedVariant(g),
  )
}
