/**
 * When an attached PDF turns out to be image-only (a scan of paper), asks for the original
 * electronic document and states the legal minimum for scans.
 * @module
 */
import { scanMeetsMinimum } from '../utils/pdf-detect.ts'
import { texts } from '../utils/texts.ts'
import type { Feature } from './types.ts'

export const scannedPaperNudge: Feature = {
  id: 'scanned-paper-nudge',
  init: (context) => {
    context.attachments.onAdded(
      context.guard('scanned-paper-nudge', async (attachment) => {
        if (!attachment.classification.scanned || (await context.isMuted('scanned_paper'))) return
        context.count('scanned_paper', 'shown')
        context.stats.lastNudgeAt = performance.now()
        const images = attachment.classification.images
        const choice = await context.card.show({
          kind: 'scanned_paper',
          title: texts.scannedTitle,
          lines: texts.scannedLines(attachment.name, images, scanMeetsMinimum(images)),
          primary: texts.scannedAccept,
          secondary: texts.scannedOverride,
          mutable: true,
        })
        if (choice === 'primary') context.count('scanned_paper', 'accepted')
        else if (choice === 'secondary') context.count('scanned_paper', 'overridden')
        else if (choice === 'mute') await context.mute('scanned_paper')
      }),
    )
  },
}
