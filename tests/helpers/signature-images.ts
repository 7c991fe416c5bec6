/**
 * PNG images for visible-signature tests, drawn pixel by pixel and encoded with zlib: a
 * blue handwritten-like signature and a red round seal, both on a transparent background.
 * @module
 */
import { crc32, deflateSync } from 'node:zlib'

type Rgba = [number, number, number, number]

const chunk = (type: string, data: Buffer) => {
  const out = Buffer.alloc(12 + data.length)
  out.writeUInt32BE(data.length, 0)
  out.write(type, 4, 'latin1')
  data.copy(out, 8)
  out.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])), 8 + data.length)
  return out
}

/** An 8-bit RGBA PNG (or RGB when `alpha` is false) of `pixel(x, y)`. */
export const makePng = (
  width: number,
  height: number,
  pixel: (x: number, y: number) => Rgba,
  alpha = true,
) => {
  const channels = alpha ? 4 : 3
  const raw = Buffer.alloc((width * channels + 1) * height)
  for (let y = 0; y < height; y++) {
    const row = y * (width * channels + 1)
    for (let x = 0; x < width; x++) {
      const p = pixel(x, y)
      for (let c = 0; c < channels; c++) raw[row + 1 + x * channels + c] = p[c] as number
    }
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8
  ihdr[9] = alpha ? 6 : 2
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const CLEAR: Rgba = [255, 255, 255, 0]

/** A blue flourish (a sine stroke and an underline) on a transparent 300 × 120 image. */
export const blueSignaturePng = () =>
  makePng(300, 120, (x, y) => {
    const curve = 60 + 35 * Math.sin((x / 300) * Math.PI * 3)
    const stroke = Math.abs(y - curve) < 5 && x > 10 && x < 290
    const underline = Math.abs(y - 100) < 3 && x > 40 && x < 260
    return stroke || underline ? [20, 40, 200, 255] : CLEAR
  })

/** A red round seal (outer and inner ring, a centre dot) on a transparent 400 × 400 image. */
export const redSealPng = () =>
  makePng(400, 400, (x, y) => {
    const r = Math.hypot(x - 200, y - 200)
    const ink = (r > 180 && r < 198) || (r > 120 && r < 130) || r < 30
    return ink ? [220, 20, 30, 255] : CLEAR
  })
