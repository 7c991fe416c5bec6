/**
 * A form asked for by its code ("mẫu CT01 là gì", "tờ khai TK01 lấy ở đâu", "form BK04-ĐK"): the
 * procedures whose papers hold it, read from the records' documents ("Tờ khai thay đổi thông tin cư trú
 * (Mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA)"), so the reply names the form as the records do.
 * @module
 */
import type { Procedure } from '../procedures/procedure.types.ts'
import { foldVietnamese } from '../search/normalize-vietnamese.ts'

/** A procedure whose papers hold a form, with the form's name and code as the paper writes them. */
export type FormUse = { code: string; name: string; form: string; formCode: string }

/**
 * A form's code: letters, digits, a small letter, a suffix ("CT01", "TK01a", "BK04-ĐK", "NA5", "M01b"); or
 * a number, a slash or hyphen and letters, as tax forms are numbered ("02/QTT-TNCN", "01-ĐK-TCT", "23/ĐK-TCT").
 */
const CODE = String.raw`(?:\p{L}{1,4}\d{1,3}\p{Ll}?(?:[-/][\p{L}\d]{1,5})?|\d{1,3}\p{Ll}?[-/]\p{L}{1,6}(?:-\p{L}{1,6}){0,2})`

/** A form's code as a citizen asks for it: after "mẫu", "tờ khai", "biểu mẫu", "form", "đơn" (with marks or not). */
const ASKED = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:mẫu|mau|tờ\s+khai|to\s+khai|biểu\s+mẫu|bieu\s+mau|form|đơn|don)(?:\s+(?:số|so))?\s+(${CODE})(?![\p{L}\p{N}])`,
  'iu',
)

/** A form's code in a record's paper: after "Mẫu" ("(Mẫu CT01 ban hành …)", "theo mẫu số TK01"). */
const IN_RECORD = new RegExp(String.raw`(?<![\p{L}\p{N}])mẫu(?:\s+số)?\s+(${CODE})(?![\p{L}\p{N}])`, 'giu')

/**
 * The key a code is compared by: without marks, upper case, a slash as a hyphen ("bk04-dk" and "BK04-ĐK"
 * are one form, and so are "01/ĐK-TCT" and "01-ĐK-TCT").
 */
export const formKey = (code: string): string =>
  foldVietnamese(code.normalize('NFC').replaceAll('/', '-')).toUpperCase()

/**
 * @returns the code of the form the message asks for, as typed; null when it names none
 * @example askedFormCode('mẫu CT01 là gì') // 'CT01'
 */
export const askedFormCode = (message: string): string | null => {
  const code = ASKED.exec(message.normalize('NFC'))?.[1]
  // (a code holds a digit and a letter: "đơn 2" is no form's code)
  return code && /\d/.test(code) && /\p{L}/u.test(code) ? code : null
}

/**
 * @returns how many words the message says beside the form it asks for ("mẫu TK1-TS là gì": 2)
 */
export const wordsBesideForm = (message: string): number =>
  withoutFormAsked(message)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean).length

/** @returns the message without the form it asks for ("tờ khai CT01 đăng ký tạm trú" → " đăng ký tạm trú") */
export const withoutFormAsked = (message: string): string => message.normalize('NFC').replace(ASKED, ' ')

/** The paper's own name, before the parenthesis that gives its form ("Tờ khai thay đổi thông tin cư trú"). */
const paperName = (document: string): string =>
  document
    .split(/\(\s*mẫu|\s(?:theo\s+)?mẫu(?:\s+số)?\s/iu)[0]
    ?.split('(')[0]
    ?.replace(/[\s,.;:–-]+$/u, '')
    .trim() ?? ''

/**
 * @param procedures the records
 * @returns per form key, the procedures whose papers hold that form (in the records' order)
 */
export const indexForms = (procedures: Iterable<Procedure>): Map<string, FormUse[]> => {
  const forms = new Map<string, FormUse[]>()
  for (const p of procedures)
    for (const d of p.documents)
      for (const m of d.name.matchAll(IN_RECORD)) {
        const key = formKey(m[1] ?? '')
        const uses = forms.get(key) ?? []
        if (!uses.some((u) => u.code === p.code))
          uses.push({ code: p.code, name: p.name, form: paperName(d.name), formCode: m[1] ?? '' })
        forms.set(key, uses)
      }
  return forms
}
