import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createStaffAccount } from '../../../api/staff/create-staff-account.ts'
import { postNotice, removeNotice } from '../../../bot/core/notice-board.ts'
import { recordAudit } from '../../../knowledge/db/record-audit.ts'
import { auditLog, kbMeta } from '../../../knowledge/db/schema/index.ts'
import { useTestDb } from '../../helpers/create-test-db.ts'

describe('recordAudit', () => {
  const t = useTestDb({ each: true })
  const auditOf = (entity: string) => t.db.select().from(auditLog).where(eq(auditLog.entity, entity))

  it('writes the line of a new staff account as before: its id as text, the e-mail and role, the time given', async () => {
    const now = new Date('2026-12-01T08:00:00.000Z')
    const { account } = await createStaffAccount({
      db: t.db,
      actor: 'staff:admin@so.gov.vn',
      now,
      email: 'ho.so@so.gov.vn',
      name: 'Nguyễn Thị Hồ Sơ',
      role: 'editor',
    })
    expect(await auditOf('staff_account')).toEqual([
      {
        id: 1,
        actor: 'staff:admin@so.gov.vn',
        action: 'staff.create',
        entity: 'staff_account',
        entityId: String(account.id),
        detail: { email: 'ho.so@so.gov.vn', role: 'editor' },
        at: now.toISOString(),
      },
    ])
  })

  it('writes the lines of a notice posted and removed: the removal without detail, both at the time of the change', async () => {
    const before = new Date().toISOString()
    const notice = await postNotice({
      db: t.db,
      actor: 'staff:admin@so.gov.vn',
      notice: { text: 'Hệ thống bảo trì tối nay', mode: 'banner' },
    })
    await removeNotice({ db: t.db, actor: 'staff:admin@so.gov.vn', id: notice.id })
    const after = new Date().toISOString()
    const rows = await auditOf('notice')
    expect(rows.map(({ id: _, at: __, ...row }) => row)).toEqual([
      {
        actor: 'staff:admin@so.gov.vn',
        action: 'notice.post',
        entity: 'notice',
        entityId: String(notice.id),
        detail: { mode: 'banner', channels: null, until: null },
      },
      {
        actor: 'staff:admin@so.gov.vn',
        action: 'notice.remove',
        entity: 'notice',
        entityId: String(notice.id),
        detail: null,
      },
    ])
    for (const row of rows) {
      expect(row.at >= before && row.at <= after, row.at).toBe(true)
    }
  })

  it('is written in the same batch as the change it records, or not at all', async () => {
    const change = t.db.insert(kbMeta).values({ key: 'audited', value: '1' })
    await t.db.batch([
      change,
      recordAudit(t.db, { actor: 'system', action: 'kb.mark', entity: 'kb_meta', entityId: 7 }),
    ])
    expect(await auditOf('kb_meta')).toMatchObject([{ entityId: '7', detail: null }])
    await expect(
      t.db.batch([
        recordAudit(t.db, { actor: 'system', action: 'kb.mark', entity: 'kb_meta', entityId: 8 }),
        t.db.insert(kbMeta).values({ key: 'audited', value: '2' }),
      ]),
    ).rejects.toThrow()
    expect(await auditOf('kb_meta')).toHaveLength(1)
  })
})
