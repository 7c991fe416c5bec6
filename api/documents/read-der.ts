/**
 * A minimal DER reader for the hot path of signature verification: walking a CMS
 * SignedData and a certificate by tag and length, without building object trees.
 * @module
 */
export type Tlv = { tag: number; start: number; body: number; end: number }

/** @throws Error on a truncated or oversized length */
export const readTlv = (buf: Uint8Array, at: number): Tlv => {
  const tag = buf[at]
  let p = at + 1
  let len = buf[p++]
  if (tag === undefined || len === undefined) throw new Error('DER truncated')
  if (len & 0x80) {
    const n = len & 0x7f
    if (n === 0 || n > 4) throw new Error('DER length not supported')
    len = 0
    for (let i = 0; i < n; i++) len = len * 256 + (buf[p++] ?? 0)
  }
  const end = p + len
  if (end > buf.length) throw new Error('DER truncated')
  return { tag, start: at, body: p, end }
}

export const childrenOf = (buf: Uint8Array, tlv: Tlv): Tlv[] => {
  const out: Tlv[] = []
  for (let p = tlv.body; p < tlv.end; ) {
    const c = readTlv(buf, p)
    out.push(c)
    p = c.end
  }
  return out
}

export const bodyOf = (buf: Uint8Array, tlv: Tlv) => buf.subarray(tlv.body, tlv.end)
export const rawOf = (buf: Uint8Array, tlv: Tlv) => buf.subarray(tlv.start, tlv.end)

/** DER of an OBJECT IDENTIFIER's content octets, for comparing without decoding (arcs of any size). */
export const oidBytes = (oid: string) => {
  const parts = oid.split('.').map(BigInt)
  const out: number[] = []
  for (const n of [40n * (parts[0] ?? 0n) + (parts[1] ?? 0n), ...parts.slice(2)]) {
    const stack = [Number(n & 0x7fn)]
    for (let v = n >> 7n; v > 0n; v >>= 7n) stack.unshift(Number(v & 0x7fn) | 0x80)
    out.push(...stack)
  }
  return Buffer.from(out)
}

/** UTCTime (0x17) or GeneralizedTime (0x18) to a Date. */
export const readTime = (buf: Uint8Array, tlv: Tlv): Date | null => {
  const s = Buffer.from(bodyOf(buf, tlv)).toString('latin1')
  const m = /^(\d{2}|\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d+)?Z$/.exec(s)
  if (!m) return null
  const y = m[1]!.length === 2 ? (Number(m[1]) >= 50 ? 1900 : 2000) + Number(m[1]) : Number(m[1])
  return new Date(Date.UTC(y, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)))
}
