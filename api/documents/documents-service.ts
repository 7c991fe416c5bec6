/**
 * Everything the documents routes share, set up once when the app's services are composed:
 * the deployment's CA (created in CA_DIR, default `<DATA_DIR>/ca`, on first start), the
 * trust roots, the signature verifier with its caches, the PDF worker threads and the
 * remote-signing provider.
 * @module
 */
import { X509Certificate } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { eq, inArray } from 'drizzle-orm'
import type { Db } from '../../knowledge/db/client.ts'
import { createGroupCommit, type GroupCommit } from '../../knowledge/db/group-commit.ts'
import { certificates, officials } from '../../knowledge/db/schema/documents.ts'
import { AppError } from '../../knowledge/errors.ts'
import type { AppDeps } from '../deps.ts'
import type { SignatureRole } from './add-signature-placeholder.ts'
import type { Caller } from './authenticate-official.ts'
import { caDirOf } from './ca-dir.ts'
import {
  createPdfWorkerPool,
  type PdfWorkerPool,
  type PdfWorkerPoolOptions,
} from './create-pdf-worker-pool.ts'
import { createHttpRemoteSigningProvider } from './http-remote-signing-provider.ts'
import { type CertificateAuthority, ensureCertificateAuthority } from './init-certificate-authority.ts'
import { movableBuffers } from './movable-buffers.ts'
import { fromPemAll } from './pki-encoding.ts'
import { prepareSubmitQueries, type SubmitQueries } from './prepare-submit-queries.ts'
import type { RemoteSigningProvider } from './remote-signing-provider.ts'
import {
  createSignatureVerifier,
  type SignatureVerifier,
  type Verification,
} from './verify-pdf-signatures.ts'

export type VerifiedPdf = {
  verification: Verification
  pdf: Uint8Array
  /** serial → agency of the signers' certificates issued by this deployment (read with their roles) */
  signerAgencies: ReadonlyMap<string, string | null>
}

export type DocumentsService = {
  db: Db
  ca: CertificateAuthority
  verifier: SignatureVerifier
  remote: RemoteSigningProvider | null
  maxBytes: number
  /** TSA_URL: signatures get an RFC 3161 timestamp (PAdES B-T) */
  tsaUrl: string | null
  /** PDF worker threads: verification, page counts, signature preparation and completion */
  pdf: PdfWorkerPool
  /** the time a worker may spend verifying one PDF (a little less than the pool's hard limit) */
  verifyBudgetMs: number
  /**
   * Verifies a PDF (in a worker) and checks each signer's role against our officials. The
   * bytes are moved to the worker and back, not copied: use the returned `pdf` afterwards,
   * the array passed in may be empty (detached) once this resolves.
   * @param checked the worker's verdict on these very bytes when already made (see the
   *   `readForm` job); the roles and revocations are checked here all the same
   */
  verifyPdf: (pdf: Uint8Array, checked?: Verification) => Promise<VerifiedPdf>
  /** group commit of this app's document writes (one transaction for submissions arriving together) */
  commit: GroupCommit
  /** submissions in progress by document id: a concurrent one of the same document waits for it */
  submitting: Map<string, Promise<unknown>>
  /** the submission's statements, prepared once */
  queries: SubmitQueries
}

/** What every documents operation on behalf of an official starts from. */
export type CallerOptions = { svc: DocumentsService; caller: Caller }

/** An operation on one document, draft or signing session of the caller's, by id. */
export type ByIdOptions = CallerOptions & { id: string }

export type DocumentsOptions = {
  /** A remote-signing provider; without one, `/remote` answers 503. */
  remoteSigning?: RemoteSigningProvider | ((ca: CertificateAuthority) => RemoteSigningProvider)
  /** Overrides of the PDF worker pool (tests observe jobs or pass their own worker). */
  pdfWorkers?: Partial<Pick<PdfWorkerPoolOptions, 'workerUrl' | 'onStart' | 'idleMs'>>
}

const ROLE_FOR_SIGNATURE: Record<SignatureRole, string> = { approver: 'approver', organisation: 'clerk' }

export { caDirOf }

/** Reads TRUST_ROOTS_FILE (a PEM bundle). */
export const readTrustRoots = (file: string | null) =>
  file ? fromPemAll(readFileSync(file, 'utf8'), 'CERTIFICATE').map((der) => new X509Certificate(der)) : []

