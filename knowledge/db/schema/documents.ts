/**
 * Electronic documents between agencies: agencies (QCVN 102:2016 codes), officials and
 * their hashed API tokens, certificates issued by the deployment's CA, documents stored
 * content-addressed with their verification result, recipients' inboxes with status
 * history, signing sessions and the extension's nudge counters.
 * @module
 */
import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { StoredSenderVerification } from '../../../contracts/document-verification.ts'
import type { DocumentHeader } from '../../../contracts/documents.ts'
import { flag, isoTime, jsonOf, serialId, textId } from './columns.ts'

export const agencies = sqliteTable('agencies', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  parentCode: text('parent_code'),
  createdAt: isoTime('created_at'),
  /** edXML From/To contact fields (QCVN 102:2016 Organization), all optional */
  organizationInCharge: text('organization_in_charge'),
  address: text('address'),
  email: text('email'),
  telephone: text('telephone'),
  fax: text('fax'),
  website: text('website'),
})

/** `agency_code`, the agency a row belongs to */
const agencyCode = () =>
  text('agency_code')
    .notNull()
    .references(() => agencies.code)

export const officials = sqliteTable(
  'officials',
  {
    id: textId(),
    agencyCode: agencyCode(),
    name: text('name').notNull(),
    email: text('email'),
    /** the 12 digits of the citizen identity card (CCCD), when given: the serialNumber of their certificates */
    nationalId: text('national_id'),
    /** clerk | approver | agency_admin | viewer | system_admin */
    role: text('role').notNull(),
    createdAt: isoTime('created_at'),
  },
  (t) => [index('officials_agency_idx').on(t.agencyCode)],
)

export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: textId(),
    officialId: text('official_id')
      .notNull()
      .references(() => officials.id),
    tokenHash: text('token_hash').notNull().unique(),
    /** the token's first characters (`tls_` + 8), not secret, to name a token when revoking it */
    tokenPrefix: text('token_prefix'),
    label: text('label'),
    createdAt: isoTime('created_at'),
    /** after this instant the token is refused (OFFICIAL_TOKEN_TTL_DAYS at issue) */
    expiresAt: text('expires_at'),
    revokedAt: text('revoked_at'),
    /** who revoked it: `official:<id>` or `cli:officials:revoke` */
    revokedBy: text('revoked_by'),
  },
  (t) => [index('api_tokens_prefix_idx').on(t.tokenPrefix)],
)

export const certificates = sqliteTable('certificates', {
  serial: text('serial').primaryKey(),
  officialId: text('official_id').references(() => officials.id),
  agencyCode: text('agency_code'),
  subject: text('subject').notNull(),
  pem: text('pem').notNull(),
  notBefore: isoTime('not_before'),
  notAfter: isoTime('not_after'),
  revokedAt: text('revoked_at'),
  createdAt: isoTime('created_at'),
})

/** PDF bytes, content-addressed by SHA-256, written in the same transaction as the document row. */
export const documentBlobs = sqliteTable('document_blobs', {
  sha256: text('sha256').primaryKey(),
  bytes: blob('bytes', { mode: 'buffer' }).notNull(),
  size: integer('size').notNull(),
})

export const documents = sqliteTable(
  'documents',
  {
    id: textId(),
    sha256: text('sha256')
      .notNull()
      .references(() => documentBlobs.sha256),
    senderAgency: text('sender_agency')
      .notNull()
      .references(() => agencies.code),
    senderOfficialId: text('sender_official_id'),
    /** the header as sent (or as imported from edXML); fields added since are optional, so any version's header fits */
    header: jsonOf<DocumentHeader>('header'),
    notation: text('notation'),
    subject: text('subject').notNull(),
    pages: integer('pages').notNull().default(1),
    paperCopy: flag('paper_copy', false),
    /** signed_valid | signed_invalid | unsigned */
    signatureStatus: text('signature_status').notNull(),
    /** the verdict at submission; older versions wrote fewer fields: read it with readStoredVerification */
    verification: jsonOf<StoredSenderVerification>('verification'),
    /**
     * the sending agency's own approval: valid approver and organisation signatures in that
     * order, every signer an official of the sending agency (what /minh-bach counts)
     */
    ownApproval: flag('own_approval', false),
    createdAt: isoTime('created_at'),
    /** the edXML DocumentId `sender,yyyy/MM/dd,number/notation`, how other systems refer to it */
    edxmlDocumentId: text('edxml_document_id'),
    /** active | revoked | replaced (edXML BussinessDocType 1 and 3) */
    state: text('state').notNull().default('active'),
    /** the sender's BussinessDocReason for a revocation or replacement */
    stateReason: text('state_reason'),
    /** the earlier document this one replaces */
    replaces: text('replaces'),
    /** the document that replaced this one */
    replacedBy: text('replaced_by'),
  },
  (t) => [
    index('documents_sender_idx').on(t.senderAgency, t.createdAt),
    index('documents_edxml_id_idx').on(t.edxmlDocumentId),
  ],
)

