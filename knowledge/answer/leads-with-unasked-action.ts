/**
 * Whether a name leads with an action that turns the service round — a reduction or exemption, a
 * removal, a withdrawal, an end, an extension, a restoring or a lock — while the question names no
 * action at all: "nộp thuế đất hàng năm" is not "Giảm tiền thuê đất phải nộp của năm 2025", and
 * "khai thuế nhà thầu nước ngoài" is not "Miễn thuế, giảm thuế theo Hiệp định thuế …". Such a name is
 * offered as a "có phải bạn hỏi …" choice, never given as if sure. A question holding the action's
 * word anyhow ("xin giảm chi phí cưỡng chế", "cắt khẩu" read as "xóa đăng ký thường trú") asks for it.
 * @module
 */
import { foldPhrase } from '../search/load-synonyms.ts'

/** Actions that change what the service does, as a name opens with them (with marks, longest first). */
const TURNING_ACTIONS = [
  'miễn nhiệm',
  'mở khóa',
  'khôi phục',
  'gia hạn',
  'chấm dứt',
  'giải thể',
  'tạm ngừng',
  'thu hồi',
  'hủy bỏ',
  'xóa bỏ',
  'miễn',
  'giảm',
  'xóa',
  'hủy',
  'dừng',
  'khóa',
].map((p) => p.split(' '))

/** Words a name may open with before its action ("Thủ tục", "Đề nghị"). */
const OPENINGS = [
  ['thủ', 'tục'],
  ['đề', 'nghị'],
]

export type LeadsWithUnaskedActionOptions = {
  /** The name about to be given as the answer. */
  name: string
  /** Whether the question names an action the fit model reads ("cấp lại", "đổi", "hủy" …). */
  asksAction: boolean
  /** Every folded word of the question and of its expansion ("cắt khẩu" → … "xoa" …). */
  words: ReadonlySet<string>
}

/** @returns true when the name opens with a turning action and the question names none and holds none of its words */
export const leadsWithUnaskedAction = ({
  name,
  asksAction,
  words,
}: LeadsWithUnaskedActionOptions): boolean => {
  if (asksAction) return false
  // Each word in lower case ("khoá" written "khóa"), with whether a comma or semicolon closes it ("Miễn," / "Khai;").
  let folded = name
    .split(/\s+/u)
    .filter(Boolean)
    .map((w) => ({
      word: w
        .normalize('NFC')
        .toLocaleLowerCase('vi')
        .replace(/[,;:.()]/gu, '')
        .replace(/oá/gu, 'óa')
        .replace(/uỷ/gu, 'ủy'),
      closes: /[,;]$/u.test(w),
    }))
  for (const opening of OPENINGS)
    if (opening.every((w, k) => folded[k]?.word === w)) folded = folded.slice(opening.length)
  const actionAt = (at: number) =>
    TURNING_ACTIONS.find((phrase) => phrase.every((w, k) => folded[at + k]?.word === w))
  // The actions it opens with, one after another ("Miễn, giảm …", "Miễn thuế, giảm thuế …").
  const opened: string[] = []
  let at = 0
  for (let action = actionAt(at); action; action = actionAt(at)) {
    opened.push(...action)
    at += action.length
    // the object between two actions belongs to both: "miễn thuế, giảm thuế"
    while (at < folded.length && !folded[at - 1]?.closes && !actionAt(at) && folded[at]?.word !== 'và') at++
    if (folded[at]?.word === 'và') at++
  }
  return opened.length > 0 && !opened.some((w) => words.has(foldPhrase(w)))
}
