import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { unansweredQuestions } from '../../../knowledge/db/schema/index.ts'
import { createTestApp, type TestApp } from '../../helpers/create-test-app.ts'
import { readProceduresText } from '../../helpers/paths.ts'

const TOKEN = 'admin-token-for-tests-0123456789'
const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }

describe('admin routes', () => {
  let t: TestApp
  let code: string
  beforeAll(async () => {
    t = await createTestApp({ ADMIN_TOKEN: TOKEN })
    code = t.deps.kb.search('đăng ký khai sinh', { limit: 1 })[0]!.code
  })
  afterAll(() => t.close())

  it.each([
    ['no token', {}, 401],
    ['a wrong token', { authorization: 'Bearer not-the-admin-token-000' }, 401],
  ])('refuses %s', async (_name, headers, status) => {
    const res = await t.app.request('/v1/admin/unanswered', { headers })
    expect(res.status).toBe(status)
  })

  // a procedure of its own, so the revision history checked below stays as it is
  const other = '1.000656'

  it.each([
    'javascript:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'http://example.com/thu-tuc',
  ])('refuses %j as an official URL with a 400 naming the field', async (url) => {
    const res = await t.app.request(`/v1/admin/procedures/${other}`, {
      method: 'PATCH',
      headers: auth,
      body: JSON.stringify({ changes: { url }, reason: 'Sửa liên kết' }),
    })
    expect(res.status).toBe(400)
    const error = ((await res.json()) as { error: { message: string; details: { field: string }[] } }).error
    expect(error.details.map((d) => d.field)).toContain('changes.url')
    expect(error.message).toMatch(/https:\/\//)
    expect((await t.deps.kb.getProcedure(other))?.url).not.toBe(url)
  })

  it('accepts an https link and an http link on a gov.vn host', async () => {
    for (const url of ['https://dichvucong.gov.vn/p/moi', 'http://dvc.hanam.gov.vn/p/moi']) {
      const res = await t.app.request(`/v1/admin/procedures/${other}`, {
        method: 'PATCH',
        headers: auth,
        body: JSON.stringify({ changes: { url }, reason: 'Sửa liên kết' }),
      })
      expect(res.status, await res.clone().text()).toBe(200)
      expect((await t.deps.kb.getProcedure(other))?.url).toBe(url)
    }
  })

  it('is switched off when no ADMIN_TOKEN is configured', async () => {
    const off = await createTestApp()
    try {
      const res = await off.app.request('/v1/admin/unanswered', { headers: auth })
      expect(res.status).toBe(403)
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/ADMIN_TOKEN/)
    } finally {
      off.close()
    }
  })

  it('corrects a procedure as a new revision, searchable at once, and restores the old one', async () => {
    const before = (await (await t.app.request(`/v1/procedures/${code}`)).json()) as {
      name: string
      revision: number
    }
    const patch = await t.app.request(`/v1/admin/procedures/${code}`, {
      method: 'PATCH',
      headers: auth,
      body: JSON.stringify({
        changes: { name: `${before.name} (bản sửa thử nghiệm zzqx)` },
        reason: 'Kiểm tra sửa tên',
      }),
    })
    expect(patch.status).toBe(200)
    const patched = (await patch.json()) as { changed: boolean; procedure: { revision: number } }
    expect(patched.changed).toBe(true)
    expect(patched.procedure.revision).toBe(before.revision + 1)
    expect(t.deps.kb.search('zzqx', { limit: 1 })[0]?.code).toBe(code)

    const history = (await (
      await t.app.request(`/v1/admin/procedures/${code}/revisions`, { headers: auth })
    ).json()) as {
      revisions: { revision: number; reason: string }[]
    }
    expect(history.revisions.map((r) => r.revision)).toEqual([before.revision + 1, before.revision])
    expect(history.revisions[0]!.reason).toBe('Kiểm tra sửa tên')

    const restore = await t.app.request(`/v1/admin/procedures/${code}/restore`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ revision: before.revision, reason: 'Hoàn tác thử nghiệm' }),
    })
    expect(restore.status).toBe(200)
    const restored = (await restore.json()) as { procedure: { name: string; revision: number } }
    expect(restored.procedure.name).toBe(before.name)
    expect(restored.procedure.revision).toBe(before.revision + 2)
    expect(t.deps.kb.search('zzqx', { limit: 1 })[0]?.code).not.toBe(code)
  })

  it.each([
    ['an empty change', { changes: {}, reason: 'không có gì' }, 400],
    ['a missing reason', { changes: { name: 'Tên mới của thủ tục' } }, 400],
    [
      'a fee that is not a number',
      { changes: { channels: [{ kind: 'direct', feeVnd: 'nhiều' }] }, reason: 'sai kiểu' },
      400,
    ],
  ])('rejects %s and keeps the stored record', async (_name, body, status) => {
    const before = await (await t.app.request(`/v1/procedures/${code}`)).json()
    const res = await t.app.request(`/v1/admin/procedures/${code}`, {
      method: 'PATCH',
      headers: auth,
      body: JSON.stringify(body),
    })
    expect(res.status).toBe(status)
    expect(await (await t.app.request(`/v1/procedures/${code}`)).json()).toEqual(before)
  })

  it('imports a slice of the official export and reports what changed; a malformed line changes nothing', async () => {
    const lines = readProceduresText().split('\n').slice(0, 20).join('\n')
    const first = await t.app.request('/v1/admin/import?asOf=2026-07-15', {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/x-ndjson' },
      body: lines,
    })
    expect(first.status).toBe(200)
    const summary = (await first.json()) as { inserted: number; updated: number; unchanged: number }
    expect(summary.inserted + summary.updated + summary.unchanged).toBe(20)
    const sizeAfter = t.deps.kb.size()

    const broken = `${lines.split('\n').slice(0, 5).join('\n')}\n{"ma_thu_tuc": "1.0"\n`
    const bad = await t.app.request('/v1/admin/import', {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/x-ndjson' },
      body: broken,
    })
    expect(bad.status).toBe(422)
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/6/)
    expect(t.deps.kb.size()).toBe(sizeAfter)
  })

  it('lists unanswered questions and records the review in the audit log', async () => {
    await t.deps.db.insert(unansweredQuestions).values({
      channel: 'web',
      text: 'xin giấy phép nuôi rồng',
      reason: 'not_found',
      createdAt: Date.now(),
    })
    const list = (await (await t.app.request('/v1/admin/unanswered', { headers: auth })).json()) as {
      results: { id: number; text: string }[]
    }
    const item = list.results.find((r) => r.text === 'xin giấy phép nuôi rồng')!
    expect(item).toBeDefined()
    const res = await t.app.request(`/v1/admin/unanswered/${item.id}`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ status: 'dismissed', note: 'Không phải thủ tục hành chính' }),
    })
    expect(res.status).toBe(200)
    const open = (await (await t.app.request('/v1/admin/unanswered', { headers: auth })).json()) as {
      results: { id: number }[]
    }
    expect(open.results.some((r) => r.id === item.id)).toBe(false)
    const missing = await t.app.request('/v1/admin/unanswered/999999', {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ status: 'resolved' }),
    })
    expect(missing.status).toBe(404)
  })
})
