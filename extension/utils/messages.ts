/**
 * Messages between the content script, the extension's own pages and the background,
 * validated at the background's edge. Content scripts may only start a request, record a
 * nudge count or read their page configuration; consent can only be given from an extension page.
 * @module
 */
import { z } from 'zod'
import { NUDGE_ACTIONS, NUDGE_KINDS, ZDocumentHeader } from '../../contracts/documents.ts'

const ZNudgeKind = z.enum(NUDGE_KINDS)

/** The header a page may ask to route with: the API's own contract, without `allowUnsigned` (only the official decides that). */
export const ZRouteHeader = ZDocumentHeader.omit({ allowUnsigned: true })

export const ZContentMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('nudge'),
    kind: ZNudgeKind,
    action: z.enum(NUDGE_ACTIONS),
  }),
  z.object({ type: z.literal('page-config') }),
  /** a single-use ticket for handing a PDF's bytes to the extension's frame (utils/pdf-handoff.ts) */
  z.object({ type: z.literal('handoff-ticket') }),
  z.object({
    type: z.literal('start-route'),
    kind: ZNudgeKind,
    fileName: z.string().max(300).nullable(),
    /**
     * the ticket under which the extension's frame stored the PDF's bytes (no base64 through
     * messaging); null when the official will pick the file in the extension's window (print path)
     */
    pdfTicket: z.uuid().nullable(),
    notation: z.string().max(100).nullable(),
    subject: z.string().max(500).nullable(),
    pages: z.number().int().positive().nullable(),
    signatureCount: z.number().int().min(0).nullable(),
    /** ignored: the origin always comes from the browser's sender information */
    origin: z.unknown().optional(),
  }),
  /** the page's attachments changed after the official acted: the bytes shown may no longer be meant */
  z.object({
    type: z.literal('cancel-route'),
    requestId: z.string(),
    reason: z.enum(['attachment-changed']),
  }),
])

const ZSha256 = z.string().regex(/^[0-9a-f]{64}$/)

export const ZExtensionPageMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('consent-get'), requestId: z.string() }),
  /**
   * the consent window asks the server to prepare the signature of the file it shows (hash
   * `sha256`); the prepared revision (stamp, appearance) is stored for the window to render
   */
  z.object({
    type: z.literal('consent-prepare'),
    requestId: z.string(),
    sha256: ZSha256,
    /** issuing a queued draft: the number/notation and date to stamp on page 1 */
    issuance: z.object({ notation: z.string().min(1).max(100), date: z.iso.date() }).optional(),
    remote: z.boolean().default(false),
  }),
  z.object({
    type: z.literal('consent-confirm'),
    requestId: z.string(),
    /** absent when the official is a leader who only signs */
    header: ZRouteHeader.optional(),
    remote: z.boolean().default(false),
    /** the SHA-256 the consent window computed from the bytes it showed: signing refuses other bytes */
    sha256: ZSha256,
    /** the SHA-256 the consent window computed from the prepared revision it rendered: only it is signed */
    preparedSha256: ZSha256,
    /**
     * only when the request came without a file (print path): the name of the file the official
     * picked; the consent window stored its bytes with the request (IndexedDB)
     */
    pickedFile: z.object({ name: z.string().max(300) }).optional(),
  }),
  z.object({ type: z.literal('consent-cancel'), requestId: z.string() }),
  /** the văn thư opens a queued draft from the popup: consent (with preview) for that draft */
  z.object({ type: z.literal('draft-consent'), draftId: z.string().min(1).max(64) }),
  z.object({ type: z.literal('sync-scripts') }),
])

export type ContentMessage = z.infer<typeof ZContentMessage>
export type ExtensionPageMessage = z.infer<typeof ZExtensionPageMessage>
export type RouteHeader = z.infer<typeof ZRouteHeader>

/** What the consent window shows; everything here was computed by the background. */
export type ConsentView = {
  requestId: string
  origin: string
  fileName: string | null
  sha256: string | null
  notation: string | null
  subject: string | null
  typeName: string | null
  codeNumber: string | null
  pages: number | null
  /** signatures already in the file, as the content script counted them */
  signatureCount: number | null
  /** a queued draft the văn thư issues from the popup (no page, no tab) */
  draftId: string | null
}

/**
 * The consent-get answer. The exact bytes to be signed are not in it: the consent window reads
 * them from the extension's IndexedDB (utils/consent-persistence.ts), renders and hashes them.
 */
export type ConsentWindowView = ConsentView

/** The consent-prepare answer: the prepared revision's bytes are in IndexedDB (`preparedKey`). */
export type ConsentPrepared =
  | {
      ok: true
      preparedSha256: string
      appearance: { visible: boolean; note: string | null } | null
      issuance: { notation: string; date: string } | null
    }
  | { ok: false; message: string }

/** Background → extension pages: a request ended without the consent window (closed tab, changed file). */
export type ConsentEndedMessage = { type: 'consent-ended'; requestId: string; message: string }

export type RouteOutcome =
  | {
      ok: true
      kind: 'routed'
      documentId: string
      signatureStatus: string
      recipients: Array<{ agencyCode: string; status: string }>
      notation: string
    }
  /** the leader signed; the draft waits in the agency's "chờ phát hành" queue for the văn thư */
  | { ok: true; kind: 'drafted'; fileName: string; draftId: string }
  | { ok: false; cancelled: boolean; message: string }

/** Background → content script, once the official confirmed or cancelled. */
export type RouteResultMessage = { type: 'route-result'; requestId: string; outcome: RouteOutcome }
