/**
 * The schema the code declares (`knowledge/db/schema/`) is the schema the shipped migrations
 * build, and drizzle-kit's snapshots agree with both, so `npx drizzle-kit generate` writes the
 * next migration from exactly the change a developer made.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Client, createClient } from '@libsql/client'
import { generateSQLiteDrizzleJson, generateSQLiteMigration } from 'drizzle-kit/api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as schema from '../../../knowledge/db/schema/index.ts'
import { createTestDb, type TestDb } from '../../helpers/create-test-db.ts'

const migrationsFolder = fileURLToPath(new URL('../../../knowledge/db/migrations', import.meta.url))

type Snapshot = Awaited<ReturnType<typeof generateSQLiteDrizzleJson>>

/** Every table of a database with its columns, indexes and foreign keys, in a comparable order. */
const describeDb = async (client: Client) => {
  const rows = async (sql: string) => (await client.execute(sql)).rows
  const tables = (
    await rows(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations' ORDER BY name",
    )
  ).map((r) => String(r['name']))
  const described: Record<string, unknown> = {}
  for (const table of tables) {
    const columns = (await rows(`PRAGMA table_info(\`${table}\`)`))
      .map((c) => ({
        name: c['name'],
        type: String(c['type']).toLowerCase(),
        notnull: c['notnull'],
        default: c['dflt_value'],
        pk: c['pk'],
      }))
      // columns a migration added with ALTER TABLE come last; their order is not part of the contract
      .sort((a, b) => String(a.name).localeCompare(String(b.name)))
    const indexes = []
    for (const index of await rows(`PRAGMA index_list(\`${table}\`)`)) {
      const name = String(index['name'])
      const indexColumns = (await rows(`PRAGMA index_info(\`${name}\`)`)).map((c) => c['name'])
      const where = (
        await rows(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = '${name}'`)
      )[0]?.['sql']
      indexes.push({
        // SQLite names the indexes behind PRIMARY KEY / UNIQUE constraints itself
        name: name.startsWith('sqlite_autoindex_') ? `(${index['origin']})` : name,
        unique: index['unique'],
        partial: index['partial'],
        where: typeof where === 'string' ? (/\bWHERE\b(.*)$/is.exec(where)?.[1]?.trim() ?? null) : null,
        columns: indexColumns,
      })
    }
    indexes.sort((a, b) => `${a.name}${a.columns}`.localeCompare(`${b.name}${b.columns}`))
    const foreignKeys = (await rows(`PRAGMA foreign_key_list(\`${table}\`)`))
      .map((f) => ({
        table: f['table'],
        from: f['from'],
        to: f['to'],
        onUpdate: f['on_update'],
        onDelete: f['on_delete'],
      }))
      .sort((a, b) => `${a.table}${a.from}`.localeCompare(`${b.table}${b.from}`))
    described[table] = { columns, indexes, foreignKeys }
  }
  return described
}

const readSnapshots = () =>
  readdirSync(join(migrationsFolder, 'meta'))
    .filter((file) => file.endsWith('_snapshot.json'))
    .sort()
    .map((file) => ({
      file,
      snapshot: JSON.parse(readFileSync(join(migrationsFolder, 'meta', file), 'utf8')) as Snapshot,
    }))

describe('the drizzle schema and the shipped migrations', () => {
  let migrated: TestDb
  let fromSchema: Client
  let current: Snapshot
  const dir = mkdtempSync(join(tmpdir(), 'trolyso-schema-'))

  beforeAll(async () => {
    migrated = await createTestDb()
    current = await generateSQLiteDrizzleJson(schema)
    // what `drizzle-kit export` prints: the whole schema as SQL, from an empty database
    const statements = await generateSQLiteMigration(await generateSQLiteDrizzleJson({}), current)
    fromSchema = createClient({ url: `file:${join(dir, 'from-schema.db')}` })
    for (const statement of statements) await fromSchema.execute(statement)
  })
  afterAll(() => {
    fromSchema?.close()
    migrated?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('build the same tables, columns, indexes and foreign keys', async () => {
    const fromMigrations = await describeDb(migrated.db.$client)
    const declared = await describeDb(fromSchema)
    expect(Object.keys(fromMigrations).length).toBeGreaterThan(20)
    expect(declared).toEqual(fromMigrations)
  })

  it('keep one chain of drizzle-kit snapshots and a journal in the order databases apply it', () => {
    const snapshots = readSnapshots()
    const ids = new Set(snapshots.map(({ snapshot }) => snapshot.id))
    const parents = snapshots.map(({ snapshot }) => snapshot.prevId)
    // drizzle-kit refuses to generate when two snapshots name the same parent
    expect(new Set(parents).size).toBe(parents.length)
    for (const [i, { snapshot, file }] of snapshots.entries()) {
      expect({ file, dialect: snapshot.dialect, version: snapshot.version }).toEqual({
        file,
        dialect: 'sqlite',
        version: '6',
      })
      if (i === 0) expect(ids.has(snapshot.prevId)).toBe(false)
      else expect({ file, prevId: snapshot.prevId }).toEqual({ file, prevId: snapshots[i - 1]?.snapshot.id })
    }
    const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
      entries: { idx: number; when: number; tag: string }[]
    }
    // drizzle's migrator applies only migrations newer (`when`) than the last one a database applied
    for (const [i, entry] of journal.entries.entries()) {
      const before = journal.entries[i - 1]
      expect({ tag: entry.tag, idx: entry.idx }).toEqual({ tag: entry.tag, idx: i })
      if (before) expect(entry.when, entry.tag).toBeGreaterThan(before.when)
    }
    const numbers = new Set(journal.entries.map((entry) => entry.tag.slice(0, 4)))
    for (const { file } of snapshots) expect(numbers).toContain(file.slice(0, 4))
    // the newest snapshot belongs to the newest migration
    expect(snapshots.at(-1)?.file.slice(0, 4)).toBe(journal.entries.at(-1)?.tag.slice(0, 4))
  })

  it('leave `drizzle-kit generate` nothing to write: the newest snapshot is the declared schema', async () => {
    const newest = readSnapshots().at(-1)?.snapshot
    if (!newest) throw new Error('no drizzle-kit snapshot in knowledge/db/migrations/meta')
    // the same comparison `drizzle-kit generate` makes before it writes a migration
    expect(await generateSQLiteMigration(newest, current)).toEqual([])
  })
})
