/**
 * The OpenAPI 3.1 description of trolyso's HTTP API, generated from the operations the app
 * declares with `describeOperation` (their zod schemas), served at `/openapi.json` and rendered
 * by the interactive page at `/docs`. `tests/api/openapi-coverage.test.ts` checks that every
 * route the app serves is described.
 * @module
 */
import type { Hono } from 'hono'
import { generateSpecs } from 'hono-openapi'

export type OpenApiDocument = {
  openapi: string
  info: { title: string; version: string; description: string }
  paths: Record<string, Record<string, OpenApiOperation>>
  components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> }
}

export type OpenApiOperation = {
  summary?: string
  tags?: string[]
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown; description?: string }[]
  requestBody?: { content: Record<string, { schema?: unknown }> }
  responses: Record<string, { description: string; content?: Record<string, { schema?: unknown }> }>
  security?: unknown[]
  'x-webhook'?: boolean
}

/**
 * @param app the whole app (its routes carry their descriptions)
 * @param serverUrl the public URL when one is configured
 */
export const createOpenApiDocument = async (app: Hono, serverUrl = '/'): Promise<OpenApiDocument> =>
  (await generateSpecs(app, {
    excludeStaticFile: false,
    defaultValidationErrorResponse: false,
    documentation: {
      info: {
        title: 'trolyso API',
        version: '0.1.0',
        description:
          'Trợ lý số: tra cứu thủ tục hành chính từ Cổng Dịch vụ công quốc gia, trả lời câu hỏi của người dân, văn bản điện tử giữa các cơ quan.',
      },
      servers: [{ url: serverUrl }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'API token of an official, or ADMIN_TOKEN' },
          staff: {
            type: 'apiKey',
            in: 'cookie',
            name: 'trolyso_staff',
            description: 'Staff console session (with its CSRF header on changes), or ADMIN_TOKEN as Bearer',
          },
        },
      },
    },
  })) as unknown as OpenApiDocument
