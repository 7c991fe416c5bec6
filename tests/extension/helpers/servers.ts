/**
 * Local servers for the extension's browser tests: the fixture pages on 127.0.0.1, and the
 * real trolyso API (createApp over a migrated temp database) with two agencies and their
 * officials created through the documents domain functions.
 * @module
 */
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { createApp } from '../../../api/app.ts'
import { createAgency } from '../../../api/documents/create-agency.ts'
import { createOfficial } from '../../../api/documents/create-official.ts'
import { createApiClient } from '../../../extension/utils/api-client.ts'
import { composeTestServices } from '../../helpers/create-test-app.ts'

const close = (server: { close: (cb: (err?: Error) => void) => unknown }) =>
  new Promise<void>((resolve) => server.close(() => resolve()))

/**
 * Serves tests/extension/fixtures/*.html and the PDFs a test gives (`pdfs`: name → bytes);
 * `port` is shared by 127.0.0.1 and localhost.
 */
export const startFixtureServer = async (pdfs: Record<string, Uint8Array> = {}) => {
  const dir = new URL('../fixtures/', import.meta.url)
  const server: Server = createServer((req, res) => {
    const name = (req.url ?? '/').split('?')[0]?.replace(/^\/+/, '') ?? ''
    const pdf = pdfs[name]
    if (pdf) {
      res.writeHead(200, { 'Content-Type': 'application/pdf' }).end(pdf)
      return
    }
    if (!/^[a-z0-9-]+\.html$/.test(name)) {
      res.writeHead(404).end()
      return
    }
    try {
      const body = readFileSync(new URL(name, dir))
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(body)
    } catch {
      res.writeHead(404).end()
    }
  })
  // dual-stack, so both http://127.0.0.1 and http://localhost (::1 or 127.0.0.1) reach it
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen({ port: 0, host: '::', ipv6Only: false }, resolve)
  }).catch(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)))
  const { port } = server.address() as AddressInfo
  return {
    port,
    url: (host: string, page: string) => `http://${host}:${port}/${page}`,
    close: () => close(server),
  }
}

export type Official = { token: string; name: string; agencyCode: string }

/** @param env extra settings of the deployment (e.g. `REMOTE_SIGNING_URL`) */
export const startApiServer = async (env: Record<string, string> = {}) => {
  const { testDb: t, kb, deps: services } = await composeTestServices({ env })
  const app = createApp(services)
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
  })
  const { port } = server.address() as AddressInfo
  const official = async (agencyCode: string, role: string, name: string): Promise<Official> => {
    const { token } = await createOfficial({ db: t.db, agencyCode, name, role, actor: 'test' })
    return { token, name, agencyCode }
  }
  const url = `http://127.0.0.1:${port}`
  return {
    url,
    agency: (code: string, name: string) => createAgency({ db: t.db, code, name, actor: 'test' }),
    official,
    /** the extension's API client on this server, as the official (or without a token) */
    client: (as: Official | null) => createApiClient({ baseUrl: url, token: as?.token ?? null }),
    close: async () => {
      await close(server)
      await services.stop()
      kb.close()
      t.close()
    },
  }
}
