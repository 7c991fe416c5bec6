/**
 * Loaded into the server by `npm run bench:profile` (`node --import ./bench/profile-on-signal.ts
 * api/main.ts`): the first SIGUSR2 starts the CPU profiler, the second stops it and writes the
 * profile to BENCH_PROFILE_FILE, then prints `cpu profile written`. So the profile holds only
 * the measured load, not the start-up (module loading, the index build, the seeding) that
 * `node --cpu-prof` records as well. Used by the benchmark only; the server never loads it.
 * @module
 */
import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'

const file = process.env['BENCH_PROFILE_FILE']
if (file) {
  let session: Session | null = null
  let busy = false
  process.on('SIGUSR2', () => {
    if (busy) return
    busy = true
    const next = async () => {
      if (!session) {
        session = new Session()
        session.connect()
        await session.post('Profiler.enable')
        // 0.1 ms between samples, as `--cpu-prof` does by default (1 ms misses short functions)
        await session.post('Profiler.setSamplingInterval', { interval: 100 })
        await session.post('Profiler.start')
        process.stderr.write('cpu profile started\n')
      } else {
        const { profile } = await session.post('Profiler.stop')
        session.disconnect()
        session = null
        writeFileSync(file, JSON.stringify(profile))
        process.stderr.write('cpu profile written\n')
      }
    }
    next().finally(() => {
      busy = false
    })
  })
}
