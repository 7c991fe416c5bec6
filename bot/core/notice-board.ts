/**
 * Staff notices as the conversation sees them: post, list and remove (audited), and the
 * notices in force for a channel, read from the database at most every `refreshMs` so every
 * process serving the bot follows a change within seconds.
 * @module
 */
import { and, desc, eq, isNull } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '../../knowledge/db/client.ts'
import { recordAudit } from '../../knowledge/db/record-audit.ts'
import { NOTICE_MODES, type NoticeMode, notices } from '../../knowledge/db/schema/index.ts'
import { AppError } from '../../knowledge/errors.ts'
import type { ChannelName } from './reply.types.ts'

export const NOTICE_CHANNELS = ['web', 'telegram', 'zalo', 'botframework'] as const satisfies ChannelName[]

export const ZNewNotice = z.object({
  text: z.string().trim().normalize('NFC').min(3, 'nội dung thông báo quá ngắn').max(500, 'tối đa 500 ký tự'),
  mode: z.enum(NOTICE_MODES, { error: 'mode là banner hoặc maintenance' }),
  channels: z
    .array(z.enum(NOTICE_CHANNELS, { error: `kênh là một trong: ${NOTICE_CHANNELS.join(', ')}` }))
    .min(1)
    .optional(),
  until: z.iso
    .datetime({ offset: true, error: 'until là thời điểm ISO 8601, ví dụ 2026-12-04T22:00:00+07:00' })
    .optional(),
})

export type Notice = {
  id: number
  text: string
  mode: NoticeMode
  channels: string[] | null
  until: string | null
}

export type NoticeBoard = {
  /** The banner and maintenance notices in force for a channel now. */
  active: (channel: ChannelName) => Promise<{ banners: Notice[]; maintenance: Notice | null }>
}

const inForce = (notice: Notice, channel: ChannelName, now: number) =>
  (notice.until === null || Date.parse(notice.until) > now) &&
  (notice.channels === null || notice.channels.includes(channel))

const readOpen = async (db: Db): Promise<Notice[]> =>
  db
    .select({
      id: notices.id,
      text: notices.text,
      mode: notices.mode,
      channels: notices.channels,
      until: notices.until,
    })
    .from(notices)
    .where(isNull(notices.removedAt))
    .orderBy(desc(notices.id))

/** @param refreshMs how long one read of the notices is reused (2 s by default) */
export const createNoticeBoard = ({
  db,
  refreshMs = 2000,
  clock = Date.now,
}: {
  db: Db
  refreshMs?: number
  clock?: () => number
}): NoticeBoard => {
  let cached: { at: number; list: Notice[] } | null = null
  let pending: Promise<Notice[]> | null = null
  const list = async () => {
    const now = clock()
    if (cached && now - cached.at < refreshMs) return cached.list
    pending ??= readOpen(db)
      .then((rows) => {
        cached = { at: clock(), list: rows }
        return rows
      })
      .finally(() => {
        pending = null
      })
    return pending
  }
  return {
    active: async (channel) => {
      const now = clock()
      const open = (await list()).filter((n) => inForce(n, channel, now))
      return {
        banners: open.filter((n) => n.mode === 'banner'),
        maintenance: open.find((n) => n.mode === 'maintenance') ?? null,
      }
    },
  }
}

export const postNotice = async ({
  db,
  actor,
  notice,
}: {
  db: Db
  actor: string
  notice: z.infer<typeof ZNewNotice>
}): Promise<Notice> => {
  const at = new Date().toISOString()
  const until = notice.until ? new Date(notice.until).toISOString() : null
  if (until && Date.parse(until) <= Date.now())
    throw new AppError('BAD_REQUEST', 'Thời điểm kết thúc (until) đã qua.')
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(notices)
      .values({
        text: notice.text,
        mode: notice.mode,
        channels: notice.channels ?? null,
        until,
        createdBy: actor,
        createdAt: at,
      })
      .returning()
    const detail = { mode: notice.mode, channels: notice.channels ?? null, until }
    await recordAudit(tx, { actor, action: 'notice.post', entity: 'notice', entityId: row!.id, detail, at })
    return {
      id: row!.id,
      text: row!.text,
      mode: row!.mode,
      channels: row!.channels ?? null,
      until: row!.until,
    }
  })
}

export const listNotices = async ({ db }: { db: Db }) => {
  const now = Date.now()
  const rows = await readOpen(db)
  return rows.map((n) => ({ ...n, ended: n.until !== null && Date.parse(n.until) <= now }))
}

/** @throws AppError NOT_FOUND when the notice does not exist or was already removed */
export const removeNotice = async ({
  db,
  actor,
  id,
}: {
  db: Db
  actor: string
  id: number
}): Promise<void> => {
  const at = new Date().toISOString()
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(notices)
      .set({ removedAt: at })
      .where(and(eq(notices.id, id), isNull(notices.removedAt)))
      .returning({ id: notices.id })
    if (!rows[0]) throw new AppError('NOT_FOUND', `Không có thông báo số ${id} đang hiệu lực.`)
    await recordAudit(tx, { actor, action: 'notice.remove', entity: 'notice', entityId: id, at })
  })
}
