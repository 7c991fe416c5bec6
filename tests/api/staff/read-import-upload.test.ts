import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { readImportUpload } from '../../../api/staff/read-import-upload.ts'
import { AppError } from '../../../knowledge/errors.ts'

const app = new Hono()
  .post('/upload', async (c) => c.json({ size: (await readImportUpload(c)).byteLength }))
  .onError((error, c) =>
    error instanceof AppError
      ? c.json({ error: { code: error.code, message: error.message } }, error.status as 400)
      : c.json({ error: String(error) }, 500),
  )

const upload = (body: BodyInit) => app.request('/upload', { method: 'POST', body })

describe('readImportUpload: the bytes of an uploaded export', () => {
  it('hands over the bytes as sent, gzip included', async () => {
    expect(await (await upload('{"code":"1.001193"}\n')).json()).toEqual({ size: 20 })
    expect(await (await upload(new Uint8Array([0x1f, 0x8b, 0x08, 0x00]))).json()).toEqual({ size: 4 })
  })

  it('refuses an upload of nothing or only white space with 400 saying what to send', async () => {
    for (const body of ['', ' \r\n\t\n']) {
      const res = await upload(body)
      expect(res.status).toBe(400)
      expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
        'Tệp nhập rỗng: gửi nội dung JSONL (mỗi dòng một thủ tục).',
      )
    }
  })
})
