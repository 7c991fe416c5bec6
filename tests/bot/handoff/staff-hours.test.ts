import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../../api/config.ts'
import {
  DEFAULT_STAFF_HOURS,
  isWithinStaffHours,
  parseStaffHours,
  type StaffHours,
} from '../../../bot/handoff/staff-hours.ts'
import { readCaseGroup } from '../../helpers/read-cases.ts'

const parsed = (spec: string): StaffHours => {
  const out = parseStaffHours(spec)
  if (typeof out === 'string') throw new Error(out)
  return out
}

describe('isWithinStaffHours (Vietnam time is UTC+7, no DST)', () => {
  const hours = parsed(DEFAULT_STAFF_HOURS)
  // 2026-12-03 is a Thursday; 2026-12-05 a Saturday.
  it.each(readCaseGroup('staff-hours', 'open-at'))('%s → %s', (_label, iso, expected) => {
    expect(isWithinStaffHours(hours, new Date(iso))).toBe(expected === 'true')
  })

  it('24/7 is always within hours; several day groups each keep their own times', () => {
    expect(isWithinStaffHours(parsed('24/7'), new Date('2026-12-06T20:00:00Z'))).toBe(true)
    const weekend = parsed('Mon-Fri 07:30-17:00 Sat 08:00-11:30 Asia/Ho_Chi_Minh')
    expect(isWithinStaffHours(weekend, new Date('2026-12-05T02:00:00Z'))).toBe(true) // Sat 09:00
    expect(isWithinStaffHours(weekend, new Date('2026-12-05T06:00:00Z'))).toBe(false) // Sat 13:00
    expect(isWithinStaffHours(parsed('Sat-Sun 00:00-24:00 UTC'), new Date('2026-12-06T23:59:00Z'))).toBe(true)
  })

  it.each(readCaseGroup('staff-hours', 'refused'))('refuses %s', (spec, message) => {
    expect(parseStaffHours(spec)).toContain(message)
  })

  it('STAFF_HOURS is read once with the config; a malformed value stops start-up with a clear message', () => {
    const config = loadConfig({ NODE_ENV: 'test', STAFF_HOURS: '24/7' })
    expect(config.bot.staffHours).toEqual({ always: true, text: '24/7' })
    expect(loadConfig({ NODE_ENV: 'test' }).bot.staffHours.text).toBe(DEFAULT_STAFF_HOURS)
    expect(() => loadConfig({ NODE_ENV: 'test', STAFF_HOURS: 'Mon-Fri 8-17' })).toThrow(/STAFF_HOURS/)
  })
})
