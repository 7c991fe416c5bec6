/**
 * The hidden frame a content script opens to hand PDF bytes to the background without base64
 * (see utils/pdf-handoff.ts): stores the bytes under the ticket the content script names, if
 * the background issued it, and answers on the port it was given.
 * @module
 */
import { getAppConfig } from 'wxt/utils/app-config'
import { browserHandoffPersistence, createPdfHandoff, type HandoffPost } from '../../utils/pdf-handoff.ts'

const handoff = createPdfHandoff({
  persistence: browserHandoffPersistence(),
  maxBytes: getAppConfig().maxPdfBytes,
})

window.addEventListener('message', (event: MessageEvent<HandoffPost>) => {
  const port = event.ports[0]
  if (!port || event.source !== window.parent) return
  const { type, ticket, file } = event.data ?? {}
  if (type !== 'trolyso-pdf-handoff' || typeof ticket !== 'string' || !(file instanceof Blob)) {
    port.postMessage({ ok: false })
    return
  }
  handoff
    .accept(ticket, file)
    .then((ok) => port.postMessage({ ok }))
    .catch((error: unknown) => port.postMessage({ ok: false, error: String(error) }))
})
