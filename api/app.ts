/**
 * The Hono application: every route group mounted in one place, errors translated once.
 * @module
 */
import { Hono } from 'hono'
import { createChatRoutes } from '../bot/routes.ts'
import { limitBody } from '../platform/http/limit-body.ts'
import { bodyLimitRules } from './body-limits.ts'
import type { AppServices } from './deps.ts'
import { createDocumentsRoutes } from './documents/routes.ts'
import { createErrorHandler, errorBody } from './errors.ts'
import { createAdminRoutes } from './routes/admin.ts'
import { createAskRoutes } from './routes/ask.ts'
import { createDocsRoutes } from './routes/docs.ts'
import { createHealthRoutes } from './routes/health.ts'
import { createProcedureRoutes } from './routes/procedures.ts'
import { createConsoleRoutes } from './staff/console-routes.ts'

/**
 * @param deps the services composed once by api/compose-services.ts (settings, database,
 *   knowledge base, logger, chat channels, documents service); the app builds none of its own
 * @returns the app; tests call `app.request()` on it
 */
export const createApp = (deps: AppServices) => {
  const app = new Hono()
  app.use(async function securityHeaders(c, next) {
    // Set before the route runs, so the response the route builds (c.json, c.body, errors) is
    // created with them. Set afterwards, they made Hono copy every finished response into a new
    // one whose body Node then read back as a stream: about a fifth of a search's time.
    c.header('X-Content-Type-Options', 'nosniff')
    c.header('Referrer-Policy', 'no-referrer')
    await next()
    // A route that returns a Response of its own (not built through the context) lacks them.
    if (!c.res.headers.has('X-Content-Type-Options')) {
      c.header('X-Content-Type-Options', 'nosniff')
      c.header('Referrer-Policy', 'no-referrer')
    }
  })
  // before every route, authentication and parser: 256 KB unless the route carries PDFs or imports
  app.use(limitBody({ rules: bodyLimitRules(deps.config) }))
  app.route('/', createHealthRoutes(deps))
  app.route('/', createProcedureRoutes(deps))
  app.route('/', createAskRoutes(deps))
  app.route('/', createAdminRoutes(deps))
  app.route('/', createConsoleRoutes())
  app.route(
    '/',
    createDocsRoutes(deps, () => app),
  )
  app.route('/', createDocumentsRoutes(deps))
  app.route('/', createChatRoutes(deps))
  app.notFound((c) =>
    c.json(errorBody('NOT_FOUND', `Không có đường dẫn ${c.req.method} ${c.req.path}.`), 404),
  )
  app.onError(createErrorHandler(deps.log))
  return app
}

export type App = ReturnType<typeof createApp>
