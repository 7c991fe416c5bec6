import { parseHTML } from 'linkedom'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { createDocumentSystemAdapter } from '../../../extension/adapters/document-system.ts'
import { gmailLikeAdapter } from '../../../extension/adapters/gmail-like.ts'
import { genericAdapter, pickAdapter } from '../../../extension/adapters/index.ts'
import { roundcubeAdapter } from '../../../extension/adapters/roundcube.ts'
import { zimbraAdapter } from '../../../extension/adapters/zimbra.ts'

// linkedom (already installed with WXT) gives a DOM without a browser; the adapters only read it
const page = (html: string, url = 'https://mail.example.gov.vn/') => {
  const { document, window } = parseHTML(`<!doctype html><html><body>${html}</body></html>`)
  Object.defineProperty(document, 'location', { value: new URL(url) })
  vi.stubGlobal('HTMLElement', window.HTMLElement)
  vi.stubGlobal('HTMLInputElement', window.HTMLInputElement)
  vi.stubGlobal('HTMLTextAreaElement', window.HTMLTextAreaElement)
  vi.stubGlobal('HTMLSelectElement', window.HTMLSelectElement)
  return document as unknown as Document
}

const ROUNDCUBE = `
  <button class="btn btn-primary send" onclick="return rcmail.command('send','',this,event)"><span class="inner">Gửi</span></button>
  <input id="compose-subject" name="_subject" value="Gửi Quyết định 123/QĐ-UBND">
  <textarea id="composebody" name="_message">Kính gửi…</textarea>
  <div id="compose-attachments"><ul id="attachment-list">
    <li><a class="filename"><span class="attachment-name">QD_123.pdf</span></a> <a class="delete">Xóa</a></li>
  </ul></div>`

const ZIMBRA = `
  <div class="ZmComposeView" id="zv__COMPOSE-1">
    <div id="zb__COMPOSE-1__SEND" class="ZToolbarButton"><td id="zb__COMPOSE-1__SEND_title">Gửi</td></div>
    <input id="zv__COMPOSE-1_subject_control" value="Công văn 45/CV-BNV">
    <div class="attBubbleContainer"><span class="attBubbleHolder">bao-cao.pdf</span></div>
  </div>`

const GMAIL = `
  <div role="dialog">
    <input name="subjectbox" value="Kế hoạch 07/KH-UBND">
    <div role="textbox" contenteditable="true" aria-label="Message Body">Gửi anh chị kế hoạch</div>
    <div role="link" download="ke-hoach.pdf">ke-hoach.pdf</div>
    <div role="button" data-tooltip="Send ‪(Ctrl-Enter)‬"><span>Send</span></div>
  </div>`

describe('page adapters', () => {
  afterAll(() => {
    vi.unstubAllGlobals()
  })

  it.each([
    [
      'roundcube',
      ROUNDCUBE,
      roundcubeAdapter,
      'button.send span.inner',
      ['QD_123.pdf'],
      'Gửi Quyết định 123/QĐ-UBND',
    ],
    ['zimbra', ZIMBRA, zimbraAdapter, '#zb__COMPOSE-1__SEND_title', ['bao-cao.pdf'], 'Công văn 45/CV-BNV'],
    ['gmail-like', GMAIL, gmailLikeAdapter, '[role="button"] span', ['ke-hoach.pdf'], 'Kế hoạch 07/KH-UBND'],
  ] as const)(
    '%s: finds the send control from inside it, the attachments and the subject',
    (id, html, adapter, inside, names, subject) => {
      const doc = page(html)
      expect(pickAdapter(doc, []).id).toBe(id)
      const target = doc.querySelector(inside)
      expect(target).not.toBeNull()
      const control = adapter.sendControlOf(target as Element)
      expect(control).not.toBeNull()
      expect(control).toBe(adapter.sendControl(doc))
      expect(adapter.attachmentNames(doc)).toEqual(names)
      expect(adapter.subject(doc)).toBe(subject)
      // nothing else on the page counts as sending
      expect(adapter.sendControlOf(doc.body as unknown as Element)).toBeNull()
    },
  )

  it('recognises Roundcube’s compose screen by its body class before any attachment list, and reads its body', () => {
    const doc = page('<textarea id="composebody" name="_message">Kính gửi Sở Nội vụ</textarea>')
    expect(pickAdapter(doc, []).id).toBe('generic')
    doc.body.classList.add('action-compose')
    expect(pickAdapter(doc, []).id).toBe('roundcube')
    expect(roundcubeAdapter.bodyText(doc)).toBe('Kính gửi Sở Nội vụ')
    expect(roundcubeAdapter.documentNumber(doc)).toBe('')
  })

  it('keys Roundcube threads by the compose id', () => {
    const doc = page(ROUNDCUBE, 'https://mail.example.gov.vn/?_task=mail&_action=compose&_id=abc123')
    expect(roundcubeAdapter.threadKey(doc)).toBe('roundcube:abc123')
  })

  it('reads Roundcube’s attachment list as complete when it is empty, but not while an upload is in progress', () => {
    const uploading =
      '<div id="compose-attachments"><ul id="attachment-list"><li id="rcmupload1" class="uploading"><a class="delete">Hủy</a><span class="uploading">Đang tải lên...</span></li></ul></div>'
    const empty = '<div id="compose-attachments"><ul id="attachment-list"></ul></div>'
    expect(roundcubeAdapter.attachmentNames(page(uploading))).toEqual([])
    expect(roundcubeAdapter.attachmentListComplete?.(page(uploading))).toBe(false)
    expect(roundcubeAdapter.attachmentListComplete?.(page(empty))).toBe(true)
    expect(roundcubeAdapter.attachmentListComplete?.(page(ROUNDCUBE))).toBe(true)
    expect(roundcubeAdapter.attachmentListComplete?.(page('<p>hộp thư</p>'))).toBe(false)
  })

  it('uses a configured document system only where its send button exists', () => {
    const config = {
      host: 'qlvb.example.gov.vn',
      attachmentList: 'ul.tep li',
      sendButton: '#btn-phat-hanh',
      numberField: '#so-ky-hieu',
    }
    const html =
      '<input id="so-ky-hieu" value="45/CV-BNV"><ul class="tep"><li>to-trinh.pdf</li></ul><button id="btn-phat-hanh">Phát hành</button>'
    const doc = page(html, 'https://qlvb.example.gov.vn/van-ban/phat-hanh')
    const adapter = pickAdapter(doc, [config])
    expect(adapter.id).toBe('document-system:qlvb.example.gov.vn')
    expect(adapter.documentNumber(doc)).toBe('45/CV-BNV')
    expect(adapter.attachmentNames(doc)).toEqual(['to-trinh.pdf'])
    expect(
      createDocumentSystemAdapter(config).detect(page('<p>khác</p>', 'https://qlvb.example.gov.vn/')),
    ).toBe(false)
    expect(createDocumentSystemAdapter(config).detect(page(html, 'https://mail.example.gov.vn/'))).toBe(false)
  })

  it('falls back to a generic adapter that only treats a "Gửi"/"Send" button as sending', () => {
    const doc = page('<button id="a">Gửi</button><button id="b">Lưu nháp</button>')
    expect(pickAdapter(doc, []).id).toBe('generic')
    expect(genericAdapter.sendControlOf(doc.querySelector('#a') as Element)?.id).toBe('a')
    expect(genericAdapter.sendControlOf(doc.querySelector('#b') as Element)).toBeNull()
  })
})
