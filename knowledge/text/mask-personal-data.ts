/**
 * Masks personal data in a citizen's message before anything is stored, logged or searched:
 * identity-card numbers (9-digit CMND, 12-digit CCCD), Vietnamese phone numbers (0…, +84/84…
 * and 0084… forms) and e-mail addresses.
 *
 * The text is normalised first (NFKC: full-width digits `０９１５…`, `＋`, `＠` and no-break
 * spaces become their plain forms), then runs of digit groups are read with the separators
 * people type between them: spaces, dots, dashes (also – and —) and parentheses
 * (`(0915) 010-222`, `(+84) 915 010 222`, `079.203.010.222`). Inside a run, the longest
 * stretch of groups that is a phone or an identity number is masked, so two numbers in one
 * run (`0912345678 - 0987654321`) are both caught.
 * @module
 */

export type PersonalDataKind = 'email' | 'phone' | 'id_number'

export type MaskedText = { text: string; found: PersonalDataKind[] }

export const MASK = '***'

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu
/** Digit groups joined by up to three separators or parentheses; an opening `(` or `+` belongs to the run. */
const DIGIT_RUN = /(?:\(\s?)?\+?\d+(?:[\s.\-\u2010-\u2015()]{1,3}\d+)*\)?/g
/** The most digits a phone (0084 + 10) can have: longer stretches are never masked whole. */
const MAX_DIGITS = 14

type Group = { digits: string; start: number; end: number }

/**
 * @param digits the stretch's digits
 * @param plus whether a `+` comes right before it
 * @param glues what separates its groups
 */
const classify = (digits: string, plus: boolean, glues: string[]): PersonalDataKind | null => {
  const n = digits.length
  if (digits.startsWith('0084') && (n === 13 || n === 14) && !plus) return 'phone'
  if (digits.startsWith('84') && (n === 11 || n === 12) && (plus || n === 11)) return 'phone'
  if (digits.startsWith('0') && (n === 10 || n === 11) && !plus) return 'phone'
  if ((n === 9 || n === 12) && !plus) {
    // Amounts use dots as thousands separators (100.000.000) and never start with 0;
    // CCCD numbers always do (the province code 001–096).
    const dotted = glues.some((glue) => glue.includes('.'))
    if (!dotted || digits.startsWith('0')) return 'id_number'
  }
  return null
}

/** A stretch may start or end only where the run is not a thousands separator ("1.000.000"). */
const isBoundary = (glue: string) => glue !== '.'

const maskRun = (run: string, found: Set<PersonalDataKind>): string => {
  const groups: Group[] = []
  for (const match of run.matchAll(/\d+/g))
    groups.push({ digits: match[0], start: match.index, end: match.index + match[0].length })
  const glue = (i: number) => run.slice(groups[i - 1]!.end, groups[i]!.start)
  let out = ''
  let copied = 0
  let i = 0
  while (i < groups.length) {
    let masked = false
    if (i === 0 || isBoundary(glue(i))) {
      const plus = run.slice(i === 0 ? 0 : groups[i - 1]!.end, groups[i]!.start).includes('+')
      let digits = ''
      const glues: string[] = []
      const candidates: { j: number; kind: PersonalDataKind }[] = []
      for (let j = i; j < groups.length; j += 1) {
        if (j > i) glues.push(glue(j))
        digits += groups[j]!.digits
        if (digits.length > MAX_DIGITS) break
        if (j + 1 < groups.length && !isBoundary(glue(j + 1))) continue
        const kind = classify(digits, plus, glues)
        if (kind) candidates.push({ j, kind })
      }
      const longest = candidates.at(-1)
      if (longest) {
        // Take the opening "(" / "+" before the stretch and a closing ")" after it.
        let from = groups[i]!.start
        const before = run.slice(i === 0 ? 0 : groups[i - 1]!.end, from)
        const opener = /\(?\s?\+?$/.exec(before)?.[0] ?? ''
        if (opener.trim()) from -= opener.length
        let to = groups[longest.j]!.end
        const span = run.slice(from, to)
        if (run[to] === ')' && span.split('(').length > span.split(')').length) to += 1
        out += `${run.slice(copied, from)}${MASK}`
        copied = to
        found.add(longest.kind)
        i = longest.j + 1
        masked = true
      }
    }
    if (!masked) i += 1
  }
  return out + run.slice(copied)
}

/**
 * A one-stop receipt code (agency code of QCVN 102, date, sequence: `000.00.12.H56-260101-0001`)
 * identifies an application, not a person; a citizen asking about progress needs it kept.
 */
const RECEIPT_CODE = /\b\d{3}\.\d{2}\.\d{2}\.[A-Za-z]\d{2}-\d{6}-\d{3,6}\b/g

/**
 * @returns the text (NFKC) with each piece of personal data replaced by `***`, and what was found
 * @example maskPersonalData('gọi (0915) 010-222').text // 'gọi ***'
 */
export const maskPersonalData = (input: string): MaskedText => {
  const found = new Set<PersonalDataKind>()
  const withoutEmail = input.normalize('NFKC').replace(EMAIL, () => {
    found.add('email')
    return MASK
  })
  let text = ''
  let from = 0
  for (const receipt of withoutEmail.matchAll(RECEIPT_CODE)) {
    text +=
      withoutEmail.slice(from, receipt.index).replace(DIGIT_RUN, (run) => maskRun(run, found)) + receipt[0]
    from = receipt.index + receipt[0].length
  }
  text += withoutEmail.slice(from).replace(DIGIT_RUN, (run) => maskRun(run, found))
  return { text, found: [...found] }
}
