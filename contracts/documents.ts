/**
 * The documents API's contract, shared by the server (validation and the OpenAPI document)
 * and the officials' browser extension (its API client and messages): the edXML-like header,
 * the QCVN 102:2016 status codes with their one label table, and the response shapes.
 * Changing a field here breaks the extension's typecheck, not production. The extension imports
 * only types from here (`import type`), and values from `document-codes.ts`, which has no zod.
 * @module
 */
import { z } from 'zod'
import { SIGNATURE_STATUSES } from './document-codes.ts'

export * from './document-codes.ts'

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'cần dạng YYYY-MM-DD')

/** The edXML-like header a sender attaches to a document (QCVN 102:2016 MessageHeader, flattened). */
export const ZDocumentHeader = z
  .object({
    to: z.array(z.string().min(1)).min(1, 'cần ít nhất một cơ quan nhận').max(500),
    notation: z.string().trim().min(1).max(100).meta({ example: '123/QĐ-UBND' }),
    codeNumber: z.string().trim().max(20).optional(),
    place: z.string().trim().min(1).max(200),
    promulgatedAt: isoDate,
    type: z.string().trim().min(1).max(100),
    subject: z.string().trim().min(1).max(500),
    signerName: z.string().trim().max(200).optional(),
    /** the signing authority as printed above the signature, e.g. `KT. GIÁM ĐỐC` (edXML SignerInfo/Competence) */
    signerCompetence: z.string().trim().max(200).optional(),
    /** the signer's position, e.g. `PHÓ GIÁM ĐỐC` (edXML SignerInfo/Position) */
    signerPosition: z.string().trim().max(200).optional(),
    dueDate: isoDate.optional(),
    priority: z.enum(['normal', 'urgent', 'very_urgent', 'flash']).default('normal'),
    steeringType: z.string().trim().max(50).optional(),
    pages: z.number().int().min(1).max(100_000).optional(),
    paperCopy: z.boolean().default(false),
    allowUnsigned: z.boolean().default(false),
  })
  .meta({ id: 'DocumentHeader' })

/** The header as the server keeps it (defaults applied). */
export type DocumentHeader = z.infer<typeof ZDocumentHeader>
/** The header as a client sends it (defaulted fields optional). */
export type DocumentHeaderInput = z.input<typeof ZDocumentHeader>

const ZRecipient = z.object({
  agencyCode: z.string(),
  status: z.string().meta({ description: 'QCVN 102 status code' }),
})

export const ZMe = z
  .object({
    official: z.object({ id: z.string(), name: z.string(), role: z.string() }),
    agency: z.object({ code: z.string(), name: z.string() }),
    /** what the deployment offers; absent from servers older than this field (nothing extra offered) */
    features: z.object({ remoteSigning: z.boolean() }).optional(),
  })
  .meta({ id: 'Me' })
export type Me = z.infer<typeof ZMe>

const ZVerifiedFigures = z.object({ signedValid: z.number(), paperAvoidedPages: z.number() })
export type VerifiedFigures = z.infer<typeof ZVerifiedFigures>
/** The caller's and their agency's figures, from verified documents with their own approval only. */
export const ZMyPaperlessStats = z
  .object({ from: z.string(), to: z.string(), official: ZVerifiedFigures, agency: ZVerifiedFigures })
  .meta({ id: 'MyPaperlessStats' })
export type MyPaperlessStats = z.infer<typeof ZMyPaperlessStats>

export const ZAgency = z
  .object({
    code: z.string().meta({ example: '000.00.01.H56' }),
    name: z.string(),
    parentCode: z.string().nullable(),
  })
  .meta({ id: 'Agency' })
export type Agency = z.infer<typeof ZAgency>

export const ZIssuedCertificate = z
  .object({
    serial: z.string(),
    subject: z.string().optional(),
    certificate: z.string().meta({ description: 'PEM' }),
    chain: z.array(z.string()),
    notAfter: z.string(),
  })
  .meta({ id: 'IssuedCertificate' })
export type IssuedCertificateResponse = z.infer<typeof ZIssuedCertificate>

