import { Hono } from 'hono'
import { generateSpecs } from 'hono-openapi'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { AppError } from '../../../knowledge/errors.ts'
import { describeOperation, ok } from '../../../platform/openapi/describe-operation.ts'
import { jsonBody } from '../../../platform/openapi/json-body.ts'

const ZGreeting = z.object({ name: z.string().min(1), times: z.number().int().default(1) })

const createApp = () => {
  const app = new Hono()
    .post(
      '/greet',
      describeOperation({ summary: 'Chào', tag: 'test', responses: ok(z.object({ text: z.string() })) }),
      // a check that comes before the body, as authentication or a rate limit
      async (c, next) => (c.req.header('x-refuse') ? c.json({ error: 'refused' }, 401) : next()),
      jsonBody(ZGreeting, 'Lời chào'),
      (c) => {
        const { name, times } = c.req.valid('json')
        return c.json({ text: `Xin chào ${name} `.repeat(times).trim() })
      },
    )
    .onError((error, c) =>
      error instanceof AppError
        ? c.json({ error: { code: error.code, message: error.message } }, error.status as 400)
        : c.json({ error: String(error) }, 500),
    )
  return app
}

const post = (app: Hono, body: string, type = 'application/json') =>
  app.request('/greet', { method: 'POST', body, headers: { 'content-type': type } })

describe('jsonBody: a JSON body validated and documented from one schema', () => {
  it('hands the handler the parsed value, defaults applied', async () => {
    const app = createApp()
    const res = await post(app, JSON.stringify({ name: 'An', times: 2 }))
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ text: 'Xin chào An Xin chào An' })
    expect(await (await post(app, '{"name":"Bình"}')).json()).toEqual({ text: 'Xin chào Bình' })
  })

  it('answers 400 naming each bad field with the word for the body, 400 for malformed JSON, 415 for another type', async () => {
    const app = createApp()
    const bad = await post(app, JSON.stringify({ name: '', times: 1.5 }))
    expect(bad.status).toBe(400)
    const { error } = (await bad.json()) as { error: { code: string; message: string } }
    expect(error.code).toBe('BAD_REQUEST')
    expect(error.message).toMatch(/^Lời chào không hợp lệ: name: .+; times: .+/)
    expect((await post(app, '{"name":')).status).toBe(400)
    expect((await post(app, 'name=An', 'application/x-www-form-urlencoded')).status).toBe(415)
  })

  it('reads nothing when a check placed before it refuses', async () => {
    const app = createApp()
    const res = await app.request('/greet', {
      method: 'POST',
      body: 'not json',
      headers: { 'content-type': 'text/plain', 'x-refuse': '1' },
    })
    expect(res.status).toBe(401)
  })

  it('documents the body as the required JSON request body of the operation', async () => {
    const app = createApp()
    const doc = (await generateSpecs(app)) as {
      paths: Record<string, Record<string, { requestBody?: { required: boolean; content: object } }>>
    }
    const body = doc.paths['/greet']?.['post']?.requestBody
    expect(body?.required).toBe(true)
    expect(body?.content).toMatchObject({
      'application/json': {
        schema: { type: 'object', properties: { name: { type: 'string' }, times: { type: 'integer' } } },
      },
    })
  })
})
