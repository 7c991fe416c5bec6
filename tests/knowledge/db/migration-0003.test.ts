import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { migrate } from 'drizzle-orm/libsql/migrator'
import { afterAll, describe, expect, it } from 'vitest'
import { createDb } from '../../../knowledge/db/client.ts'
import { migrateDb } from '../../../knowledge/db/migrate.ts'
import { copyMigrationsBefore } from '../../helpers/create-test-db.ts'

/** A copy of the migrations that stops before 0003, i.e. a database of the previous release. */
const migrationsBefore0003 = (dir: string) => copyMigrationsBefore({ dir, before: '0003' })

const verdict = (serials: string[]) =>
  JSON.stringify({
    status: 'signed_valid',
    rolesComplete: true,
    signatures: serials.map((certificateSerial, i) => ({
      certificateSerial,
      role: i === 0 ? 'approver' : 'organisation',
    })),
  })

describe('migration 0003 on an existing database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trolyso-migration-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('gives existing tokens a one-year expiry and marks only own-agency complete approvals', async () => {
    const db = await createDb({ url: `file:${join(dir, 'old.db')}` })
    try {
      await migrate(db, { migrationsFolder: migrationsBefore0003(dir) })
      const at = '2026-01-10T08:00:00.000Z'
      await db.$client.batch(
        [
          `INSERT INTO agencies (code, name, created_at) VALUES ('000.00.01.H56', 'A', '${at}'), ('000.00.02.H56', 'B', '${at}')`,
          `INSERT INTO officials (id, agency_code, name, role, created_at) VALUES ('o1', '000.00.01.H56', 'X', 'clerk', '${at}'), ('o2', '000.00.02.H56', 'Y', 'approver', '${at}')`,
          `INSERT INTO api_tokens (id, official_id, token_hash, created_at) VALUES ('t1', 'o1', 'h1', '${at}')`,
          `INSERT INTO certificates (serial, official_id, agency_code, subject, pem, not_before, not_after, created_at) VALUES
             ('own-a', 'o1', '000.00.01.H56', 's', 'p', '${at}', '${at}', '${at}'),
             ('own-b', 'o1', '000.00.01.H56', 's', 'p', '${at}', '${at}', '${at}'),
             ('foreign', 'o2', '000.00.02.H56', 's', 'p', '${at}', '${at}', '${at}')`,
          "INSERT INTO document_blobs (sha256, bytes, size) VALUES ('b', x'25504446', 4)",
          {
            sql: `INSERT INTO documents (id, sha256, sender_agency, header, subject, signature_status, verification, created_at) VALUES
               ('own', 'b', '000.00.01.H56', '{}', 's', 'signed_valid', ?, '${at}'),
               ('foreign', 'b', '000.00.01.H56', '{}', 's', 'signed_valid', ?, '${at}'),
               ('unknown', 'b', '000.00.01.H56', '{}', 's', 'signed_valid', ?, '${at}'),
               ('unsigned', 'b', '000.00.01.H56', '{}', 's', 'unsigned', '{"status":"unsigned","rolesComplete":false,"signatures":[]}', '${at}')`,
            args: [
              verdict(['own-a', 'own-b']),
              verdict(['foreign', 'own-b']),
              verdict(['elsewhere', 'own-b']),
            ],
          },
        ],
        'write',
      )
      await migrateDb(db)
      const token = await db.$client.execute("SELECT expires_at FROM api_tokens WHERE id = 't1'")
      expect(token.rows[0]?.['expires_at']).toBe('2027-01-10T08:00:00.000Z')
      const docs = await db.$client.execute('SELECT id, own_approval FROM documents ORDER BY id')
      expect(Object.fromEntries(docs.rows.map((r) => [r['id'], Number(r['own_approval'])]))).toEqual({
        foreign: 0,
        own: 1,
        unknown: 0,
        unsigned: 0,
      })
    } finally {
      db.$client.close()
    }
  })
})
