/**
 * Extension storage: what the official set on the options page (local), what the
 * administrator enforces (`storage.managed`, the enterprise policy; it wins), and the
 * certificate issued to this browser's signing key. Per-thread mutes live in mutes.ts.
 * @module
 */
import { browser } from 'wxt/browser'
import { storage } from 'wxt/utils/storage'
import { z } from 'zod'
import { type HostEntry, mergeHostEntries } from './allowed-hosts.ts'

export const ZDocumentSystemConfig = z.object({
  host: z.string().min(1),
  attachmentList: z.string().min(1),
  sendButton: z.string().min(1),
  numberField: z.string().optional(),
  subjectField: z.string().optional(),
})
export type DocumentSystemConfig = z.infer<typeof ZDocumentSystemConfig>

export const ZManagedPolicy = z.object({
  apiBaseUrl: z.url().optional(),
  allowedHosts: z.array(z.string()).optional(),
  apiToken: z.string().min(1).optional(),
  documentSystems: z.array(ZDocumentSystemConfig).optional(),
})
export type ManagedPolicy = z.infer<typeof ZManagedPolicy>

export type IssuedCertificate = {
  serial: string
  certificate: string
  chain: string[]
  notAfter: string
  /** the official it was issued to: a token change on this browser means another official */
  officialId?: string
}

export const apiBaseUrlItem = storage.defineItem<string | null>('local:apiBaseUrl', { fallback: null })
export const apiTokenItem = storage.defineItem<string | null>('local:apiToken', { fallback: null })
export const allowedHostsItem = storage.defineItem<string[]>('local:allowedHosts', { fallback: [] })
export const documentSystemsItem = storage.defineItem<DocumentSystemConfig[]>('local:documentSystems', {
  fallback: [],
})
export const certificateItem = storage.defineItem<IssuedCertificate | null>('local:certificate', {
  fallback: null,
})

/** The policy, or an empty one when none is set (Firefox throws without a managed manifest). */
export const readManagedPolicy = async (): Promise<ManagedPolicy> => {
  try {
    const raw = await browser.storage.managed.get(null)
    const parsed = ZManagedPolicy.safeParse(raw ?? {})
    return parsed.success ? parsed.data : {}
  } catch {
    return {}
  }
}

export type EffectiveSettings = {
  apiBaseUrl: string
  apiToken: string | null
  hosts: HostEntry[]
  documentSystems: DocumentSystemConfig[]
  /** which fields the policy fixes, so the options page shows them read-only */
  managed: { apiBaseUrl: boolean; apiToken: boolean }
}

/** @param defaultApiBaseUrl from app.config.ts, used when neither the policy nor the official set one */
export const readSettings = async (defaultApiBaseUrl: string): Promise<EffectiveSettings> => {
  const [policy, baseUrl, token, hosts, systems] = await Promise.all([
    readManagedPolicy(),
    apiBaseUrlItem.getValue(),
    apiTokenItem.getValue(),
    allowedHostsItem.getValue(),
    documentSystemsItem.getValue(),
  ])
  return {
    apiBaseUrl: (policy.apiBaseUrl ?? baseUrl ?? defaultApiBaseUrl).replace(/\/+$/, ''),
    apiToken: policy.apiToken ?? token,
    hosts: mergeHostEntries(policy.allowedHosts ?? [], hosts),
    documentSystems: [...(policy.documentSystems ?? []), ...systems],
    managed: { apiBaseUrl: policy.apiBaseUrl !== undefined, apiToken: policy.apiToken !== undefined },
  }
}

/** Whether to offer remote signing (the official confirms on the phone); the deployment must support it. */
export const remoteSigningItem = storage.defineItem<boolean>('local:remoteSigning', { fallback: false })
