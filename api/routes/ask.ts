/**
 * `POST /v1/ask` `{ text, sessionId? }`: the answering core over HTTP. With a sessionId the
 * conversation's procedure is remembered, so a follow-up ("phí bao nhiêu?") stays on it.
 * Requests are limited per client address and per sessionId (`RATE_LIMIT_ASK_PER_MINUTE`,
 * counted across processes with `RATE_LIMIT_SCOPE=database`): 429 with `Retry-After` beyond.
 * Personal data in the question (identity-card and phone numbers, e-mail) is masked before it is
 * answered; the reply lists what was masked in `personalData`.
 * An answer or clarify question may carry `places`: the places the question names, matched to
 * the administrative units after the 2025 reform (schema `Place` in contracts/answer.ts).
 * @module
 */
import { Hono } from 'hono'
import { createLimitRequests } from '../../bot/http/limit-requests.ts'
import { ZAnswer } from '../../contracts/answer.ts'
import { AppError } from '../../knowledge/errors.ts'
import { maskPersonalData } from '../../knowledge/text/mask-personal-data.ts'
import { limitBodySize } from '../../platform/http/limit-body.ts'
import { describeOperation, ok } from '../../platform/openapi/describe-operation.ts'
import { jsonBody } from '../../platform/openapi/json-body.ts'
import { createAskContextStore } from '../ask-context.ts'
import type { AppServices } from '../deps.ts'
import { ZAskBody } from './procedures.types.ts'

const tooLarge = () => {
  throw new AppError('PAYLOAD_TOO_LARGE', 'Nội dung gửi lên quá lớn (tối đa 16 KB). Hãy rút gọn câu hỏi.')
}

export const createAskRoutes = ({ kb, db, config, log, counters }: AppServices) => {
  const contexts = createAskContextStore({ db, ttlMinutes: config.bot.sessionTtlMinutes })
  const limit = createLimitRequests({
    name: 'ask',
    perMinute: config.rateLimits.askPerMinute,
    scope: config.rateLimits.scope,
    trustProxyHops: config.trustProxyHops,
    counters,
    log,
  })
  const operation = describeOperation({
    summary: 'Hỏi đáp: câu hỏi của người dân → câu trả lời từ hồ sơ thủ tục chính thức',
    tag: 'ask',
    responses: ok(ZAnswer, 'Câu trả lời'),
    errors: [400, 413, 415, 429],
  })
  return new Hono().post(
    '/v1/ask',
    operation,
    limitBodySize({ maxSize: 16 * 1024, onError: tooLarge }),
    // the client's address is counted before the body is read (429 beyond the limit)
    async (c, next) => (await limit.byAddress(c)) ?? next(),
    jsonBody(ZAskBody, 'Câu hỏi'),
    async (c) => {
      const { text, sessionId } = c.req.valid('json')
      // The session's count and its read go to the database together: one round trip instead of
      // two against a libSQL server on another host (a refused request's read is simply dropped).
      const [refusedBySession, context] = sessionId
        ? await Promise.all([limit.bySession(c, sessionId), contexts.load(sessionId)])
        : [null, {}]
      if (refusedBySession) return refusedBySession
      // Identity-card and phone numbers, e-mail addresses: masked, and the rest answered.
      const masked = maskPersonalData(text)
      const answer = await kb.answer(masked.text, context)
      if (sessionId && answer.kind !== 'smalltalk') await contexts.save(sessionId, answer)
      return c.json(masked.found.length ? { ...answer, personalData: masked.found } : answer)
    },
  )
}
