/**
 * A local RFC 3161 timestamp authority for tests: a test root and a TSA certificate (EKU
 * timeStamping) made by openssl, and an HTTP server on 127.0.0.1 that answers each
 * application/timestamp-query with `openssl ts -reply`.
 * @module
 */
import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { listenOnLoopback } from './listen-on-loopback.ts'

export const run = promisify(execFile)

export type OpensslTsa = {
  url: string
  /** PEM of the TSA's root (to trust) and of the TSA's certificate */
  rootPem: string
  rootFile: string
  tsaFile: string
  /** `down`: answer 503 to every request */
  mode: 'ok' | 'down'
  requests: number
  /** a TimeStampToken (DER) over other data than any signature */
  tokenFor: (data: Buffer) => Promise<Buffer>
  close: () => Promise<void>
}

/** @param dir an empty temporary directory for keys, certificates and queries */
export const startOpensslTsa = async (dir: string): Promise<OpensslTsa> => {
  const f = (name: string) => join(dir, name)
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    f('root.key'),
    '-out',
    f('root.pem'),
    '-days',
    '30',
    '-subj',
    '/CN=Test TSA Root/O=Test',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ])
  await run('openssl', [
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    f('tsa.key'),
    '-out',
    f('tsa.csr'),
    '-subj',
    '/CN=Test TSA/O=Test',
  ])
  writeFileSync(
    f('tsa-ext.cnf'),
    'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\n',
  )
  await run('openssl', [
    'x509',
    '-req',
    '-in',
    f('tsa.csr'),
    '-CA',
    f('root.pem'),
    '-CAkey',
    f('root.key'),
    '-CAcreateserial',
    '-out',
    f('tsa.pem'),
    '-days',
    '30',
    '-extfile',
    f('tsa-ext.cnf'),
  ])
  writeFileSync(f('tsaserial'), '01\n')
  writeFileSync(
    f('ts.cnf'),
    [
      '[ tsa ]',
      'default_tsa = test_tsa',
      '[ test_tsa ]',
      `serial = ${f('tsaserial')}`,
      `signer_cert = ${f('tsa.pem')}`,
      `certs = ${f('root.pem')}`,
      `signer_key = ${f('tsa.key')}`,
      'signer_digest = sha256',
      'default_policy = 1.2.3.4.1',
      'digests = sha256, sha384, sha512',
      'accuracy = secs:1',
      'ess_cert_id_alg = sha256',
      '',
    ].join('\n'),
  )
  /** `openssl ts -reply` to the query `<id>.tsq`: the whole response, or with `token` only its token */
  const answer = async (id: string, { token = false } = {}) => {
    const out = f(`${id}.${token ? 'tok' : 'tsr'}`)
    const tokenOut = token ? ['-token_out'] : []
    await run('openssl', [
      'ts',
      '-reply',
      '-config',
      f('ts.cnf'),
      '-queryfile',
      f(`${id}.tsq`),
      ...tokenOut,
      '-out',
      out,
    ])
    return readFileSync(out)
  }
  const reply = async (query: Buffer) => {
    const id = randomUUID()
    writeFileSync(f(`${id}.tsq`), query)
    return answer(id)
  }
  const tsa: OpensslTsa = {
    url: '',
    rootPem: readFileSync(f('root.pem'), 'utf8'),
    rootFile: f('root.pem'),
    tsaFile: f('tsa.pem'),
    mode: 'ok',
    requests: 0,
    tokenFor: async (data) => {
      const id = randomUUID()
      writeFileSync(f(`${id}.data`), data)
      await run('openssl', [
        'ts',
        '-query',
        '-data',
        f(`${id}.data`),
        '-sha256',
        '-cert',
        '-out',
        f(`${id}.tsq`),
      ])
      return answer(id, { token: true })
    },
    close: async () => {},
  }
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      tsa.requests++
      if (tsa.mode === 'down' || req.headers['content-type'] !== 'application/timestamp-query') {
        res.writeHead(503).end()
        return
      }
      reply(Buffer.concat(chunks)).then(
        (body) => res.writeHead(200, { 'Content-Type': 'application/timestamp-reply' }).end(body),
        () => res.writeHead(500).end(),
      )
    })
  })
  tsa.url = `${await listenOnLoopback(server)}/tsr`
  tsa.close = () => new Promise((resolve) => server.close(() => resolve()))
  return tsa
}
