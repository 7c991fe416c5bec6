/**
 * Gives the heap a process grew while starting back to the operating system. Loading the
 * app's modules (drizzle-orm alone: about 150 MB of short-lived garbage) and building the
 * search index grow V8's heap far beyond what stays alive, and V8 keeps the committed pages
 * afterwards: a process that holds 8 MB of live objects then keeps about 290 MB resident.
 * One compacting full collection, run once when nothing is being served yet, returns them.
 * @module
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

type Collect = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void

let collect: Collect | null = null

/**
 * Runs one compacting full garbage collection that also releases the freed pages (a
 * stop-the-world pause that grows with the live heap). Call it at start-up, before serving or
 * while nothing else runs, never per request.
 * @returns the pause, the resident memory after it and how much it released, in ms and MB
 * @example releaseUnusedMemory() // after the modules are loaded and the index is built
 */
export const releaseUnusedMemory = (): { pauseMs: number; rssMb: number; releasedMb: number } => {
  if (!collect) {
    // `gc` is only given to contexts created after the flag is set; the main context stays as it was.
    setFlagsFromString('--expose-gc')
    collect = runInNewContext('gc') as Collect
  }
  const before = process.memoryUsage.rss()
  const started = performance.now()
  collect({ type: 'major', execution: 'sync', flavor: 'last-resort' })
  const after = process.memoryUsage.rss()
  return {
    pauseMs: Math.round(performance.now() - started),
    rssMb: Math.round(after / 2 ** 20),
    releasedMb: Math.round((before - after) / 2 ** 20),
  }
}
