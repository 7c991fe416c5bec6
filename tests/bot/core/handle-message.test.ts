import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { messages } from '../../../bot/core/messages.ts'
import type { ChannelName, Reply } from '../../../bot/core/reply.types.ts'
import { interactions, unansweredQuestions } from '../../../knowledge/db/schema/index.ts'
import {
  conversationOver,
  createSeededKnowledgeBase,
  type SeededKnowledgeBase,
} from '../seeded-knowledge-base.ts'

let seeded: SeededKnowledgeBase
beforeAll(async () => {
  seeded = await createSeededKnowledgeBase()
})
afterAll(() => seeded.close())

const texts = (replies: Reply[]) => replies.map((r) => (r.type === 'link' ? r.url : r.text)).join('\n')
const choicesOf = (replies: Reply[], purpose: string) =>
  replies.flatMap((r) => (r.type === 'choices' && r.purpose === purpose ? r.choices : []))
const headingOf = (replies: Reply[]) =>
  replies.flatMap((r) => (r.type === 'text' && r.procedure ? [r.procedure] : []))[0]
/** A new conversation (as of now, or of `clock`) seen from one user: what they type and which button they press. */
const talkAs = (
  channel: ChannelName,
  userId: string,
  clock = { now: Date.now() },
  config?: Parameters<typeof conversationOver>[2],
) => {
  const chat = conversationOver(seeded, clock, config)
  return {
    say: (text: string) => chat.handle({ channel, userId, text }),
    choose: (choice: string) => chat.handle({ channel, userId, choice }),
  }
}
/** The rate-limit tests' message: one user asks about birth registration. */
const askBirth = (
  chat: ReturnType<typeof conversationOver>,
  user: { channel: 'telegram' | 'zalo'; userId: string },
) => chat.handle({ ...user, text: 'đăng ký khai sinh' })
const slowDown: Reply[] = [{ type: 'text', text: messages.slowDown }]

