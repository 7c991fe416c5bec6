/**
 * The order test files start in: vitest hands files to its workers from one queue, so a long
 * file that starts last keeps one worker busy while the other idles. Files known to be long
 * (seconds from a clean-clone run, setup included) go first, the rest after them. Vitest's own
 * rules stay: groups and isolated projects before shared ones, and durations from a previous run
 * on this machine (vitest's results cache) take precedence over the table.
 * @module
 */
import { relative } from 'node:path'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

/** Seconds each file took on the 2-core machine (first test's setup to last test's end). */
export const KNOWN_SECONDS: Record<string, number> = {
  'tests/extension/roundcube/roundcube.test.ts': 45,
  'tests/api/start-workers.test.ts': 37,
  'tests/extension/e2e/webmail.test.ts': 29,
  'tests/api/documents/frozen-documents.test.ts': 27,
  'tests/extension/e2e/leader-to-clerk.test.ts': 25,
  'tests/extension/e2e/large-pdf.test.ts': 21,
  'tests/knowledge/scripts/import.test.ts': 20,
  'tests/extension/e2e/consent-prepared-preview.test.ts': 19,
  'tests/api/documents/crash-recovery.test.ts': 18,
  'tests/api/staff/notices.test.ts': 17,
  'tests/api/documents/scripts.test.ts': 15,
  'tests/api/staff/import.browser.test.ts': 16,
  'tests/api/staff/console.browser.test.ts': 14,
  'tests/extension/e2e/consent-integrity.test.ts': 14,
  'tests/extension/utils/sign-and-route.test.ts': 13,
  'tests/extension/e2e/worker-restart.test.ts': 13,
  'tests/api/staff/vocabulary.browser.test.ts': 12.5,
  'tests/api/read-only-data-dir.test.ts': 11,
  'tests/abuse/abuse.test.ts': 11,
  'tests/api/staff/import.test.ts': 10.5,
  'tests/api/staff/handoff.browser.test.ts': 10.5,
  'tests/extension/e2e/signature-image-options.test.ts': 10.3,
  'tests/api/first-start.test.ts': 10,
  'tests/bot/web/chat-replies.browser.test.ts': 9.4,
  'tests/extension/e2e/remote-signing-offer.test.ts': 9.2,
  'tests/bot/web/chat-page.browser.test.ts': 8.6,
  'tests/api/documents/documents.test.ts': 8.5,
  'tests/knowledge/procedures/import-procedures.test.ts': 8.2,
  'tests/api/routes/shared-rate-limits.test.ts': 7,
  'tests/api/staff/staff-access.test.ts': 7.2,
  'tests/api/documents/issuance-stamp.test.ts': 7.1,
  'tests/api/remote-database.test.ts': 6.8,
  'tests/bot/web/chat-intents.browser.test.ts': 6.6,
  'tests/api/documents/transparency-page.test.ts': 6.6,
  'tests/knowledge/answer/answer-snapshot.test.ts': 6.2,
  'tests/knowledge/knowledge-base-rebuild.test.ts': 6,
  'tests/api/several-processes-limits.test.ts': 6,
  'tests/api/primary-memory.test.ts': 6,
}

export class LongestFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files)
    const root = this.ctx.config.root
    const seconds = (spec: TestSpecification) =>
      (this.ctx.cache.getTestSpecificationResult(spec)?.duration ?? 0) / 1000 ||
      KNOWN_SECONDS[relative(root, spec.moduleId)] ||
      0
    // the groups vitest's order keeps: group order, then isolated before shared
    const group = (spec: TestSpecification) =>
      [spec.project.config.sequence.groupOrder, spec.project.config.isolate ? 0 : 1] as const
    const position = new Map(sorted.map((spec, i) => [spec, i]))
    return sorted.toSorted((a, b) => {
      const [ga, ia] = group(a)
      const [gb, ib] = group(b)
      if (ga !== gb) return ga - gb
      if (ia !== ib) return ia - ib
      return seconds(b) - seconds(a) || position.get(a)! - position.get(b)!
    })
  }
}
