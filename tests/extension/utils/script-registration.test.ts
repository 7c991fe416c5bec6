import { beforeEach, describe, expect, it } from 'vitest'
import { fakeBrowser } from 'wxt/testing/fake-browser'
import { mergeHostEntries } from '../../../extension/utils/allowed-hosts.ts'
import {
  createSerialQueue,
  SCRIPT_IDS,
  syncContentScripts,
} from '../../../extension/utils/script-registration.ts'

type Registered = { id: string; matches?: string[]; world?: string; js?: string[] }

// fakeBrowser leaves scripting and permissions unimplemented: a small in-memory browser side
const fakeScripting = () => {
  const registered = new Map<string, Registered>()
  const gaps: string[] = []
  return {
    registered,
    getRegisteredContentScripts: async (filter?: { ids?: string[] }) =>
      [...registered.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id)),
    registerContentScripts: async (scripts: Registered[]) => {
      for (const s of scripts) {
        if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`)
        registered.set(s.id, s)
      }
    },
    unregisterContentScripts: async (filter?: { ids?: string[] }) => {
      for (const id of filter?.ids ?? [...registered.keys()]) {
        registered.delete(id)
        gaps.push(id)
      }
    },
    updateContentScripts: async (scripts: Registered[]) => {
      for (const s of scripts) {
        const current = registered.get(s.id)
        if (!current) throw new Error(`No script with ID '${s.id}'`)
        registered.set(s.id, { ...current, ...s })
      }
    },
    /** ids that were unregistered at some point: a page loading then got no script */
    gaps,
  }
}

describe('syncContentScripts', () => {
  beforeEach(() => fakeBrowser.reset())

  it('registers both scripts only for allowed hosts whose permission is granted', async () => {
    const scripting = fakeScripting()
    const granted = new Set(['*://mail.hanoi.gov.vn/*'])
    const matches = await syncContentScripts({
      entries: mergeHostEntries(['mail.hanoi.gov.vn'], ['qlvb.hanoi.gov.vn']),
      scripting: scripting as never,
      permissions: {
        contains: async ({ origins }: { origins?: string[] }) => (origins ?? []).every((o) => granted.has(o)),
      } as never,
    })
    expect(matches).toEqual(['*://mail.hanoi.gov.vn/*'])
    expect(scripting.registered.get(SCRIPT_IDS.isolated)).toMatchObject({
      matches: ['*://mail.hanoi.gov.vn/*'],
      js: ['content-scripts/webmail.js'],
    })
    expect(scripting.registered.get(SCRIPT_IDS.main)).toMatchObject({
      world: 'MAIN',
      js: ['content-scripts/print-guard.js'],
    })
  })

  it('re-registers without duplicates and unregisters everything when no host is left', async () => {
    const scripting = fakeScripting()
    const permissions = { contains: async () => true } as never
    await syncContentScripts({
      entries: mergeHostEntries([], ['a.gov.vn']),
      scripting: scripting as never,
      permissions,
    })
    await syncContentScripts({
      entries: mergeHostEntries([], ['b.gov.vn']),
      scripting: scripting as never,
      permissions,
    })
    expect(scripting.registered.get(SCRIPT_IDS.isolated)?.matches).toEqual(['*://b.gov.vn/*'])
    expect(await syncContentScripts({ entries: [], scripting: scripting as never, permissions })).toEqual([])
    expect(scripting.registered.size).toBe(0)
  })
})

describe('createSerialQueue', () => {
  it('runs jobs one at a time, in order, and survives a failing job', async () => {
    const queue = createSerialQueue()
    const log: string[] = []
    const job =
      (name: string, ms: number, fail = false) =>
      async () => {
        log.push(`start ${name}`)
        await new Promise((r) => setTimeout(r, ms))
        log.push(`end ${name}`)
        if (fail) throw new Error(name)
        return name
      }
    const results = await Promise.allSettled([
      queue(job('a', 20, true)),
      queue(job('b', 1)),
      queue(job('c', 1)),
    ])
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c'])
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled'])
  })

  it('updates registered scripts in place, with no moment without a script (browser start, update, new host)', async () => {
    const scripting = fakeScripting()
    const permissions = { contains: async () => true } as never
    const sync = (hosts: string[]) =>
      syncContentScripts({ entries: mergeHostEntries([], hosts), scripting: scripting as never, permissions })
    await sync(['a.gov.vn'])
    await sync(['a.gov.vn'])
    await sync(['a.gov.vn', 'b.gov.vn'])
    expect(scripting.gaps).toEqual([])
    expect(scripting.registered.get(SCRIPT_IDS.isolated)?.matches).toEqual([
      '*://a.gov.vn/*',
      '*://b.gov.vn/*',
    ])
    expect(scripting.registered.get(SCRIPT_IDS.main)?.matches).toEqual(['*://a.gov.vn/*', '*://b.gov.vn/*'])
  })
})
