import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFNumber, type PDFRef } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildPdfTextFont } from '../../../api/documents/build-pdf-text-font.ts'
import { makeDecree30Draft } from '../../helpers/decree-30-draft.ts'
import { mutoolVerdicts, pdfsig, signWithKey } from '../../helpers/documents-fixtures.ts'
import { type Key, type Official, type Scenario, startScenario } from '../../helpers/documents-scenario.ts'
import { blueSignaturePng, makePng, redSealPng } from '../../helpers/signature-images.ts'

const run = promisify(execFile)
const SENDER = '000.00.01.H56'
const OTHER = '000.00.02.H56'
const AGENCY_NAME = 'Sở Tư pháp thành phố Hà Nội'
/** this agency's seal is 40 mm across */
const SEAL_MM = 40

type Box = { x1: number; y1: number; x2: number; y2: number }

/** Renders a page at 72 dpi (1 pixel = 1 pt, y from the top) and returns the pixels. */
const renderPage = async (pdf: Uint8Array, page: number, dir: string) => {
  const file = join(dir, `render-${Math.random().toString(36).slice(2)}`)
  writeFileSync(`${file}.pdf`, pdf)
  await run('pdftoppm', [
    '-r',
    '72',
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    `${file}.pdf`,
    file,
  ])
  const ppm = readFileSync(`${file}.ppm`)
  // P6\n<w> <h>\n255\n
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.toString('latin1', 0, 32))
  if (!header) throw new Error('not a PPM')
  const [width, height] = [Number(header[1]), Number(header[2])]
  const data = ppm.subarray(header[0].length)
  return {
    width,
    height,
    at: (x: number, y: number) => [0, 1, 2].map((c) => data[(y * width + x) * 3 + c] ?? 255),
  }
}

type Page = Awaited<ReturnType<typeof renderPage>>

/** The bounding box of the pixels that pass `test`, in a region (pixels, y from the top). */
const bboxOf = (page: Page, test: (rgb: number[]) => boolean, region?: Box): Box | null => {
  const r = region ?? { x1: 0, y1: 0, x2: page.width, y2: page.height }
  let box: Box | null = null
  for (let y = Math.max(0, r.y1); y < Math.min(page.height, r.y2); y++)
    for (let x = Math.max(0, r.x1); x < Math.min(page.width, r.x2); x++) {
      if (!test(page.at(x, y))) continue
      box = box
        ? {
            x1: Math.min(box.x1, x),
            y1: Math.min(box.y1, y),
            x2: Math.max(box.x2, x + 1),
            y2: Math.max(box.y2, y + 1),
          }
        : { x1: x, y1: y, x2: x + 1, y2: y + 1 }
    }
  return box
}

// the signature's bright blue, not the dark blue of the organisation's text (nor its anti-aliased edges)
const isBlueInk = ([r = 0, g = 0, b = 0]: number[]) => b > 170 && b - r > 110 && b - g > 90
const isRedInk = ([r = 0, g = 0, b = 0]: number[]) => r > 150 && g < 100 && b < 100
const isInk = ([r = 0, g = 0, b = 0]: number[]) => r + g + b < 600

/** The signature widgets of a PDF: their rectangle and whether they have a normal appearance. */
const signatureWidgets = async (pdf: Uint8Array) => {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false })
  const out: { page: number; rect: number[]; appearance: boolean; role: string }[] = []
  for (const [i, page] of doc.getPages().entries()) {
    for (const ref of page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? []) {
      const w = doc.context.lookup(ref as PDFRef, PDFDict)
      if (w.get(PDFName.of('FT'))?.toString() !== '/Sig') continue
      const rect = w
        .lookup(PDFName.of('Rect'), PDFArray)
        .asArray()
        .map((v) => (v as PDFNumber).asNumber())
      const ap = w.lookupMaybe(PDFName.of('AP'), PDFDict)
      const role = w.lookupMaybe(PDFName.of('V'), PDFDict)?.get(PDFName.of('TrolysoRole'))?.toString() ?? ''
      out.push({ page: i + 1, rect, appearance: Boolean(ap?.get(PDFName.of('N'))), role })
    }
  }
  return out
}

