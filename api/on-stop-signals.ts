/**
 * Stops on the first SIGINT/SIGTERM and ignores the ones after it: Ctrl+C (or a supervisor)
 * signals the whole process group, and a worker then also gets SIGTERM from its primary.
 * @module
 */

/** @param stop the shutdown; the process exits 0 once it settles */
export const onStopSignals = (stop: (signal: string) => Promise<void>) => {
  let stopping = false
  const exit = (signal: string) => {
    if (stopping) return
    stopping = true
    void stop(signal).then(() => process.exit(0))
  }
  process.on('SIGINT', () => exit('SIGINT'))
  process.on('SIGTERM', () => exit('SIGTERM'))
}
