/**
 * Notices files the official attaches (file inputs and drag-and-drop, seen in the capture
 * phase before the page uploads them) and forgets files the page no longer lists (while an
 * upload is in progress, the page's list is not complete and nothing is forgotten). Only the
 * official's own actions (`event.isTrusted`) add a file; any change of attachments, trusted
 * or not, cancels a signing request still waiting for consent (the bytes shown there must be
 * the bytes the official meant).
 * @module
 */
import type { Feature } from './types.ts'

export const attachmentWatch: Feature = {
  id: 'attachment-watch',
  init: ({ ctx, doc, win, attachments, adapter, stats, guard, cancelPendingRoutes }) => {
    ctx.addEventListener(
      doc,
      'change',
      guard('attachment-watch', (event: Event) => {
        const input = event.target
        if (!(input instanceof HTMLInputElement) || input.type !== 'file') return
        cancelPendingRoutes()
        if (event.isTrusted && input.files) void attachments.addFiles(input.files)
      }),
      { capture: true },
    )
    ctx.addEventListener(
      win,
      'drop',
      guard('attachment-watch', (event: DragEvent) => {
        if (!event.dataTransfer?.files.length) return
        cancelPendingRoutes()
        if (event.isTrusted) void attachments.addFiles(event.dataTransfer.files)
      }),
      { capture: true },
    )
    // cost per mutation batch is what bench/extension.ts measures: stay cheap when nothing is attached
    const observer = new MutationObserver(
      guard('attachment-watch', (records: MutationRecord[]) => {
        const started = performance.now()
        if (attachments.size > 0 && records.some((r) => r.removedNodes.length > 0)) {
          const page = adapter()
          const listed = page.attachmentNames(doc)
          // an empty list means "nothing attached" only where the adapter can tell it is complete
          if (page.attachmentListComplete?.(doc) ?? listed.length > 0) {
            const kept = new Set(listed.length > 0 ? attachments.current(listed).map((a) => a.name) : [])
            for (const a of attachments.current([])) {
              if (kept.has(a.name)) continue
              attachments.remove(a.name)
              cancelPendingRoutes()
            }
          }
        }
        const spent = performance.now() - started
        stats.batches++
        stats.totalMs += spent
        stats.maxMs = Math.max(stats.maxMs, spent)
        if (stats.recentMs.push(spent) > 1000) stats.recentMs.shift()
      }),
    )
    observer.observe(doc, { childList: true, subtree: true })
    ctx.onInvalidated(() => observer.disconnect())
  },
}
