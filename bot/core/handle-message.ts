/**
 * The conversation core every channel shares: one incoming message (text, tapped choice or
 * command) in, reply models out. It masks personal data first, keeps the conversation's
 * procedure in libSQL so follow-ups ("phí bao nhiêu?") stay on it, records interactions,
 * feedback and unanswered questions, and rate-limits each user. No channel SDK here.
 * @module
 */
import { randomBytes } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { Answer, AnswerContext } from '../../knowledge/answer/answer.types.ts'
import { renderReplyText } from '../../knowledge/answer/render-reply-text.ts'
import type { Db } from '../../knowledge/db/client.ts'
import { createGroupCommit } from '../../knowledge/db/group-commit.ts'
import { type CounterDb, createCounterDb } from '../../knowledge/db/open-counter-db.ts'
import { interactions } from '../../knowledge/db/schema/index.ts'
import { maskPersonalData } from '../../knowledge/text/mask-personal-data.ts'
import type { Logger } from '../../platform/logger.ts'
import { menuChoiceId, parseChoiceId, parseCommandText, procedureChoiceId } from './choice-ids.ts'
import { feedbackQuestion } from './feedback-question.ts'
import { messages, PORTAL_URL } from './messages.ts'
import type { RetentionSettings } from './prune-retention.ts'
import { createRateLimiter, createSharedRateLimiter } from './rate-limit.ts'
import { recordUnanswered } from './record-unanswered.ts'
import {
  type ChannelName,
  type Command,
  type Incoming,
  MAX_CHOICES,
  type ProcedureHeading,
  type Reply,
} from './reply.types.ts'
import { createSessionStore, type HistoryEntry, type SessionState } from './session-store.ts'

export type ConversationConfig = {
  sessionTtlMinutes: number
  hotline: string
  /** `database`: one bucket per user shared by every process serving the bot */
  rateLimit: { burst: number; perMinute: number; scope?: 'process' | 'database' }
  /** Channels whose transcript is kept in the session (the web page restores it on reload). */
  historyChannels?: ChannelName[]
  /** Days data is kept, told in the privacy notice (90 / 365 by default). */
  retention?: RetentionSettings
}

export type CreateConversationOptions = {
  db: Db
  answer: (question: string, context: AnswerContext) => Promise<Answer>
  getProcedure: (code: string) => Promise<ProcedureHeading | null>
  clock?: () => number
  config: ConversationConfig
  log?: Logger
  /** the app's counters, for `rateLimit.scope: database`; without them the conversation opens its own */
  counters?: CounterDb
}

export type Conversation = {
  handle: (incoming: Incoming) => Promise<Reply[]>
  /** The kept transcript of a session (empty when expired or not kept for that channel). */
  history: (channel: ChannelName, userId: string) => Promise<HistoryEntry[]>
  /** Whether the user has a live (unexpired) session on the channel. */
  hasSession: (channel: ChannelName, userId: string) => Promise<boolean>
}

const HISTORY_LIMIT = 20
const PURGE_EVERY = 500
const MAX_QUESTION_CHARS = 1000

const newInteractionId = () => randomBytes(9).toString('base64url')

const menu = (): Reply => ({
  type: 'choices',
  purpose: 'menu',
  text: messages.menuTitle,
  choices: [
    { id: menuChoiceId('contact'), label: messages.menuContact },
    { id: menuChoiceId('privacy'), label: messages.menuPrivacy },
  ],
})

/**
 * @param options.answer the knowledge base's answer function (`kb.answer`)
 * @param options.getProcedure looks a procedure up for a tapped choice
 * @returns the conversation; `handle` never throws for bad input, only for infrastructure failures
 * @example const conversation = createConversation({ db, answer: kb.answer, getProcedure: kb.getProcedure, config })
 */
