/**
 * Short labels for a clarify question: the words that decide between procedures, without the
 * words their names share ("Cấp thẻ căn cước cho người dưới 14 tuổi" / "… từ đủ 14 tuổi trở
 * lên" → "Dưới 14 tuổi" / "Từ đủ 14 tuổi trở lên"), each at most 80 characters.
 * @module
 */

import { foldPhrase } from '../search/load-synonyms.ts'

export const MAX_LABEL_CHARS = 80
/**
 * Two words that at least this share of procedure names hold side by side are one word of the
 * language ("công nghiệp", "doanh nghiệp": 12 and 119 of 2,642 names): a label never splits them
 * ("Khu công" / "Doanh" for "… khu công nghiệp sinh thái" / "… doanh nghiệp sinh thái").
 * Pairs of a phrase that merely recurs ("mới đối với": 4 names) stay apart.
 */
const JOINED_PAIR_SHARE = 0.003
/** A procedure named in a list of related ones (its code beside it finds the whole record). */
export const MAX_LISTED_NAME_CHARS = 120

const LEVEL_SUFFIX = /\s*\(thực hiện tại [^)]*\)\s*$/iu
/** Joining words a label does not start or end with. */
const EDGE_WORDS = new Set([
  'cho',
  'của',
  'và',
  'hoặc',
  'hay',
  'đối',
  'với',
  'tại',
  'theo',
  'trong',
  'về',
  'là',
  '-',
  '–',
  'thủ',
  'tục',
])

/** Words naming a kind of grade ("cấp III", "hạng B", "loại 1"): they belong to the label. */
const HEAD_WORDS = new Set(['cấp', 'hạng', 'loại', 'mức', 'nhóm', 'độ'])

/**
 * Words whose last syllable is a head word but which name no grade ("chế độ", "trợ cấp"): the label
 * never starts in the middle of one ("Độ trợ cấp một lần …" for "Xét hưởng chế độ trợ cấp một lần …").
 */
const HEAD_COMPOUNDS = new Set([
  'chế độ',
  'trình độ',
  'thái độ',
  'nồng độ',
  'tốc độ',
  'nhiệt độ',
  'mật độ',
  'cường độ',
  'trợ cấp',
  'phụ cấp',
  'cung cấp',
  'phân cấp',
  'phân loại',
  'chủng loại',
  'định mức',
  'hạn mức',
])

/** Words that make what follows a place ("ở trong nước"): they belong to the label. */
const PLACE_WORDS = new Set(['ở'])

const capitalise = (s: string) => (s ? s[0]?.toLocaleUpperCase('vi') + s.slice(1) : s)

