/**
 * Staff hours (`STAFF_HOURS`): when a citizen asking for a person is put through to an agent
 * at once, and when the question is captured for the next working period instead.
 *
 * Format: `24/7`, or one or more `<days> <ranges>` groups followed by an IANA time zone,
 * e.g. `Mon-Fri 07:30-11:30,13:30-17:00 Asia/Ho_Chi_Minh` or
 * `Mon-Fri 07:30-17:00 Sat 08:00-11:30 Asia/Ho_Chi_Minh`. Days: Mon Tue Wed Thu Fri Sat Sun,
 * a range (`Mon-Fri`) or a list (`Mon,Wed`). Times are 24-hour `HH:MM`, end exclusive.
 * @module
 */
import { z } from 'zod'

export const DEFAULT_STAFF_HOURS = 'Mon-Fri 07:30-11:30,13:30-17:00 Asia/Ho_Chi_Minh'

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const

export type StaffHours =
  | { always: true; text: string }
  | {
      always: false
      text: string
      timeZone: string
      /** Per weekday (0 = Sunday): [start, end) in minutes after midnight. */
      periods: [number, number][][]
    }

const dayIndex = (name: string) => DAYS.findIndex((d) => d.toLowerCase() === name.toLowerCase())

const parseDays = (token: string): number[] | null => {
  const out = new Set<number>()
  for (const part of token.split(',')) {
    const [from, to, extra] = part.split('-')
    if (extra !== undefined || !from) return null
    const a = dayIndex(from)
    const b = to === undefined ? a : dayIndex(to)
    if (a < 0 || b < 0) return null
    for (let d = a; ; d = (d + 1) % 7) {
      out.add(d)
      if (d === b) break
    }
  }
  return [...out]
}

const minutes = (hhmm: string): number | null => {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm)
  if (!m) return null
  const h = Number(m[1])
  const min = Number(m[2])
  if (min > 59 || h > 24 || (h === 24 && min > 0)) return null
  return h * 60 + min
}

const parseRanges = (token: string): [number, number][] | null => {
  const out: [number, number][] = []
  for (const part of token.split(',')) {
    const [from, to, extra] = part.split('-')
    if (extra !== undefined || !from || !to) return null
    const a = minutes(from)
    const b = minutes(to)
    if (a === null || b === null || a >= b) return null
    out.push([a, b])
  }
  return out
}

const validZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/** @returns the parsed hours, or a message saying what is wrong */
export const parseStaffHours = (spec: string): StaffHours | string => {
  const text = spec.trim().replace(/\s+/g, ' ')
  if (text.toLowerCase() === '24/7') return { always: true, text: '24/7' }
  const tokens = text.split(' ')
  const timeZone = tokens.pop() ?? ''
  if (!timeZone.includes('/') && timeZone !== 'UTC') return `thiếu múi giờ ở cuối (ví dụ Asia/Ho_Chi_Minh)`
  if (!validZone(timeZone)) return `múi giờ "${timeZone}" không tồn tại`
  if (tokens.length === 0 || tokens.length % 2 !== 0)
    return 'cần từng cặp "<ngày> <giờ>", ví dụ Mon-Fri 07:30-17:00'
  const periods: [number, number][][] = DAYS.map(() => [])
  for (let i = 0; i < tokens.length; i += 2) {
    const days = parseDays(tokens[i] ?? '')
    if (!days) return `ngày "${tokens[i]}" không hợp lệ (Mon Tue Wed Thu Fri Sat Sun, ví dụ Mon-Fri)`
    const ranges = parseRanges(tokens[i + 1] ?? '')
    if (!ranges) return `giờ "${tokens[i + 1]}" không hợp lệ (HH:MM-HH:MM, cách nhau bằng dấu phẩy)`
    for (const d of days) periods[d]?.push(...ranges)
  }
  return { always: false, text, timeZone, periods }
}

/** The STAFF_HOURS setting for zod: a clear message for a malformed value. */
export const ZStaffHours = z
  .string()
  .default(DEFAULT_STAFF_HOURS)
  .transform((value, ctx) => {
    const parsed = parseStaffHours(value)
    if (typeof parsed === 'string') {
      ctx.addIssue({
        code: 'custom',
        message: `${parsed}; ví dụ "${DEFAULT_STAFF_HOURS}" hoặc "24/7"`,
      })
      return z.NEVER
    }
    return parsed
  })

/** Whether `date` falls within the staff hours. */
export const isWithinStaffHours = (spec: StaffHours, date: Date): boolean => {
  if (spec.always) return true
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: spec.timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date)
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  const day = dayIndex(part('weekday'))
  const at = Number(part('hour')) * 60 + Number(part('minute'))
  return (spec.periods[day] ?? []).some(([from, to]) => at >= from && at < to)
}
