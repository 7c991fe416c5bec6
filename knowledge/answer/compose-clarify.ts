/**
 * A clarify reply: the options with short labels that show only the deciding words, numbered so
 * the citizen may answer with a number. Used for a question several procedures fit, and for a
 * reply to such a question that still leaves more than one (`narrow-clarify.ts`).
 * @module
 */
import type { Answer, Facet } from './answer.types.ts'
import { clarifyLabels } from './label-candidates.ts'

/** Options a clarify reply lists at most. */
export const MAX_CLARIFY_OPTIONS = 4

export type ComposeClarifyOptions = {
  options: readonly { code: string; name: string }[]
  facet: Facet
  /** The best match is weak: ask whether one of them is meant ("có phải bạn hỏi …"). */
  weak: boolean
  /** Lines after the list (where else to look, a place note). */
  after?: readonly (string | null)[]
  /** Share of procedure names holding a folded word pair ("cong_nghiep"): labels never split such a word. */
  pairShare?: (pair: string) => number
  /** The question the list answers, when it is not which of several near procedures is meant. */
  lead?: string
}

/** The shared name as the lead quotes it after "thủ tục": "Thủ tục đăng ký khai sinh" → "đăng ký khai sinh". */
const quoted = (common: string) => common.replace(/^thủ tục\s+/iu, '')

/** Several options that fit: one procedure's cases, or procedures near the question. */
const choiceLead = (common: string | null, count: number) =>
  common
    ? `Thủ tục "${quoted(common)}" có ${count} trường hợp. Bạn thuộc trường hợp nào (trả lời số thứ tự)?`
    : `Có ${count} thủ tục gần với câu hỏi của bạn. Bạn hỏi về thủ tục nào (trả lời số thứ tự)?`

/** A weak match: is one of these meant? Options that are one procedure's cases ("Cấp xã", "Cấp tỉnh") name it. */
const doubtLead = (common: string | null, count: number) => {
  const unsure = 'Tôi chưa chắc dữ liệu thủ tục chính thức ở đây có đúng việc bạn hỏi.'
  if (count > 1 && common)
    return `${unsure} Có phải bạn hỏi về thủ tục "${quoted(common)}"? Nếu đúng, bạn thuộc trường hợp nào (trả lời số thứ tự)?`
  return `${unsure} Có phải bạn hỏi về ${count > 1 ? 'một trong các thủ tục sau (trả lời số thứ tự)' : 'thủ tục sau'}?`
}

/** @returns a clarify answer with at most {@link MAX_CLARIFY_OPTIONS} numbered options */
export const composeClarify = ({
  options,
  facet,
  weak,
  after = [],
  pairShare,
  lead: asked,
}: ComposeClarifyOptions): Answer => {
  const chosen = options.slice(0, MAX_CLARIFY_OPTIONS)
  const labels = clarifyLabels(
    chosen.map((c) => c.name),
    pairShare,
  )
  const candidates = chosen.map((c, i) => ({ code: c.code, name: c.name, label: labels.labels[i] ?? c.name }))
  const list = candidates.map((c, i) => `${i + 1}. ${c.label} (mã ${c.code})`).join('\n')
  const doubts = !asked && (weak || candidates.length <= 1)
  const lead =
    asked ??
    (doubts ? doubtLead(labels.common, candidates.length) : choiceLead(labels.common, candidates.length))
  const tail = after.filter((line): line is string => Boolean(line))
  return {
    kind: 'clarify',
    facet,
    candidates,
    text: [lead, list, ...tail].join('\n'),
    ...(doubts ? { unsure: true as const } : {}),
  }
}