describe('visible signatures: images uploaded once, drawn where NĐ 30/2020 puts them', () => {
  let app: Scenario, dir: string, approver: Official, clerk: Official, admin: Official, otherAdmin: Official
  let approverKey: Key, clerkKey: Key

  const put = (path: string, official: Official, body: Uint8Array, type = 'image/png') =>
    app.request(path, {
      method: 'PUT',
      headers: { ...app.auth(official), 'Content-Type': type },
      body: new Uint8Array(body),
    })

  const sign = async (
    official: Official,
    key: Key,
    pdf: Uint8Array,
    role: 'approver' | 'organisation',
    fields: Record<string, string> = {},
  ) => {
    const res = await app.request('/v1/signing/sessions', {
      method: 'POST',
      headers: app.auth(official),
      body: app.form(pdf, { role, certificateSerial: key.serial, ...fields }),
    })
    if (res.status !== 201)
      return { status: res.status, text: await res.text(), pdf: Buffer.alloc(0), appearance: null }
    const session = (await res.json()) as {
      sessionId: string
      toBeSigned: string
      appearance: { visible: boolean; note: string | null }
    }
    const done = await app.request(`/v1/signing/sessions/${session.sessionId}/complete`, {
      method: 'POST',
      headers: { ...app.auth(official), 'Content-Type': 'application/json' },
      body: JSON.stringify({ signature: await signWithKey(key.privateKey, session.toBeSigned) }),
    })
    expect(done.status).toBe(200)
    return {
      status: 201,
      text: '',
      pdf: Buffer.from(await done.arrayBuffer()),
      appearance: session.appearance,
    }
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'trolyso-visible-'))
    app = await startScenario({
      agencies: { [SENDER]: AGENCY_NAME, [OTHER]: 'Sở Nội vụ thành phố Hà Nội' },
    })
    approver = await app.official(SENDER, 'approver', 'Nguyễn Văn An')
    clerk = await app.official(SENDER, 'clerk', 'Trần Thị Văn Thư')
    admin = await app.official(SENDER, 'agency_admin', 'Lê Quản Trị')
    otherAdmin = await app.official(OTHER, 'agency_admin', 'Phạm Quản Trị')
    approverKey = await app.enrol(approver)
    clerkKey = await app.enrol(clerk)
  })
  afterAll(() => {
    app.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('signs invisibly, as before, while no image is uploaded', async () => {
    const signed = await sign(approver, approverKey, makeDecree30Draft(), 'approver')
    expect(signed.status).toBe(201)
    expect(await signatureWidgets(signed.pdf)).toMatchObject([{ rect: [0, 0, 0, 0], appearance: false }])
  })

  it('takes an approver signature and an agency seal as PNG with transparency, and refuses anything else', async () => {
    const signature = blueSignaturePng()
    const saved = await put('/v1/me/signature-image', approver, signature)
    expect(saved.status).toBe(200)
    expect(await saved.json()).toMatchObject({ kind: 'signature', width: 300, height: 120 })
    const back = await app.request('/v1/me/signature-image', { headers: app.auth(approver) })
    expect(Buffer.from(await back.arrayBuffer()).equals(signature)).toBe(true)

    // only approvers have a handwritten signature; only the agency's administrator uploads its seal
    expect((await put('/v1/me/signature-image', clerk, signature)).status).toBe(403)
    expect((await put(`/v1/agencies/${SENDER}/seal-image`, clerk, redSealPng())).status).toBe(403)
    expect((await put(`/v1/agencies/${SENDER}/seal-image`, otherAdmin, redSealPng())).status).toBe(403)
    expect((await put(`/v1/agencies/${SENDER}/seal-image?diameterMm=80`, admin, redSealPng())).status).toBe(
      400,
    )
    const seal = await put(`/v1/agencies/${SENDER}/seal-image?diameterMm=${SEAL_MM}`, admin, redSealPng())
    expect(seal.status).toBe(200)
    expect(await seal.json()).toMatchObject({ kind: 'seal', diameterMm: SEAL_MM })
    expect(
      (await app.request(`/v1/agencies/${SENDER}/seal-image`, { headers: app.auth(clerk) })).status,
    ).toBe(200)

    const opaque = makePng(200, 80, () => [255, 255, 255, 255])
    const noAlpha = makePng(200, 80, () => [255, 255, 255, 255], false)
    for (const bad of [opaque, noAlpha]) {
      const res = await put('/v1/me/signature-image', approver, bad)
      expect(res.status).toBe(422)
      expect(await res.text()).toContain('nền trong suốt')
    }
    expect(
      (
        await put(
          '/v1/me/signature-image',
          approver,
          makePng(2000, 40, () => [0, 0, 0, 0]),
        )
      ).status,
    ).toBe(422)
    expect((await put('/v1/me/signature-image', approver, Buffer.from('GIF89a not a png'))).status).toBe(415)
    expect((await put('/v1/me/signature-image', approver, signature, 'image/jpeg')).status).toBe(415)
    const noisy = makePng(600, 600, () => [
      Math.floor(Math.random() * 256),
      Math.floor(Math.random() * 256),
      Math.floor(Math.random() * 256),
      Math.random() < 0.5 ? 0 : 255,
    ])
    expect(noisy.length).toBeGreaterThan(200 * 1024)
    expect((await put('/v1/me/signature-image', approver, noisy)).status).toBe(413)
    // the stored image is still the good one
    const still = await app.request('/v1/me/signature-image', { headers: app.auth(approver) })
    expect(Buffer.from(await still.arrayBuffer()).equals(signature)).toBe(true)
  })

  it('draws the signature in the block, the seal over its left third, and both signatures stay valid', async () => {
    const byLeader = await sign(approver, approverKey, makeDecree30Draft(), 'approver')
    expect(byLeader.status).toBe(201)
    const sealed = await sign(clerk, clerkKey, byLeader.pdf, 'organisation', {
      issuance: JSON.stringify({ notation: '123/QĐ-STP', date: '2026-12-03' }),
    })
    expect(sealed.status).toBe(201)
    const pdf = sealed.pdf

    // appearance streams in the signature widgets
    const widgets = await signatureWidgets(pdf)
    expect(widgets.map((w) => [w.role, w.appearance])).toEqual([
      ['/approver', true],
      ['/organisation', true],
    ])

    // validators agree: pdfsig, mutool and the server
    const poppler = await pdfsig(pdf, dir)
    expect(poppler.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(2)
    const mupdf = await mutoolVerdicts(pdf, dir, 'visible.pdf')
    const { verdicts } = mupdf
    expect(verdicts).toHaveLength(2)
    // mutool cannot tell a later signature from an edit, so it reports one for the approver's
    expect(verdicts[0]).toContain('The signature is valid but there have been edits since signing.')
    expect(verdicts[1]).toContain('The document is unchanged since signing.')
    expect(mupdf.output).not.toMatch(/signature is not valid|Digest mismatch/i)
    const res = await app.request('/v1/documents', {
      method: 'POST',
      headers: app.auth(clerk),
      body: app.form(pdf, { header: app.header([OTHER]) }),
    })
    expect(res.status).toBe(201)
    const doc = (await res.json()) as {
      signatureStatus: string
      verification: { signatures: Array<{ changesAfter: string[] }> }
    }
    expect(doc.signatureStatus).toBe('signed_valid')
    expect(doc.verification.signatures.map((s) => s.changesAfter)).toEqual([[], []])

    // the rendered page: the draft puts "KT. GIÁM ĐỐC" at y 300, "PHÓ GIÁM ĐỐC" at 285 and the
    // name at 200 (PDF points from the bottom), from x 380; pixels count from the top at 72 dpi
    const page = await renderPage(pdf, 1, dir)
    const blue = bboxOf(page, isBlueInk)
    const red = bboxOf(page, isRedInk)
    expect(blue).not.toBeNull()
    expect(red).not.toBeNull()
    const sig = blue as Box
    const seal = red as Box
    // the signature sits between the title and the name, centred under the title
    expect(sig.y1).toBeGreaterThanOrEqual(842 - 285)
    expect(sig.y2).toBeLessThanOrEqual(842 - 200)
    expect(sig.x1).toBeGreaterThan(300)
    expect(sig.x2).toBeLessThan(540)
    // inside the approver's widget, which is centred under the authority line
    const rect = widgets.find((w) => w.role === '/approver')?.rect ?? []
    const [rx1 = 0, ry1 = 0, rx2 = 0, ry2 = 0] = rect
    expect(sig.x1).toBeGreaterThanOrEqual(Math.floor(rx1))
    expect(sig.x2).toBeLessThanOrEqual(Math.ceil(rx2))
    expect(sig.y1).toBeGreaterThanOrEqual(Math.floor(842 - ry2))
    expect(sig.y2).toBeLessThanOrEqual(Math.ceil(842 - ry1))
    const titleCentre = 380 + buildPdfTextFont(['KT. GIÁM ĐỐC']).widthOf('KT. GIÁM ĐỐC', 13) / 2
    // (positions inside a text run are interpolated per character, so a few points off)
    expect(Math.abs((rx1 + rx2) / 2 - titleCentre)).toBeLessThan(8)
    // the seal at its real size (40 mm = 113 pt), over the left third of the signature
    const diameter = (SEAL_MM / 25.4) * 72
    expect(Math.abs(seal.x2 - seal.x1 - diameter)).toBeLessThan(4)
    expect(Math.abs(seal.y2 - seal.y1 - diameter)).toBeLessThan(4)
    expect(seal.x1).toBeLessThan(sig.x1)
    expect(Math.abs(seal.x2 - (sig.x1 + (sig.x2 - sig.x1) / 3))).toBeLessThan(6)
    expect(Math.abs((seal.y1 + seal.y2) / 2 - (sig.y1 + sig.y2) / 2)).toBeLessThan(6)

    // the organisation's name and the signing time, ISO 8601 in Vietnam's time
    const file2 = join(dir, 'visible-text.pdf')
    writeFileSync(file2, pdf)
    const text = (await run('pdftotext', [file2, '-'])).stdout
    expect(text).toContain(AGENCY_NAME)
    expect(text).toMatch(/Thời gian ký: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00/)
  })

  it('puts the organisation signature of a copy at the top right of page 1, without image', async () => {
    const byLeader = await sign(approver, approverKey, makeDecree30Draft(), 'approver')
    const copy = await sign(clerk, clerkKey, byLeader.pdf, 'organisation', { placement: 'copy' })
    expect(copy.status).toBe(201)
    const page = await renderPage(copy.pdf, 1, dir)
    const corner = { x1: 300, y1: 0, x2: 595, y2: 36 }
    const ink = bboxOf(page, isInk, corner)
    expect(ink).not.toBeNull()
    expect((ink as Box).x2).toBeGreaterThan(540)
    expect(bboxOf(page, isRedInk, corner)).toBeNull()
    // nothing was printed there before
    expect(bboxOf(await renderPage(byLeader.pdf, 1, dir), isInk, corner)).toBeNull()
    const widgets = await signatureWidgets(copy.pdf)
    expect(widgets.find((w) => w.role === '/organisation')).toMatchObject({ page: 1, appearance: true })
    expect((await pdfsig(copy.pdf, dir)).match(/Signature is Valid\./g)).toHaveLength(2)
  })

  it('uses explicit coordinates where no signature block is printed, and says so when they are missing', async () => {
    const plain = await app.pdf({ text: 'Công văn' })
    // signing is never blocked: without a block the approver's signature stays invisible, with a note
    const unplaced = await sign(approver, approverKey, plain, 'approver')
    expect(unplaced.status).toBe(201)
    expect(unplaced.appearance).toMatchObject({
      visible: false,
      note: expect.stringContaining('signatureAt'),
    })
    expect(bboxOf(await renderPage(unplaced.pdf, 1, dir), isBlueInk)).toBeNull()
    // and the organisation's then shows as on a copy, at the top right of page 1
    const sealed = await sign(clerk, clerkKey, unplaced.pdf, 'organisation')
    expect(sealed.appearance).toMatchObject({
      visible: true,
      note: expect.stringContaining('góc trên bên phải'),
    })
    expect(
      bboxOf(await renderPage(sealed.pdf, 1, dir), isInk, { x1: 300, y1: 0, x2: 595, y2: 36 }),
    ).not.toBeNull()
    expect((await pdfsig(sealed.pdf, dir)).match(/Signature is Valid\./g)).toHaveLength(2)

    const at = { page: 1, x: 350, y: 150, width: 160, height: 64 }
    const signed = await sign(approver, approverKey, plain, 'approver', { signatureAt: JSON.stringify(at) })
    expect(signed.status).toBe(201)
    expect(signed.appearance).toEqual({ visible: true, note: null })
    const blue = bboxOf(await renderPage(signed.pdf, 1, dir), isBlueInk) as Box
    expect(blue).not.toBeNull()
    expect(blue.x1).toBeGreaterThanOrEqual(at.x)
    expect(blue.x2).toBeLessThanOrEqual(at.x + at.width)
    expect(blue.y1).toBeGreaterThanOrEqual(842 - at.y - at.height)
    expect(blue.y2).toBeLessThanOrEqual(842 - at.y)
  })
})
