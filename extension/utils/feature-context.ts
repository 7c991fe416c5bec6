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
import { CONSENT_TTL_MS } from './consent.ts'
import type { DocumentNumber } from './document-number.ts'
import type { ContentMessage, RouteOutcome, RouteResultMessage } from './messages.ts'
import { isMuted, muteKey, muteThread } from './mutes.ts'
import { postToHandoffFrame } from './pdf-handoff.ts'
import type { DocumentSystemConfig } from './storage.ts'
import { CANCEL_MESSAGES } from './texts.ts'

/**
 * Hands the bytes to the extension (utils/pdf-handoff.ts): a ticket from the background, the
 * bytes posted to the extension's frame. @returns the ticket, or null when the hand-off failed
 */
const handOff = async (
  doc: Document,
  send: (message: ContentMessage) => Promise<unknown>,
  file: Blob,
): Promise<{ ticket: string; release: () => void } | null> => {
  const answer = (await send({ type: 'handoff-ticket' })) as { ok?: boolean; ticket?: string } | undefined
  if (!answer?.ok || !answer.ticket) return null
  const { release } = await postToHandoffFrame({
    doc,
    frameUrl: browser.runtime.getURL('/handoff.html'),
    ticket: answer.ticket,
    file,
  })
  return { ticket: answer.ticket, release }
}

export type FeatureContextOptions = {
  ctx: ContentScriptContext
  maxPdfBytes: number
  documentSystems: DocumentSystemConfig[]
  logError: (id: string, error: unknown) => void
  /** how long the page waits for the official's answer before giving up (the background's limit + margin) */
  consentTimeoutMs?: number
}

export const CONSENT_TIMEOUT_MESSAGE =
  'Hết thời gian chờ xác nhận trong cửa sổ Trợ lý số; yêu cầu ký đã bị hủy. Hãy bấm gửi lại nếu vẫn cần ký.'

export const createFeatureContext = ({
  ctx,
  maxPdfBytes,
  documentSystems,
  logError,
  consentTimeoutMs = CONSENT_TTL_MS + 30_000,
}: FeatureContextOptions): FeatureContext => {
  const doc = document
  const send = (message: ContentMessage) => browser.runtime.sendMessage(message) as Promise<unknown>
  const waiting = new Map<string, (outcome: RouteOutcome) => void>()
  const settle = (requestId: string, outcome: RouteOutcome) => {
    const resolve = waiting.get(requestId)
    waiting.delete(requestId)
    resolve?.(outcome)
  }
  browser.runtime.onMessage.addListener((message: unknown) => {
    const result = message as RouteResultMessage
    if (result?.type !== 'route-result') return
    settle(result.requestId, result.outcome)
  })

  let numberProvider: () => DocumentNumber | null = () => null
  const adapter = () => pickAdapter(doc, documentSystems)
  const keyFor = (kind: string) => muteKey(location.origin, adapter().threadKey(doc), kind)

  return {
    ctx,
    doc,
    win: window,
    adapter,
    maxPdfBytes,
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
      let handed: Awaited<ReturnType<typeof handOff>> = null
      if (attachment) {
        try {
          handed = await handOff(doc, send, attachment.file)
        } catch (error) {
          logError('pdf-handoff', error)
        }
        if (!handed) return { ok: false, cancelled: false, message: CANCEL_MESSAGES.handoffFailed }
      }
      const answer = (await send({
        type: 'start-route',
        kind,
        fileName: attachment?.name ?? null,
        pdfTicket: handed?.ticket ?? null,
        notation: number?.notation ?? null,
        subject: page.subject(doc).slice(0, 500) || null,
        pages: attachment?.classification.pages ?? null,
        signatureCount: attachment?.classification.signatureCount ?? null,
      }).finally(() => handed?.release())) as { ok: boolean; requestId?: string; message?: string }
      if (!answer?.ok || !answer.requestId) {
        return { ok: false, cancelled: false, message: answer?.message ?? 'Không mở được cửa sổ ký số.' }
      }
      const requestId = answer.requestId
      return new Promise<RouteOutcome>((resolve) => {
        // the page never waits forever, whatever happens to the background or the window
        const timer = setTimeout(
          () => settle(requestId, { ok: false, cancelled: true, message: CONSENT_TIMEOUT_MESSAGE }),
          consentTimeoutMs,
        )
        waiting.set(requestId, (outcome) => {
          clearTimeout(timer)
          resolve(outcome)
        })
      })
    },
    cancelPendingRoutes: () => {
      for (const requestId of [...waiting.keys()]) {
        send({ type: 'cancel-route', requestId, reason: 'attachment-changed' }).catch((error) =>
          logError('cancel-route', error),
        )
        settle(requestId, { ok: false, cancelled: true, message: CANCEL_MESSAGES.attachmentChanged })
      }
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
