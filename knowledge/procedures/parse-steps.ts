/**
 * Parses the portal's "Trình tự thực hiện" free text into steps.
 * @module
 */
import { cleanLines, isPlaceholder } from './parse-text.ts'

const STEP_START = /^Bước\s*\d+/i

/**
 * Text written as "Bước 1…", "Bước 2…" becomes one step per "Bước" with its following lines;
 * other text becomes one step per line.
 * @example parseSteps('Bước 1: Nộp hồ sơ\n+ tại xã\nBước 2: Nhận kết quả') // ['Bước 1: Nộp hồ sơ + tại xã', 'Bước 2: Nhận kết quả']
 */
export const parseSteps = (raw: string | null | undefined): string[] => {
  if (isPlaceholder(raw)) return []
  const lines = cleanLines(raw)
  if (!lines.some((line) => STEP_START.test(line))) return lines
  const steps: string[] = []
  for (const line of lines) {
    const last = steps.length - 1
    if (STEP_START.test(line) || last < 0) steps.push(line)
    else steps[last] = `${steps[last]} ${line}`
  }
  return steps
}