export const ZSigningSession = z
  .object({
    sessionId: z.string(),
    pdfSha256: z.string(),
    preparedSha256: z
      .string()
      .meta({ description: 'SHA-256 of the prepared revision to be signed (GET …/:id/prepared)' }),
    toBeSigned: z.string().nullable().meta({ description: 'DER of the CMS signed attributes, base64' }),
    algorithm: z.string().meta({ example: 'ECDSA-P256-SHA256' }),
    certificateSerial: z.string().nullable(),
    appearance: z
      .object({ visible: z.boolean(), note: z.string().nullable() })
      .optional()
      .meta({ description: 'whether the signature shows on the page, and why not' }),
  })
  .meta({ id: 'SigningSession' })
export type SigningSession = z.infer<typeof ZSigningSession>

export const ZSigningSessionState = z.object({
  id: z.string(),
  role: z.string(),
  status: z.string(),
  certificateSerial: z.string().nullable(),
})

export const ZSentDocument = z
  .object({
    id: z.string(),
    sha256: z.string(),
    signatureStatus: z.enum(SIGNATURE_STATUSES),
    verification: z.unknown().optional(),
    recipients: z.array(ZRecipient),
    added: z.array(z.string()).optional(),
  })
  .meta({ id: 'SentDocument' })
export type SentDocument = z.infer<typeof ZSentDocument>

export const ZDocumentListItem = z
  .object({
    id: z.string(),
    notation: z.string().nullable(),
    subject: z.string(),
    senderAgency: z.string(),
    signatureStatus: z.string(),
    createdAt: z.string(),
    recipients: z.array(ZRecipient),
  })
  .meta({ id: 'DocumentListItem' })
export type DocumentListItem = z.infer<typeof ZDocumentListItem>

export const ZDocumentDetail = z
  .object({
    id: z.string(),
    sha256: z.string(),
    header: z.record(z.string(), z.unknown()),
    notation: z.string().nullable(),
    subject: z.string(),
    senderAgency: z.object({ code: z.string(), name: z.string() }),
    pages: z.number().nullable(),
    paperCopy: z.boolean(),
    signatureStatus: z.string(),
    verification: z.unknown(),
    createdAt: z.string(),
    recipients: z.array(ZRecipient),
    events: z.array(
      z.object({
        agencyCode: z.string(),
        status: z.string(),
        note: z.string().nullable(),
        at: z.string(),
        actorOfficialId: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'DocumentDetail' })

export const ZRecipientStatuses = z.object({ id: z.string(), recipients: z.array(ZRecipient) })

/** A leader-signed draft in the agency's "chờ phát hành" queue. */
export const ZDraft = z
  .object({
    id: z.string(),
    agencyCode: z.string(),
    fileName: z.string(),
    subject: z.string().nullable(),
    sha256: z.string(),
    status: z.string(),
    approverOfficialId: z.string(),
    approverName: z.string().nullable().optional(),
    documentId: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Draft' })
export type Draft = z.infer<typeof ZDraft>

const ZRatio = z.object({ numerator: z.number(), denominator: z.number(), percent: z.number() })
export const ZPaperlessStats = z
  .object({
    from: z.string(),
    to: z.string(),
    agencies: z.array(
      z.object({
        agencyCode: z.string(),
        name: z.string(),
        sent: z.number(),
        signed: z.number().optional(),
        signedValid: z.number(),
        signedRatio: ZRatio,
        paperAvoidedPages: z.number(),
        nudges: z.object({ shown: z.number(), accepted: z.number(), overridden: z.number() }),
      }),
    ),
  })
  .meta({ id: 'PaperlessStats' })
export type PaperlessStats = z.infer<typeof ZPaperlessStats>

export const ZCreatedOfficial = z.object({
  official: z.object({ id: z.string(), name: z.string(), role: z.string(), agencyCode: z.string() }),
  token: z.string().meta({ description: 'shown once; only its SHA-256 is stored' }),
  tokenPrefix: z.string(),
  expiresAt: z.string(),
})

export const ZRevokedOfficial = z.object({
  official: z.object({ id: z.string(), name: z.string(), role: z.string(), agencyCode: z.string() }),
  revoked: z.number(),
  revokedAt: z.string(),
})