export const createDocumentsService = async (
  deps: AppDeps,
  options: DocumentsOptions = {},
): Promise<DocumentsService> => {
  const { db, config } = deps
  const caDir = caDirOf(config)
  const ca = await ensureCertificateAuthority(caDir).catch((error: unknown) => {
    // a broken CA is the deployment's fault, not the caller's: 503, and the path goes to the log
    throw new AppError(
      'UNAVAILABLE',
      'Chứng thư số của hệ thống (CA) đang không dùng được; quản trị viên cần kiểm tra /healthz. The deployment CA is unusable.',
      { cause: error, retryAfterSeconds: 60 },
    )
  })
  const trustRoots = [ca.x509, ...readTrustRoots(config.documents.trustRootsFile)]
  const verifier = createSignatureVerifier({ trustRoots })
  const pdf = createPdfWorkerPool({
    trustRoots,
    size: config.documents.workers,
    queueLimit: config.documents.queueLimit,
    budgetMs: config.documents.timeBudgetMs,
    ...options.pdfWorkers,
  })
  const configured = config.documents.remoteSigningUrl
    ? createHttpRemoteSigningProvider({
        url: config.documents.remoteSigningUrl,
        token: config.documents.remoteSigningToken,
      })
    : null
  const remote =
    typeof options.remoteSigning === 'function'
      ? options.remoteSigning(ca)
      : (options.remoteSigning ?? configured)

  // the worker stops checking a little before the pool's hard limit, to answer with its findings
  const verifyBudgetMs = Math.max(50, config.documents.timeBudgetMs - 250)
  const verifyPdf = async (bytes: Uint8Array, checked?: Verification): Promise<VerifiedPdf> => {
    const { verification, pdf: back } = checked
      ? { verification: checked, pdf: bytes }
      : await pdf.run({ op: 'verify', pdf: bytes, budgetMs: verifyBudgetMs }, movableBuffers([bytes]))
    const serials = [
      ...new Set(verification.signatures.map((s) => s.certificateSerial).filter((s): s is string => !!s)),
    ]
    if (serials.length === 0) return { verification, pdf: back, signerAgencies: new Map() }
    // one statement for the roles, revocations and agencies of the signers (the sender's check reuses it)
    const rows = await db
      .select({
        serial: certificates.serial,
        agencyCode: certificates.agencyCode,
        role: officials.role,
        revokedAt: certificates.revokedAt,
      })
      .from(certificates)
      .leftJoin(officials, eq(officials.id, certificates.officialId))
      .where(inArray(certificates.serial, serials))
    const signerAgencies = new Map(rows.map((r) => [r.serial, r.agencyCode]))
    const bySerial = new Map(rows.map((r) => [r.serial, r]))
    for (const s of verification.signatures) {
      const row = s.certificateSerial ? bySerial.get(s.certificateSerial) : undefined
      // roles and revocations are known for certificates of this deployment's officials
      if (!row || row.role === null) continue
      if (s.role) {
        s.roleValid = row.role === ROLE_FOR_SIGNATURE[s.role]
        if (!s.roleValid) s.problems.push(`Người ký không giữ vai trò được ký "${s.role}".`)
      }
      if (!row.revokedAt) continue
      // a valid timestamp proves when the signature existed; otherwise only the claimed /M is known
      const signedBy = (s.timestampValid ? s.timestampedAt : null) ?? s.signedAt
      s.revokedAt = row.revokedAt
      // The claimed time has whole seconds: a revocation within the same second cannot be
      // ordered against it, and a doubtful order counts as revoked.
      const second = (iso: string) => Math.floor(Date.parse(iso) / 1000)
      if (!signedBy || second(row.revokedAt) <= second(signedBy)) {
        s.revocation = 'before_signing'
        s.validAtSigningTime = false
        s.problems.push(`Chứng thư đã bị thu hồi lúc ${row.revokedAt}, trước thời điểm ký.`)
      } else s.revocation = 'after_signing'
    }
    if (
      verification.status === 'signed_valid' &&
      verification.signatures.some((s) => s.roleValid === false || !s.validAtSigningTime)
    ) {
      verification.status = 'signed_invalid'
      verification.rolesComplete = false
    }
    return { verification, pdf: back, signerAgencies }
  }

  return {
    db,
    ca,
    verifier,
    remote,
    maxBytes: config.documents.maxBytes,
    tsaUrl: config.documents.tsaUrl,
    pdf,
    verifyBudgetMs,
    verifyPdf,
    commit: createGroupCommit(db),
    submitting: new Map(),
    queries: prepareSubmitQueries(db),
  }
}

/** The documents service of one running app: set up at start, awaited by every request. */
export type DocumentsHandle = {
  /** the service; a set-up that failed (say, an unwritable CA_DIR) is tried again by the next request */
  service: () => Promise<DocumentsService>
  /** whether this deployment has a remote-signing provider: clients offer remote signing only then */
  remoteSigning: boolean
  /** stops the PDF worker threads, if the service was set up */
  close: () => Promise<void>
}

/**
 * Starts setting up the documents service now, so a new deployment has its CA right after
 * start; a failure is logged here and answered 503 to the requests that need the service.
 */
export const startDocumentsService = (deps: AppDeps, options: DocumentsOptions = {}): DocumentsHandle => {
  let setup: Promise<DocumentsService> | null = null
  const service = () => {
    setup ??= createDocumentsService(deps, options).catch((error: unknown) => {
      setup = null
      throw error
    })
    return setup
  }
  service().catch((error: unknown) =>
    deps.log.error('documents setup failed', {
      caDir: caDirOf(deps.config),
      error: String(error instanceof AppError && error.cause ? error.cause : error),
    }),
  )
  return {
    service,
    remoteSigning: Boolean(options.remoteSigning ?? deps.config.documents.remoteSigningUrl),
    close: async () => {
      const running = await setup?.catch(() => null)
      await running?.pdf.close()
    },
  }
}
