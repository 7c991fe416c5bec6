/**
 * The one database schema, split by domain.
 * @module
 */
export * from './conversations.ts'
export * from './documents.ts'
export * from './handoffs.ts'
export * from './import-flags.ts'
export * from './notices.ts'
export * from './procedures.ts'
export * from './staff.ts'
export * from './vocabulary.ts'
