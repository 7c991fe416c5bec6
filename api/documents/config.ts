/**
 * Environment of the electronic-documents side. Parsed once by api/config.ts.
 * @module
 */
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
  })
  .transform((env) => ({
    maxBytes: env.DOCUMENTS_MAX_BYTES,
    caDir: env.CA_DIR ?? null,
    trustRootsFile: env.TRUST_ROOTS_FILE ?? null,
    remoteSigningUrl: env.REMOTE_SIGNING_URL ?? null,
    remoteSigningToken: env.REMOTE_SIGNING_TOKEN ?? null,
    tokenTtlDays: env.OFFICIAL_TOKEN_TTL_DAYS,
  }))

export type DocumentsConfig = z.infer<typeof ZDocumentsEnv>