/** Cuts at a word boundary so the label, with "…", stays within the limit. */
export const shorten = (text: string, max = MAX_LABEL_CHARS): string => {
  if (text.length <= max) return text
  const cut = text.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–-]+$/u, '')}…`
}

/** "Giải quyết yêu cầu bồi thường … (cấp xã)": a shared name and one case, within the limit. */
const withCase = (name: string, label: string) => {
  const tail = ` (${label.charAt(0).toLocaleLowerCase('vi')}${label.slice(1)})`
  return `${shorten(name, Math.max(MAX_LABEL_CHARS - tail.length, 20))}${tail}`
}

/** The word without the punctuation after it: "đai," and "đai" are the same word of two names. */
const bare = (word: string) => word.toLocaleLowerCase('vi').replace(/[,;:./]+$/u, '')

const same = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && bare(a) === bare(b)

/**
 * @param names the candidates' official names, in order
 * @returns one label per name, and the words all names share at the start (the procedure), if any
 */
export const clarifyLabels = (
  names: string[],
  pairShare?: (pair: string) => number,
): { labels: string[]; common: string | null } => {
  const joined = (a: string | undefined, b: string | undefined) =>
    !!pairShare && !!a && !!b && pairShare(`${foldPhrase(a)}_${foldPhrase(b)}`) >= JOINED_PAIR_SHARE
  const found = labelNames(names, joined)
  // Names that share more than all of them do ("Đăng ký đất đai, tài sản … lần đầu đối với tổ chức …" /
  // "… đối với hộ gia đình, cá nhân …" beside "Đăng ký đất đai lần đầu …") may be cut to the same label:
  // those are told apart by the words only they do not share.
  const labels = [...found.labels]
  for (const label of new Set(labels)) {
    const at = labels.flatMap((l, i) => (l === label ? [i] : []))
    if (at.length < 2 || at.length === names.length) continue
    const again = labelNames(
      at.map((i) => names[i] ?? ''),
      joined,
    )
    if (new Set(again.labels).size !== at.length) continue
    for (const [k, i] of at.entries()) {
      const own = again.labels[k] ?? labels[i] ?? ''
      // With no name all options share, the lead names none: a group's case ("Cấp xã") keeps
      // the group's name before it, or the citizen could not tell what "Cấp xã" is.
      labels[i] = found.common || !again.common ? own : withCase(again.common, own)
    }
  }
  // Names that differ only in a joining word and their level ("Khai thác thông tin của công dân …
  // (thực hiện tại cấp tỉnh)" / "Khai thác thông tin công dân …") get one label: the level tells them apart.
  // A label of a joining word alone ("Của") tells nothing: the name is shown whole.
  for (const [i, label] of labels.entries())
    if (EDGE_WORDS.has(label.toLocaleLowerCase('vi'))) labels[i] = shorten(capitalise(names[i] ?? label))
  for (const [i, label] of labels.entries()) {
    const level = LEVEL_SUFFIX.exec(names[i]?.normalize('NFC') ?? '')?.[0].trim()
    if (!level || labels.filter((l) => l === label).length < 2) continue
    labels[i] = `${shorten(label, MAX_LABEL_CHARS - level.length - 1)} ${level}`
  }
  return { labels, common: found.common }
}

/** A name without what it says in brackets ("… cấp IV (Công trình …/Dự án) và nhà ở riêng lẻ" → "… cấp IV và nhà ở riêng lẻ"). */
const withoutBrackets = (text: string): string =>
  text
    .replace(/\s*\([^()]*\)/gu, '')
    .replace(/\s+([,;])/gu, '$1')
    .trim()

const labelNames = (
  names: string[],
  joined: (a: string | undefined, b: string | undefined) => boolean,
): { labels: string[]; common: string | null } => {
  // The level in brackets is left out, unless it is all that tells two names apart (the police's
  // complaint procedures "… (thực hiện tại cấp tỉnh)" / "… (thực hiện tại cấp Trung ương)").
  const stripped = names.map((n) => n.normalize('NFC').replace(LEVEL_SUFFIX, ''))
  const distinct = new Set(stripped.map((n) => n.toLocaleLowerCase('vi'))).size === names.length
  const bases = distinct ? stripped : names.map((n) => n.normalize('NFC'))
  const words = bases.map((n) => n.split(/\s+/).filter(Boolean))
  const shortest = Math.min(...words.map((w) => w.length))
  let pre = 0
  while (pre < shortest && words.every((w) => same(w[pre], words[0]?.[pre]))) pre++
  // "… công trình cấp III" / "… cấp đặc biệt": the label keeps the word that says what differs.
  while (
    pre > 0 &&
    HEAD_WORDS.has((words[0]?.[pre - 1] ?? '').toLocaleLowerCase('vi')) &&
    !HEAD_COMPOUNDS.has(`${words[0]?.[pre - 2] ?? ''} ${words[0]?.[pre - 1] ?? ''}`.toLocaleLowerCase('vi'))
  )
    pre--
  // "… ở nước ngoài" / "… ở trong nước": the label keeps the "ở" that makes it a place.
  while (pre > 0 && PLACE_WORDS.has((words[0]?.[pre - 1] ?? '').toLocaleLowerCase('vi'))) pre--
  // The label starts no further than a bracket the shared words open ("(thực hiện tại cấp tỉnh)").
  const open = (words[0] ?? []).slice(0, pre).findIndex((w) => w.startsWith('(') && !w.includes(')'))
  if (open >= 0) pre = open
  let suf = 0
  while (
    pre + suf < shortest &&
    words.every((w) => same(w[w.length - 1 - suf], words[0]?.[(words[0]?.length ?? 0) - 1 - suf]))
  )
    suf++
  // The shared ending starts with the second half of a word the names use ("… khu công | nghiệp sinh thái"):
  // the label keeps the whole word.
  while (suf > 0 && words.some((w) => joined(w[w.length - 1 - suf], w[w.length - suf]))) suf--
  // Shared words name one procedure with cases only when they reach past its action to an
  // object: "Đăng ký" alone is shared by "Đăng ký thường trú" and "Đăng ký lại phương tiện …".
  const opening = /^thủ tục$/iu.test(`${words[0]?.[0] ?? ''} ${words[0]?.[1] ?? ''}`) ? 2 : 0
  if (names.length < 2 || pre - opening < 3) {
    // Whole names: a list in brackets too long to show gives way to what ends the name, as below.
    const whole = bases.map((n) => shorten(n))
    const unbracketed = bases.map((n) => shorten(n.length > MAX_LABEL_CHARS ? withoutBrackets(n) || n : n))
    return { labels: new Set(unbracketed).size < new Set(whole).size ? whole : unbracketed, common: null }
  }
  const labelOf = (w: string[], i: number, dropBrackets: boolean): string => {
    const mid = w.slice(pre, w.length - suf)
    while (mid.length > 1 && EDGE_WORDS.has((mid[0] ?? '').toLocaleLowerCase('vi').replace(/[,;:]$/u, '')))
      mid.shift()
    while (mid.length > 1 && EDGE_WORDS.has((mid.at(-1) ?? '').toLocaleLowerCase('vi'))) mid.pop()
    const text = mid
      .join(' ')
      .replace(/^[,;:/–-]\s*|[,;:./–-]$/gu, '')
      .replace(/^\(([^()]*)\)$/u, '$1')
      .trim()
    if (text.length < 3) return shorten(bases[i] ?? '')
    // Too long for a label: a list in brackets goes first, so what ends the name shows ("Mới đối với công
    // trình cấp III, cấp IV (Công trình không theo tuyến/…) và nhà ở riêng lẻ" → "… cấp IV và nhà ở riêng lẻ").
    const unbracketed = withoutBrackets(text)
    const long = dropBrackets && text.length > MAX_LABEL_CHARS && unbracketed.length >= 3
    return shorten(capitalise(long ? unbracketed : text))
  }
  const kept = words.map((w, i) => labelOf(w, i, false))
  const dropped = words.map((w, i) => labelOf(w, i, true))
  // (when the brackets were all that told two labels apart, they stay)
  const labels = new Set(dropped).size < new Set(kept).size ? kept : dropped
  const shared = (words[0] ?? []).slice(0, pre)
  // "Cấp thẻ căn cước cho người": the procedure is "Cấp thẻ căn cước".
  while (
    shared.length &&
    (EDGE_WORDS.has((shared.at(-1) ?? '').toLocaleLowerCase('vi')) || /^người$/iu.test(shared.at(-1) ?? ''))
  )
    shared.pop()
  return { labels, common: shared.length >= 2 ? shorten(shared.join(' ').replace(/[,;:]$/u, '')) : null }
}
