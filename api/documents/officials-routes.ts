/**
 * Who is calling and who may: `GET /v1/me`, `GET|POST /v1/agencies`, `POST /v1/officials`
 * and `POST /v1/officials/:id/revoke`.
 * @module
 */
import { Hono } from 'hono'
import { z } from 'zod'
import { ZAgency, ZCreatedOfficial, ZMe, ZRevokedOfficial } from '../../contracts/documents.ts'
import { AppError } from '../../knowledge/errors.ts'
import { created, describeOperations, ok } from '../../platform/openapi/describe-operation.ts'
import { jsonBody } from '../../platform/openapi/json-body.ts'
import { queryParams } from '../../platform/openapi/query-params.ts'
import { createAgency } from './create-agency.ts'
import { createOfficial } from './create-official.ts'
import { type DocumentsRoutesDeps, ZIdParam } from './documents-routes-deps.ts'
import { listAgencies } from './list-agencies.ts'
import { OFFICIAL_ROLES, requireAuthorityOver } from './official-roles.ts'
import { allow, type OfficialEnv } from './require-official.ts'
import { revokeOfficialTokens } from './revoke-official-tokens.ts'

const operation = describeOperations({ tag: 'officials', auth: 'bearer' })

const ZCreateAgency = z.object({
  code: z.string().meta({ example: '000.00.01.H56', description: 'Mã cơ quan theo QCVN 102:2016' }),
  name: z.string().trim().min(1).max(300),
  parentCode: z.string().nullish(),
  /** edXML From/To contact details (QCVN 102:2016 Organization) */
  organizationInCharge: z.string().trim().max(300).optional(),
  address: z.string().trim().max(300).optional(),
  email: z.email().optional(),
  telephone: z.string().trim().max(50).optional(),
  fax: z.string().trim().max(50).optional(),
  website: z.string().trim().max(200).optional(),
})
const ZCreateOfficial = z.object({
  name: z.string().trim().min(1).max(200),
  role: z.enum(OFFICIAL_ROLES),
  email: z.email().optional(),
  /** CCCD, 12 digits: the serialNumber of the official's certificates (else their official id) */
  nationalId: z
    .string()
    .regex(/^\d{12}$/, 'số căn cước công dân (CCCD) gồm đúng 12 chữ số')
    .optional(),
  agencyCode: z.string().optional(),
})
const ZAgencyQuery = z.object({ q: z.string().optional().meta({ description: 'Tên hoặc mã cơ quan' }) })

export const createOfficialsRoutes = ({ deps, official, remoteSigning }: DocumentsRoutesDeps) => {
  const app = new Hono<OfficialEnv>()

  app.get(
    '/v1/me',
    operation('Cán bộ và cơ quan của mã truy cập', {
      responses: ok(ZMe),
      errors: [401],
    }),
    official,
    (c) => {
      const caller = c.var.caller
      return c.json({ official: caller.official, agency: caller.agency, features: { remoteSigning } })
    },
  )

  app.get(
    '/v1/agencies',
    operation('Tìm cơ quan (để chọn nơi nhận)', {
      responses: ok(z.object({ results: z.array(ZAgency) })),
      errors: [401],
    }),
    official,
    queryParams(ZAgencyQuery, 'Tham số'),
    async (c) => c.json({ results: await listAgencies({ db: deps.db, q: c.req.valid('query').q ?? '' }) }),
  )

  app.post(
    '/v1/agencies',
    operation('Tạo cơ quan (system_admin)', {
      responses: created(ZAgency, 'Đã tạo'),
      errors: [400, 401, 403, 409, 415, 422],
    }),
    official,
    allow('createAgency'),
    jsonBody(ZCreateAgency),
    async (c) => {
      const caller = c.var.caller
      const { code, name, parentCode, ...contact } = c.req.valid('json')
      const agency = await createAgency({
        db: deps.db,
        code,
        name,
        parentCode,
        contact,
        actor: `official:${caller.official.id}`,
      })
      return c.json(agency, 201)
    },
  )

  app.post(
    '/v1/officials',
    operation('Thêm cán bộ; mã truy cập chỉ hiện một lần', {
      responses: created(ZCreatedOfficial, 'Đã tạo'),
      errors: [400, 401, 403, 404, 415],
    }),
    official,
    allow('manageOfficials'),
    jsonBody(ZCreateOfficial),
    async (c) => {
      const caller = c.var.caller
      const body = c.req.valid('json')
      const agencyCode = body.agencyCode ?? caller.agency.code
      requireAuthorityOver({
        caller: { role: caller.official.role, agencyCode: caller.agency.code },
        target: { role: body.role, agencyCode },
        verb: 'tạo',
      })
      const created = await createOfficial({
        db: deps.db,
        ...body,
        agencyCode,
        actor: `official:${caller.official.id}`,
        ttlDays: deps.config.documents.tokenTtlDays,
      })
      return c.json(created, 201)
    },
  )

  app.post(
    '/v1/officials/:id/revoke',
    operation('Thu hồi mọi mã truy cập của một cán bộ', {
      params: ZIdParam,
      responses: ok(ZRevokedOfficial, 'Đã thu hồi'),
      errors: [401, 403, 404],
    }),
    official,
    allow('manageOfficials'),
    async (c) => {
      const caller = c.var.caller
      const id = c.req.param('id')
      const result = await revokeOfficialTokens({
        db: deps.db,
        officialId: id,
        actor: `official:${caller.official.id}`,
        authorize: (target) => {
          // another agency's officials are not visible to an agency admin at all
          if (caller.official.role !== 'system_admin' && target.agencyCode !== caller.agency.code)
            throw new AppError('NOT_FOUND', `Không có cán bộ mã ${id} trong cơ quan ${caller.agency.code}.`)
          requireAuthorityOver({
            caller: { role: caller.official.role, agencyCode: caller.agency.code },
            target,
            verb: 'thu hồi mã truy cập của',
          })
        },
      })
      return c.json(result)
    },
  )

  return app
}
