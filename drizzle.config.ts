import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  dialect: 'sqlite',
  schema: './knowledge/db/schema/index.ts',
  out: './knowledge/db/migrations',
  dbCredentials: { url: process.env['DATABASE_URL'] ?? 'file:data/trolyso.db' },
})
