/**
 * A route's path parameters parsed by a middleware, for a route whose parameters are checked
 * before its body (`jsonBody`) as they were by the handler: the handler reads them typed with
 * `c.req.valid('param')`.
 * @module
 */
import type { MiddlewareHandler } from 'hono'

/**
 * @param parse turns the raw parameters (`param('id')`: the route's path names each) into the
 *        values, throwing a 400 `AppError` naming the bad one
 */
export const pathParams = <T extends object>(
  parse: (param: (name: string) => string) => T,
): MiddlewareHandler<
  // biome-ignore lint/suspicious/noExplicitAny: any route's environment
  any,
  string,
  { out: { param: T } }
> =>
  async function pathParams(c, next) {
    c.req.addValidatedData(
      'param',
      parse((name) => c.req.param(name) ?? ''),
    )
    await next()
  }
