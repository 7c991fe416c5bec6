import { describe, expect, it } from 'vitest'
import { fromPem } from '../../api/documents/pki-encoding.ts'
import { pemBodies, toPem } from '../../contracts/pki.ts'

describe('contracts/pki PEM helpers (shared by the CA and the extension)', () => {
  it('writes 64-character lines that Node reads back, byte for byte', () => {
    const der = new Uint8Array(Array.from({ length: 1000 }, (_, i) => (i * 7) % 256))
    const pem = toPem(der, 'CERTIFICATE')
    const lines = pem.trim().split('\n')
    expect(lines[0]).toBe('-----BEGIN CERTIFICATE-----')
    expect(lines.at(-1)).toBe('-----END CERTIFICATE-----')
    expect(lines.slice(1, -2).every((l) => l.length === 64)).toBe(true)
    expect(new Uint8Array(fromPem(pem, 'CERTIFICATE'))).toEqual(der)
    expect(pem).toBe(
      `-----BEGIN CERTIFICATE-----\n${Buffer.from(der)
        .toString('base64')
        .match(/.{1,64}/g)
        ?.join('\n')}\n-----END CERTIFICATE-----\n`,
    )
  })

  it('encodes a body larger than one argument list (a long chain)', () => {
    const der = new Uint8Array(300_000).fill(0xab)
    expect(pemBodies(toPem(der, 'CERTIFICATE'), 'CERTIFICATE')[0]).toBe(Buffer.from(der).toString('base64'))
  })

  it('finds every block with the label and ignores others', () => {
    const a = toPem(new Uint8Array([1, 2, 3]), 'CERTIFICATE')
    const b = toPem(new Uint8Array([4, 5]), 'PRIVATE KEY')
    const c = toPem(new Uint8Array([6]), 'CERTIFICATE')
    expect(pemBodies(`${a}${b}${c}`, 'CERTIFICATE')).toEqual(['AQID', 'Bg=='])
  })
})
