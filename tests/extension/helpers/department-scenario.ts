/**
 * The departments and the leader most browser tests start from, on top of `startScenario`.
 * @module
 */
import { type Official, type Scenario, startScenario } from './extension-scenario.ts'

/** The sending department of the browser tests (a Sở Tư pháp) and the receiving one (a Sở Nội vụ). */
export const SENDER = '000.00.01.H56'
export const RECIPIENT = '000.00.02.H56'

/** A scenario with the sending department's leader. */
export type DepartmentScenario = Scenario & { leader: Official }

/**
 * The scenario most browser tests start from: the Sở Tư pháp of `place` registered as `SENDER` (and,
 * with `recipient`, the Sở Nội vụ of the same place as `RECIPIENT`), and the Sở Tư pháp's leader, an
 * approver named `leaderName`.
 * @param dirPrefix the scratch folder's name prefix and `pdfs` the fixture server's PDFs, as for `startScenario`
 */
export const startDepartmentScenario = async ({
  dirPrefix,
  place = 'tỉnh Hà Nam',
  leaderName = 'Nguyễn Văn Lãnh',
  recipient = false,
  pdfs = {},
}: {
  dirPrefix: string
  place?: string
  leaderName?: string
  recipient?: boolean
  pdfs?: Record<string, Uint8Array>
}): Promise<DepartmentScenario> => {
  const agencies: [string, string][] = [[SENDER, `Sở Tư pháp ${place}`]]
  if (recipient) agencies.push([RECIPIENT, `Sở Nội vụ ${place}`])
  const s = await startScenario({ agencies, dirPrefix, pdfs })
  return { ...s, leader: await s.api.official(SENDER, 'approver', leaderName) }
}
