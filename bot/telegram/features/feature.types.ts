/**
 * What every Telegram feature receives.
 * @module
 */
import type { Logger } from '../../../platform/logger.ts'
import type { Conversation } from '../../core/handle-message.ts'

export type FeatureDeps = { conversation: Conversation; log: Logger }
