/**
 * The background's message handling: content scripts start consent requests, cancel their own
 * when the attachment changes, and record nudge counts; the extension's consent window reads a
 * request (with the exact bytes) and confirms or cancels it. Closing the consent window or
 * leaving the page cancels a request, and the page is told. The requesting origin always comes
 * from the browser's sender data.
 * @module
 */
import type { ApiClient } from './api-client.ts'
import { sha256Hex } from './base64.ts'
import { type ConsentStore, isExtensionPage, pageOriginOf, type SenderInfo } from './consent.ts'
import {
  type ConsentEndedMessage,
  type ConsentPrepared,
  type ConsentWindowView,
  type RouteOutcome,
  type RouteResultMessage,
  ZContentMessage,
  ZExtensionPageMessage,
} from './messages.ts'
import type { PdfHandoff } from './pdf-handoff.ts'
import { finishSigning, prepareSigning } from './sign-and-route.ts'
import type { DocumentSystemConfig } from './storage.ts'
import { CANCEL_MESSAGES } from './texts.ts'

export type RouterDeps = {
  extensionId: string
  extensionOrigin: string
  consents: ConsentStore
  /** PDF bytes content scripts handed to the extension's frame (no base64 through messaging) */
  handoff: PdfHandoff
  api: () => Promise<ApiClient>
  documentSystems: () => Promise<DocumentSystemConfig[]>
  /** @returns the id of the window opened, when the browser reports one */
  openConsentWindow: (requestId: string) => Promise<number | undefined>
  notifyTab: (tabId: number, frameId: number, message: RouteResultMessage) => Promise<void>
  /** tells an open consent window that its request ended elsewhere */
  notifyPages?: (message: ConsentEndedMessage) => Promise<void>
  syncScripts: () => Promise<unknown>
  /** whether nudge counts may be sent (Firefox: the official's optional data-collection consent) */
  countsAllowed?: () => Promise<boolean>
  log: (message: string, error?: unknown) => void
}

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error))

