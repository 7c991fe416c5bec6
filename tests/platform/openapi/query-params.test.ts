import { Hono } from 'hono'
import { generateSpecs } from 'hono-openapi'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { AppError } from '../../../knowledge/errors.ts'
import { describeOperation, ok } from '../../../platform/openapi/describe-operation.ts'
import { queryParams } from '../../../platform/openapi/query-params.ts'
import { pathParams } from '../../../platform/path-params.ts'

const ZSearch = z.object({
  q: z.string().min(2).meta({ description: 'Từ khoá', example: 'hộ chiếu' }),
  limit: z.coerce.number().int().min(1).max(20).default(5),
})

const createApp = () =>
  new Hono()
    .get(
      '/books/:shelf',
      describeOperation({
        summary: 'Tìm sách',
        tag: 'test',
        params: z.object({ shelf: z.string().meta({ description: 'Kệ' }) }),
        responses: ok(z.object({ text: z.string() })),
      }),
      // a check that comes before the query, as authentication or a rate limit
      async (c, next) => (c.req.header('x-refuse') ? c.json({ error: 'refused' }, 401) : next()),
      pathParams((param) => {
        if (!/^\d+$/.test(param('shelf'))) throw new AppError('BAD_REQUEST', 'Kệ không hợp lệ')
        return { shelf: Number(param('shelf')) }
      }),
      queryParams(ZSearch, 'Truy vấn'),
      (c) => {
        const { q, limit } = c.req.valid('query')
        return c.json({ text: `${c.req.valid('param').shelf}: ${q} × ${limit}` })
      },
    )
    .onError((error, c) =>
      error instanceof AppError
        ? c.json({ error: { code: error.code, message: error.message } }, error.status as 400)
        : c.json({ error: String(error) }, 500),
    )

const messageOf = async (res: Response) =>
  ((await res.json()) as { error: { message: string } }).error.message

describe('queryParams: query parameters validated and documented from one schema', () => {
  it('hands the handler the parsed values, coerced and with defaults', async () => {
    const app = createApp()
    expect(await (await app.request('/books/3?q=thuế&limit=7')).json()).toEqual({ text: '3: thuế × 7' })
    expect(await (await app.request('/books/3?q=thuế')).json()).toEqual({ text: '3: thuế × 5' })
  })

  it('answers 400 naming each bad parameter with the word for the query', async () => {
    const res = await createApp().request('/books/3?q=a&limit=99')
    expect(res.status).toBe(400)
    expect(await messageOf(res)).toMatch(/^Truy vấn không hợp lệ: q: .+; limit: .+/)
  })

  it('reads the query only after the checks placed before it, path parameters included', async () => {
    const app = createApp()
    expect((await app.request('/books/3?limit=x', { headers: { 'x-refuse': '1' } })).status).toBe(401)
    const badShelf = await app.request('/books/abc?limit=x')
    expect(badShelf.status).toBe(400)
    expect(await messageOf(badShelf)).toBe('Kệ không hợp lệ')
  })

  it('documents each property as a query parameter after the path parameters, required where it has no default', async () => {
    const doc = (await generateSpecs(createApp())) as {
      paths: Record<string, Record<string, { parameters?: Record<string, unknown>[] }>>
    }
    const parameters = doc.paths['/books/{shelf}']?.['get']?.parameters
    expect(parameters).toEqual([
      { name: 'shelf', in: 'path', required: true, schema: { type: 'string' }, description: 'Kệ' },
      {
        name: 'q',
        in: 'query',
        required: true,
        schema: { type: 'string', minLength: 2 },
        description: 'Từ khoá',
        example: 'hộ chiếu',
      },
      {
        name: 'limit',
        in: 'query',
        required: false,
        schema: expect.objectContaining({ type: 'integer', minimum: 1, maximum: 20, default: 5 }),
      },
    ])
  })
})
