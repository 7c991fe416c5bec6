import { expect, it } from 'vitest'
import { MAX_LISTED_NAME_CHARS } from '../../../knowledge/answer/label-candidates.ts'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'

/** "Đăng ký thường trú". */
const PERMANENT_RESIDENCE = '1.004222'

describeOnPortal('procedures named beside an answer or a doubt', (portal) => {
  it('offers for an expiring visa only procedures about visas, not a land name holding "thị" and "thực" apart', async () => {
    const reply = await portal.kb.answer('visa của em sắp hết hạn thì phải làm sao')
    expect(reply.kind).toBe('clarify')
    const offered = reply.candidates ?? []
    expect(offered.length).toBeGreaterThan(0)
    for (const c of offered) expect(c.name.toLowerCase()).toContain('thị thực')
  })

  it('answers a move to the spouse’s home with the residence registration, naming no long name it barely touches as related', async () => {
    const reply = await portal.kb.answer(
      'dạ cho em hỏi em mới chuyển về nhà chồng ở xã khác thì cần làm thủ tục gì ạ',
    )
    expect(reply.kind).toBe('answer')
    expect(reply.procedure?.code).toBe(PERMANENT_RESIDENCE)
    // "… cá nhân thường trú tại xã mà không có đất ở …", a land allocation of several hundred characters
    expect(reply.text).not.toContain('Giao đất ở')
  })

  it('names no procedure as related for sharing only the kind of place ("lên thành phố")', async () => {
    const reply = await portal.kb.answer('chuyển trường cho con lên thành phố')
    expect(reply.kind).toBe('not_found')
    expect(reply.candidates ?? []).toEqual([])
  })

  it('shortens a long related name in the reply, with its code to find the whole record', async () => {
    const replies = await Promise.all(
      // an answer with related procedures, and a question the records do not cover with the nearest ones
      ['mat giay dang ky xe', 'chứng thực bản dịch tiếng Anh sang tiếng Việt'].map((q) =>
        portal.kb.answer(q),
      ),
    )
    expect(replies.map((r) => r.kind)).toEqual(['answer', 'not_found'])
    for (const reply of replies) {
      const listed = reply.text.split('\n').filter((line) => /^[-•] .*\(mã \d\.\d{6}\)$/.test(line))
      // among them a name longer than the limit, shortened with "…"
      expect(listed.some((line) => line.includes('… (mã'))).toBe(true)
      for (const line of listed)
        expect(line.replace(/^[-•] /, '').replace(/ \(mã .*$/, '').length).toBeLessThanOrEqual(
          MAX_LISTED_NAME_CHARS,
        )
      for (const c of reply.reply?.choices ?? []) expect(c.label.length).toBeLessThanOrEqual(80)
    }
  })
})
