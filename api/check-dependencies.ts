/**
 * What /healthz reports about each dependency: the database (readable and writable), the
 * deployment's CA (its key loads and matches its certificate) and the knowledge base
 * (loaded and searchable). Results are kept for a few seconds, so a load balancer polling
 * /healthz costs one small write now and then. Reasons name no server paths (/healthz is public).
 * @module
 */
import { randomBytes, verify } from 'node:crypto'
import type { Db } from '../knowledge/db/client.ts'
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts'
import { ensureCertificateAuthority } from './documents/init-certificate-authority.ts'
import { describeStorageError } from './errors.ts'

export type DependencyCheck = { ok: boolean; reason?: string } & Record<string, unknown>

export type DependencyChecks = {
  database: DependencyCheck
  certificateAuthority: DependencyCheck
  knowledgeBase: DependencyCheck
}

export type CheckDependenciesOptions = {
  db: Db
  databaseUrl: string
  caDir: string
  kb: KnowledgeBase
  /** how long a result is reused (0: every call checks) */
  cacheMs?: number
}

const causeOf = (error: unknown) =>
  describeStorageError(error) ?? (error instanceof Error ? error.message : String(error))

/**
 * A write that allocates a page and is rolled back, in one statement list so no other
 * request's statement can land inside it.
 */
const probeDatabase = async (db: Db, url: string): Promise<DependencyCheck> => {
  try {
    await db.$client.execute('SELECT count(*) FROM sqlite_master')
  } catch (error) {
    return { ok: false, writable: false, reason: `Không đọc được cơ sở dữ liệu: ${causeOf(error)}` }
  }
  if (!url.startsWith('file:')) return { ok: true, writable: true }
  try {
    await db.$client.executeMultiple(
      'BEGIN IMMEDIATE; CREATE TABLE _health_probe (x); INSERT INTO _health_probe VALUES (1); ROLLBACK;',
    )
    return { ok: true, writable: true }
  } catch (error) {
    await db.$client.execute('ROLLBACK').catch(() => {})
    // Another writer holding the database (an import, the retention job) shows it is writable.
    if (/SQLITE_BUSY|database is locked|within a transaction/i.test(causeOf(error)))
      return { ok: true, writable: true }
    return {
      ok: false,
      writable: false,
      reason: `Không ghi được vào cơ sở dữ liệu: ${causeOf(error)}`,
    }
  }
}

const probeAuthority = async (dir: string): Promise<DependencyCheck> => {
  try {
    const ca = await ensureCertificateAuthority(dir)
    const nonce = randomBytes(32)
    const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, ca.privateKey, nonce)
    const matches = verify(
      'sha256',
      nonce,
      { key: ca.x509.publicKey, dsaEncoding: 'ieee-p1363' },
      new Uint8Array(signature),
    )
    if (!matches)
      return { ok: false, reason: 'Khoá của CA không khớp chứng thư CA (ca-key.pem, ca-cert.pem).' }
    return { ok: true, validTo: new Date(ca.x509.validTo).toISOString() }
  } catch (error) {
    return { ok: false, reason: `CA không dùng được (ca-key.pem, ca-cert.pem): ${causeOf(error)}` }
  }
}

/** @returns `check()`: every dependency's state and whether all are usable */
export const createDependencyChecks = ({
  db,
  databaseUrl,
  caDir,
  kb,
  cacheMs = 5000,
}: CheckDependenciesOptions) => {
  let last: { at: number; value: Promise<DependencyChecks> } | null = null
  const run = async (): Promise<DependencyChecks> => {
    const [database, certificateAuthority] = await Promise.all([
      probeDatabase(db, databaseUrl),
      probeAuthority(caDir),
    ])
    const procedures = kb.size()
    const knowledgeBase: DependencyCheck =
      procedures > 0
        ? { ok: true, procedures }
        : { ok: false, procedures, reason: 'Cơ sở tri thức chưa nạp xong.' }
    return { database, certificateAuthority, knowledgeBase }
  }
  return {
    check: async () => {
      const now = Date.now()
      if (!last || now - last.at >= cacheMs) last = { at: now, value: run() }
      const checks = await last.value
      return { ok: Object.values(checks).every((c) => c.ok), checks }
    },
  }
}
