/**
 * `GET|POST /v1/admin/vocabulary`, `PATCH|DELETE /v1/admin/vocabulary/:id`,
 * `GET /v1/admin/vocabulary/:id/revisions`, `POST /v1/admin/vocabulary/:id/undo`: the learnt
 * phrases, everyday words and abbreviations staff teach search. Each change is a revision,
 * checked against the development questions before it is stored (the answer lists the
 * questions whose reply changed). Editors and owners change; everyone on staff reads.
 * @module
 */
import { eq } from 'drizzle-orm'
import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { vocabularyEntries } from '../../knowledge/db/schema/index.ts'
import { AppError } from '../../knowledge/errors.ts'
import {
  planAddition,
  planRemoval,
  planUndo,
  planUpdate,
  type VocabularyChange,
} from '../../knowledge/vocabulary/change-vocabulary-entry.ts'
import { listVocabulary, listVocabularyRevisions } from '../../knowledge/vocabulary/list-vocabulary.ts'
import { saveVocabularyChange } from '../../knowledge/vocabulary/save-vocabulary-change.ts'
import type { VocabularyInput } from '../../knowledge/vocabulary/vocabulary.types.ts'
import { created, describeOperations, ok } from '../../platform/openapi/describe-operation.ts'
import { jsonBody } from '../../platform/openapi/json-body.ts'
import { pathParams } from '../../platform/path-params.ts'
import { parseInput } from '../../platform/validate.ts'
import type { AppDeps } from '../deps.ts'
import { permit, requirePermission, type StaffEnv } from './require-staff.ts'
import {
  ZVocabularyId,
  ZVocabularyInput,
  ZVocabularyList,
  ZVocabularyPatch,
  ZVocabularyRevisions,
  ZVocabularySaved,
} from './vocabulary.types.ts'

const operation = describeOperations({ tag: 'admin', auth: 'staff' })

const ZIdParam = z.object({ id: z.string().meta({ description: 'Số của mục từ vựng' }) })

export const createVocabularyRoutes = ({ db, kb }: AppDeps) => {
  /** A learnt phrase must name a procedure the knowledge base has. */
  const requireTarget = async (kind: VocabularyInput['kind'], target: string) => {
    if (kind === 'phrase' && !(await kb.getProcedure(target)))
      throw new AppError('BAD_REQUEST', `Không có thủ tục mã ${target} trong cơ sở tri thức (target).`)
  }
  const save = (actor: string, change: VocabularyChange) => saveVocabularyChange({ db, kb, actor, change })
  const idOf = (value: string) => parseInput(ZVocabularyId, value, 'Mã mục', 'id')
  /** A handler that plans a change of the entry named in the path (remove, undo) and saves it. */
  const saveChangeOf =
    (plan: (options: { db: AppDeps['db']; id: number }) => Promise<VocabularyChange>) =>
    async (c: Context<StaffEnv, '/v1/admin/vocabulary/:id'>) => {
      const { actor } = requirePermission(c, 'editKnowledge')
      return c.json(await save(actor, await plan({ db, id: idOf(c.req.param('id')) })))
    }

  return new Hono<StaffEnv>()
    .get(
      '/v1/admin/vocabulary',
      operation('Từ vựng cán bộ dạy: câu đã học, từ thường dùng, chữ viết tắt', {
        responses: ok(ZVocabularyList),
        errors: [401, 403],
      }),
      permit('read'),
      async (c) => c.json({ entries: await listVocabulary({ db }) }),
    )
    .post(
      '/v1/admin/vocabulary',
      operation(
        'Thêm một mục từ vựng; trả về kiểm tra trên bộ câu hỏi phát triển (câu nào đổi câu trả lời)',
        {
          responses: created(ZVocabularySaved, 'Đã lưu'),
          errors: [400, 401, 403, 409, 415],
        },
      ),
      permit('editKnowledge'),
      jsonBody(ZVocabularyInput, 'Mục từ vựng'),
      async (c) => {
        const { actor } = c.var.staff
        const input = c.req.valid('json')
        await requireTarget(input.kind, input.target)
        const change = await planAddition({ db, input, source: 'console', onExisting: 'refuse' })
        return c.json(await save(actor, change), 201)
      },
    )
    .patch(
      '/v1/admin/vocabulary/:id',
      operation('Sửa một mục từ vựng (phiên bản mới, có kiểm tra)', {
        params: ZIdParam,
        responses: ok(ZVocabularySaved, 'Đã lưu'),
        errors: [400, 401, 403, 404, 415],
      }),
      permit('editKnowledge'),
      pathParams((param) => ({ id: idOf(param('id')) })),
      jsonBody(ZVocabularyPatch, 'Nội dung sửa'),
      async (c) => {
        const { actor } = c.var.staff
        const { id } = c.req.valid('param')
        const changes = c.req.valid('json')
        const change = await planUpdate({ db, id, changes })
        await requireTarget(change.kind, change.data.target)
        return c.json(await save(actor, change))
      },
    )
    .delete(
      '/v1/admin/vocabulary/:id',
      operation('Bỏ một mục từ vựng (giữ lịch sử, hoàn tác được)', {
        params: ZIdParam,
        responses: ok(ZVocabularySaved, 'Đã bỏ'),
        errors: [400, 401, 403, 404],
      }),
      saveChangeOf(planRemoval),
    )
    .post(
      '/v1/admin/vocabulary/:id/undo',
      operation('Hoàn tác thay đổi gần nhất của một mục từ vựng', {
        params: ZIdParam,
        responses: ok(ZVocabularySaved, 'Đã hoàn tác'),
        errors: [400, 401, 403, 404, 409],
      }),
      saveChangeOf(planUndo),
    )
    .get(
      '/v1/admin/vocabulary/:id/revisions',
      operation('Lịch sử các phiên bản của một mục từ vựng', {
        params: ZIdParam,
        responses: ok(ZVocabularyRevisions),
        errors: [400, 401, 403, 404],
      }),
      async (c) => {
        requirePermission(c, 'read')
        const id = idOf(c.req.param('id'))
        const [entry] = await db.select().from(vocabularyEntries).where(eq(vocabularyEntries.id, id)).limit(1)
        if (!entry) throw new AppError('NOT_FOUND', `Không có mục từ vựng số ${id}.`)
        return c.json({ entry, revisions: await listVocabularyRevisions({ db, id }) })
      },
    )
}
