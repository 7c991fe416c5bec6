/**
 * The staff console at `/admin`: plain HTML, CSS and JavaScript served with a strict CSP
 * (only our own files); everything it does goes through `/v1/admin/*`.
 * @module
 */
import { readFileSync } from 'node:fs'
import { Hono } from 'hono'
import { z } from 'zod'
import { describeOperations, ok } from '../../platform/openapi/describe-operation.ts'

const operation = describeOperations({ tag: 'staff' })

const asset = (name: string) => readFileSync(new URL(`./console/${name}`, import.meta.url), 'utf8')

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"

export const createConsoleRoutes = () => {
  const page = asset('console.html')
  const script = asset('console.js')
  const style = asset('console.css')
  const headers = { 'Cache-Control': 'no-cache', 'X-Frame-Options': 'DENY' }
  return new Hono()
    .get(
      '/admin',
      operation('Bảng điều khiển cho nhân viên', {
        responses: ok({ 'text/html': z.string() }, 'HTML'),
      }),
      (c) => c.html(page, 200, { ...headers, 'Content-Security-Policy': CSP }),
    )
    .get(
      '/admin/console.js',
      operation('Mã của bảng điều khiển', {
        responses: ok({ 'text/javascript': z.string() }, 'JavaScript'),
      }),
      (c) => c.body(script, 200, { ...headers, 'Content-Type': 'text/javascript; charset=utf-8' }),
    )
    .get(
      '/admin/console.css',
      operation('Kiểu của bảng điều khiển', {
        responses: ok({ 'text/css': z.string() }, 'CSS'),
      }),
      (c) => c.body(style, 200, { ...headers, 'Content-Type': 'text/css; charset=utf-8' }),
    )
}
