import { describe, expect, it } from 'vitest'
import { createPdfWorkerPool } from '../../../api/documents/create-pdf-worker-pool.ts'
import { movableBuffers } from '../../../api/documents/movable-buffers.ts'

describe('PDF bytes travel to a worker and back without copies', () => {
  it('moves a whole PDF to the verifying worker and hands the same bytes back', async () => {
    const pool = createPdfWorkerPool({ trustRoots: [], size: 1, queueLimit: 4, budgetMs: 10_000 })
    try {
      const pdf = new Uint8Array(Buffer.from(`%PDF-1.7\n${'% filler\n'.repeat(20_000)}%%EOF\n`, 'latin1'))
      const copy = Buffer.from(pdf)
      const { verification, pdf: back } = await pool.run(
        { op: 'verify', pdf, budgetMs: 5_000 },
        movableBuffers([pdf]),
      )
      expect(verification.status).toBe('unsigned')
      // moved, not copied: the request thread no longer holds the bytes it sent…
      expect(pdf.byteLength).toBe(0)
      // …and gets them back whole
      expect(Buffer.from(back).equals(copy)).toBe(true)
    } finally {
      await pool.close()
    }
  })

  it('moves only arrays that own their whole buffer', () => {
    const own = new Uint8Array(1000)
    const view = new Uint8Array(new ArrayBuffer(2000), 10, 1000)
    const shared = new Uint8Array(new SharedArrayBuffer(100))
    expect(movableBuffers([own, view, shared, own, 'x'])).toEqual([own.buffer])
    expect(movableBuffers([own], 64 * 1024)).toEqual([])
  })
})
