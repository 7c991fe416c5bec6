/**
 * Builds the context the content-script features share: adapter selection, the attachment
 * registry, the nudge card, mutes, counts and the consent round trip with the background.
 * @module
 */
import { browser } from 'wxt/browser'
import type { ContentScriptContext } from 'wxt/utils/content-script-context'
import { pickAdapter } from '../adapters/index.ts'
import { createNudgeCard } from '../components/nudge-card.ts'
import type { FeatureContext } from '../features/types.ts'
import { createAttachmentRegistry } from './attachments.ts'
import { bytesToBase64 } from './base64.ts'
import type { DocumentNumber } from './document-number.ts'
import type { ContentMessage, RouteOutcome, RouteResultMessage } from './messages.ts'
import { isMuted, muteKey, muteThread } from './mutes.ts'
import type { DocumentSystemConfig } from './storage.ts'

export type FeatureContextOptions = {
  ctx: ContentScriptContext
  maxPdfBytes: number
  documentSystems: DocumentSystemConfig[]
  logError: (id: string, error: unknown) => void
}

export const createFeatureContext = ({
  ctx,
  maxPdfBytes,
  documentSystems,
  logError,
}: FeatureContextOptions): FeatureContext => {
  const doc = document
  const send = (message: ContentMessage) => browser.runtime.sendMessage(message) as Promise<unknown>
  const waiting = new Map<string, (outcome: RouteOutcome) => void>()
  browser.runtime.onMessage.addListener((message: unknown) => {
    const result = message as RouteResultMessage
    if (result?.type !== 'route-result') return
    waiting.get(result.requestId)?.(result.outcome)
    waiting.delete(result.requestId)
  })

  let numberProvider: () => DocumentNumber | null = () => null
  const adapter = () => pickAdapter(doc, documentSystems)
  const keyFor = (kind: string) => muteKey(location.origin, adapter().threadKey(doc), kind)

  return {
    ctx,
    doc,
    win: window,
    adapter,
    attachments: createAttachmentRegistry({
      maxBytes: maxPdfBytes,
      onError: (_name, error) => logError('attachment-read', error),
    }),
    card: createNudgeCard(doc),
    count: (kind, action) => {
      send({ type: 'nudge', kind, action }).catch((error) => logError('count', error))
    },
    startRoute: async (kind, attachment) => {
      const page = adapter()
      const number = numberProvider()
      const answer = (await send({
        type: 'start-route',
        kind,
        fileName: attachment?.name ?? null,
        pdfBase64: attachment ? bytesToBase64(attachment.bytes) : null,
        notation: number?.notation ?? null,
        subject: page.subject(doc).slice(0, 500) || null,
        pages: attachment?.classification.pages ?? null,
        signatureCount: attachment?.classification.signatureCount ?? null,
      })) as { ok: boolean; requestId?: string; message?: string }
      if (!answer?.ok || !answer.requestId) {
        return { ok: false, cancelled: false, message: answer?.message ?? 'Không mở được cửa sổ ký số.' }
      }
      const requestId = answer.requestId
      return new Promise<RouteOutcome>((resolve) => waiting.set(requestId, resolve))
    },
    isMuted: (kind) => isMuted(keyFor(kind)),
    mute: (kind) => muteThread(keyFor(kind)),
    documentNumber: () => numberProvider(),
    setDocumentNumberProvider: (provider) => {
      numberProvider = provider
    },
    stats: { batches: 0, totalMs: 0, maxMs: 0, recentMs: [], lastNudgeAt: null },
    guard: (id, handler) => {
      return (...args) => {
        try {
          const result = handler(...args)
          if (result instanceof Promise) result.catch((error: unknown) => logError(id, error))
        } catch (error) {
          logError(id, error)
        }
      }
    },
  }
}
