/**
 * A local HTTP stand-in for a remote-signing gateway (the protocol of
 * api/documents/http-remote-signing-provider.ts), with its own CA, plus
 * `POST /signatures/:id/confirm|reject` playing the official's phone.
 * @module
 */
import { createServer, type Server } from 'node:http'
import type { CertificateAuthority } from '../../api/documents/init-certificate-authority.ts'
import { createFakeRemoteSigningProvider } from './fake-remote-signing-provider.ts'
import { listenOnLoopback } from './listen-on-loopback.ts'

export type FakeRemoteSigningServer = { url: string; requests: string[]; close: () => Promise<void> }

export const startFakeRemoteSigningServer = async ({
  ca,
  token,
}: {
  ca: CertificateAuthority
  token: string
}) => {
  const provider = createFakeRemoteSigningProvider({ ca })
  const requests: string[] = []
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : null
    const path = req.url ?? ''
    requests.push(`${req.method} ${path}`)
    const send = (status: number, value: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(value))
    }
    if (req.headers.authorization !== `Bearer ${token}`) return send(401, { error: 'unauthorized' })
    const phone = /^\/signatures\/([^/]+)\/(confirm|reject)$/.exec(path)
    if (req.method === 'POST' && path === '/certificates') {
      return send(200, await provider.getCertificate({ ...body, id: body.officialId }))
    }
    if (req.method === 'POST' && path === '/signatures') {
      return send(200, await provider.requestSignature({ ...body, hash: Buffer.from(body.hash, 'base64') }))
    }
    if (req.method === 'POST' && phone?.[1]) {
      if (phone[2] === 'confirm') provider.confirm(phone[1])
      else provider.reject(phone[1])
      return send(200, { ok: true })
    }
    const status = /^\/signatures\/([^/]+)$/.exec(path)
    if (req.method === 'GET' && status?.[1]) {
      const s = await provider.getStatus(decodeURIComponent(status[1]))
      return send(
        200,
        s.signature ? { status: s.status, signature: Buffer.from(s.signature).toString('base64') } : s,
      )
    }
    send(404, { error: 'not found' })
  })
  const url = await listenOnLoopback(server)
  return {
    url,
    requests,
    /** the official confirms the newest transaction on the phone */
    confirmLatest: async () => {
      const id = provider.transactions().at(-1)
      await fetch(`${url}/signatures/${id}/confirm`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
      })
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
