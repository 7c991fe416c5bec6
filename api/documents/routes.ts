/**
 * Electronic documents API: agencies, officials, enrolment, signing, routing, statistics.
 * @module
 */
import { Hono } from 'hono'
import type { AppDeps } from '../deps.ts'

export const createDocumentsRoutes = (_deps: AppDeps) => new Hono()
