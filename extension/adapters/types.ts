/**
 * What a webmail or document-management screen must tell the features: where the send
 * control is, which attachments are listed, the subject, body and document number, and a key
 * naming the current thread (for per-thread mutes). Adapters only read the host's DOM.
 * @module
 */

export type PageAdapter = {
  id: string
  /** whether this adapter understands the current page */
  detect: (doc: Document) => boolean
  /** the send control, if `el` is it or lies inside it */
  sendControlOf: (el: Element) => HTMLElement | null
  /** the send control of the compose screen, for re-sending after "Vẫn gửi" */
  sendControl: (doc: Document) => HTMLElement | null
  /** names shown in the attachment list; empty when the list is not found */
  attachmentNames: (doc: Document) => string[]
  /**
   * Whether the attachment list is on screen and complete (no upload still in progress), so
   * a file it does not name is no longer attached, even when it names none. Without it, only
   * a non-empty list counts.
   */
  attachmentListComplete?: (doc: Document) => boolean
  subject: (doc: Document) => string
  bodyText: (doc: Document) => string
  /** the document number field's value (document systems only) */
  documentNumber: (doc: Document) => string
  threadKey: (doc: Document) => string
}

const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim()

export const fieldValue = (el: Element | null): string => {
  if (!el) return ''
  if (
    el instanceof HTMLInputElement ||
    el instanceof HTMLTextAreaElement ||
    el instanceof HTMLSelectElement
  ) {
    return el.value
  }
  return text(el)
}

/** Names listed under the matched elements: explicit name nodes first, else each item's text. */
export const namesIn = (doc: Document, itemSelector: string, nameSelector?: string): string[] =>
  Array.from(doc.querySelectorAll(itemSelector), (item) =>
    text(nameSelector ? (item.querySelector(nameSelector) ?? item) : item),
  ).filter((name) => name !== '')

const closestMatch = (el: Element, selector: string): HTMLElement | null => {
  const found = el.closest(selector)
  return found instanceof HTMLElement ? found : null
}

/** How an adapter finds its send control when one selector matches it. */
export const sendControlMatching = (
  selector: string,
): Pick<PageAdapter, 'sendControlOf' | 'sendControl'> => ({
  sendControlOf: (el) => closestMatch(el, selector),
  sendControl: (doc) => doc.querySelector<HTMLElement>(selector),
})
