/**
 * The Zalo OA webhook event as it arrives (only the fields trolyso reads), validated with zod.
 * @module
 */
import { z } from 'zod'

export const ZZaloEvent = z
  .object({
    app_id: z.string().optional(),
    event_name: z.string().min(1),
    timestamp: z.union([z.string(), z.number()]).transform(String),
    sender: z.object({ id: z.string().min(1) }).optional(),
    recipient: z.object({ id: z.string() }).optional(),
    follower: z.object({ id: z.string().min(1) }).optional(),
    message: z
      .object({
        msg_id: z.string().min(1).optional(),
        text: z.string().optional(),
      })
      .loose()
      .optional(),
  })
  .loose()

export type ZaloEvent = z.infer<typeof ZZaloEvent>

/** Message events a citizen sends that are not text: answered with "text only, please". */
export const NON_TEXT_EVENTS = new Set([
  'user_send_image',
  'user_send_link',
  'user_send_audio',
  'user_send_video',
  'user_send_sticker',
  'user_send_location',
  'user_send_file',
  'user_send_gif',
  'user_send_business_card',
])
