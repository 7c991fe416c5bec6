/**
 * `npm run officials:revoke -- --official <id>` revokes every API token of an official and
 * every signing certificate issued to them (listed on the CA's CRL from then on);
 * `npm run officials:revoke -- --token-prefix tls_AbCd1234` revokes the one token that
 * prefix (printed when it was issued) or the whole token names. Effective at the next request.
 * @module
 */
import { parseArgs } from 'node:util'
import { createDb } from '../../knowledge/db/client.ts'
import { migrateDb } from '../../knowledge/db/migrate.ts'
import { loadConfig } from '../config.ts'
import { revokeOfficialTokens } from '../documents/revoke-official-tokens.ts'

const main = async () => {
  const { values } = parseArgs({
    options: { official: { type: 'string' }, 'token-prefix': { type: 'string' } },
  })
  if (!values.official === !values['token-prefix']) {
    throw new Error('usage: --official <official id> | --token-prefix <tls_… as printed when issued>')
  }
  const config = loadConfig()
  const db = await createDb(config.database)
  try {
    await migrateDb(db)
    const { official, revoked, revokedCertificates } = await revokeOfficialTokens({
      db,
      officialId: values.official,
      tokenPrefix: values['token-prefix'],
      actor: 'cli:officials:revoke',
    })
    process.stdout.write(
      `Official: ${official.id} ${official.name} (${official.role}, ${official.agencyCode})\nRevoked tokens: ${revoked}\nRevoked certificates: ${revokedCertificates.length}${revokedCertificates.length ? ` (${revokedCertificates.join(', ')})` : ''}\n`,
    )
  } finally {
    db.$client.close()
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`officials:revoke failed: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
