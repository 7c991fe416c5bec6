/**
 * Admin API, for staff logged in to the console (cookie + CSRF token, each role its own
 * rights) and for automation with ADMIN_TOKEN: import the portal export, correct a procedure (each change a
 * new revision with an audit entry), see a procedure's history and restore a revision, and
 * review the questions the bot could not answer. The search index follows every change at once.
 * @module
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { and, asc, desc, eq } from 'drizzle-orm'
import { Hono } from 'hono'
import { z } from 'zod'
import { recordAudit } from '../../knowledge/db/record-audit.ts'
import { procedureRevisions, unansweredQuestions } from '../../knowledge/db/schema/index.ts'
import { AppError } from '../../knowledge/errors.ts'
import { importProceduresInWorker } from '../../knowledge/procedures/import-procedures-in-worker.ts'
import { type ProcedureInput, ZProcedure } from '../../knowledge/procedures/procedure.types.ts'
import { upsertProcedures } from '../../knowledge/procedures/upsert-procedures.ts'
import { planAddition } from '../../knowledge/vocabulary/change-vocabulary-entry.ts'
import { saveVocabularyChange } from '../../knowledge/vocabulary/save-vocabulary-change.ts'
import { describeOperations, ok } from '../../platform/openapi/describe-operation.ts'
import { jsonBody } from '../../platform/openapi/json-body.ts'
import { queryParams } from '../../platform/openapi/query-params.ts'
import { pathParams } from '../../platform/path-params.ts'
import { parseInput } from '../../platform/validate.ts'
import type { AppServices } from '../deps.ts'
import { createFiguresRoutes } from '../staff/figures-routes.ts'
import { createHandoffsRoutes } from '../staff/handoffs-routes.ts'
import { createImportRoutes } from '../staff/import-routes.ts'
import { createNoticesRoutes } from '../staff/notices-routes.ts'
import { numberIdParam } from '../staff/parse-number-id.ts'
import { IMPORT_UPLOAD, readImportUpload } from '../staff/read-import-upload.ts'
import { permit, requirePermission, requireStaff, type StaffEnv } from '../staff/require-staff.ts'
import { createStaffRoutes } from '../staff/staff-routes.ts'
import { createVocabularyRoutes } from '../staff/vocabulary-routes.ts'
import {
  ZCodeParam,
  ZImportQuery,
  ZImportSummary,
  ZNumberIdParam,
  ZProcedurePatch,
  ZRestoreBody,
  ZUnanswered,
  ZUnansweredQuery,
  ZUnansweredUpdate,
} from './admin.types.ts'
import { ZProcedureCode } from './procedures.types.ts'

const operation = describeOperations({ tag: 'admin', auth: 'staff' })

const toInput = (record: Record<string, unknown>): ProcedureInput => parseInput(ZProcedure, record, 'Thủ tục')
const codeParam = pathParams((param) => ({
  code: parseInput(ZProcedureCode, param('code'), 'Mã thủ tục', 'code'),
}))

export const createAdminRoutes = (deps: AppServices) => {
  const { db, kb, config } = deps
  const policy = config.staff
  const app = new Hono<StaffEnv>()
  app.use(
    '/v1/admin/*',
    requireStaff({ db, adminToken: config.adminToken, policy, open: ['POST /v1/admin/session'] }),
  )
  app.route('/', createStaffRoutes(deps, policy))
  app.route('/', createNoticesRoutes(deps))
  app.route('/', createFiguresRoutes(deps))
  app.route('/', createHandoffsRoutes(deps))
  app.route('/', createVocabularyRoutes(deps))
  app.route('/', createImportRoutes(deps))

  const requireProcedure = async (code: string) => {
    const current = await kb.getProcedure(code)
    if (!current) throw new AppError('NOT_FOUND', `Không có thủ tục mã ${code} trong cơ sở tri thức.`)
    return current
  }

  // body limit (200 MB): api/body-limits.ts
  app.post(
    '/v1/admin/import',
    operation('Nhập tệp JSONL xuất từ Cổng Dịch vụ công (tất cả hoặc không)', {
      body: IMPORT_UPLOAD,
      responses: ok(ZImportSummary, 'Tóm tắt: thêm, cập nhật, không đổi, cảnh báo'),
      errors: [400, 401, 403, 413, 422],
    }),
    permit('editKnowledge'),
    queryParams(ZImportQuery, 'Tham số'),
    async (c) => {
      const { actor } = c.var.staff
      const { asOf } = c.req.valid('query')
      const body = await readImportUpload(c)
      const dir = await mkdtemp(join(tmpdir(), 'trolyso-import-'))
      try {
        const filePath = join(dir, 'upload.jsonl')
        await writeFile(filePath, body)
        // parsed and written in a worker, indexed in slices: chat keeps answering meanwhile
        const summary = await importProceduresInWorker({
          db,
          database: config.database,
          filePath,
          asOf: asOf ?? new Date().toISOString().slice(0, 10),
          actor: actor === 'admin' ? 'admin:import' : actor,
        })
        await kb.refresh()
        return c.json(summary)
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    },
  )

  app.patch(
    '/v1/admin/procedures/:code',
    operation('Sửa một thủ tục: { changes, reason }; lưu phiên bản và nhật ký', {
      params: ZCodeParam,
      responses: ok(z.object({ changed: z.boolean(), procedure: ZProcedure.nullable() }), 'Đã lưu'),
      errors: [400, 401, 403, 404, 415],
    }),
    permit('editKnowledge'),
    codeParam,
    jsonBody(ZProcedurePatch, 'Nội dung sửa'),
    async (c) => {
      const { actor } = c.var.staff
      const { code } = c.req.valid('param')
      const { changes, reason } = c.req.valid('json')
      const { revision: _r, contentHash: _h, updatedAt: _u, ...current } = await requireProcedure(code)
      const next = toInput({ ...current, ...changes, code })
      const result = await upsertProcedures({ db, procedures: [next], actor, reason })
      await kb.refresh()
      return c.json({ changed: result.updated > 0, procedure: await kb.getProcedure(code) })
    },
  )

  app.get(
    '/v1/admin/procedures/:code/revisions',
    operation('Lịch sử sửa đổi của một thủ tục', {
      params: ZCodeParam,
      responses: ok(
        z.object({ code: z.string(), revisions: z.array(z.looseObject({ revision: z.number() })) }),
        'Các phiên bản, mới nhất trước',
      ),
      errors: [400, 401, 403, 404],
    }),
    async (c) => {
      requirePermission(c, 'read')
      const code = parseInput(ZProcedureCode, c.req.param('code'), 'Mã thủ tục', 'code')
      await requireProcedure(code)
      const revisions = await db
        .select()
        .from(procedureRevisions)
        .where(eq(procedureRevisions.code, code))
        .orderBy(desc(procedureRevisions.revision))
      return c.json({ code, revisions })
    },
  )

  app.post(
    '/v1/admin/procedures/:code/restore',
    operation('Khôi phục một phiên bản: { revision, reason }', {
      params: ZCodeParam,
      responses: ok(z.object({ procedure: ZProcedure.nullable() }), 'Đã khôi phục'),
      errors: [400, 401, 403, 404, 415],
    }),
    permit('editKnowledge'),
    codeParam,
    jsonBody(ZRestoreBody, 'Yêu cầu khôi phục'),
    async (c) => {
      const { actor } = c.var.staff
      const { code } = c.req.valid('param')
      const { revision, reason } = c.req.valid('json')
      await requireProcedure(code)
      const rows = await db
        .select()
        .from(procedureRevisions)
        .where(and(eq(procedureRevisions.code, code), eq(procedureRevisions.revision, revision)))
        .limit(1)
      if (!rows[0]) throw new AppError('NOT_FOUND', `Thủ tục ${code} không có phiên bản ${revision}.`)
      const next = toInput(rows[0].data as Record<string, unknown>)
      await upsertProcedures({
        db,
        procedures: [next],
        actor,
        reason: `${reason} (khôi phục phiên bản ${revision})`,
      })
      await kb.refresh()
      return c.json({ procedure: await kb.getProcedure(code) })
    },
  )

  app.get(
    '/v1/admin/unanswered',
    operation('Câu hỏi chưa trả lời được hoặc bị đánh giá không hữu ích', {
      responses: ok(z.object({ results: z.array(ZUnanswered) }), 'Danh sách'),
      errors: [400, 401, 403],
    }),
    permit('read'),
    queryParams(ZUnansweredQuery, 'Tham số'),
    async (c) => {
      const { status, limit } = c.req.valid('query')
      const results = await db
        .select()
        .from(unansweredQuestions)
        .where(eq(unansweredQuestions.status, status))
        .orderBy(asc(unansweredQuestions.createdAt))
        .limit(limit)
      return c.json({ results })
    },
  )

  app.post(
    '/v1/admin/unanswered/:id',
    operation('Đánh dấu đã xử lý / bỏ qua: { status, note }', {
      params: ZNumberIdParam,
      responses: ok(ZUnanswered, 'Đã cập nhật'),
      errors: [400, 401, 403, 404, 415],
    }),
    permit('review'),
    numberIdParam('Mã câu hỏi'),
    jsonBody(ZUnansweredUpdate, 'Cập nhật'),
    async (c) => {
      const { actor } = c.var.staff
      const { id } = c.req.valid('param')
      const { status, note, procedureCode } = c.req.valid('json')
      // Resolved with a procedure: the question (masked, as stored) is taught to search.
      let teach = null
      if (procedureCode) {
        if (!(await kb.getProcedure(procedureCode)))
          throw new AppError(
            'BAD_REQUEST',
            `Không có thủ tục mã ${procedureCode} trong cơ sở tri thức (procedureCode).`,
          )
        const [question] = await db
          .select()
          .from(unansweredQuestions)
          .where(eq(unansweredQuestions.id, id))
          .limit(1)
        if (!question) throw new AppError('NOT_FOUND', `Không có câu hỏi số ${id}.`)
        teach = await planAddition({
          db,
          input: { kind: 'phrase', text: question.text, target: procedureCode, ...(note ? { note } : {}) },
          source: `unanswered:${id}`,
          onExisting: 'update',
        })
      }
      const updated = await db.transaction(async (tx) => {
        const rows = await tx
          .update(unansweredQuestions)
          .set({ status })
          .where(eq(unansweredQuestions.id, id))
          .returning()
        if (!rows[0]) return null
        const detail = note || procedureCode ? { note, procedureCode } : null
        await recordAudit(tx, {
          actor,
          action: `unanswered.${status}`,
          entity: 'unanswered_question',
          entityId: id,
          detail,
        })
        return rows[0]
      })
      if (!updated) throw new AppError('NOT_FOUND', `Không có câu hỏi số ${id}.`)
      if (!teach) return c.json(updated)
      return c.json({ ...updated, learnt: await saveVocabularyChange({ db, kb, actor, change: teach }) })
    },
  )

  return app
}
