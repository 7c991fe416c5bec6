import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Official, type Scenario, startScenario } from '../../helpers/documents-scenario.ts'

const HOME = '000.00.01.H56'
const OTHER = '000.00.02.H56'
const ROLES = ['viewer', 'clerk', 'approver', 'agency_admin', 'system_admin'] as const
type Role = (typeof ROLES)[number]
type Where = 'own' | 'other'
type Action = `create official ${Role}` | `revoke official ${Role}` | 'create agency'

/**
 * Who may grant, revoke and create what, written out by hand (not derived from the code):
 * an agency admin grants and revokes only the roles below its own, in its own agency; only a
 * system admin creates agencies, system admins, agency admins or officials of other agencies.
 */
const ALLOWED: Record<Role, Partial<Record<Where, readonly Action[]>>> = {
  viewer: {},
  clerk: {},
  approver: {},
  agency_admin: {
    own: [
      'create official viewer',
      'create official clerk',
      'create official approver',
      'revoke official viewer',
      'revoke official clerk',
      'revoke official approver',
    ],
  },
  system_admin: {
    own: [
      ...ROLES.map((r) => `create official ${r}` as const),
      ...ROLES.map((r) => `revoke official ${r}` as const),
      'create agency',
    ],
    other: [
      ...ROLES.map((r) => `create official ${r}` as const),
      ...ROLES.map((r) => `revoke official ${r}` as const),
      'create agency',
    ],
  },
}

const ACTIONS: Action[] = [
  ...ROLES.map((r) => `create official ${r}` as const),
  ...ROLES.map((r) => `revoke official ${r}` as const),
  'create agency',
]

const MATRIX = ROLES.flatMap((caller) =>
  ACTIONS.flatMap((action) =>
    (['own', 'other'] as const).map((where) => {
      const allowed = ALLOWED[caller][where]?.includes(action) ?? false
      // an agency admin does not even see another agency's officials
      const denied = action.startsWith('revoke') && where === 'other' && caller === 'agency_admin' ? 404 : 403
      const ok = action.startsWith('revoke') ? 200 : 201
      return { caller, action, where, status: allowed ? ok : denied }
    }),
  ),
)

describe('role ceilings: caller role × action × own/other agency', () => {
  let app: Scenario
  const callers = {} as Record<Role, Official>
  let agencySeq = 10

  beforeAll(async () => {
    app = await startScenario({
      agencies: { [HOME]: 'UBND tỉnh Hà Nam', [OTHER]: 'UBND tỉnh Nam Định' },
    })
    for (const role of ROLES) callers[role] = await app.official(HOME, role)
  })
  afterAll(() => app.close())

  const post = (caller: Official, path: string, body?: unknown) =>
    app.request(path, {
      method: 'POST',
      headers: { ...app.auth(caller), 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  const me = async (token: string) => (await app.request('/v1/me', { headers: app.auth(token) })).status

  it('covers every role, action and agency', () => {
    expect(MATRIX).toHaveLength(ROLES.length * ACTIONS.length * 2)
    // the escalations of the audit are in the table as refusals
    expect(MATRIX).toContainEqual({
      caller: 'agency_admin',
      action: 'create official system_admin',
      where: 'own',
      status: 403,
    })
    expect(MATRIX).toContainEqual({
      caller: 'agency_admin',
      action: 'create official agency_admin',
      where: 'own',
      status: 403,
    })
  })

  it.each(MATRIX)(
    '$caller: $action in $where agency → $status',
    async ({ caller, action, where, status }) => {
      const agencyCode = where === 'own' ? HOME : OTHER
      const [verb, , targetRole] = action.split(' ') as [string, string, Role | undefined]
      if (action === 'create agency') {
        const code = `000.00.${agencySeq++}.H56`
        const res = await post(callers[caller], '/v1/agencies', {
          code,
          name: `Sở thử ${code}`,
          parentCode: agencyCode,
        })
        expect(res.status, await res.clone().text()).toBe(status)
        return
      }
      if (verb === 'create') {
        const res = await post(callers[caller], '/v1/officials', {
          name: 'Cán bộ mới',
          role: targetRole,
          agencyCode,
        })
        expect(res.status, await res.clone().text()).toBe(status)
        if (status === 201) {
          const created = (await res.json()) as {
            token: string
            official: { role: string; agencyCode: string }
          }
          expect(created.official).toMatchObject({ role: targetRole, agencyCode })
          expect(await me(created.token)).toBe(200)
        } else {
          const body = (await res.json()) as { error: { code: string; message: string } }
          expect(body.error.code).toBe('FORBIDDEN')
        }
        return
      }
      const target = await app.official(agencyCode, targetRole!)
      const res = await post(callers[caller], `/v1/officials/${target.id}/revoke`)
      expect(res.status, await res.clone().text()).toBe(status)
      expect(await me(target.token)).toBe(status === 200 ? 401 : 200)
    },
  )
})
