import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditLog } from '../../../knowledge/db/schema/index.ts'
import { useTestApp } from '../../helpers/create-test-app.ts'
import { proceduresFile, readProceduresText } from '../../helpers/paths.ts'

const ADMIN_TOKEN = 'automation-token-0123456789'
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` }

type Job = {
  id: string
  status: string
  phase: string
  done: number
  total: number
  error: { message: string } | null
  summary: { read: number; inserted: number; updated: number; unchanged: number } | null
  report: {
    byCode: { code: string; count: number }[]
    warnings: { line: number; code: string; procedure?: string }[]
    listed: number
  } | null
  flagged: number
}
type Flag = {
  id: number
  procedureCode: string
  name: string | null
  reason: string
  status: string
  line: number
  importId: string
}

const t = useTestApp({ ADMIN_TOKEN }, { timeout: 60_000 })

const startImport = async (body: Uint8Array | string, query = '') => {
  const res = await t.app.request(`/v1/admin/imports${query}`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/octet-stream' },
    body: body as BodyInit,
  })
  return { status: res.status, job: (await res.json()) as Job }
}

/** Polls the job as the console does, keeping every state it saw. */
const follow = async (id: string) => {
  const seen: Job[] = []
  for (;;) {
    const res = await t.app.request(`/v1/admin/imports/${id}`, { headers: auth })
    expect(res.status).toBe(200)
    const job = (await res.json()) as Job
    seen.push(job)
    if (job.status !== 'running') return { job, seen }
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('import from the console', () => {
  it('imports the gzip export in the worker with progress n/N, then a warnings report by code and a work queue', async () => {
    const { status, job } = await startImport(readFileSync(proceduresFile), '?asOf=2026-07-15')
    expect(status).toBe(202)
    expect(job.status).toBe('running')
    const { job: done, seen } = await follow(job.id)
    expect(done.error).toBeNull()
    expect(done.status).toBe('done')
    // Progress was visible while it ran: records read out of all of them.
    const partial = seen.filter((s) => s.phase === 'parse' && s.done > 0 && s.done < s.total)
    expect(partial.length).toBeGreaterThan(0)
    expect(partial[0]?.total).toBe(2642)
    expect(done.summary?.read).toBe(2642)
    expect(t.deps.kb.size()).toBeGreaterThanOrEqual(2642)

    const report = done.report!
    const total = report.byCode.reduce((s, c) => s + c.count, 0)
    expect(report.listed).toBe(report.byCode.reduce((s, c) => s + Math.min(200, c.count), 0))
    expect(report.listed).toBeLessThan(total)
    // Every code has its lines listed, however many others come before it.
    for (const { code } of report.byCode) expect(report.warnings.some((w) => w.code === code)).toBe(true)
    for (const code of ['LEGAL_MALFORMED', 'DURATION_UNIT_MISSING'])
      expect(report.byCode.map((c) => c.code)).toContain(code)
    const counts = report.byCode.map((c) => c.count)
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
    // Each listed warning about a record names it, so the console can open it.
    expect(
      report.warnings.filter((w) => w.line > 0).every((w) => /^\d\.\d{6}$/.test(w.procedure ?? '')),
    ).toBe(true)

    const flags = (await (
      await t.app.request('/v1/admin/import-flags?limit=1000', { headers: auth })
    ).json()) as {
      flags: Flag[]
    }
    expect(done.flagged).toBeGreaterThan(0)
    const reasons = new Set(flags.flags.map((f) => f.reason))
    for (const reason of ['LEGAL_MALFORMED', 'DISTRICT_BODY']) expect(reasons).toContain(reason)
    expect([...reasons].some((r) => r.startsWith('FEE_'))).toBe(true)
    expect(flags.flags.every((f) => f.status === 'open' && f.name)).toBe(true)
  }, 120_000)

  it('marks a flagged record done (audited), and a later import keeps that decision', async () => {
    const { flags } = (await (await t.app.request('/v1/admin/import-flags', { headers: auth })).json()) as {
      flags: Flag[]
    }
    const flag = flags.find((f) => f.reason === 'LEGAL_MALFORMED')!
    const res = await t.app.request(`/v1/admin/import-flags/${flag.id}`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'done', note: 'Đã sửa căn cứ pháp lý' }),
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ status: 'done', doneBy: 'admin', note: 'Đã sửa căn cứ pháp lý' })
    const audits = await t.testDb.db.select().from(auditLog).where(eq(auditLog.entity, 'import_flag'))
    expect(audits.map((a) => a.action)).toEqual(['import_flag.done'])

    // The same record imported again (with an earlier date, so it changes) is still flagged, but stays done.
    const line = readProceduresText().split('\n')[flag.line - 1]!
    expect(line).toContain(flag.procedureCode)
    const again = await startImport(line, '?asOf=2026-07-14')
    expect((await follow(again.job.id)).job.status).toBe('done')
    const open = (await (
      await t.app.request('/v1/admin/import-flags?limit=1000', { headers: auth })
    ).json()) as {
      flags: Flag[]
    }
    expect(open.flags.map((f) => f.id)).not.toContain(flag.id)
    const closed = (await (
      await t.app.request('/v1/admin/import-flags?status=done', { headers: auth })
    ).json()) as {
      flags: Flag[]
    }
    expect(closed.flags.map((f) => f.id)).toEqual([flag.id])
    expect(closed.flags[0]?.importId).toBe(again.job.id)
  }, 120_000)

  it('reports a malformed line as a failed import that changed nothing', async () => {
    const size = t.deps.kb.size()
    const lines = readProceduresText().split('\n').slice(0, 5).join('\n')
    const { status, job } = await startImport(gzipSync(`${lines}\n{"ma_thu_tuc": "1.0"\n`))
    expect(status).toBe(202)
    const { job: failed } = await follow(job.id)
    expect(failed.status).toBe('failed')
    expect(failed.error?.message).toMatch(/6/)
    expect(t.deps.kb.size()).toBe(size)
    expect((await startImport('  \n')).status).toBe(400)
    expect((await t.app.request('/v1/admin/imports/not-a-job', { headers: auth })).status).toBe(400)
  }, 60_000)
})
