/**
 * Keeps the runtime-registered content scripts in step with the allowed hosts: the allowed
 * entries (policy + official) whose host permission is granted, nothing else. A page the
 * official did not allow gets no script.
 * @module
 */
import type { Browser } from 'wxt/browser'
import type { HostEntry } from './allowed-hosts.ts'

export const SCRIPT_IDS = { isolated: 'trolyso-webmail', main: 'trolyso-print-guard' } as const

type Scripting = Pick<
  typeof Browser.scripting,
  'getRegisteredContentScripts' | 'registerContentScripts' | 'unregisterContentScripts'
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
  const registered = await scripting.getRegisteredContentScripts({ ids })
  if (registered.length > 0) await scripting.unregisterContentScripts({ ids: registered.map((s) => s.id) })
  if (matches.length === 0) return []
  await scripting.registerContentScripts([
    {
      id: SCRIPT_IDS.isolated,
      js: ['content-scripts/webmail.js'],
      matches,
      runAt: 'document_start',
      persistAcrossSessions: true,
    },
    {
      id: SCRIPT_IDS.main,
      js: ['content-scripts/print-guard.js'],
      matches,
      runAt: 'document_start',
      world: 'MAIN',
      persistAcrossSessions: true,
    },
  ])
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
