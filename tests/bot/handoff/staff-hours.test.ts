import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../../api/config.ts'
import {
  DEFAULT_STAFF_HOURS,
  isWithinStaffHours,
  parseStaffHours,
  type StaffHours,
} from '../../../bot/handoff/staff-hours.ts'

const parsed = (spec: string): StaffHours => {
  const out = parseStaffHours(spec)
  if (typeof out === 'string') throw new Error(out)
  return out
}

describe('isWithinStaffHours (Vietnam time is UTC+7, no DST)', () => {
  const hours = parsed(DEFAULT_STAFF_HOURS)
  // 2026-12-03 is a Thursday; 2026-12-05 a Saturday.
  it.each([
    ['Thu 07:29 VN', '2026-12-03T00:29:00Z', false],
    ['Thu 07:30 VN', '2026-12-03T00:30:00Z', true],
    ['Thu 11:29 VN', '2026-12-03T04:29:00Z', true],
    ['Thu 11:30 VN (lunch)', '2026-12-03T04:30:00Z', false],
    ['Thu 13:29 VN (lunch)', '2026-12-03T06:29:00Z', false],
    ['Thu 13:30 VN', '2026-12-03T06:30:00Z', true],
    ['Thu 16:59 VN', '2026-12-03T09:59:00Z', true],
    ['Thu 17:00 VN', '2026-12-03T10:00:00Z', false],
    ['Thu 23:30 VN', '2026-12-03T16:30:00Z', false],
    ['Fri 08:00 VN is Thu 25:00 UTC', '2026-12-04T01:00:00Z', true],
    ['Sat 09:00 VN', '2026-12-05T02:00:00Z', false],
    ['Mon 07:45 VN is Sun 00:45 UTC', '2026-12-07T00:45:00Z', true],
    ['Sun 09:00 VN', '2026-12-06T02:00:00Z', false],
  ])('%s → %s', (_label, iso, expected) => {
    expect(isWithinStaffHours(hours, new Date(iso))).toBe(expected)
  })

  it('24/7 is always within hours; several day groups each keep their own times', () => {
    expect(isWithinStaffHours(parsed('24/7'), new Date('2026-12-06T20:00:00Z'))).toBe(true)
    const weekend = parsed('Mon-Fri 07:30-17:00 Sat 08:00-11:30 Asia/Ho_Chi_Minh')
    expect(isWithinStaffHours(weekend, new Date('2026-12-05T02:00:00Z'))).toBe(true) // Sat 09:00
    expect(isWithinStaffHours(weekend, new Date('2026-12-05T06:00:00Z'))).toBe(false) // Sat 13:00
    expect(isWithinStaffHours(parsed('Sat-Sun 00:00-24:00 UTC'), new Date('2026-12-06T23:59:00Z'))).toBe(true)
  })

  it.each([
    ['Mon-Fri 07:30-17:00', 'múi giờ'],
    ['Mon-Fri 07:30-17:00 Asia/Hanoi_Nowhere', 'không tồn tại'],
    ['Mon-Xyz 07:30-17:00 Asia/Ho_Chi_Minh', 'ngày'],
    ['Mon-Fri 17:00-07:30 Asia/Ho_Chi_Minh', 'giờ'],
    ['Mon-Fri 7h30-17h Asia/Ho_Chi_Minh', 'giờ'],
    ['Mon-Fri Asia/Ho_Chi_Minh', 'cặp'],
  ])('refuses %s', (spec, message) => {
    expect(parseStaffHours(spec)).toContain(message)
  })

  it('STAFF_HOURS is read once with the config; a malformed value stops start-up with a clear message', () => {
    const config = loadConfig({ NODE_ENV: 'test', STAFF_HOURS: '24/7' })
    expect(config.bot.staffHours).toEqual({ always: true, text: '24/7' })
    expect(loadConfig({ NODE_ENV: 'test' }).bot.staffHours.text).toBe(DEFAULT_STAFF_HOURS)
    expect(() => loadConfig({ NODE_ENV: 'test', STAFF_HOURS: 'Mon-Fri 8-17' })).toThrow(/STAFF_HOURS/)
  })
})
