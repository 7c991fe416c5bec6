import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { useServer } from '../helpers/use-servers.ts'

/** Resident memory of a process, from /proc, in MB. */
const residentMb = (pid: number, field: 'VmRSS' | 'RssAnon') =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024

describe.runIf(process.platform === 'linux')('the primary of WORKERS=2', () => {
  const server = useServer({
    name: 'primary-memory',
    env: () => ({ WORKERS: '2', KB_REFRESH_SECONDS: '0' }),
    timeoutMs: 60_000,
  })

  it('serves nothing, so it keeps neither the app nor the heap its start-up grew', () => {
    // Before: about 250 MB resident (185 MB of it heap and other private memory) whatever it
    // served, mostly the heap V8 grew while drizzle-orm and the app were loaded.
    const pid = server.child.pid!
    expect(residentMb(pid, 'RssAnon')).toBeLessThan(100)
    expect(residentMb(pid, 'VmRSS')).toBeLessThan(170)
  })
})