export const createConversation = ({
  db,
  answer,
  getProcedure,
  clock = Date.now,
  config,
  log,
  counters,
}: CreateConversationOptions): Conversation => {
  const sessions = createSessionStore({ db, ttlMinutes: config.sessionTtlMinutes, clock })
  const limiter =
    config.rateLimit.scope === 'database'
      ? createSharedRateLimiter({
          counters: counters ?? createCounterDb(db),
          ...config.rateLimit,
          clock,
          onError: (error) =>
            log?.warn('chat rate limit counted in this process: the database did not answer', {
              error: String(error),
            }),
        })
      : createRateLimiter({ ...config.rateLimit, clock })
  const historyChannels = new Set(config.historyChannels ?? ['web'])
  const retention = config.retention ?? { conversationDays: 90, countsDays: 365 }
  const commit = createGroupCommit(db)
  let handled = 0

  const commandReplies = (command: Command): Reply[] => {
    switch (command) {
      case 'start':
        return [{ type: 'text', text: messages.welcome }, menu()]
      case 'help':
        return [{ type: 'text', text: messages.help }, menu()]
      case 'contact':
        return [
          { type: 'text', text: messages.contact(config.hotline) },
          { type: 'link', label: messages.contactLink, url: PORTAL_URL, purpose: 'contact' },
        ]
      case 'privacy':
        return [{ type: 'text', text: messages.privacy(retention.conversationDays, retention.countsDays) }]
    }
  }

  /**
   * The answer's text reply: with its structure, the plain text leaves out what the channel shows
   * elsewhere (the procedure's name is the heading, the link is a button) and, on a follow-up,
   * the footer already shown.
   */
  const answerText = (result: Answer, followUp: boolean): Reply => {
    const procedure = result.procedure ? { procedure: result.procedure } : {}
    if (!result.reply) return { type: 'text', text: result.text, ...procedure }
    const text = renderReplyText(result.reply, { followUp, withoutLink: Boolean(result.procedure?.url) })
    return { type: 'text', text, ...procedure, body: result.reply, ...(followUp ? { followUp } : {}) }
  }

  const answerReplies = (result: Answer, interactionId: string, followUp = false): Reply[] => {
    switch (result.kind) {
      case 'answer': {
        const replies: Reply[] = [answerText(result, followUp)]
        if (result.procedure?.url)
          replies.push({
            type: 'link',
            label: messages.officialPage(result.procedure.code),
            url: result.procedure.url,
          })
        replies.push(feedbackQuestion(interactionId))
        return replies
      }
      case 'clarify':
        return [
          {
            type: 'choices',
            purpose: 'clarify',
            text: result.text,
            choices: (result.candidates ?? [])
              .slice(0, MAX_CHOICES)
              .map((c) => ({ id: procedureChoiceId(c.code), label: c.label ?? c.name })),
          },
        ]
      case 'not_found': {
        const replies: Reply[] = [{ type: 'text', text: `${result.text}\n\n${messages.notFoundRecorded}` }]
        // The nearest procedures, offered only as "có thể liên quan": a tap answers that one.
        if (result.candidates?.length)
          replies.push({
            type: 'choices',
            purpose: 'clarify',
            text: messages.relatedTitle,
            choices: result.candidates
              .slice(0, MAX_CHOICES)
              .map((c) => ({ id: procedureChoiceId(c.code), label: c.label ?? c.name })),
          })
        return replies
      }
      case 'contact':
        return [
          { type: 'text', text: result.text },
          { type: 'link', label: messages.contactLink, url: PORTAL_URL, purpose: 'contact' },
        ]
      case 'status':
        return [
          { type: 'text', text: result.text },
          { type: 'link', label: messages.statusLink, url: PORTAL_URL },
        ]
      case 'smalltalk':
        return [{ type: 'text', text: result.text }]
    }
  }

  /** Answers a (masked) question, records it and moves the session on. */
  const ask = async (
    key: string,
    channel: ChannelName,
    session: SessionState,
    question: string,
    context: AnswerContext,
  ): Promise<{ replies: Reply[]; state: SessionState; writes: BatchItem<'sqlite'>[] }> => {
    const result = await answer(question, context)
    const interactionId = newInteractionId()
    const at = clock()
    const state: SessionState = { ...session }
    if (result.kind === 'answer' && result.procedure) {
      state.procedureCode = result.procedure.code
      state.candidateCodes = []
    } else if (result.kind === 'clarify') {
      state.procedureCode = null
      state.candidateCodes = (result.candidates ?? []).slice(0, MAX_CHOICES).map((c) => c.code)
    }
    const writes: BatchItem<'sqlite'>[] = [
      db.insert(interactions).values({
        id: interactionId,
        sessionId: key,
        channel,
        text: question,
        kind: result.kind,
        procedureCode: result.procedure?.code ?? null,
        facet: result.facet ?? null,
        createdAt: at,
      }),
    ]
    if (result.kind === 'not_found')
      writes.push(recordUnanswered({ db, interactionId, channel, text: question, reason: 'not_found', at }))
    log?.debug('chat answer', { channel, kind: result.kind, procedure: result.procedure?.code ?? null })
    const followUp =
      result.kind === 'answer' &&
      Boolean(session.procedureCode) &&
      result.procedure?.code === session.procedureCode
    return { replies: answerReplies(result, interactionId, followUp), state, writes }
  }

  const feedback = async (key: string, useful: boolean, interactionId: string): Promise<Reply[]> => {
    const [row] = await db
      .select()
      .from(interactions)
      .where(and(eq(interactions.id, interactionId), eq(interactions.sessionId, key)))
      .limit(1)
    if (!row) return [{ type: 'text', text: messages.staleChoice }]
    const value = useful ? 'useful' : 'not_useful'
    await db.update(interactions).set({ feedback: value }).where(eq(interactions.id, interactionId))
    if (!useful && row.feedback !== 'not_useful')
      await recordUnanswered({
        db,
        interactionId,
        channel: row.channel,
        text: row.text,
        reason: 'not_useful',
        at: clock(),
      })
    log?.info('chat feedback', { channel: row.channel, feedback: value, procedure: row.procedureCode })
    return [{ type: 'text', text: useful ? messages.thanksUseful : messages.thanksNotUseful(config.hotline) }]
  }

  const respond = async (
    incoming: Incoming,
    key: string,
    session: SessionState,
  ): Promise<{
    said: string | null
    replies: Reply[]
    state: SessionState
    writes: BatchItem<'sqlite'>[]
  }> => {
    const { channel } = incoming
    const none = { state: session, writes: [] }
    if (incoming.command)
      return { said: `/${incoming.command}`, replies: commandReplies(incoming.command), ...none }
    if (incoming.choice !== undefined) {
      const choice = parseChoiceId(incoming.choice)
      if (!choice) return { said: null, replies: [{ type: 'text', text: messages.staleChoice }], ...none }
      if (choice.kind === 'menu') return { said: null, replies: commandReplies(choice.command), ...none }
      if (choice.kind === 'feedback') {
        const label = choice.useful ? messages.feedbackUseful : messages.feedbackNotUseful
        return { said: label, replies: await feedback(key, choice.useful, choice.interactionId), ...none }
      }
      // A button from an older message still names a real procedure: answer it.
      const procedure = await getProcedure(choice.code)
      if (!procedure) return { said: null, replies: [{ type: 'text', text: messages.staleChoice }], ...none }
      const asked = await ask(key, channel, session, choice.code, { candidateCodes: [choice.code] })
      return { said: procedure.name, ...asked }
    }
    const raw = (incoming.text ?? '').trim()
    if (!raw) return { said: null, replies: [{ type: 'text', text: messages.emptyText }], ...none }
    const command = parseCommandText(raw)
    if (command) return { said: `/${command}`, replies: commandReplies(command), ...none }
    const masked = maskPersonalData(raw.slice(0, MAX_QUESTION_CHARS))
    const asked = await ask(key, channel, session, masked.text, {
      procedureCode: session.procedureCode,
      candidateCodes: session.candidateCodes,
    })
    if (masked.found.length) {
      log?.info('chat personal data masked', { channel, kinds: masked.found })
      asked.replies.unshift({ type: 'text', text: messages.personalDataWarning })
    }
    return { said: masked.text, ...asked }
  }

  return {
    async handle(incoming) {
      const key = `${incoming.channel}:${incoming.userId}`
      const decision = await limiter.take(key)
      if (decision !== 'allowed') {
        log?.warn('chat rate limited', { channel: incoming.channel, decision })
        return decision === 'warn' ? [{ type: 'text', text: messages.slowDown }] : []
      }
      handled += 1
      if (handled % PURGE_EVERY === 0)
        sessions
          .purgeExpired()
          .catch((error: unknown) => log?.warn('session purge failed', { error: String(error) }))
      const session = await sessions.load(key)
      const { said, replies, state, writes } = await respond(incoming, key, session)
      const keepHistory = historyChannels.has(incoming.channel)
      const changed = state !== session
      if (keepHistory) {
        const at = clock()
        const added: HistoryEntry[] = [
          ...(said === null ? [] : [{ from: 'user' as const, text: said, at }]),
          { from: 'bot', replies, at },
        ]
        state.history = [...session.history, ...added].slice(-HISTORY_LIMIT)
      } else state.history = []
      // The interaction, its unanswered entry and the session commit together (group commit).
      await commit([
        ...writes,
        ...(changed || keepHistory ? [sessions.saveStatement(key, incoming.channel, state)] : []),
      ])
      return replies
    },
    async history(channel, userId) {
      if (!historyChannels.has(channel)) return []
      return (await sessions.load(`${channel}:${userId}`)).history
    },
    hasSession: (channel, userId) => sessions.exists(`${channel}:${userId}`),
  }
}
