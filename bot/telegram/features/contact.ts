/**
 * /contact: how to reach a person (the hotline and the national portal).
 * @module
 */
import { createCommandFeature } from './command.ts'

export const createContactFeature = createCommandFeature('contact')
