/**
 * The remote-signing provider over HTTP (REMOTE_SIGNING_URL, optional bearer
 * REMOTE_SIGNING_TOKEN), a small JSON protocol modelled on CSC-style hash signing:
 *   POST {url}/certificates {officialId, name, agencyCode, agencyName} → {certificatePem, chainPem[]}
 *   POST {url}/signatures {officialId, certificatePem, hash (base64), hashAlgorithm, description} → {transactionId}
 *   GET  {url}/signatures/{transactionId} → {status: pending|signed|rejected|expired, signature? (base64)}
 * A gateway in front of VNPT SmartCA or Viettel MySign speaks this to trolyso.
 * @module
 */
import { z } from 'zod'
import { AppError } from '../../knowledge/errors.ts'
import type { RemoteSigningProvider } from './remote-signing-provider.ts'

const ZCertificate = z.object({
  certificatePem: z.string().min(1),
  chainPem: z.array(z.string()).default([]),
})
const ZStarted = z.object({ transactionId: z.string().min(1) })
const ZStatus = z.object({
  status: z.enum(['pending', 'signed', 'rejected', 'expired']),
  signature: z.base64().optional(),
})

export type HttpRemoteSigningOptions = {
  url: string
  token?: string | null
  fetch?: typeof fetch
  timeoutMs?: number
}

export const createHttpRemoteSigningProvider = ({
  url,
  token = null,
  fetch: fetchImpl = fetch,
  timeoutMs = 10_000,
}: HttpRemoteSigningOptions): RemoteSigningProvider => {
  const base = url.replace(/\/+$/, '')
  const call = async <S extends z.ZodType>(schema: S, path: string, body?: unknown): Promise<z.infer<S>> => {
    let res: Response
    try {
      res = await fetchImpl(`${base}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (error) {
      throw new AppError(
        'UNAVAILABLE',
        `Dịch vụ ký số từ xa không trả lời: ${error instanceof Error ? error.message : ''}`,
      )
    }
    if (!res.ok) throw new AppError('UNAVAILABLE', `Dịch vụ ký số từ xa trả lời ${res.status} cho ${path}.`)
    const parsed = schema.safeParse(await res.json().catch(() => null))
    if (!parsed.success)
      throw new AppError('UNAVAILABLE', `Dịch vụ ký số từ xa trả lời sai định dạng cho ${path}.`)
    return parsed.data
  }
  return {
    getCertificate: (official) =>
      call(ZCertificate, '/certificates', {
        officialId: official.id,
        name: official.name,
        agencyCode: official.agencyCode,
        agencyName: official.agencyName,
      }),
    requestSignature: ({ officialId, certificatePem, hash, hashAlgorithm, description }) =>
      call(ZStarted, '/signatures', {
        officialId,
        certificatePem,
        hash: Buffer.from(hash).toString('base64'),
        hashAlgorithm,
        description,
      }),
    getStatus: async (transactionId) => {
      const s = await call(ZStatus, `/signatures/${encodeURIComponent(transactionId)}`)
      return s.signature
        ? { status: s.status, signature: Buffer.from(s.signature, 'base64') }
        : { status: s.status }
    },
  }
}
