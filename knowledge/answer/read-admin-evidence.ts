/**
 * A message's evidence of public administration (`findAdminEvidence`), worked out at most once:
 * classifying a message and then deciding whether the records hold it read the same evidence of the
 * same question, so an answer passes one reader to both instead of searching the message twice.
 * @module
 */
import {
  type AdminEvidence,
  type FindAdminEvidenceOptions,
  findAdminEvidence,
} from './find-admin-evidence.ts'

/** The evidence of one message, computed the first time it is asked for. */
export type AdminEvidenceReader = () => AdminEvidence | null

/**
 * @returns a reader of the evidence `findAdminEvidence(options)` finds, which computes it on its first call only
 * @example const evidence = createAdminEvidenceReader({ query, synonyms, wordShare, topics }); evidence() === evidence()
 */
export const createAdminEvidenceReader = (
  options: FindAdminEvidenceOptions & {
    /**
     * Whether one procedure's name holds the whole message (names-one-record.ts), asked only when nothing
     * else is evidence: its rare pairs are the records' words then, as a pair several names hold is.
     */
    named?: () => boolean
  },
): AdminEvidenceReader => {
  let found: AdminEvidence | null | undefined
  return () => {
    if (found === undefined) found = findAdminEvidence(options) ?? (options.named?.() ? 'pair' : null)
    return found
  }
}
