import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditLog, unansweredQuestions, vocabularyRevisions } from '../../../knowledge/db/schema/index.ts'
import { createKnowledgeBase } from '../../../knowledge/knowledge-base.ts'
import { useTestApp } from '../../helpers/create-test-app.ts'

const ADMIN_TOKEN = 'automation-token-0123456789'
const admin = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' }
const QUESTION = 'con tôi vừa chào đời thì cần đi đâu'

type Reply = { kind: string; procedure?: { code: string; name: string } }
type Summary = { kind: string; code: string | null; text: string }
type Check = {
  asked: number
  changed: { question: string; before: Summary; after: Summary }[]
  taught?: { question: string; before: Summary; after: Summary }
}
type Entry = {
  id: number
  kind: string
  text: string
  target: string
  revision: number
  active: boolean
  source: string
}
type Saved = { entry: Entry; check: Check }

const t = useTestApp({ ADMIN_TOKEN }, { timeout: 60_000 })

const call = async (method: string, path: string, body?: unknown) => {
  const res = await t.app.request(path, {
    method,
    headers: admin,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}
const ask = async (text: string) => (await call('POST', '/v1/ask', { text })).body as Reply

describe('learnt phrases from resolved unanswered questions', () => {
  let entryId = 0

  it('teaches search the question (and its unaccented form) at once, and shows the dev-eval difference', async () => {
    // A citizen asks something the records do not name: it lands in the review queue.
    const chat = await call('POST', '/v1/chat/messages', { text: QUESTION })
    expect(chat.status).toBe(200)
    const [question] = await t.testDb.db.select().from(unansweredQuestions)
    expect(question?.text).toBe(QUESTION)
    expect((await ask(QUESTION)).kind).toBe('not_found')

    const res = await call('POST', `/v1/admin/unanswered/${question!.id}`, {
      status: 'resolved',
      procedureCode: '1.001193',
      note: 'Hỏi về đăng ký khai sinh',
    })
    expect(res.status).toBe(200)
    expect(res.body['status']).toBe('resolved')
    const learnt = res.body['learnt'] as Saved
    expect(learnt.entry).toMatchObject({
      kind: 'phrase',
      text: QUESTION,
      target: '1.001193',
      revision: 1,
      active: true,
      source: `unanswered:${question!.id}`,
    })
    // The whole development set was asked before and after; this phrase changes none of it.
    expect(learnt.check.asked).toBeGreaterThan(50)
    expect(learnt.check.changed).toEqual([])
    expect(learnt.check.taught?.before.kind).toBe('not_found')
    expect(learnt.check.taught?.after).toMatchObject({ kind: 'answer', code: '1.001193' })
    entryId = learnt.entry.id

    // The next citizen gets the procedure, however the question is typed; other questions do not.
    for (const text of [
      QUESTION,
      'con toi vua chao doi thi can di dau',
      'Cho hỏi: con tôi vừa chào đời thì cần đi đâu ạ?',
    ]) {
      const reply = await ask(text)
      expect(reply.kind, text).toBe('answer')
      expect(reply.procedure?.code, text).toBe('1.001193')
    }
    expect((await ask('con tôi vừa chào đời')).procedure?.code).not.toBe('1.001193')
    // Search lists the taught procedure first too.
    const search = await t.app.request(`/v1/procedures?q=${encodeURIComponent(QUESTION)}`)
    const { results } = (await search.json()) as { results: { code: string }[] }
    expect(results[0]?.code).toBe('1.001193')
  }, 60_000)

  it('is a versioned entry staff can edit, remove and undo, each audited', async () => {
    const list = (await call('GET', '/v1/admin/vocabulary')).body['entries'] as Entry[]
    expect(list.map((e) => e.id)).toContain(entryId)

    const edited = await call('PATCH', `/v1/admin/vocabulary/${entryId}`, { target: '1.004884' })
    expect(edited.status).toBe(200)
    expect((edited.body as Saved).entry.revision).toBe(2)
    expect((edited.body as Saved).check.taught?.after.code).toBe('1.004884')
    expect((await ask(QUESTION)).procedure?.code).toBe('1.004884')

    const undone = await call('POST', `/v1/admin/vocabulary/${entryId}/undo`)
    expect(undone.status).toBe(200)
    expect((undone.body as Saved).entry).toMatchObject({ revision: 3, target: '1.001193' })
    expect((await ask(QUESTION)).procedure?.code).toBe('1.001193')

    const removed = await call('DELETE', `/v1/admin/vocabulary/${entryId}`)
    expect(removed.status).toBe(200)
    expect((removed.body as Saved).entry.active).toBe(false)
    expect((removed.body as Saved).check.taught?.after.kind).toBe('not_found')
    expect((await ask(QUESTION)).kind).toBe('not_found')
    expect((await call('DELETE', `/v1/admin/vocabulary/${entryId}`)).status).toBe(409)

    // Undoing the removal brings the phrase back.
    await call('POST', `/v1/admin/vocabulary/${entryId}/undo`)
    expect((await ask(QUESTION)).procedure?.code).toBe('1.001193')

    const history = await call('GET', `/v1/admin/vocabulary/${entryId}/revisions`)
    const revisions = history.body['revisions'] as { revision: number; action: string; changedBy: string }[]
    expect(revisions.map((r) => [r.revision, r.action])).toEqual([
      [5, 'undo'],
      [4, 'remove'],
      [3, 'undo'],
      [2, 'update'],
      [1, 'create'],
    ])
    expect(revisions.every((r) => r.changedBy === 'admin')).toBe(true)
    const stored = await t.testDb.db
      .select()
      .from(vocabularyRevisions)
      .where(eq(vocabularyRevisions.entryId, entryId))
    expect(stored).toHaveLength(5)
    const audits = await t.testDb.db.select().from(auditLog).where(eq(auditLog.entity, 'vocabulary_entry'))
    expect(audits.map((a) => a.action)).toEqual([
      'vocabulary.create',
      'vocabulary.update',
      'vocabulary.undo',
      'vocabulary.remove',
      'vocabulary.undo',
    ])
  }, 60_000)

  it('reaches another process over the same database on its next refresh', async () => {
    const other = await createKnowledgeBase({ db: t.testDb.db })
    expect((await other.answer('con toi vua chao doi thi can di dau')).procedure?.code).toBe('1.001193')
    await call('DELETE', `/v1/admin/vocabulary/${entryId}`)
    expect(await other.refresh()).toBe(true)
    expect((await other.answer(QUESTION)).kind).toBe('not_found')
    await call('POST', `/v1/admin/vocabulary/${entryId}/undo`)
    other.close()
  }, 60_000)

  it('refuses an unknown procedure, a code on a dismissal and a question that does not exist', async () => {
    const [question] = await t.testDb.db.select().from(unansweredQuestions)
    const unknown = await call('POST', `/v1/admin/unanswered/${question!.id}`, {
      status: 'resolved',
      procedureCode: '9.999999',
    })
    expect(unknown.status).toBe(400)
    expect(JSON.stringify(unknown.body)).toContain('procedureCode')
    const dismissed = await call('POST', `/v1/admin/unanswered/${question!.id}`, {
      status: 'dismissed',
      procedureCode: '1.001193',
    })
    expect(dismissed.status).toBe(400)
    expect(
      (await call('POST', '/v1/admin/unanswered/999999', { status: 'resolved', procedureCode: '1.001193' }))
        .status,
    ).toBe(404)
  })
})

describe('everyday words and abbreviations from the console', () => {
  it('adds an everyday word that search understands at once, and refuses it twice', async () => {
    expect((await ask('đổi bằng tài')).kind).not.toBe('answer')
    const res = await call('POST', '/v1/admin/vocabulary', {
      kind: 'synonym',
      text: 'bằng tài',
      target: 'giấy phép lái xe',
      note: 'Cách gọi ở miền Tây',
    })
    expect(res.status).toBe(201)
    const saved = res.body as Saved
    expect(saved.entry).toMatchObject({ kind: 'synonym', revision: 1, source: 'console' })
    expect(saved.check.changed).toEqual([])
    for (const text of ['đổi bằng tài', 'doi bang tai']) {
      const reply = await ask(text)
      expect(reply.kind, text).toBe('answer')
      expect(reply.procedure?.code, text).toBe('3.000347')
    }
    const again = await call('POST', '/v1/admin/vocabulary', {
      kind: 'synonym',
      text: 'Bằng  Tài',
      target: 'bằng lái',
    })
    expect(again.status).toBe(409)
  }, 60_000)

  it('lists the development questions a wrong word would break, and undoes it', async () => {
    // "căn cước" taken for a passport would send every identity-card question elsewhere.
    const res = await call('POST', '/v1/admin/vocabulary', {
      kind: 'synonym',
      text: 'căn cước',
      target: 'hộ chiếu',
    })
    expect(res.status).toBe(201)
    const { check, entry } = res.body as Saved
    expect(check.changed.length).toBeGreaterThan(0)
    expect(check.changed.some((c) => /căn cước|can cuoc/.test(c.question))).toBe(true)
    expect(
      check.changed.every(
        (c) =>
          c.before.kind !== c.after.kind || c.before.code !== c.after.code || c.before.text !== c.after.text,
      ),
    ).toBe(true)
    expect((await ask('đổi căn cước mất bao nhiêu tiền')).procedure?.code).not.toBe('1.014063')
    // Undone at once: the new entry is removed.
    const undone = await call('POST', `/v1/admin/vocabulary/${entry.id}/undo`)
    expect((undone.body as Saved).entry.active).toBe(false)
    expect((undone.body as Saved).check.changed.length).toBe(check.changed.length)
    expect((await ask('đổi căn cước mất bao nhiêu tiền')).procedure?.code).toBe('1.014063')
  }, 60_000)

  it('rewrites an abbreviation before anything else', async () => {
    const before = await ask('thủ tục đkhkd')
    const res = await call('POST', '/v1/admin/vocabulary', {
      kind: 'abbreviation',
      text: 'đkhkd',
      target: 'đăng ký hộ kinh doanh',
    })
    expect(res.status).toBe(201)
    const after = await ask('thủ tục đkhkd')
    expect(before.kind).not.toBe('answer')
    expect(after.kind).toBe('answer')
    expect(after.procedure?.name).toMatch(/hộ kinh doanh/)
  }, 60_000)

  it('refuses a learnt phrase without a procedure code, an empty text and an unknown kind', async () => {
    for (const body of [
      { kind: 'phrase', text: 'làm giấy khai sinh', target: 'giấy khai sinh' },
      { kind: 'phrase', text: 'làm giấy khai sinh', target: '9.999999' },
      { kind: 'synonym', text: '  ', target: 'giấy phép lái xe' },
      { kind: 'synonym', text: '!!!', target: 'giấy phép lái xe' },
      { kind: 'slang', text: 'bằng tài', target: 'giấy phép lái xe' },
    ]) {
      const res = await call('POST', '/v1/admin/vocabulary', body)
      expect(res.status, JSON.stringify(body)).toBe(400)
    }
  })
})
