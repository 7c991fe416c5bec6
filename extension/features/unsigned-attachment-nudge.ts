/**
 * Stops a send (click, Enter/Space on the send control, Ctrl/Cmd+Enter while composing) that
 * carries a PDF without both signatures Nghị định 30/2020 asks for (none, or the leader's
 * only), and offers signing and routing first; "Vẫn gửi" lets the mail go.
 * @module
 */
import { signatureState } from '../utils/pdf-detect.ts'
import { texts } from '../utils/texts.ts'
import type { Feature, FeatureContext } from './types.ts'

const ID = 'unsigned-attachment-nudge'

const isEditing = (el: EventTarget | null): boolean =>
  el instanceof HTMLElement &&
  (el.isContentEditable || el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement)

export const unsignedAttachmentNudge: Feature = {
  id: ID,
  init: (context: FeatureContext) => {
    const { ctx, doc, win, adapter, attachments, card, count, guard } = context
    let bypass = false

    const letMailGo = (control: HTMLElement | null) => {
      const target = control ?? adapter().sendControl(doc)
      if (!target) return
      bypass = true
      try {
        target.click()
      } finally {
        bypass = false
      }
    }

    const decide = async (control: HTMLElement | null) => {
      await attachments.settled()
      const page = adapter()
      const unsigned = attachments
        .current(page.attachmentNames(doc))
        .filter((a) => signatureState(a.classification) !== 'complete')
      if (unsigned.length === 0 || (await context.isMuted('unsigned_attachment'))) return letMailGo(control)
      const number = context.documentNumber()
      const files = unsigned.map((a) => ({
        name: a.name,
        leaderSigned: signatureState(a.classification) === 'leader',
      }))
      count('unsigned_attachment', 'shown')
      context.stats.lastNudgeAt = performance.now()
      const choice = await card.show({
        kind: 'unsigned_attachment',
        title: texts.unsignedTitle(files),
        lines: texts.unsignedLines(files, number?.notation ?? null),
        primary: texts.signAndRoute,
        secondary: texts.sendAnyway,
        mutable: true,
      })
      if (choice === 'secondary') {
        count('unsigned_attachment', 'overridden')
        return letMailGo(control)
      }
      if (choice === 'mute') return context.mute('unsigned_attachment')
      if (choice !== 'primary') return
      count('unsigned_attachment', 'accepted')
      card.status('route-waiting', texts.waitingTitle, texts.waitingLines)
      const outcome = await context.startRoute('unsigned_attachment', unsigned[0] ?? null)
      card.status(
        outcome.ok ? 'route-done' : 'route-failed',
        texts.outcomeTitle(outcome),
        texts.outcomeLines(outcome),
      )
    }

    // decides synchronously whether to hold the send; the (async) rest happens after
    const intercept = (event: Event, control: HTMLElement | null) => {
      if (bypass || (attachments.size === 0 && !attachments.busy)) return
      event.preventDefault()
      event.stopImmediatePropagation()
      void decide(control).catch((error) => console.error('[trolyso]', ID, error))
    }

    ctx.addEventListener(
      win,
      'click',
      guard(ID, (event: MouseEvent) => {
        if (!(event.target instanceof Element)) return
        const control = adapter().sendControlOf(event.target)
        if (control) intercept(event, control)
      }),
      { capture: true },
    )
    ctx.addEventListener(
      win,
      'keydown',
      guard(ID, (event: KeyboardEvent) => {
        if (bypass || !(event.target instanceof Element)) return
        const onControl = adapter().sendControlOf(event.target)
        if (onControl && (event.key === 'Enter' || event.key === ' ') && !event.ctrlKey && !event.metaKey) {
          intercept(event, onControl)
        } else if (
          event.key === 'Enter' &&
          (event.ctrlKey || event.metaKey) &&
          (onControl || isEditing(event.target))
        ) {
          intercept(event, onControl ?? adapter().sendControl(doc))
        }
      }),
      { capture: true },
    )
  },
}
