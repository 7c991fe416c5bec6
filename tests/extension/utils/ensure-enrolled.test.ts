import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureEnrolled } from '../../../extension/utils/sign-and-route.ts'
import { generateSigningKeys } from '../../../extension/utils/signing-key.ts'
import type { IssuedCertificate } from '../../../extension/utils/storage.ts'
import { createDocumentsTestApp, type DocumentsTestApp, type Official } from '../../helpers/documents-app.ts'
import { inProcessClient } from '../helpers/in-process-client.ts'

describe('the certificate cache is keyed by official', () => {
  let app: DocumentsTestApp, leader: Official, clerk: Official

  beforeAll(async () => {
    app = await createDocumentsTestApp()
    await app.agency('000.00.01.H56', 'Sở Tư pháp tỉnh Hà Nam')
    leader = await app.official('000.00.01.H56', 'approver', 'Nguyễn Văn Lãnh')
    clerk = await app.official('000.00.01.H56', 'clerk', 'Trần Thị Văn Thư')
  })
  afterAll(() => app?.close())

  it('reuses the certificate for the same official and enrols again when the token is another official’s', async () => {
    const keys = await generateSigningKeys()
    let stored: IssuedCertificate | null = null
    const cache = {
      getValue: async () => stored,
      setValue: async (value: IssuedCertificate | null) => {
        stored = value
      },
    }
    const loadKeys = async () => ({ keys, created: false })
    const first = await ensureEnrolled(inProcessClient(app, leader.token), { loadKeys, cache })
    expect(stored).toMatchObject({ serial: first.certificate.serial, officialId: leader.id })
    const again = await ensureEnrolled(inProcessClient(app, leader.token), { loadKeys, cache })
    expect(again.certificate.serial).toBe(first.certificate.serial)

    // the same browser, now with the văn thư's token: the leader's certificate is not theirs
    const forClerk = await ensureEnrolled(inProcessClient(app, clerk.token), { loadKeys, cache })
    expect(forClerk.certificate.serial).not.toBe(first.certificate.serial)
    expect(stored).toMatchObject({ serial: forClerk.certificate.serial, officialId: clerk.id })
  })

  it('enrols again when a certificate was cached before certificates were tied to an official', async () => {
    const keys = await generateSigningKeys()
    const legacy = await ensureEnrolled(inProcessClient(app, leader.token), {
      loadKeys: async () => ({ keys, created: false }),
      cache: { getValue: async () => null, setValue: async () => {} },
    })
    let stored: IssuedCertificate | null = { ...legacy.certificate }
    const renewed = await ensureEnrolled(inProcessClient(app, clerk.token), {
      loadKeys: async () => ({ keys, created: false }),
      cache: {
        getValue: async () => stored,
        setValue: async (value) => {
          stored = value
        },
      },
    })
    expect(renewed.certificate.serial).not.toBe(legacy.certificate.serial)
  })
})
