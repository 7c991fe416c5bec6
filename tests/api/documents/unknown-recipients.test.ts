import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DocumentsTestApp, Official } from '../../helpers/documents-app.ts'
import { createDocumentsTestApp, header, submit } from '../../helpers/documents-app.ts'
import { makePdf } from '../../helpers/documents-fixtures.ts'

const SENDER = '000.00.01.H56'
const KNOWN = ['000.00.02.H56', '000.00.03.H56']

describe('recipients of a sent document must be agencies of the system', () => {
  let app: DocumentsTestApp
  let clerk: Official

  beforeAll(async () => {
    app = await createDocumentsTestApp()
    await app.agency(SENDER, 'UBND tỉnh Hà Nam')
    for (const code of KNOWN) await app.agency(code, `Sở ${code}`, SENDER)
    clerk = await app.official(SENDER, 'clerk')
  })
  afterAll(() => app.close())

  it('names only the unknown codes among known ones, and stores nothing', async () => {
    const res = await submit(
      app,
      clerk,
      await makePdf({ text: 'nơi nhận' }),
      header([KNOWN[0] as string, '000.00.09.H56', KNOWN[1] as string, '000.00.08.H56'], {
        allowUnsigned: true,
      }),
    )
    expect(res.status).toBe(422)
    const { error } = await res.json()
    expect(error.message).toBe('header.to: chưa có cơ quan mã 000.00.09.H56, 000.00.08.H56 trong hệ thống.')
    const list = await app.request('/v1/documents?box=sent', {
      headers: { Authorization: `Bearer ${clerk.token}` },
    })
    expect((await list.json()).results).toEqual([])
  })

  it('accepts a document to known agencies only, each once', async () => {
    const res = await submit(
      app,
      clerk,
      await makePdf({ text: 'nơi nhận đủ' }),
      header([...KNOWN, KNOWN[0] as string], { allowUnsigned: true }),
    )
    expect(res.status).toBe(201)
    const body = await res.json()
    expect(body.recipients).toEqual(KNOWN.map((agencyCode) => ({ agencyCode, status: '01' })))
  })
})
