import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { createApp } from '../../../api/app.ts'
import { composeServices } from '../../../api/compose-services.ts'
import { loadConfig } from '../../../api/config.ts'
import { createAgency } from '../../../api/documents/create-agency.ts'
import { createOfficial } from '../../../api/documents/create-official.ts'
import { createDb } from '../../../knowledge/db/client.ts'
import { migrateDb } from '../../../knowledge/db/migrate.ts'
import { createKnowledgeBase } from '../../../knowledge/knowledge-base.ts'
import { createLogger } from '../../../platform/logger.ts'
import { repoRoot } from '../../helpers/paths.ts'

const run = promisify(execFile)
const script = (name: string, args: string[], env: Record<string, string>) =>
  run(process.execPath, [`api/scripts/${name}`, ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  )

describe('deployment scripts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trolyso-scripts-'))
  const env = { DATA_DIR: dir, LOG_LEVEL: 'silent' }
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('ca:init creates the CA with a private key only the owner reads, and refuses to overwrite it', async () => {
    const first = await script('ca-init.ts', ['--name', 'CA Sở TT&TT (thử)'], env)
    expect(first.code).toBe(0)
    const key = join(dir, 'ca', 'ca-key.pem')
    expect(existsSync(join(dir, 'ca', 'ca-cert.pem'))).toBe(true)
    expect(statSync(key).mode & 0o077).toBe(0)
    const before = readFileSync(key, 'utf8')
    const second = await script('ca-init.ts', [], env)
    expect(second.code).toBe(1)
    expect(second.stderr).toMatch(/không ghi đè/)
    expect(readFileSync(key, 'utf8')).toBe(before)
  })

  it('officials:add creates the agency once and prints a token that authenticates', async () => {
    const args = [
      '--agency',
      '000.00.01.H56',
      '--agency-name',
      'Sở Tư pháp tỉnh Hà Nam',
      '--name',
      'Lê Thị Văn Thư',
      '--role',
      'clerk',
    ]
    const out = await script('add-official.ts', args, env)
    expect(out.code).toBe(0)
    const token = /^(tls_\S+)$/m.exec(out.stdout)?.[1]
    expect(token).toBeDefined()
    const again = await script(
      'add-official.ts',
      [...args.slice(0, 4), '--name', 'Phạm Văn Lãnh Đạo', '--role', 'approver'],
      env,
    )
    expect(again.code).toBe(0)
    const bad = await script('add-official.ts', ['--agency', '1.2.3', '--name', 'X'], env)
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/QCVN 102/)

    const config = loadConfig(env)
    const db = await createDb(config.database)
    const kb = await createKnowledgeBase({ db })
    try {
      const app = createApp(composeServices({ config, db, kb, log: createLogger('silent') }))
      const me = await app.request('/v1/me', { headers: { Authorization: `Bearer ${token}` } })
      expect(await me.json()).toMatchObject({
        official: { name: 'Lê Thị Văn Thư', role: 'clerk' },
        agency: { code: '000.00.01.H56', name: 'Sở Tư pháp tỉnh Hà Nam' },
      })
      const hashes = await db.$client.execute('SELECT token_hash FROM api_tokens')
      expect(hashes.rows.map((r) => r['token_hash'])).not.toContain(token)

      // the printed prefix is what officials:revoke takes
      expect(/^Token prefix: (tls_\S+)/m.exec(out.stdout)?.[1]).toBe(token?.slice(0, 12))
    } finally {
      kb.close()
      db.$client.close()
    }
  })

  it('officials:revoke refuses the printed token at the next request', async () => {
    const config = loadConfig(env)
    const db = await createDb(config.database)
    await migrateDb(db)
    const kb = await createKnowledgeBase({ db })
    try {
      const { official, token, tokenPrefix } = await createOfficial({
        db,
        agencyCode: (await createAgency({ db, code: '000.00.07.H56', name: 'Sở Y tế', actor: 'test' })).code,
        name: 'Hồ Thị Thu Hồi',
        role: 'viewer',
        actor: 'test',
      })
      const app = createApp(composeServices({ config, db, kb, log: createLogger('silent') }))
      const me = () => app.request('/v1/me', { headers: { Authorization: `Bearer ${token}` } })
      expect((await me()).status).toBe(200)
      const revoked = await script('revoke-official.ts', ['--token-prefix', tokenPrefix], env)
      expect(revoked.code, revoked.stderr).toBe(0)
      expect(revoked.stdout).toContain(`Official: ${official.id}`)
      expect(revoked.stdout).toMatch(/Revoked tokens: 1/)
      expect((await me()).status).toBe(401)
      const usage = await script('revoke-official.ts', [], env)
      expect(usage.code).toBe(1)
      expect(usage.stderr).toMatch(/--official/)
    } finally {
      kb.close()
      db.$client.close()
    }
  })
})
