/**
 * Ties what the official is shown to what is signed. The server prepares the revision to be
 * signed (issuance stamp, signature appearance, empty /Contents); the consent window renders
 * exactly those bytes. Before signing, the extension checks that the signed attributes it is
 * asked to sign carry, as message-digest, the SHA-256 of those very bytes' ByteRange, and that
 * the ByteRange covers the whole file but the empty /Contents: otherwise it signs nothing.
 * @module
 */

const latin1 = (bytes: Uint8Array, from = 0, to = bytes.length) => {
  let out = ''
  for (let i = from; i < to; i += 8192)
    out += String.fromCharCode(...bytes.subarray(i, Math.min(i + 8192, to)))
  return out
}

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')

/** The error every refusal below throws: the official sees it in the consent window. */
export const PREPARED_MISMATCH =
  'Bản máy chủ chuẩn bị để ký không khớp với bản đã hiển thị; không ký. The prepared document does not match what was shown: nothing was signed.'

/**
 * @returns the SHA-256 (hex) of the last signature's ByteRange in `pdf`
 * @throws Error when there is no ByteRange, it does not cover the whole file, or the gap holds
 *   anything but the signature's hex string
 */
export const byteRangeDigest = async (pdf: Uint8Array): Promise<string> => {
  // the ByteRange of the revision being signed is the last one in the file
  const tail = latin1(pdf, Math.max(0, pdf.length - 1_048_576))
  const matches = [...tail.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)]
  const last = matches.at(-1)
  if (!last) throw new Error(`${PREPARED_MISMATCH} (ByteRange)`)
  const [a, b, c, d] = last.slice(1, 5).map(Number) as [number, number, number, number]
  if (a !== 0 || b <= 0 || c <= b || c + d !== pdf.length) throw new Error(`${PREPARED_MISMATCH} (ByteRange)`)
  // the gap is the /Contents hex string and nothing else: no unsigned bytes a viewer could draw
  if (!/^<[0-9A-Fa-f]*>$/.test(latin1(pdf, b, c))) throw new Error(`${PREPARED_MISMATCH} (Contents)`)
  const joined = new Uint8Array(b + d)
  joined.set(pdf.subarray(0, b), 0)
  joined.set(pdf.subarray(c, c + d), b)
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', joined)))
}

/** DER of id-messageDigest (1.2.840.113549.1.9.4) */
const MESSAGE_DIGEST_OID = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x04]

/**
 * @returns the message-digest (hex) in DER-encoded CMS signed attributes
 * @throws Error when there is none
 */
export const messageDigestOf = (signedAttributes: Uint8Array): string => {
  for (let i = 0; i + MESSAGE_DIGEST_OID.length + 4 < signedAttributes.length; i++) {
    if (!MESSAGE_DIGEST_OID.every((byte, k) => signedAttributes[i + k] === byte)) continue
    // SET { OCTET STRING digest } with short lengths (digests are at most 64 bytes)
    const at = i + MESSAGE_DIGEST_OID.length
    if (signedAttributes[at] !== 0x31 || signedAttributes[at + 2] !== 0x04) break
    const length = signedAttributes[at + 3] ?? 0
    return hex(signedAttributes.subarray(at + 4, at + 4 + length))
  }
  throw new Error(`${PREPARED_MISMATCH} (message-digest)`)
}

/**
 * @param signedAttributes what the server asks to sign (`toBeSigned`, DER)
 * @param prepared the bytes the consent window rendered
 * @throws Error when the signature would cover other bytes than `prepared`
 */
export const assertSignsPrepared = async (signedAttributes: Uint8Array, prepared: Uint8Array) => {
  if (messageDigestOf(signedAttributes) !== (await byteRangeDigest(prepared)))
    throw new Error(PREPARED_MISMATCH)
}
