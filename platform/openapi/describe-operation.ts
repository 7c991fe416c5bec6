/**
 * Declares an operation of the HTTP API from its zod schemas, for `/openapi.json`: path
 * parameters, the request body per media type, and every response with its schema.
 * A JSON body and the query parameters are declared by the `jsonBody` and `queryParams`
 * middleware (`json-body.ts`, `query-params.ts`), which validate them and document them at once;
 * other bodies and path parameters are validated with the same schemas (`parseInput`), so the
 * document cannot drift from what the server accepts and returns.
 * @module
 */
import { describeRoute, resolver } from 'hono-openapi'
import { z } from 'zod'
import { ZErrorBody } from '../../contracts/errors.ts'

type Content = Record<string, z.ZodType>

export type OperationResponse = { description: string; content?: Content }

export type OperationSpec = {
  summary: string
  tag: string
  /** `bearer`: an official's API token or ADMIN_TOKEN; `staff`: a console session or ADMIN_TOKEN */
  auth?: 'bearer' | 'staff'
  params?: z.ZodType
  /** the request body by media type */
  body?: Content
  /** success responses by status */
  responses: Record<number, OperationResponse>
  /** error statuses this operation answers, each with the one error body */
  errors?: number[]
  /** a channel's webhook: the body is the channel's own wire format, documented loosely */
  webhook?: boolean
  description?: string
}

/** `{ 'application/json': schema }` */
export const json = (schema: z.ZodType): Content => ({ 'application/json': schema })

const contentOf = (body: z.ZodType | Content): Content => (body instanceof z.ZodType ? json(body) : body)

/** The one success response `200`: a zod schema is JSON, else the content by media type. */
export const ok = (body: z.ZodType | Content, description = 'OK') => ({
  200: { description, content: contentOf(body) },
})

/** The one success response `201 Created`. */
export const created = (body: z.ZodType | Content, description: string) => ({
  201: { description, content: contentOf(body) },
})

const ERROR_TEXT: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ (nêu trường sai)',
  401: 'Thiếu hoặc sai mã truy cập',
  403: 'Không có quyền',
  404: 'Không tìm thấy',
  409: 'Xung đột trạng thái',
  413: 'Nội dung quá lớn',
  415: 'Sai Content-Type',
  422: 'Không xử lý được',
  429: 'Quá nhiều yêu cầu (Retry-After)',
  503: 'Tạm thời không dùng được (Retry-After)',
}

/** A body's or response's content by media type, each schema resolved for the document. */
export const describeContent = (content: Content) =>
  Object.fromEntries(Object.entries(content).map(([media, schema]) => [media, { schema: resolver(schema) }]))

/** The parameters of an object schema, one a property, as OpenAPI parameters in `place`. */
export const describeParameters = (schema: z.ZodType, place: 'path' | 'query') => {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, Record<string, unknown>>
    required?: string[]
  }
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, example, ...rest } = property
    return {
      name,
      in: place,
      required: place === 'path' || (json.required ?? []).includes(name),
      schema: rest,
      ...(typeof description === 'string' ? { description } : {}),
      ...(example === undefined ? {} : { example }),
    }
  })
}

/** @returns a middleware carrying the operation's description (it does nothing at request time) */
export const describeOperation = (spec: OperationSpec) => {
  const responses: Record<string, { description: string; content?: ReturnType<typeof describeContent> }> = {}
  for (const [status, response] of Object.entries(spec.responses)) {
    responses[status] = {
      description: response.description,
      ...(response.content ? { content: describeContent(response.content) } : {}),
    }
  }
  for (const status of spec.errors ?? []) {
    responses[String(status)] = {
      description: ERROR_TEXT[status] ?? 'Lỗi',
      content: describeContent(json(ZErrorBody)),
    }
  }
  const parameters = spec.params ? describeParameters(spec.params, 'path') : []
  return describeRoute({
    summary: spec.summary,
    tags: [spec.tag],
    ...(spec.description ? { description: spec.description } : {}),
    ...(spec.auth ? { security: [{ [spec.auth]: [] }] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(spec.body ? { requestBody: { required: true, content: describeContent(spec.body) } } : {}),
    ...(spec.webhook ? { 'x-webhook': true } : {}),
    // biome-ignore lint/suspicious/noExplicitAny: hono-openapi types responses with its own resolver type
    responses: responses as any,
  })
}

/**
 * Binds what a group of operations shares (their tag and auth), so that each declares only its
 * summary and what is its own; a spec's own `tag` or `auth` wins, and `public: true` needs no auth.
 * @example const operation = describeOperations({ tag: 'admin', auth: 'staff' })
 *          app.get('/v1/admin/x', operation('Summary', { responses: ok(ZX), errors: [401] }), handler)
 */
export const describeOperations =
  (shared: Pick<OperationSpec, 'tag' | 'auth'>) =>
  (
    summary: string,
    { public: open, ...spec }: Omit<OperationSpec, 'summary' | 'tag'> & { tag?: string; public?: boolean },
  ) =>
    describeOperation({ ...shared, ...(open ? { auth: undefined } : {}), ...spec, summary })

/**
 * A channel's webhook: tagged `webhooks`, its body the channel's own wire format (described
 * loosely, `x-webhook`), acknowledged with an empty 200 unless `responses` says otherwise.
 */
export const describeWebhook = ({
  summary,
  body,
  responses = { 200: { description: 'Đã nhận (thân rỗng)', content: { 'text/plain': z.string().max(0) } } },
  errors,
}: Pick<OperationSpec, 'summary' | 'errors'> & { body: z.ZodType; responses?: OperationSpec['responses'] }) =>
  describeOperation({ summary, tag: 'webhooks', webhook: true, body: json(body), responses, errors })