describe('createConversation', () => {
  it('clarifies an ambiguous question, answers the chosen option, follows up on the fee and takes feedback', async () => {
    const clock = { now: Date.parse('2026-11-22T08:00:00Z') }
    const user = talkAs('telegram', 'scripted-1', clock)

    const clarify = await user.say('căn cước')
    const options = choicesOf(clarify, 'clarify')
    expect(options.length).toBeGreaterThan(1)
    expect(options.length).toBeLessThanOrEqual(5)
    const reissue = options.find((o) => o.label === 'Cấp lại thẻ căn cước')
    expect(reissue?.id).toBe('p:1.014064')

    const answered = await user.choose(reissue!.id)
    expect(headingOf(answered)).toMatchObject({ code: '1.014064', name: 'Cấp lại thẻ căn cước' })
    expect(answered.some((r) => r.type === 'link' && r.url.startsWith('https://dichvucong.gov.vn/'))).toBe(
      true,
    )
    const feedback = choicesOf(answered, 'feedback')
    expect(feedback.map((c) => c.label)).toEqual([messages.feedbackUseful, messages.feedbackNotUseful])

    const fee = await user.say('phí bao nhiêu?')
    expect(headingOf(fee)?.code).toBe('1.014064')
    expect(texts(fee)).toMatch(/Lệ phí/)

    const feeFeedback = choicesOf(fee, 'feedback')[1]!
    const thanks = await user.choose(feeFeedback.id)
    expect(texts(thanks)).toContain('Cảm ơn bạn')
    const interactionId = feeFeedback.id.split(':')[2]!
    const [row] = await seeded.testDb.db.select().from(interactions).where(eq(interactions.id, interactionId))
    expect(row).toMatchObject({
      feedback: 'not_useful',
      procedureCode: '1.014064',
      facet: 'fees',
      text: 'phí bao nhiêu?',
    })
    const unanswered = await seeded.testDb.db
      .select()
      .from(unansweredQuestions)
      .where(eq(unansweredQuestions.interactionId, interactionId))
    expect(unanswered).toMatchObject([{ reason: 'not_useful', channel: 'telegram', text: 'phí bao nhiêu?' }])
  })

  it('keeps follow-ups on the procedure and switches on a new topic', async () => {
    const user = talkAs('zalo', 'follow-up-1')
    expect(headingOf(await user.say('làm lại căn cước bị mất'))?.code).toBe('1.014064')
    const online = await user.say('làm online được không')
    expect(headingOf(online)?.code).toBe('1.014064')
    expect(texts(online)).toMatch(/trực tuyến/i)
    expect(headingOf(await user.say('đăng ký khai sinh'))?.code).toBe('1.001193')
    expect(headingOf(await user.say('phí bao nhiêu?'))?.code).toBe('1.001193')
  })

  it('moves to the re-issue when a follow-up says the card was lost, and asks a bare part among the options', async () => {
    const user = talkAs('telegram', 'follow-up-2')
    expect(headingOf(await user.say('làm căn cước cho con 10 tuổi'))?.code).toBe('1.014062')
    expect(headingOf(await user.say('mất rồi'))?.code).toBe('1.014064')
    const other = talkAs('zalo', 'follow-up-3')
    const options = choicesOf(await other.say('căn cước'), 'clarify')
    expect(options.length).toBeGreaterThan(1)
    // "con tôi 10 tuổi" answers the option labelled by an age
    expect(headingOf(await other.say('con tôi 10 tuổi'))?.code).toBe('1.014062')
    // a number with no list before it: nothing to pick, no procedure offered
    const stray = await other.say('số 3')
    expect(texts(stray)).toMatch(/không có danh sách nào để chọn/)
    expect(choicesOf(stray, 'clarify')).toEqual([])
  })

  it('answers a clarify option picked by its number', async () => {
    const user = talkAs('web', 'by-number')
    const options = choicesOf(await user.say('giay phep lai xe'), 'clarify')
    const second = await user.say('2')
    expect(headingOf(second)?.code).toBe(options[1]!.id.slice(2))
  })

  it('forgets the procedure after the session expires', async () => {
    const clock = { now: Date.now() }
    const user = talkAs('telegram', 'expiring', clock, { sessionTtlMinutes: 30 })
    await user.say('làm lại căn cước bị mất')
    clock.now += 29 * 60_000
    expect(headingOf(await user.say('phí bao nhiêu?'))?.code).toBe('1.014064')
    clock.now += 31 * 60_000
    const late = await user.say('phí bao nhiêu?')
    expect(headingOf(late)).toBeUndefined()
  })

  it('continues a conversation in a second instance sharing the database (another process)', async () => {
    const clock = { now: Date.now() }
    const first = conversationOver(seeded, clock)
    const second = conversationOver(seeded, clock)
    const user = { channel: 'zalo' as const, userId: 'two-processes' }
    const options = choicesOf(await first.handle({ ...user, text: 'căn cước' }), 'clarify')
    expect(headingOf(await second.handle({ ...user, text: '2' }))?.code).toBe(options[1]!.id.slice(2))
    expect(headingOf(await first.handle({ ...user, text: 'mất bao lâu' }))?.code).toBe(
      options[1]!.id.slice(2),
    )
  })

  it('masks personal data before storing and tells the citizen not to send it', async () => {
    const chat = conversationOver(seeded, { now: Date.now() })
    const replies = await chat.handle({
      channel: 'web',
      userId: 'pii',
      text: 'tôi mất căn cước số 001099012345, gọi 0912 345 678 hoặc a.b@gmail.com',
    })
    expect(replies[0]).toEqual({ type: 'text', text: messages.personalDataWarning })
    const rows = await seeded.testDb.db
      .select()
      .from(interactions)
      .where(eq(interactions.sessionId, 'web:pii'))
    expect(rows).toHaveLength(1)
    expect(rows[0]!.text).toBe('tôi mất căn cước số ***, gọi *** hoặc ***')
    const history = JSON.stringify(await chat.history('web', 'pii'))
    expect(history).not.toMatch(/001099012345|0912 345 678|gmail/)
  })

  it('stores a question it cannot answer, masked, as unanswered', async () => {
    const chat = conversationOver(seeded, { now: Date.now() })
    const replies = await chat.handle({ channel: 'telegram', userId: 'nf', text: 'xyzzy qwerty 0912345678' })
    expect(texts(replies)).toContain(messages.notFoundRecorded)
    const rows = await seeded.testDb.db
      .select()
      .from(unansweredQuestions)
      .where(eq(unansweredQuestions.reason, 'not_found'))
    expect(rows.map((r) => r.text)).toContain('xyzzy qwerty ***')
  })

  it('tells a flooding user to slow down once, does not answer them, and keeps answering others', async () => {
    const clock = { now: Date.now() }
    const chat = conversationOver(seeded, clock, { rateLimit: { burst: 3, perMinute: 6 } })
    const flooder = { channel: 'telegram' as const, userId: 'flooder' }
    for (let i = 0; i < 3; i += 1) expect(headingOf(await askBirth(chat, flooder))).toBeDefined()
    expect(await askBirth(chat, flooder)).toEqual(slowDown)
    expect(await askBirth(chat, flooder)).toEqual([])
    expect(headingOf(await askBirth(chat, { channel: 'telegram', userId: 'calm' }))).toBeDefined()
    const stored = await seeded.testDb.db
      .select()
      .from(interactions)
      .where(eq(interactions.sessionId, 'telegram:flooder'))
    expect(stored).toHaveLength(3)
  })

  it('slows a flooding user down across two processes sharing the database (BOT_RATE_LIMIT_SCOPE=database)', async () => {
    const clock = { now: Date.now() }
    const rateLimit = { burst: 2, perMinute: 6, scope: 'database' as const }
    const processA = conversationOver(seeded, clock, { rateLimit })
    const processB = conversationOver(seeded, clock, { rateLimit })
    const flooder = { channel: 'zalo' as const, userId: 'flooder-shared' }
    expect(headingOf(await askBirth(processA, flooder))).toBeDefined()
    expect(headingOf(await askBirth(processB, flooder))).toBeDefined()
    expect(await askBirth(processA, flooder)).toEqual(slowDown)
    expect(await askBirth(processB, flooder)).toEqual([])
    expect(headingOf(await askBirth(processB, { channel: 'zalo', userId: 'calm-shared' }))).toBeDefined()
  })

  it.each([
    [{ command: 'help' as const }, messages.help],
    [{ text: '/contact' }, '18001096'],
    [{ choice: 'm:privacy' }, 'Quyền riêng tư'],
    [{ text: '/start@trolyso_bot' }, 'Trợ lý số'],
  ])('answers the menu entry %j', async (input, expected) => {
    const chat = conversationOver(seeded, { now: Date.now() })
    expect(texts(await chat.handle({ channel: 'telegram', userId: 'menu', ...input }))).toContain(expected)
  })

  it('ignores feedback on another session’s answer and stale choices', async () => {
    const chat = conversationOver(seeded, { now: Date.now() })
    const owner = await chat.handle({ channel: 'web', userId: 'owner', text: 'đăng ký khai sinh' })
    const useful = choicesOf(owner, 'feedback')[0]!
    const forged = await chat.handle({ channel: 'web', userId: 'intruder', choice: useful.id })
    expect(texts(forged)).toBe(messages.staleChoice)
    const [row] = await seeded.testDb.db
      .select()
      .from(interactions)
      .where(eq(interactions.id, useful.id.split(':')[2]!))
    expect(row?.feedback).toBeNull()
    expect(texts(await chat.handle({ channel: 'web', userId: 'owner', choice: 'p:9.999999' }))).toBe(
      messages.staleChoice,
    )
    expect(texts(await chat.handle({ channel: 'web', userId: 'owner', choice: 'garbage' }))).toBe(
      messages.staleChoice,
    )
  })

  it('keeps a web transcript and none for messaging channels', async () => {
    const chat = conversationOver(seeded, { now: Date.now() })
    await chat.handle({ channel: 'web', userId: 'transcript', text: 'đăng ký kết hôn' })
    await chat.handle({ channel: 'telegram', userId: 'transcript', text: 'đăng ký kết hôn' })
    const history = await chat.history('web', 'transcript')
    expect(history.map((h) => h.from)).toEqual(['user', 'bot'])
    expect(await chat.history('telegram', 'transcript')).toEqual([])
  })

  it('answers a request for a person with the hotline and a status question with where to look it up, never a procedure', async () => {
    const user = talkAs('telegram', 'intents-1')
    const contact = await user.say('cho tôi gặp nhân viên')
    expect(headingOf(contact)).toBeUndefined()
    expect(texts(contact)).toContain('1800 1096')
    expect(contact.some((r) => r.type === 'link' && r.url === 'https://dichvucong.gov.vn')).toBe(true)
    const status = await user.say('hồ sơ của tôi đến đâu rồi')
    expect(headingOf(status)).toBeUndefined()
    expect(texts(status)).toMatch(/Tra cứu hồ sơ/)
    expect(status.some((r) => r.type === 'link' && r.label === messages.statusLink)).toBe(true)
    const rows = await seeded.testDb.db
      .select()
      .from(interactions)
      .where(eq(interactions.sessionId, 'telegram:intents-1'))
    expect(rows.map((r) => r.kind).sort()).toEqual(['contact', 'status'])
  })

  it('offers the related procedures as buttons when the records do not cover the question', async () => {
    const user = talkAs('zalo', 'not-covered-1')
    const replies = await user.say('gia hạn giấy khai sinh')
    expect(headingOf(replies)).toBeUndefined()
    expect(texts(replies)).toContain('không có thủ tục đúng')
    const related = choicesOf(replies, 'clarify')
    expect(related.map((c) => c.id)).toContain('p:1.001193')
    const picked = await user.choose('p:1.001193')
    expect(headingOf(picked)?.code).toBe('1.001193')
  })
})

