/**
 * The revision that will be signed, as the server prepared it: the file with the issuance
 * stamp (number, date) and the visible signature (signature image, seal) already written,
 * only the signature value missing. The background fetched it and checked that the signature
 * would cover exactly these bytes; this window reads them from the extension's IndexedDB,
 * renders them with pdf.js and hashes them itself. Confirming sends that hash: the background
 * signs nothing else.
 * @module
 */
import { browser } from 'wxt/browser'
import { h, showStatus } from '../../components/dom.ts'
import { sha256Hex } from '../../utils/base64.ts'
import { type ConsentPersistence, preparedKey } from '../../utils/consent.ts'
import type { ConsentPrepared } from '../../utils/messages.ts'
import { openPdfPreview } from '../../utils/pdf-preview.ts'
import { groupHex } from './document-facts.ts'

export type PrepareInput = {
  /** SHA-256 of the file shown above, which the server prepares */
  sha256: string
  /** that file: shown instead (marked as not signable) when no revision can be prepared */
  original: Uint8Array<ArrayBuffer>
  issuance?: { notation: string; date: string } | undefined
  remote: boolean
}

export const createPreparedPreview = ({
  requestId,
  stored,
  onChange,
}: {
  requestId: string
  stored: ConsentPersistence
  /** called when a prepared revision is shown, or the one shown no longer holds */
  onChange: (ready: boolean) => void
}) => {
  const box = h('div', { id: 'preview', class: 'preview', 'aria-label': 'Bản sẽ ký' })
  const status = h('p', { id: 'prepared-status', class: 'muted' }, 'Đang chuẩn bị bản sẽ ký…')
  const shaOut = h('code', { id: 'prepared-sha256' }, '—')
  const stampsOut = h('span', { id: 'prepared-stamps' }, '—')
  const appearanceOut = h('span', { id: 'prepared-appearance' }, '—')
  const elements = [
    h('h2', {}, 'Bản sẽ ký'),
    h(
      'p',
      { class: 'muted' },
      'Đây đúng là các byte sẽ được ký: đã ghi số, ngày ban hành và hình chữ ký, con dấu (nếu có).',
    ),
    status,
    h('p', {}, 'Số, ngày ghi lên văn bản khi ban hành: ', stampsOut),
    h('p', {}, 'Chữ ký hiện trên trang: ', appearanceOut),
    h('p', {}, 'SHA-256 của bản sẽ ký: ', shaOut),
    box,
  ]
  let shown: string | null = null
  let generation = 0

  const render = async (bytes: Uint8Array<ArrayBuffer>) => {
    const preview = await openPdfPreview(bytes)
    box.replaceChildren()
    // page 1 carries the number and date, the last page the signature block
    const pages = [...new Set([1, 2, preview.pages].filter((n) => n <= preview.pages))]
    for (const n of pages) {
      const canvas = h('canvas', { 'aria-label': `Trang ${n}` })
      box.append(canvas)
      await preview.render(n, canvas, 480)
      canvas.dataset['page'] = String(n)
    }
    if (preview.pages > pages.length)
      box.append(h('p', { class: 'muted' }, `… và ${preview.pages - pages.length} trang nữa.`))
    await preview.close()
    return preview.stamps
  }

  /** nothing can be signed: say why, and show the file itself so the official knows which it is */
  const fail = async (message: string, original: Uint8Array<ArrayBuffer> | null, mine: number) => {
    showStatus(status, 'error', message)
    shaOut.textContent = '—'
    stampsOut.textContent = '—'
    appearanceOut.textContent = '—'
    box.replaceChildren()
    if (!original) return
    try {
      await render(original)
      if (mine === generation)
        box.prepend(h('p', { class: 'error', id: 'not-signable' }, 'Tệp gốc, chưa thể ký:'))
    } catch {
      box.replaceChildren()
    }
  }

  /** Asks for a prepared revision and shows it; an earlier one stops counting at once. */
  const prepare = async (input: PrepareInput) => {
    const mine = ++generation
    shown = null
    onChange(false)
    showStatus(status, 'muted', 'Đang chuẩn bị bản sẽ ký…')
    // the file's bytes never cross messaging: the background reads them from IndexedDB
    const answer = (await browser.runtime.sendMessage({
      type: 'consent-prepare',
      requestId,
      sha256: input.sha256,
      issuance: input.issuance,
      remote: input.remote,
    })) as ConsentPrepared | null
    if (mine !== generation) return
    if (!answer?.ok) {
      await fail(answer?.message ?? 'Không chuẩn bị được bản sẽ ký.', input.original, mine)
      return
    }
    const bytes = await stored.getBytes(preparedKey(requestId))
    if (mine !== generation) return
    const sha256 = bytes ? await sha256Hex(bytes) : null
    if (!bytes || sha256 !== answer.preparedSha256) {
      await fail('Bản sẽ ký không khớp với bản máy chủ đã chuẩn bị; không ký.', null, mine)
      return
    }
    shaOut.textContent = groupHex(sha256)
    appearanceOut.textContent = answer.appearance?.visible
      ? 'có (hình chữ ký hoặc con dấu như trong bản dưới đây)'
      : `không hiện hình${answer.appearance?.note ? ` — ${answer.appearance.note}` : ''}`
    try {
      const stamps = await render(bytes)
      stampsOut.textContent = stamps.length > 0 ? stamps.join('; ') : 'không ghi'
    } catch (error) {
      await fail(`Không hiển thị được bản sẽ ký: ${(error as Error).message}. Không ký.`, null, mine)
      return
    }
    if (mine !== generation) return
    shown = sha256
    showStatus(status, 'ok', 'Bản sẽ ký đã sẵn sàng.')
    onChange(true)
  }

  return {
    elements,
    prepare,
    /** the SHA-256 of the prepared revision shown, or null while none is */
    shownSha256: () => shown,
    /** what is shown no longer matches the inputs (number, date, signing method changed) */
    invalidate: () => {
      generation++
      shown = null
      onChange(false)
    },
  }
}
