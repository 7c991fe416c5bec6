/**
 * Fixtures for the documents API tests: PDFs made with pdf-lib, WebCrypto ECDSA P-256 keys
 * (non-extractable, like the extension's) with their CSRs, and pdfsig's verdict.
 * @module
 */
import { execFile } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import * as pkijs from 'pkijs'
import { buildName, toPem } from '../../api/documents/pki-encoding.ts'

const run = promisify(execFile)

/** A PDF with `pages` pages and some text; `padTo` adds an incompressible stream to reach ~that many bytes. */
export const makePdf = async ({ pages = 1, text = 'Quyết định', padTo = 0, objectStreams = true } = {}) => {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([595, 842])
    page.drawText(
      `${text
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[đĐ]/g, 'd')} - trang ${i + 1}`,
      {
        x: 50,
        y: 780,
        size: 14,
        font,
      },
    )
  }
  if (padTo > 0) {
    const noise = new Uint8Array(padTo)
    crypto.getRandomValues(noise.subarray(0, Math.min(65536, padTo)))
    for (let i = 65536; i < padTo; i += 65536)
      crypto.getRandomValues(noise.subarray(i, Math.min(i + 65536, padTo)))
    doc.context.register(doc.context.flateStream(noise))
    doc.setSubject(`pad ${padTo}`)
  }
  return Buffer.from(await doc.save({ useObjectStreams: objectStreams }))
}

export type SignerKey = { keys: CryptoKeyPair; csrPem: string }

/** A non-extractable ECDSA P-256 key pair and a CSR for it, as the extension makes them. */
export const makeSignerKey = async (name = 'Nguyễn Văn A'): Promise<SignerKey> => {
  const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ])) as CryptoKeyPair
  const csr = new pkijs.CertificationRequest()
  csr.version = 0
  csr.subject = buildName({ CN: name })
  await csr.subjectPublicKeyInfo.importKey(keys.publicKey)
  await csr.sign(keys.privateKey, 'SHA-256')
  return { keys, csrPem: toPem(new Uint8Array(csr.toSchema().toBER(false)), 'CERTIFICATE REQUEST') }
}

/** WebCrypto's P1363 signature over the bytes, base64 (what the extension sends back). */
export const signWithKey = async (key: CryptoKey, toBeSignedB64: string) =>
  Buffer.from(
    await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, Buffer.from(toBeSignedB64, 'base64')),
  ).toString('base64')

/** pdfsig's text output for the PDF (it exits 0 even for a digest mismatch). */
export const pdfsig = async (pdf: Uint8Array, dir: string) => {
  const file = join(dir, `check-${Math.random().toString(36).slice(2)}.pdf`)
  writeFileSync(file, pdf)
  const { stdout, stderr } = await run('pdfsig', [file]).catch((e: { stdout?: string; stderr?: string }) => ({
    stdout: e.stdout ?? '',
    stderr: e.stderr ?? '',
  }))
  return `${stdout}${stderr}`
}

/**
 * `mutool sign -v` on the PDF (written as `name` in `dir`): its output, and its verdict on each
 * signature in order.
 */
export const mutoolVerdicts = async (pdf: Uint8Array, dir: string, name: string) => {
  const file = join(dir, name)
  writeFileSync(file, pdf)
  const { stdout } = await run('mutool', ['sign', '-v', file]).catch((e: { stdout?: string }) => ({
    stdout: e.stdout ?? '',
  }))
  return { output: stdout, verdicts: stdout.split(/Verifying signature \d+:/).slice(1) }
}
