/**
 * Whether a name leads with an action that turns the service round — a reduction or exemption, a
 * removal, a withdrawal or a return ("Trả lại giấy phép thăm dò nước dưới đất" is not the permit asked
 * for by "khoan giếng thăm dò … cần giấy phép gì"), an end, an extension, a restoring or a lock — while the question names no
 * action at all: "nộp thuế đất hàng năm" is not "Giảm tiền thuê đất phải nộp của năm 2025", and
 * "khai thuế nhà thầu nước ngoài" is not "Miễn thuế, giảm thuế theo Hiệp định thuế …". Such a name is
 * offered as a "có phải bạn hỏi …" choice, never given as if sure. A question holding the action's
 * word anyhow ("xin giảm chi phí cưỡng chế", "cắt khẩu" read as "xóa đăng ký thường trú") asks for it.
 * @module
 */
import { analyzeMessage, foldToken, normalizeVietnamese } from '../search/normalize-vietnamese.ts'

/** Actions that change what the service does, as a name opens with them (longest first). */
const TURNING_ACTIONS = [
  'miễn nhiệm',
  'mở khóa',
  'khôi phục',
  'gia hạn',
  'chấm dứt',
  'giải thể',
  'tạm ngừng',
  'thu hồi',
  'trả lại',
  'nộp lại',
  'hủy bỏ',
  'xóa bỏ',
  'miễn',
  'giảm',
  'xóa',
  'hủy',
  'dừng',
  'khóa',
].map((p) => normalizeVietnamese(p).split(' '))

/** Words a name may open with before its action ("Thủ tục", "Đề nghị"). */
const OPENINGS = ['thủ tục', 'đề nghị'].map((p) => normalizeVietnamese(p).split(' '))

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
  // Its words with marks, each marked when a comma or other break comes before it ("Miễn, giảm …").
  let tokens = analyzeMessage(name)
  const opening = OPENINGS.find((phrase) => phrase.every((w, k) => tokens[k]?.text === w))
  if (opening) tokens = tokens.slice(opening.length)
  const actionAt = (at: number) =>
    TURNING_ACTIONS.find((phrase) => phrase.every((w, k) => tokens[at + k]?.text === w))
  // The actions it opens with, one after another ("Miễn, giảm …", "Miễn thuế, giảm thuế …").
  const opened: string[] = []
  let at = 0
  for (let action = actionAt(at); action; action = actionAt(at)) {
    opened.push(...action)
    at += action.length
    // the object between two actions belongs to both: "miễn thuế, giảm thuế"
    while (at < tokens.length && !tokens[at]?.clause && !actionAt(at) && tokens[at]?.text !== 'và') at++
    if (tokens[at]?.text === 'và') at++
  }
  return opened.length > 0 && !opened.some((w) => words.has(foldToken(w)))
}
