/**
 * Masks personal data in a citizen's message before anything is stored, logged or searched:
 * identity-card numbers (9-digit CMND, 12-digit CCCD), Vietnamese phone numbers (0… and
 * +84/84… forms, groups separated by spaces, dots or dashes) and e-mail addresses.
 * @module
 */

export type PersonalDataKind = 'email' | 'phone' | 'id_number'

export type MaskedText = { text: string; found: PersonalDataKind[] }

export const MASK = '***'

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu
/** A run of digits with single separators; a leading + belongs to the run. */
const DIGIT_RUN = /\+?\d(?:[ .-]?\d)*/g

const classifyDigits = (run: string): PersonalDataKind | null => {
  const digits = run.replace(/\D/g, '')
  const n = digits.length
  if (digits.startsWith('84') && (n === 11 || n === 12) && (run.startsWith('+') || n === 11)) return 'phone'
  if (digits.startsWith('0') && (n === 10 || n === 11) && !run.startsWith('+')) return 'phone'
  // Amounts like 100.000.000 use dots; identity numbers are written plain or in spaced groups.
  if ((n === 9 || n === 12) && /^[\d ]+$/.test(run)) return 'id_number'
  return null
}

/**
 * @returns the text with each piece of personal data replaced by `***`, and what was found
 * @example maskPersonalData('gọi 0912.345.678').text // 'gọi ***'
 */
export const maskPersonalData = (input: string): MaskedText => {
  const found = new Set<PersonalDataKind>()
  const withoutEmail = input.normalize('NFC').replace(EMAIL, () => {
    found.add('email')
    return MASK
  })
  const text = withoutEmail.replace(DIGIT_RUN, (run) => {
    const kind = classifyDigits(run)
    if (!kind) return run
    found.add(kind)
    return MASK
  })
  return { text, found: [...found] }
}
