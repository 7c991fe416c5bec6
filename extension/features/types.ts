/**
 * What every feature receives: the page, its adapter, the attachments seen, the nudge card and
 * the channel to the background. Features share nothing else.
 * @module
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context'
import type { NudgeAction, NudgeKind } from '../../contracts/documents.ts'
import type { PageAdapter } from '../adapters/types.ts'
import type { NudgeCard } from '../components/nudge-card.ts'
import type { Attachment, AttachmentRegistry } from '../utils/attachments.ts'
import type { DocumentNumber } from '../utils/document-number.ts'
import type { RouteOutcome } from '../utils/messages.ts'

export type ContentStats = {
  batches: number
  totalMs: number
  maxMs: number
  /** the latest per-batch costs (bounded), for percentiles in bench/extension.ts */
  recentMs: number[]
  lastNudgeAt: number | null
}

export type FeatureContext = {
  ctx: ContentScriptContext
  doc: Document
  win: Window
  /** the adapter for the page as it is now (single-page apps change screens) */
  adapter: () => PageAdapter
  attachments: AttachmentRegistry
  /** largest PDF the extension reads (attachments, a PDF shown on the page) */
  maxPdfBytes: number
  card: NudgeCard
  /** counts only, never content */
  count: (kind: NudgeKind, action: NudgeAction) => void
  /** opens the extension's consent window and resolves once the official confirmed or cancelled */
  startRoute: (kind: NudgeKind, attachment: Attachment | null) => Promise<RouteOutcome>
  /** the attachments changed: requests still waiting for consent are cancelled (page and background) */
  cancelPendingRoutes: () => void
  isMuted: (kind: NudgeKind) => Promise<boolean>
  mute: (kind: NudgeKind) => Promise<void>
  /** set by the document-number feature; null until then or when none is found */
  documentNumber: () => DocumentNumber | null
  setDocumentNumberProvider: (provider: () => DocumentNumber | null) => void
  stats: ContentStats
  /** wraps an event handler so an exception is logged once under the feature's id */
  guard: <A extends unknown[]>(id: string, handler: (...args: A) => unknown) => (...args: A) => void
}

export type Feature = {
  id: string
  init: (context: FeatureContext) => void | Promise<void>
}
