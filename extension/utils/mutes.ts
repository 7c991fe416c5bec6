/**
 * Per-thread mutes of the nudges, kept in extension storage. Separate from storage.ts so
 * the content script does not carry the settings' validation code.
 * @module
 */
import { storage } from 'wxt/utils/storage'

export const mutedThreadsItem = storage.defineItem<string[]>('local:mutedThreads', { fallback: [] })

/** A thread key names one compose window or document; mutes are per kind of nudge. */
export const muteKey = (origin: string, thread: string, kind: string): string => `${origin}|${thread}|${kind}`

export const isMuted = async (key: string): Promise<boolean> =>
  (await mutedThreadsItem.getValue()).includes(key)

export const muteThread = async (key: string): Promise<void> => {
  const current = await mutedThreadsItem.getValue()
  if (current.includes(key)) return
  // keep the list bounded: the oldest mutes go first
  await mutedThreadsItem.setValue([...current, key].slice(-500))
}
