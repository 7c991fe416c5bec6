/**
 * The approver's handwritten signature, uploaded once (PUT /v1/me/signature-image): the server
 * draws it in the signature block of every document they sign (Nghị định 30/2020, Phụ lục I).
 * The file is checked here first (PNG, at most 200 KB, 32–1600 pixels a side) with the reason
 * in Vietnamese, previewed before upload, and the current image is shown.
 * @module
 */
import { h } from '../../components/dom.ts'
import type { ApiClient } from '../../utils/api-client.ts'

const MAX_BYTES = 200 * 1024
const MIN_SIDE = 32
const MAX_SIDE = 1600
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** @returns why the file cannot be a signature image, or null when it may be uploaded */
export const signatureImageProblem = (bytes: Uint8Array): string | null => {
  if (!PNG_MAGIC.every((b, i) => bytes[i] === b))
    return 'Tệp không phải ảnh PNG. Hãy lưu chữ ký thành ảnh PNG có nền trong suốt (ví dụ xuất từ phần mềm chỉnh ảnh).'
  if (bytes.byteLength > MAX_BYTES)
    return `Ảnh ${Math.ceil(bytes.byteLength / 1024)} KB, lớn hơn giới hạn 200 KB; hãy giảm kích thước hoặc độ phân giải.`
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (bytes.byteLength < 24) return 'Không đọc được ảnh PNG; hãy xuất lại ảnh.'
  const width = view.getUint32(16)
  const height = view.getUint32(20)
  if (width < MIN_SIDE || height < MIN_SIDE || width > MAX_SIDE || height > MAX_SIDE)
    return `Ảnh ${width} × ${height} điểm ảnh; cần mỗi cạnh từ ${MIN_SIDE} đến ${MAX_SIDE} điểm ảnh.`
  return null
}

export const createSignatureImageSection = (api: () => Promise<ApiClient>) => {
  const file = h('input', { type: 'file', id: 'signature-file', accept: 'image/png,.png' })
  const preview = h('img', { id: 'signature-preview', alt: 'Ảnh chữ ký', hidden: true })
  const current = h('img', { id: 'signature-current', alt: 'Ảnh chữ ký đang dùng', hidden: true })
  const none = h('span', { id: 'signature-none' }, 'chưa có')
  const status = h('p', { id: 'signature-status', role: 'status' })
  const upload = h('button', { type: 'button', id: 'upload-signature', disabled: true }, 'Tải lên')
  const section = h(
    'section',
    { id: 'signature-section', hidden: true },
    h('h2', {}, 'Ảnh chữ ký tay'),
    h(
      'p',
      { class: 'muted' },
      'Tải lên một lần: ảnh PNG nền trong suốt, chữ ký màu xanh, tối đa 200 KB. Ảnh được đặt vào khối chữ ký của văn bản bạn ký số.',
    ),
    h('p', {}, 'Đang dùng: ', none, current),
    h('label', { for: 'signature-file' }, 'Chọn ảnh mới'),
    file,
    preview,
    h('p', {}, upload),
    status,
  )
  const say = (text: string, kind: 'ok' | 'error' | 'muted') => {
    status.className = kind
    status.textContent = text
  }
  const show = (img: HTMLImageElement, bytes: Uint8Array<ArrayBuffer> | null) => {
    if (img.src) URL.revokeObjectURL(img.src)
    img.hidden = !bytes
    img.src = bytes ? URL.createObjectURL(new Blob([bytes], { type: 'image/png' })) : ''
  }
  let chosen: Uint8Array<ArrayBuffer> | null = null

  file.addEventListener('change', async () => {
    chosen = null
    upload.disabled = true
    show(preview, null)
    // A new file: what was said of the previous one (a refusal, "saved") no longer applies.
    status.className = ''
    status.textContent = ''
    const picked = file.files?.[0]
    if (!picked) return
    const bytes = new Uint8Array(await picked.arrayBuffer())
    const problem = signatureImageProblem(bytes)
    if (problem) return say(problem, 'error')
    chosen = bytes
    show(preview, bytes)
    upload.disabled = false
    say('Xem ảnh bên trên rồi bấm “Tải lên”.', 'muted')
  })
  upload.addEventListener('click', async () => {
    if (!chosen) return
    upload.disabled = true
    say('Đang tải lên…', 'muted')
    try {
      await (await api()).uploadSignatureImage(chosen)
      show(current, chosen)
      none.hidden = true
      say('Đã lưu ảnh chữ ký. Văn bản bạn ký số từ nay hiện chữ ký này.', 'ok')
    } catch (error) {
      // the server's reason, in Vietnamese (e.g. a background that is not transparent)
      say(`Chưa lưu được ảnh: ${(error as Error).message}`, 'error')
      upload.disabled = false
    }
  })

  return {
    section,
    /** shows the section to an approver (with their current image), hides it from anyone else */
    refresh: async (role: string | null) => {
      section.hidden = role !== 'approver'
      if (section.hidden) return
      try {
        show(current, await (await api()).signatureImage())
      } catch {
        show(current, null)
      }
      none.hidden = !current.hidden
    },
  }
}
