/**
 * `npm run officials:add -- --agency 000.00.01.H56 --agency-name "…" [--parent …] --name "…" --role clerk [--cccd 001085012345]`:
 * creates the agency if needed, then the official, and prints the API token once (only
 * its SHA-256 is stored).
 * @module
 */
import { parseArgs } from 'node:util'
import { createDb } from '../../knowledge/db/client.ts'
import { migrateDb } from '../../knowledge/db/migrate.ts'
import { loadConfig } from '../config.ts'
import { createAgency } from '../documents/create-agency.ts'
import { createOfficial } from '../documents/create-official.ts'

const main = async () => {
  const { values } = parseArgs({
    options: {
      agency: { type: 'string' },
      'agency-name': { type: 'string' },
      parent: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', default: 'clerk' },
      email: { type: 'string' },
      cccd: { type: 'string' },
    },
  })
  if (!values.agency || !values.name) {
    throw new Error(
      'usage: --agency 000.00.01.H56 [--agency-name "…"] [--parent CODE] --name "…" --role clerk|approver|agency_admin|viewer|system_admin',
    )
  }
  const config = loadConfig()
  const db = await createDb(config.database)
  await migrateDb(db)
  const agency = await createAgency({
    db,
    code: values.agency,
    name: values['agency-name'] ?? values.agency,
    parentCode: values.parent,
    actor: 'cli:officials:add',
    ifExists: 'keep',
  })
  const { official, token, tokenPrefix, expiresAt } = await createOfficial({
    db,
    agencyCode: agency.code,
    name: values.name,
    role: values.role ?? 'clerk',
    email: values.email,
    nationalId: values.cccd,
    actor: 'cli:officials:add',
    ttlDays: config.documents.tokenTtlDays,
  })
  process.stdout.write(
    `Agency:   ${agency.code} ${agency.name}\nOfficial: ${official.id} ${official.name} (${official.role})\nToken prefix: ${tokenPrefix} (expires ${expiresAt}; revoke with npm run officials:revoke -- --token-prefix ${tokenPrefix})\nAPI token (shown once, store it now):\n${token}\n`,
  )
  db.$client.close()
}

main().catch((error: unknown) => {
  process.stderr.write(`officials:add failed: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
