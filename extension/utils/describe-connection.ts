/**
 * Words the options page uses for the connection: the official's role in plain Vietnamese,
 * and whether an API address would send the token unencrypted over the network.
 * @module
 */

const ROLE_WORDS: Record<string, string> = {
  clerk: 'văn thư',
  approver: 'lãnh đạo',
  agency_admin: 'quản trị cơ quan',
  viewer: 'chỉ xem',
  system_admin: 'quản trị hệ thống',
}

/** @returns e.g. "Đã kết nối: Nguyễn Văn A — Sở Tư pháp (văn thư)" */
export const connectedAs = (me: { official: { name: string; role: string }; agency: { name: string } }) =>
  `Đã kết nối: ${me.official.name} — ${me.agency.name} (${ROLE_WORDS[me.official.role] ?? me.official.role})`

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** Plain http to anything but this computer: the access token would cross the network readable. */
export const isInsecureApiUrl = (raw: string): boolean => {
  try {
    const url = new URL(raw)
    return url.protocol === 'http:' && !LOOPBACK.has(url.hostname) && !url.hostname.startsWith('127.')
  } catch {
    return false
  }
}

/** `*://mail.example.gov.vn/*` → `mail.example.gov.vn` (the pattern stays the key) */
export const hostOfPattern = (pattern: string): string => /^[^:]+:\/\/([^/]+)\//.exec(pattern)?.[1] ?? pattern
