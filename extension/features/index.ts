/**
 * The features, in the order they start. Each runs isolated: an exception is logged once
 * with its id and neither stops the other features nor reaches the host page.
 * @module
 */
import { attachmentWatch } from './attachment-watch.ts'
import { documentNumberPrefill } from './document-number-prefill.ts'
import { printNudge } from './print-nudge.ts'
import { scannedPaperNudge } from './scanned-paper-nudge.ts'
import type { Feature, FeatureContext } from './types.ts'
import { unsignedAttachmentNudge } from './unsigned-attachment-nudge.ts'

export const features: readonly Feature[] = [
  attachmentWatch,
  documentNumberPrefill,
  scannedPaperNudge,
  unsignedAttachmentNudge,
  printNudge,
]

/** @returns ids of the features that failed to start */
export const startFeatures = async (
  list: readonly Feature[],
  context: FeatureContext,
  logError: (id: string, error: unknown) => void,
): Promise<string[]> => {
  const failed: string[] = []
  await Promise.all(
    list.map(async (feature) => {
      try {
        await feature.init(context)
      } catch (error) {
        failed.push(feature.id)
        logError(feature.id, error)
      }
    }),
  )
  return failed
}