export const documentRecipients = sqliteTable(
  'document_recipients',
  {
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id),
    agencyCode: agencyCode(),
    /** QCVN 102:2016 status code: 01 arrived … 16 recall refused */
    status: text('status').notNull(),
    updatedAt: isoTime('updated_at'),
  },
  (t) => [
    primaryKey({ columns: [t.documentId, t.agencyCode] }),
    index('recipients_inbox_idx').on(t.agencyCode, t.status),
  ],
)

export const documentEvents = sqliteTable(
  'document_events',
  {
    id: serialId(),
    documentId: text('document_id').notNull(),
    agencyCode: text('agency_code').notNull(),
    status: text('status').notNull(),
    actorOfficialId: text('actor_official_id'),
    note: text('note'),
    at: isoTime('at'),
  },
  (t) => [index('document_events_doc_idx').on(t.documentId)],
)

/** A prepared PDF waiting for a CMS signature from the extension or a remote provider. */
export const signingSessions = sqliteTable('signing_sessions', {
  id: textId(),
  officialId: text('official_id').notNull(),
  role: text('role').notNull(),
  preparedSha256: text('prepared_sha256').notNull(),
  prepared: blob('prepared', { mode: 'buffer' }).notNull(),
  /** hex SHA-256 of the DER SignedAttributes the signer signs */
  digest: text('digest').notNull(),
  /** pending | signed | rejected | expired */
  status: text('status').notNull(),
  /** certificate the SignedAttributes name (signing-certificate-v2); null until known */
  certificateSerial: text('certificate_serial'),
  /** the signing-time attribute, so the same SignedAttributes can be rebuilt at completion */
  signingTime: text('signing_time'),
  /** the remote-signing provider's transaction id, when the official signs on the phone */
  remoteRef: text('remote_ref'),
  /** the signed PDF once complete */
  signed: blob('signed', { mode: 'buffer' }),
  createdAt: isoTime('created_at'),
  expiresAt: isoTime('expires_at'),
})

export const nudgeCounters = sqliteTable(
  'nudge_counters',
  {
    agencyCode: text('agency_code').notNull(),
    day: text('day').notNull(),
    /** unsigned_attachment | scanned_paper | print */
    kind: text('kind').notNull(),
    shown: integer('shown').notNull().default(0),
    accepted: integer('accepted').notNull().default(0),
    overridden: integer('overridden').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.agencyCode, t.day, t.kind] })],
)

/** Nudge increments each official recorded per day, to cap what one official adds to the public figures. */
export const nudgeQuota = sqliteTable(
  'nudge_quota',
  {
    officialId: text('official_id').notNull(),
    day: text('day').notNull(),
    used: integer('used').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.officialId, t.day] })],
)

/**
 * The "chờ phát hành" queue: a draft the agency's leader signed (approver signature only),
 * waiting for the agency's văn thư to apply the organisation's signature and send it. Drafts
 * travel inside trolyso, never by mail, so nobody signs a copy twice.
 */
export const documentDrafts = sqliteTable(
  'document_drafts',
  {
    id: textId(),
    agencyCode: agencyCode(),
    approverOfficialId: text('approver_official_id').notNull(),
    fileName: text('file_name').notNull(),
    subject: text('subject'),
    sha256: text('sha256').notNull(),
    pdf: blob('pdf', { mode: 'buffer' }).notNull(),
    /** pending | issued */
    status: text('status').notNull(),
    /** the routed document, once the văn thư issued it */
    documentId: text('document_id'),
    createdAt: isoTime('created_at'),
    issuedAt: text('issued_at'),
  },
  (t) => [index('document_drafts_queue_idx').on(t.agencyCode, t.status, t.createdAt)],
)

/**
 * Images drawn in visible signatures (NĐ 30/2020, Phụ lục I): an approver's handwritten
 * signature (`owner` = `official:<id>`) and an agency's seal (`owner` = `agency:<code>`),
 * PNG with transparency, validated when uploaded; one current image per owner.
 */
export const signatureImages = sqliteTable('signature_images', {
  owner: text('owner').primaryKey(),
  /** signature | seal */
  kind: text('kind').notNull(),
  png: blob('png', { mode: 'buffer' }).notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  /** a seal's real diameter, drawn at that size */
  diameterMm: integer('diameter_mm'),
  sha256: text('sha256').notNull(),
  uploadedBy: text('uploaded_by').notNull(),
  updatedAt: isoTime('updated_at'),
})
