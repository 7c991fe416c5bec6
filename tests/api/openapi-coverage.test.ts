import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OpenApiDocument, OpenApiOperation } from '../../api/openapi/create-openapi-document.ts'
import { createTestApp, type TestApp } from '../helpers/create-test-app.ts'

// every channel configured, so that its webhook is mounted and must be described too
const CHANNELS = {
  PUBLIC_URL: 'https://trolyso.example.gov.vn',
  TELEGRAM_BOT_TOKEN: '123456:test-token',
  TELEGRAM_WEBHOOK_SECRET: 'webhook_secret_1',
  TELEGRAM_API_ROOT: 'http://127.0.0.1:9',
  ZALO_APP_ID: 'app',
  ZALO_APP_SECRET: 'app-secret',
  ZALO_OA_SECRET_KEY: 'oa-secret',
  ZALO_ACCESS_TOKEN: 'access',
  ZALO_REFRESH_TOKEN: 'refresh',
  ZALO_API_BASE: 'http://127.0.0.1:9',
  ZALO_OAUTH_BASE: 'http://127.0.0.1:9',
  MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001',
  MICROSOFT_APP_PASSWORD: 'app-password',
  ADMIN_TOKEN: 'admin-token-0123456789',
}

/** Mutating operations that take no request body at all (the path names everything). */
const BODILESS = new Set([
  'post /v1/signing/sessions/{id}/remote',
  'post /v1/officials/{id}/revoke',
  'post /v1/admin/handoffs/{id}/claim',
  'delete /v1/admin/session',
  'delete /v1/admin/notices/{id}',
  'delete /v1/admin/vocabulary/{id}',
  'post /v1/admin/vocabulary/{id}/undo',
])

const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')
const hasSchema = (content: Record<string, { schema?: unknown }> | undefined) =>
  !!content && Object.keys(content).length > 0 && Object.values(content).every((m) => m.schema !== undefined)

describe('GET /openapi.json covers every route the app serves', () => {
  let t: TestApp, doc: OpenApiDocument, served: string[]
  beforeAll(async () => {
    t = await createTestApp(CHANNELS)
    doc = (await (await t.app.request('/openapi.json')).json()) as OpenApiDocument
    served = [
      ...new Set(
        t.app.routes
          .filter((r) => r.method !== 'ALL')
          .map((r) => `${r.method.toLowerCase()} ${openApiPath(r.path)}`),
      ),
    ]
  })
  afterAll(() => t.close())

  const operation = (key: string): OpenApiOperation | undefined => {
    const [method, path] = key.split(' ') as [string, string]
    return doc.paths[path]?.[method]
  }

  it('serves the channels, documents, staff and chat routes it is meant to describe', () => {
    for (const key of [
      'post /v1/officials',
      'post /v1/certificates',
      'post /v1/signing/sessions',
      'get /v1/documents/{id}',
      'post /v1/drafts',
      'post /v1/documents/edxml',
      'post /v1/documents/{id}/status',
      'post /v1/nudges',
      'post /v1/admin/session',
      'post /v1/admin/notices',
      'get /v1/admin/figures',
      'get /v1/admin/handoffs',
      'post /webhooks/telegram',
      'post /webhooks/zalo',
      'post /api/messages',
    ])
      expect(served).toContain(key)
    expect(served.length).toBeGreaterThan(60)
  })

  it('describes every served route with a summary and success responses with schemas', () => {
    const missing = served.filter((key) => !operation(key))
    expect(missing).toEqual([])
    const problems: string[] = []
    for (const key of served) {
      const op = operation(key) as OpenApiOperation
      if (!op.summary) problems.push(`${key}: no summary`)
      const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status))
      if (success.length === 0) problems.push(`${key}: no success response`)
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        if (status === '204') continue
        if (!hasSchema(response.content)) problems.push(`${key}: response ${status} has no schema`)
      }
    }
    expect(problems).toEqual([])
  })

  it('declares each path parameter and the request body of every operation that takes one', () => {
    const problems: string[] = []
    for (const key of served) {
      const op = operation(key) as OpenApiOperation
      const path = key.split(' ')[1] as string
      for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
        // a declared parameter carries its description; one the generator adds does not
        const declared = op.parameters?.find((p) => p.in === 'path' && p.name === name)
        if (!declared?.schema || !declared.description)
          problems.push(`${key}: path parameter ${name} not declared`)
      }
      const method = key.split(' ')[0] as string
      if (['post', 'put', 'patch'].includes(method) || (method === 'delete' && !BODILESS.has(key))) {
        if (BODILESS.has(key)) {
          if (op.requestBody) problems.push(`${key}: listed as bodiless but declares a body`)
        } else if (!hasSchema(op.requestBody?.content)) problems.push(`${key}: no request body schema`)
      }
    }
    expect(problems).toEqual([])
  })

  it('documents query parameters with their schemas where the handler reads them', () => {
    for (const [key, names] of [
      ['get /v1/procedures', ['q', 'limit']],
      ['get /v1/documents', ['box', 'status', 'limit']],
      ['get /v1/drafts', ['status']],
      ['get /v1/stats/paperless', ['from', 'to']],
      ['get /v1/admin/unanswered', ['status', 'limit']],
      ['get /v1/admin/figures', ['from', 'to']],
      ['get /v1/admin/handoffs', ['status', 'limit']],
      ['get /v1/chat/history', ['sessionId']],
    ] as const) {
      const query = (operation(key)?.parameters ?? []).filter((p) => p.in === 'query')
      expect(query.map((p) => p.name).sort(), key).toEqual([...names].sort())
      for (const p of query) expect(p.schema, `${key} ${p.name}`).toBeTruthy()
    }
  })

  it('marks the channel webhooks as such', () => {
    for (const key of ['post /webhooks/telegram', 'post /webhooks/zalo', 'post /api/messages'])
      expect(operation(key)?.['x-webhook'], key).toBe(true)
  })

  it('generates the error body and shared contracts as named schemas', () => {
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Error', 'Answer', 'Place', 'DocumentHeader', 'SentDocument', 'Draft']),
    )
  })
})
