/**
 * /privacy: what the bot keeps and what it masks.
 * @module
 */
import { createCommandFeature } from './command.ts'

export const createPrivacyFeature = createCommandFeature('privacy')