/** @returns a handler whose result is sent back as the message response */
export const createBackgroundRouter = (deps: RouterDeps) => {
  const finish = async (
    request: { tabId: number; frameId: number; requestId: string },
    outcome: RouteOutcome,
  ) => {
    if (request.tabId < 0) return
    await deps
      .notifyTab(request.tabId, request.frameId, {
        type: 'route-result',
        requestId: request.requestId,
        outcome,
      })
      .catch((error) => deps.log('could not notify the tab', error))
  }

  const endElsewhere = async (request: { requestId: string }, message: string) => {
    await deps.notifyPages?.({ type: 'consent-ended', requestId: request.requestId, message }).catch(() => {})
  }

  const fromExtensionPage = async (raw: unknown): Promise<unknown> => {
    const message = ZExtensionPageMessage.parse(raw)
    switch (message.type) {
      case 'consent-get': {
        const view = await deps.consents.view(message.requestId)
        if (!view) return null
        // the bytes stay in IndexedDB: the consent window reads them there
        const { pdf: _pdf, ...rest } = view
        return rest satisfies ConsentWindowView
      }
      case 'consent-cancel': {
        const request = await deps.consents.take(message.requestId)
        if (request) await finish(request, { ok: false, cancelled: true, message: 'Đã hủy.' })
        return { ok: true }
      }
      case 'consent-prepare': {
        const view = await deps.consents.view(message.requestId)
        if (!view) return { ok: false, message: 'Yêu cầu không còn hiệu lực; hãy bắt đầu lại.' }
        if (!view.pdf) return { ok: false, message: 'Chưa có tệp PDF để ký.' }
        if ((await sha256Hex(view.pdf)) !== message.sha256)
          return { ok: false, message: CANCEL_MESSAGES.hashMismatch } satisfies ConsentPrepared
        try {
          const { prepared, bytes } = await prepareSigning({
            api: await deps.api(),
            pdf: view.pdf,
            // only a queued draft is numbered and dated at issuance
            issuance: view.draftId ? (message.issuance ?? null) : null,
            remote: message.remote,
          })
          if (!(await deps.consents.attachPrepared(message.requestId, prepared, bytes)))
            return { ok: false, message: 'Yêu cầu không còn hiệu lực; hãy bắt đầu lại.' }
          return {
            ok: true,
            preparedSha256: prepared.preparedSha256,
            appearance: prepared.appearance,
            issuance: prepared.issuance,
          } satisfies ConsentPrepared
        } catch (error) {
          deps.log('signature not prepared', error)
          return { ok: false, message: errorMessage(error) } satisfies ConsentPrepared
        }
      }
      case 'consent-confirm': {
        const request = await deps.consents.take(message.requestId)
        if (!request)
          return { ok: false, cancelled: false, message: 'Yêu cầu không còn hiệu lực; hãy bắt đầu lại.' }
        // a request without a file (print path) gets the bytes the official picked in the consent
        // window, which stored them with the request; a request with a file keeps its own
        const pdf = request.sha256 !== null || message.pickedFile ? request.pdf : null
        const fileName = request.fileName ?? message.pickedFile?.name ?? 'van-ban.pdf'
        let outcome: RouteOutcome
        if (!pdf) {
          outcome = { ok: false, cancelled: false, message: 'Chưa có tệp PDF để ký.' }
        } else if ((await sha256Hex(pdf)) !== message.sha256) {
          // only the bytes the official saw (and whose hash was shown) are signed
          outcome = { ok: false, cancelled: false, message: CANCEL_MESSAGES.hashMismatch }
        } else if (!request.prepared || !request.preparedPdf) {
          outcome = { ok: false, cancelled: false, message: CANCEL_MESSAGES.notPrepared }
        } else if (
          message.preparedSha256 !== request.prepared.preparedSha256 ||
          (await sha256Hex(request.preparedPdf)) !== message.preparedSha256 ||
          message.remote !== request.prepared.remote
        ) {
          // the revision signed is the one rendered in the consent window, byte for byte
          outcome = { ok: false, cancelled: false, message: CANCEL_MESSAGES.preparedMismatch }
        } else {
          try {
            const result = await finishSigning({
              api: await deps.api(),
              prepared: request.prepared,
              bytes: request.preparedPdf,
              fileName,
              header: message.header ?? null,
              draftId: request.draftId,
              subject: request.subject,
            })
            outcome =
              result.kind === 'drafted'
                ? { ok: true, kind: 'drafted', fileName, draftId: result.draftId }
                : {
                    ok: true,
                    kind: 'routed',
                    documentId: result.sent.id,
                    signatureStatus: result.sent.signatureStatus,
                    recipients: result.sent.recipients,
                    notation: message.header?.notation ?? '',
                  }
          } catch (error) {
            deps.log('sign and route failed', error)
            outcome = { ok: false, cancelled: false, message: errorMessage(error) }
          }
        }
        await finish(request, outcome)
        return outcome
      }
      case 'draft-consent': {
        const api = await deps.api()
        const draft = (await api.listDrafts()).find((d) => d.id === message.draftId)
        if (!draft)
          return { ok: false, cancelled: false, message: 'Bản chờ phát hành không còn trong hàng chờ.' }
        const pdf = await api.draftPdf(draft.id)
        if ((await sha256Hex(pdf)) !== draft.sha256)
          return { ok: false, cancelled: false, message: CANCEL_MESSAGES.hashMismatch }
        const request = await deps.consents.create(null, deps.extensionId, {
          draft: { id: draft.id, origin: `Hàng chờ phát hành — ${draft.approverName ?? 'lãnh đạo'} đã ký` },
          fileName: draft.fileName,
          pdf,
          notation: null,
          subject: draft.subject,
          pages: null,
          signatureCount: 1,
        })
        const windowId = await deps.openConsentWindow(request.requestId)
        if (typeof windowId === 'number') await deps.consents.attachWindow(request.requestId, windowId)
        return { ok: true, requestId: request.requestId }
      }
      case 'sync-scripts':
        return { ok: true, patterns: await deps.syncScripts() }
    }
  }

  const fromContentScript = async (raw: unknown, sender: SenderInfo): Promise<unknown> => {
    const message = ZContentMessage.parse(raw)
    switch (message.type) {
      case 'page-config':
        return { documentSystems: await deps.documentSystems() }
      case 'handoff-ticket': {
        if (sender.tab?.id === undefined) throw new Error('Yêu cầu không đến từ một thẻ trình duyệt.')
        pageOriginOf(sender, deps.extensionId)
        return {
          ok: true,
          ticket: await deps.handoff.issue({ tabId: sender.tab.id, frameId: sender.frameId ?? 0 }),
        }
      }
      case 'nudge': {
        // counts only; a failure must not bother the official
        if (deps.countsAllowed && !(await deps.countsAllowed())) return { ok: true, counted: false }
        try {
          await (await deps.api()).recordNudge(message.kind, message.action)
        } catch (error) {
          deps.log('nudge count not recorded', error)
        }
        return { ok: true }
      }
      case 'start-route': {
        let pdf: Uint8Array<ArrayBuffer> | null = null
        if (message.pdfTicket) {
          pdf = await deps.handoff.take(message.pdfTicket, {
            tabId: sender.tab?.id ?? -1,
            frameId: sender.frameId ?? 0,
          })
          if (!pdf) return { ok: false, cancelled: false, message: CANCEL_MESSAGES.handoffFailed }
        }
        const request = await deps.consents.create(sender, deps.extensionId, {
          fileName: message.fileName,
          pdf,
          notation: message.notation,
          subject: message.subject,
          pages: message.pages,
          signatureCount: message.signatureCount,
        })
        const windowId = await deps.openConsentWindow(request.requestId)
        if (typeof windowId === 'number') await deps.consents.attachWindow(request.requestId, windowId)
        return { ok: true, requestId: request.requestId }
      }
      case 'cancel-route': {
        const tabId = sender.tab?.id
        const [request] = await deps.consents.takeWhere(
          (r) => r.requestId === message.requestId && r.tabId === tabId,
        )
        if (request) {
          const text = CANCEL_MESSAGES.attachmentChanged
          await finish(request, { ok: false, cancelled: true, message: text })
          await endElsewhere(request, text)
        }
        return { ok: true, cancelled: request !== undefined }
      }
    }
  }

  /** the consent window was closed without an answer */
  const windowClosed = async (windowId: number) => {
    for (const request of await deps.consents.takeByWindow(windowId)) {
      await finish(request, { ok: false, cancelled: true, message: CANCEL_MESSAGES.windowClosed })
    }
  }

  /** the requesting tab closed or started loading another page: nobody waits for the result */
  const tabLeft = async (tabId: number) => {
    for (const request of await deps.consents.takeByTab(tabId)) {
      await endElsewhere(request, CANCEL_MESSAGES.tabLeft)
    }
  }

  const handle = async (raw: unknown, sender: SenderInfo): Promise<unknown> => {
    try {
      if (isExtensionPage(sender, deps.extensionId, deps.extensionOrigin)) return await fromExtensionPage(raw)
      return await fromContentScript(raw, sender)
    } catch (error) {
      return { ok: false, cancelled: false, message: errorMessage(error) }
    }
  }
  return Object.assign(handle, { windowClosed, tabLeft })
}
