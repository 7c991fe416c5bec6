/**
 * Ctrl/Cmd+P and the page's own `window.print()` (relayed by the main-world print guard)
 * offer the electronic path first; "Vẫn in" prints as before.
 * @module
 */
import { findPagePdf } from '../utils/find-page-pdf.ts'
import { signatureState } from '../utils/pdf-detect.ts'
import { PRINT_REQUEST_EVENT } from '../utils/print-events.ts'
import { texts } from '../utils/texts.ts'
import type { Feature, FeatureContext } from './types.ts'

const ID = 'print-nudge'

const offer = async (context: FeatureContext) => {
  const { card, count, win } = context
  if (await context.isMuted('print')) return win.print()
  count('print', 'shown')
  context.stats.lastNudgeAt = performance.now()
  const choice = await card.show({
    kind: 'print',
    title: texts.printTitle,
    lines: texts.printLines,
    primary: texts.printAccept,
    secondary: texts.printAnyway,
    mutable: true,
    muteLabel: texts.mutePage,
  })
  if (choice === 'secondary') {
    count('print', 'overridden')
    // the isolated world's window.print is the browser's own, not the page-patched one
    win.print()
    return
  }
  if (choice === 'mute') return context.mute('print')
  if (choice !== 'primary') return
  count('print', 'accepted')
  const page = context.adapter()
  const attached = context.attachments
    .current(page.attachmentNames(context.doc))
    .find((a) => signatureState(a.classification) !== 'complete')
  card.status('route-waiting', texts.waitingTitle, texts.waitingLines)
  // the document being printed, when the page shows it as a PDF; otherwise the official picks it
  const pdf = attached ?? (await findPagePdf({ doc: context.doc, maxBytes: context.maxPdfBytes }))
  const outcome = await context.startRoute('print', pdf ?? null)
  card.status(
    outcome.ok ? 'route-done' : 'route-failed',
    texts.outcomeTitle(outcome),
    texts.outcomeLines(outcome),
  )
}

export const printNudge: Feature = {
  id: ID,
  init: (context) => {
    const { ctx, doc, win, guard } = context
    ctx.addEventListener(
      win,
      'keydown',
      guard(ID, (event: KeyboardEvent) => {
        if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'p') {
          event.preventDefault()
          event.stopImmediatePropagation()
          void offer(context)
        }
      }),
      { capture: true },
    )
    ctx.addEventListener(
      doc,
      PRINT_REQUEST_EVENT,
      guard(ID, (event: Event) => {
        event.preventDefault()
        void offer(context)
      }),
    )
  },
}
