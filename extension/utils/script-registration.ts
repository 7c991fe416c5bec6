/**
 * Keeps the runtime-registered content scripts in step with the allowed hosts: the allowed
 * entries (policy + official) whose host permission is granted, nothing else. A page the
 * official did not allow gets no script. Registrations persist across browser restarts and are
 * updated in place, never removed and re-added, so no page load falls in a gap.
 * @module
 */
import type { Browser } from 'wxt/browser'
import type { HostEntry } from './allowed-hosts.ts'

export const SCRIPT_IDS = { isolated: 'trolyso-webmail', main: 'trolyso-print-guard' } as const

type Scripting = Pick<
  typeof Browser.scripting,
  | 'getRegisteredContentScripts'
  | 'registerContentScripts'
  | 'unregisterContentScripts'
  | 'updateContentScripts'
>
type Permissions = Pick<typeof Browser.permissions, 'contains'>

/** @returns the patterns now registered */
export const syncContentScripts = async ({
  entries,
  scripting,
  permissions,
}: {
  entries: readonly HostEntry[]
  scripting: Scripting
  permissions: Permissions
}): Promise<string[]> => {
  const matches: string[] = []
  for (const { pattern } of entries) {
    if (await permissions.contains({ origins: [pattern] })) matches.push(pattern)
  }
  const ids = Object.values(SCRIPT_IDS)
  const registered = new Set((await scripting.getRegisteredContentScripts({ ids })).map((s) => s.id))
  if (matches.length === 0) {
    if (registered.size > 0) await scripting.unregisterContentScripts({ ids: [...registered] })
    return []
  }
  const scripts = [
    {
      id: SCRIPT_IDS.isolated,
      js: ['content-scripts/webmail.js'],
      matches,
      runAt: 'document_start' as const,
      persistAcrossSessions: true,
    },
    {
      id: SCRIPT_IDS.main,
      js: ['content-scripts/print-guard.js'],
      matches,
      runAt: 'document_start' as const,
      world: 'MAIN' as const,
      persistAcrossSessions: true,
    },
  ]
  // never unregister before registering: a page loading in between (every browser start and
  // extension update syncs) would get no script at all; scripts already there are updated in place
  const present = scripts.filter((s) => registered.has(s.id))
  const missing = scripts.filter((s) => !registered.has(s.id))
  if (present.length > 0) await scripting.updateContentScripts(present)
  if (missing.length > 0) await scripting.registerContentScripts(missing)
  return matches
}

/** Runs async jobs one after another, so overlapping storage/permission events cannot interleave. */
export const createSerialQueue = () => {
  let tail: Promise<unknown> = Promise.resolve()
  return <T>(job: () => Promise<T>): Promise<T> => {
    const next = tail.then(job, job)
    tail = next.catch(() => undefined)
    return next
  }
}
