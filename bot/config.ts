/**
 * Environment of the citizens' chat channels. Parsed once by api/config.ts.
 *
 * - TELEGRAM_BOT_TOKEN: enables Telegram. Long polling when PUBLIC_URL is unset; with PUBLIC_URL
 *   the webhook `${PUBLIC_URL}/webhooks/telegram` is registered and TELEGRAM_WEBHOOK_SECRET is required.
 * - ZALO_APP_ID + ZALO_OA_SECRET_KEY: enable the Zalo OA webhook `/webhooks/zalo`; ZALO_APP_SECRET,
 *   ZALO_ACCESS_TOKEN and ZALO_REFRESH_TOKEN are needed to send (tokens refreshed later are kept in the db).
 * - BOT_SESSION_TTL_MINUTES: a conversation forgets its procedure after this long without messages.
 * - BOT_RATE_LIMIT_BURST / BOT_RATE_LIMIT_PER_MINUTE: per-user token bucket for incoming messages;
 *   BOT_RATE_LIMIT_SCOPE `database` (default) counts in libSQL, shared by every process serving
 *   the bot (one more statement per message), `process` in each process's memory.
 * - BOT_HOTLINE: the number given when a citizen asks for a person.
 * - STAFF_HOURS: when agents answer live hand-offs (bot/handoff/staff-hours.ts).
 * - RETENTION_CONVERSATION_DAYS (90): masked questions, unanswered questions, undelivered
 *   messages and reply-window rows are kept this long; RETENTION_COUNTS_DAYS (365): the
 *   anonymous interaction counts left after that are kept this long.
 * - MICROSOFT_APP_ID + MICROSOFT_APP_PASSWORD (the Entra app's client secret): enable the Bot
 *   Framework channel (Teams, Azure Bot Service Web Chat, Direct Line) at `POST /api/messages`; set
 *   both or neither. MICROSOFT_APP_TENANT_ID: the app's tenant for a single-tenant bot (its tokens
 *   are then requested from that tenant instead of `botframework.com`).
 * - BOTFRAMEWORK_OPENID_URL (default https://login.botframework.com/v1/.well-known/openidconfiguration):
 *   where the Bot Connector's signing keys are found. MICROSOFT_LOGIN_URL (default
 *   https://login.microsoftonline.com): the token service. Both are overridden only by tests.
 * @module
 */
import { z } from 'zod'
import { ZStaffHours } from './handoff/staff-hours.ts'

export const ZBotEnv = z
  .object({
    TELEGRAM_BOT_TOKEN: z.string().optional(),
    TELEGRAM_WEBHOOK_SECRET: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,256}$/, 'chỉ gồm A-Z a-z 0-9 _ -, tối đa 256 ký tự')
      .optional(),
    TELEGRAM_API_ROOT: z.url().default('https://api.telegram.org'),
    ZALO_APP_ID: z.string().optional(),
    ZALO_APP_SECRET: z.string().optional(),
    ZALO_OA_SECRET_KEY: z.string().optional(),
    ZALO_ACCESS_TOKEN: z.string().optional(),
    ZALO_REFRESH_TOKEN: z.string().optional(),
    ZALO_API_BASE: z.url().default('https://openapi.zalo.me'),
    ZALO_OAUTH_BASE: z.url().default('https://oauth.zaloapp.com'),
    BOT_SESSION_TTL_MINUTES: z.coerce.number().int().min(1).default(30),
    BOT_HOTLINE: z.string().default('18001096'),
    STAFF_HOURS: ZStaffHours,
    BOT_RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(6),
    BOT_RATE_LIMIT_PER_MINUTE: z.coerce.number().min(1).default(20),
    BOT_RATE_LIMIT_SCOPE: z
      .enum(['database', 'process'], { error: 'BOT_RATE_LIMIT_SCOPE phải là database hoặc process' })
      .default('database'),
    RETENTION_CONVERSATION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    RETENTION_COUNTS_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
    MICROSOFT_APP_ID: z.string().min(1).optional(),
    MICROSOFT_APP_PASSWORD: z.string().min(1).optional(),
    MICROSOFT_APP_TENANT_ID: z
      .string()
      .regex(/^[A-Za-z0-9.-]{1,100}$/, 'một tenant id (GUID) hoặc tên miền của tenant')
      .optional(),
    BOTFRAMEWORK_OPENID_URL: z
      .url()
      .default('https://login.botframework.com/v1/.well-known/openidconfiguration'),
    MICROSOFT_LOGIN_URL: z.url().default('https://login.microsoftonline.com'),
  })
  .refine((env) => !env.MICROSOFT_APP_ID === !env.MICROSOFT_APP_PASSWORD, {
    path: ['MICROSOFT_APP_PASSWORD'],
    message: 'MICROSOFT_APP_ID và MICROSOFT_APP_PASSWORD phải được đặt cùng nhau',
  })
  .refine((env) => env.RETENTION_COUNTS_DAYS >= env.RETENTION_CONVERSATION_DAYS, {
    path: ['RETENTION_COUNTS_DAYS'],
    message: 'RETENTION_COUNTS_DAYS không được nhỏ hơn RETENTION_CONVERSATION_DAYS',
  })
  .transform((env) => ({
    sessionTtlMinutes: env.BOT_SESSION_TTL_MINUTES,
    retention: { conversationDays: env.RETENTION_CONVERSATION_DAYS, countsDays: env.RETENTION_COUNTS_DAYS },
    hotline: env.BOT_HOTLINE,
    staffHours: env.STAFF_HOURS,
    rateLimit: {
      burst: env.BOT_RATE_LIMIT_BURST,
      perMinute: env.BOT_RATE_LIMIT_PER_MINUTE,
      scope: env.BOT_RATE_LIMIT_SCOPE,
    },
    telegram: env.TELEGRAM_BOT_TOKEN
      ? {
          token: env.TELEGRAM_BOT_TOKEN,
          webhookSecret: env.TELEGRAM_WEBHOOK_SECRET ?? null,
          apiRoot: env.TELEGRAM_API_ROOT,
        }
      : null,
    zalo:
      env.ZALO_APP_ID && env.ZALO_OA_SECRET_KEY
        ? {
            appId: env.ZALO_APP_ID,
            appSecret: env.ZALO_APP_SECRET ?? '',
            oaSecretKey: env.ZALO_OA_SECRET_KEY,
            accessToken: env.ZALO_ACCESS_TOKEN ?? '',
            refreshToken: env.ZALO_REFRESH_TOKEN ?? '',
            apiBase: env.ZALO_API_BASE,
            oauthBase: env.ZALO_OAUTH_BASE,
          }
        : null,
    agents:
      env.MICROSOFT_APP_ID && env.MICROSOFT_APP_PASSWORD
        ? {
            appId: env.MICROSOFT_APP_ID,
            appPassword: env.MICROSOFT_APP_PASSWORD,
            tenantId: env.MICROSOFT_APP_TENANT_ID ?? null,
            openIdUrl: env.BOTFRAMEWORK_OPENID_URL,
            loginUrl: env.MICROSOFT_LOGIN_URL,
          }
        : null,
  }))

export type BotConfig = z.infer<typeof ZBotEnv>