describe('structured answers', () => {
  it('carries the structure, names the procedure only in the heading, and drops the footer on a follow-up', async () => {
    const clock = { now: Date.parse('2026-11-22T09:00:00Z') }
    const user = talkAs('web', 'structured-1', clock)
    const first = (await user.say('làm lại thẻ căn cước bị mất')).find((r) => r.type === 'text')
    expect(first).toMatchObject({ type: 'text', procedure: { code: '1.014064' } })
    if (first?.type !== 'text' || !first.body || !first.procedure) throw new Error('no structured answer')
    expect(first.followUp).toBeUndefined()
    expect(first.text.split('\n')[0]).toBe(first.body.lead)
    // The heading names the procedure and the link button carries the URL: neither is repeated.
    expect(first.text).not.toContain(`${first.procedure.name} (mã`)
    expect(first.text).not.toContain('https://')
    expect(first.text).toContain('Thông tin thêm:')

    const fee = (await user.say('phí bao nhiêu?')).find((r) => r.type === 'text')
    expect(fee).toMatchObject({ type: 'text', followUp: true, procedure: { code: '1.014064' } })
    if (fee?.type !== 'text') throw new Error('no follow-up')
    expect(fee.text).toMatch(/^Lệ phí/)
    expect(fee.text).not.toContain('Thông tin thêm:')
    expect(fee.text).toContain('Nguồn: ')
  })
})
