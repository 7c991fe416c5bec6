/**
 * Which pages get the content scripts: host entries typed by the official or set by the
 * administrator's policy become match patterns; the background registers only those whose host
 * permission the browser actually granted.
 * @module
 */

export type HostEntry = { pattern: string; source: 'official' | 'policy' }

const HOST_RE = /^(\*\.)?([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:]+\]$/

/**
 * @param input `mail.example.gov.vn`, `https://qlvb.example.gov.vn/`, `*.example.gov.vn` or `http://127.0.0.1:8080`
 * @returns a match pattern (`https://mail.example.gov.vn/*`); a bare host allows both http and https
 * @throws Error with a Vietnamese message when the entry is not a host
 */
export const toMatchPattern = (input: string): string => {
  const trimmed = input.trim().toLowerCase()
  if (trimmed === '' || trimmed.includes('<all_urls>') || trimmed === '*') {
    throw new Error('Hãy nhập một tên máy chủ cụ thể, không dùng "tất cả trang web".')
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(trimmed) && !/^(https?|\*):\/\//.test(trimmed)) {
    throw new Error(`"${input.trim()}" không phải là máy chủ web (chỉ http hoặc https).`)
  }
  const schemeMatch = /^(https?|\*):\/\//.exec(trimmed)
  const scheme = schemeMatch?.[1] ?? '*'
  const rest = schemeMatch ? trimmed.slice(schemeMatch[0].length) : trimmed
  // match patterns carry no port; a pattern without a port matches every port
  const hostPort = rest.split('/')[0] ?? ''
  const host = hostPort.startsWith('[')
    ? hostPort.slice(0, hostPort.indexOf(']') + 1)
    : (hostPort.split(':')[0] ?? '')
  if (!HOST_RE.test(host) || host === '*.') {
    throw new Error(`"${input.trim()}" không phải là tên máy chủ hợp lệ (ví dụ: mail.example.gov.vn).`)
  }
  if (host.startsWith('*.') && host.split('.').length < 3) {
    throw new Error(`"${input.trim()}" quá rộng: hãy ghi rõ tên miền của cơ quan (ví dụ: *.example.gov.vn).`)
  }
  return `${scheme}://${host}/*`
}

/** Policy entries first (they cannot be removed by the official), duplicates dropped, bad entries skipped. */
export const mergeHostEntries = (policy: readonly string[], official: readonly string[]): HostEntry[] => {
  const seen = new Set<string>()
  const entries: HostEntry[] = []
  const add = (raw: string, source: HostEntry['source']) => {
    let pattern: string
    try {
      pattern = toMatchPattern(raw)
    } catch {
      return
    }
    if (seen.has(pattern)) return
    seen.add(pattern)
    entries.push({ pattern, source })
  }
  for (const raw of policy) add(raw, 'policy')
  for (const raw of official) add(raw, 'official')
  return entries
}

/** Whether a URL falls under a match pattern of the form built by {@link toMatchPattern}. */
export const patternMatchesUrl = (pattern: string, url: string): boolean => {
  const parsed = /^(https?|\*):\/\/([^/]+)\/\*$/.exec(pattern)
  if (!parsed) return false
  let target: URL
  try {
    target = new URL(url)
  } catch {
    return false
  }
  const [, scheme, host] = parsed
  const protocol = target.protocol.slice(0, -1)
  if (protocol !== 'http' && protocol !== 'https') return false
  if (scheme !== '*' && scheme !== protocol) return false
  if (!host) return false
  if (host.startsWith('*.')) {
    const base = host.slice(2)
    return target.hostname === base || target.hostname.endsWith(`.${base}`)
  }
  return target.hostname === host
}
