/**
 * Route middleware of the documents API: authenticates the official's Bearer token and sets
 * the typed `c.var.caller` for the handler (401 before anything else is read).
 * @module
 */
import type { MiddlewareHandler } from 'hono'
import type { Db } from '../../knowledge/db/client.ts'
import { type Caller, createOfficialAuthenticator } from './authenticate-official.ts'
import { type Action, requireRole } from './official-roles.ts'

export type OfficialEnv = { Variables: { caller: Caller } }

export type RequireOfficialOptions = { db: Db }

/** @returns middleware that sets `c.var.caller` or throws AppError 401 */
export const requireOfficial = ({ db }: RequireOfficialOptions): MiddlewareHandler<OfficialEnv> => {
  const authenticate = createOfficialAuthenticator({ db })
  return async function requireOfficial(c, next) {
    c.set('caller', await authenticate({ authorization: c.req.header('authorization') }))
    await next()
  }
}

/** @returns route middleware, after `requireOfficial`: the caller's role must allow `action` (else 403) */
export const allow = (action: Action): MiddlewareHandler<OfficialEnv> =>
  async function allow(c, next) {
    requireRole(c.var.caller.official.role, action)
    await next()
  }
