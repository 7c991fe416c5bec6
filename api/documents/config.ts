/**
 * Environment of the electronic-documents side. Parsed once by api/config.ts.
 * @module
 */
import { availableParallelism } from 'node:os'
import { z } from 'zod'

export const ZDocumentsEnv = z
  .object({
    DOCUMENTS_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(20 * 1024 * 1024),
    CA_DIR: z.string().optional(),
    TRUST_ROOTS_FILE: z.string().optional(),
    REMOTE_SIGNING_URL: z.url().optional(),
    REMOTE_SIGNING_TOKEN: z.string().min(1).optional(),
    OFFICIAL_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
    DOCUMENTS_WORKERS: z.coerce.number().int().min(0).max(64).default(0),
    DOCUMENTS_QUEUE_LIMIT: z.coerce.number().int().min(0).max(10_000).default(64),
    DOCUMENTS_TIME_BUDGET_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
    TSA_URL: z.url().optional(),
  })
  .transform((env) => ({
    maxBytes: env.DOCUMENTS_MAX_BYTES,
    caDir: env.CA_DIR ?? null,
    trustRootsFile: env.TRUST_ROOTS_FILE ?? null,
    remoteSigningUrl: env.REMOTE_SIGNING_URL ?? null,
    remoteSigningToken: env.REMOTE_SIGNING_TOKEN ?? null,
    tokenTtlDays: env.OFFICIAL_TOKEN_TTL_DAYS,
    /** PDF worker threads (0: by cores, 2 to 4) */
    workers: env.DOCUMENTS_WORKERS || Math.min(4, Math.max(2, availableParallelism())),
    queueLimit: env.DOCUMENTS_QUEUE_LIMIT,
    timeBudgetMs: env.DOCUMENTS_TIME_BUDGET_MS,
    /** RFC 3161 timestamp authority for PAdES B-T signatures; null: B-B only */
    tsaUrl: env.TSA_URL ?? null,
  }))

export type DocumentsConfig = z.infer<typeof ZDocumentsEnv>
