/**
 * `POST /v1/admin/imports` (the export as the body, `.jsonl` or `.jsonl.gz`; 202 with the job),
 * `GET /v1/admin/imports/:id` (progress, then the summary and the warnings report),
 * `GET /v1/admin/import-flags?status=open|done`, `POST /v1/admin/import-flags/:id`
 * `{ status: done | open, note? }`: the console's import and the work queue of records it
 * flagged. Editors and owners import and work the queue; everyone on staff reads.
 * @module
 */
import { asc, eq } from 'drizzle-orm'
import { Hono } from 'hono'
import { z } from 'zod'
import { recordAudit } from '../../knowledge/db/record-audit.ts'
import { importFlags } from '../../knowledge/db/schema/index.ts'
import { AppError } from '../../knowledge/errors.ts'
import { describeOperations, json, ok } from '../../platform/openapi/describe-operation.ts'
import { jsonBody } from '../../platform/openapi/json-body.ts'
import { queryParams } from '../../platform/openapi/query-params.ts'
import { parseInput } from '../../platform/validate.ts'
import type { AppDeps } from '../deps.ts'
import { ZImportQuery } from '../routes/admin.types.ts'
import {
  ZImportFlag,
  ZImportFlags,
  ZImportFlagsQuery,
  ZImportFlagUpdate,
  ZImportJob,
  ZImportJobId,
} from './import.types.ts'
import { createImportJobs } from './import-jobs.ts'
import { numberIdParam } from './parse-number-id.ts'
import { IMPORT_UPLOAD, readImportUpload } from './read-import-upload.ts'
import { permit, requirePermission, type StaffEnv } from './require-staff.ts'

const operation = describeOperations({ tag: 'admin', auth: 'staff' })

export const createImportRoutes = ({ db, kb, config }: AppDeps) => {
  const jobs = createImportJobs({ db, kb, database: config.database })
  return (
    new Hono<StaffEnv>()
      // body limit (200 MB): api/body-limits.ts
      .post(
        '/v1/admin/imports',
        operation(
          'Bắt đầu nhập tệp xuất của Cổng DVC (.jsonl, .jsonl.gz) trong nền; theo dõi bằng GET /v1/admin/imports/{id}',
          {
            body: IMPORT_UPLOAD,
            responses: { 202: { description: 'Đã nhận: lần nhập và tiến độ', content: json(ZImportJob) } },
            errors: [400, 401, 403, 413],
          },
        ),
        permit('editKnowledge'),
        queryParams(ZImportQuery, 'Tham số'),
        async (c) => {
          const { actor } = c.var.staff
          const { asOf } = c.req.valid('query')
          const bytes = await readImportUpload(c)
          return c.json(await jobs.start({ bytes, asOf, actor }), 202)
        },
      )
      .get(
        '/v1/admin/imports/:id',
        operation('Tiến độ n/N của một lần nhập, rồi báo cáo cảnh báo theo mã', {
          params: z.object({ id: z.string().meta({ description: 'Mã lần nhập' }) }),
          responses: ok(ZImportJob),
          errors: [400, 401, 403, 404],
        }),
        (c) => {
          requirePermission(c, 'read')
          const id = parseInput(ZImportJobId, c.req.param('id'), 'Mã lần nhập', 'id')
          const job = jobs.get(id)
          if (!job)
            throw new AppError(
              'NOT_FOUND',
              'Không có lần nhập này (đã quá một giờ, hoặc do tiến trình khác chạy).',
            )
          return c.json(job)
        },
      )
      .get(
        '/v1/admin/import-flags',
        operation(
          'Hàng việc: các hồ sơ lần nhập đánh dấu cần xem (phí tự mâu thuẫn, căn cứ pháp lý không đọc được …)',
          {
            responses: ok(ZImportFlags),
            errors: [400, 401, 403],
          },
        ),
        permit('read'),
        queryParams(ZImportFlagsQuery, 'Tham số'),
        async (c) => {
          const { status, limit } = c.req.valid('query')
          const rows = await db
            .select()
            .from(importFlags)
            .where(eq(importFlags.status, status))
            .orderBy(asc(importFlags.procedureCode), asc(importFlags.reason))
            .limit(limit)
          const flags = await Promise.all(
            rows.map(async (f) => ({ ...f, name: (await kb.getProcedure(f.procedureCode))?.name ?? null })),
          )
          return c.json({ flags })
        },
      )
      .post(
        '/v1/admin/import-flags/:id',
        operation('Đánh dấu một việc trong hàng việc là xong (kèm ghi chú) hoặc mở lại; có nhật ký', {
          params: z.object({ id: z.string().meta({ description: 'Số của việc' }) }),
          responses: ok(ZImportFlag, 'Đã cập nhật'),
          errors: [400, 401, 403, 404, 415],
        }),
        permit('editKnowledge'),
        numberIdParam('Mã mục'),
        jsonBody(ZImportFlagUpdate, 'Cập nhật'),
        async (c) => {
          const { actor } = c.var.staff
          const { id } = c.req.valid('param')
          const { status, note } = c.req.valid('json')
          const at = new Date().toISOString()
          const updated = await db.transaction(async (tx) => {
            const [row] = await tx
              .update(importFlags)
              .set(
                status === 'done'
                  ? { status, note: note || null, doneBy: actor, doneAt: at }
                  : { status, note: note || null, doneBy: null, doneAt: null },
              )
              .where(eq(importFlags.id, id))
              .returning()
            if (!row) return null
            const detail = { procedureCode: row.procedureCode, reason: row.reason, ...(note ? { note } : {}) }
            await recordAudit(tx, {
              actor,
              action: `import_flag.${status}`,
              entity: 'import_flag',
              entityId: id,
              detail,
              at,
            })
            return row
          })
          if (!updated) throw new AppError('NOT_FOUND', `Không có mục số ${id} trong danh sách cần xem lại.`)
          return c.json(updated)
        },
      )
  )
}
