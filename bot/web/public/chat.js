// Trợ lý số web chat: sends questions and button taps to /v1/chat/messages, renders the
// reply models, and restores the conversation after a reload from /v1/chat/history. While the
// citizen is handed off to a person, it polls the history for the agent's replies.

const SESSION_KEY = 'trolyso.chat.sessionId'
const list = document.getElementById('messages')
const form = document.getElementById('ask')
const input = document.getElementById('question')
const send = document.getElementById('send')
const status = document.getElementById('status')
const announcer = document.getElementById('announce')

const FAILED = 'Xin lỗi, chưa gửi được câu hỏi. Bạn vui lòng thử lại sau ít phút.'
const GROUP_LABELS = { clarify: 'Chọn thủ tục', feedback: 'Đánh giá câu trả lời', menu: 'Trợ giúp' }

let sessionId = localStorage.getItem(SESSION_KEY)
let busy = false

const el = (tag, props = {}, children = []) => {
  const node = document.createElement(tag)
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') node.textContent = v
    else if (k === 'class') node.className = v
    else node.setAttribute(k, v)
  }
  for (const child of children) node.append(child)
  return node
}

const scrollDown = () => window.scrollTo({ top: document.body.scrollHeight })

/** A new reply is read from its start: scroll its first line to the top, not the page's end. */
const revealStart = (item) => item.scrollIntoView({ block: 'start', behavior: 'auto' })

/** Screen readers hear the answer's lead sentence, not the whole reply. */
const announce = (text) => {
  if (!announcer) return
  announcer.textContent = ''
  // A fresh text node in a cleared region is announced even when it repeats the last one.
  window.setTimeout(() => {
    announcer.textContent = text.length > 300 ? `${text.slice(0, 297)}…` : text
  }, 50)
}

/** @returns the paragraph, so the text can be replaced by what the server stored (masked) */
const addUser = (text) => {
  const p = el('p', { text })
  list.append(el('li', { class: 'msg user' }, [el('div', { class: 'bubble' }, [p])]))
  return p
}

/** Sections a reply shows: a follow-up leaves out the footer already shown with the first answer. */
const visibleSections = (body, followUp) =>
  (body.sections ?? []).filter((s) => !(followUp && s.footer) && s.items && s.items.length > 0)

/** The structured answer as DOM nodes: the lead, each section as a heading over a list, the source line. */
const renderBody = (body, followUp) => {
  const nodes = [el('p', { class: 'lead', text: body.lead })]
  for (const section of visibleSections(body, followUp)) {
    nodes.push(
      el('h3', { class: 'section', text: section.title }),
      el(
        'ul',
        { class: 'items' },
        section.items.map((item) => el('li', { text: item })),
      ),
    )
  }
  if (body.source) nodes.push(el('p', { class: 'source', text: body.source.text }))
  return nodes
}

/** The sentence a screen reader announces for a bot message. */
const leadOf = (replies) => {
  for (const reply of replies) {
    if (reply.type === 'text') return reply.body ? reply.body.lead : reply.text.split('\n')[0]
    if (reply.type === 'choices') return reply.text.split('\n')[0]
  }
  return ''
}

const renderChoices = (reply) => {
  const group = el('div', {
    class: reply.purpose === 'clarify' ? 'choices' : 'choices inline',
    role: 'group',
    'aria-label': GROUP_LABELS[reply.purpose] ?? 'Lựa chọn',
  })
  for (const choice of reply.choices) {
    const button = el('button', { type: 'button', 'data-choice': choice.id, text: choice.label })
    button.addEventListener('click', () => {
      for (const b of group.querySelectorAll('button')) b.disabled = true
      button.setAttribute('aria-pressed', 'true')
      void ask({ choice: choice.id }, choice.label)
    })
    group.append(button)
  }
  return group
}

const addBot = (replies) => {
  if (!replies.length) return
  const bubble = el('div', { class: 'bubble' })
  for (const reply of replies) {
    if (reply.type === 'text') {
      if (reply.procedure) {
        bubble.append(
          el('h2', { class: 'procedure' }, [
            reply.procedure.name,
            ' ',
            el('span', { class: 'code', text: `mã ${reply.procedure.code}` }),
          ]),
        )
      }
      if (reply.body) bubble.append(...renderBody(reply.body, reply.followUp === true))
      else bubble.append(el('p', { text: reply.text }))
    } else if (reply.type === 'link') {
      bubble.append(
        el('a', { class: 'official', href: reply.url, target: '_blank', rel: 'noopener', text: reply.label }),
      )
    } else if (reply.type === 'choices') {
      bubble.append(el('p', { text: reply.text }), renderChoices(reply))
    }
  }
  const item = el('li', { class: 'msg bot' }, [bubble])
  list.append(item)
  return item
}

/** A failed send: say so, keep the question in the input, and offer to send it again. */
const addRetry = (body, shown, userBubble) => {
  const retry = el('button', { type: 'button', class: 'retry', text: 'Gửi lại' })
  const bubble = el('div', { class: 'bubble error' }, [
    el('p', {
      text: 'Chưa gửi được câu hỏi (mất kết nối hoặc máy chủ bận). Câu hỏi vẫn ở ô nhập, bạn có thể gửi lại.',
    }),
    retry,
  ])
  const item = el('li', { class: 'msg bot failed' }, [bubble])
  retry.addEventListener('click', () => {
    item.remove()
    userBubble?.closest('li')?.remove()
    if (body.text !== undefined && input.value.trim() === body.text) input.value = ''
    void ask(body, shown)
  })
  list.append(item)
  return item
}

const setBusy = (value) => {
  busy = value
  send.disabled = value
  status.textContent = value ? 'Đang tìm câu trả lời…' : ''
}

async function ask(body, shown) {
  if (busy) return
  setBusy(true)
  const userText = shown ? addUser(shown) : null
  scrollDown()
  let data = null
  try {
    const response = await fetch('/v1/chat/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(sessionId ? { sessionId, ...body } : body),
    })
    data = await response.json()
    if (response.status === 429) {
      // Too many questions in a minute: the server says how long to wait; what was typed is kept.
      setBusy(false)
      if (body.text !== undefined && !input.value.trim()) input.value = body.text
      const item = addBot([{ type: 'text', text: data?.error?.message ?? FAILED }])
      if (item) revealStart(item)
      announce(data?.error?.message ?? FAILED)
      return
    }
    if (!response.ok) throw new Error(data?.error?.message ?? 'Lỗi')
  } catch {
    data = null
  }
  setBusy(false)
  if (!data) {
    // Keep what was typed, so nothing has to be typed again.
    if (body.text !== undefined && !input.value.trim()) input.value = body.text
    const failed = addRetry(body, shown, userText)
    revealStart(failed)
    announce('Chưa gửi được câu hỏi. Bạn có thể gửi lại.')
    return
  }
  // The server issues the session id (a new one when the stored one has expired).
  sessionId = data.sessionId
  localStorage.setItem(SESSION_KEY, sessionId)
  // The citizen sees their question as it was stored: personal data masked.
  if (userText && typeof data.said === 'string') userText.textContent = data.said
  const item = addBot(data.replies)
  followHandoff(data.replies)
  if (item) {
    revealStart(item)
    announce(leadOf(data.replies))
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault()
  const text = input.value.trim()
  if (!text || busy) return
  input.value = ''
  void ask({ text }, text)
  input.focus()
})

for (const button of document.querySelectorAll('[data-choice]')) {
  button.addEventListener('click', () => void ask({ choice: button.dataset.choice }, button.textContent))
}
for (const button of document.querySelectorAll('.example')) {
  button.addEventListener('click', () => void ask({ text: button.textContent }, button.textContent))
}

/**
 * Restored history: buttons of earlier messages are disabled (their moment has passed), and the
 * choice the citizen made (a procedure, 👍/👎) is shown pressed.
 */
const settleRestored = (item, said) => {
  for (const button of item.querySelectorAll('button')) {
    button.disabled = true
    if (said !== null && button.textContent === said) button.setAttribute('aria-pressed', 'true')
  }
}

// ---- Live hand-off: the agent's replies arrive through the history ----
const HANDOFF = /cán bộ hỗ trợ/i
const HANDOFF_CLOSED = /kết thúc cuộc trò chuyện/i
const STAFF_PREFIX = '👤 '
const seen = new Set()
let polling = null
const entryText = (entry) => (entry.from === 'bot' ? (entry.replies[0]?.text ?? '') : entry.text)
const keyOf = (entry) => `${entry.at}:${entryText(entry)}`
const fromStaffSide = (entry) =>
  entry.from === 'bot' && (entryText(entry).startsWith(STAFF_PREFIX) || HANDOFF_CLOSED.test(entryText(entry)))

/** The session's conversation as the server keeps it; null without a session or on a refusal. */
const fetchHistory = async () => {
  if (!sessionId) return null
  const response = await fetch(`/v1/chat/history?sessionId=${encodeURIComponent(sessionId)}`)
  return response.ok ? response.json() : null
}

const pollHandoff = async () => {
  try {
    const data = await fetchHistory()
    if (!data) return
    let added = false
    for (const entry of data.messages) {
      if (!fromStaffSide(entry) || seen.has(keyOf(entry))) continue
      seen.add(keyOf(entry))
      addBot(entry.replies)
      added = true
      if (HANDOFF_CLOSED.test(entryText(entry))) stopPolling()
    }
    if (added) scrollDown()
  } catch {
    // Try again at the next tick.
  }
}
const stopPolling = () => {
  if (polling) clearInterval(polling)
  polling = null
}
const followHandoff = (replies) => {
  const text = replies.map((r) => r.text ?? '').join(' ')
  if (HANDOFF.test(text) && !HANDOFF_CLOSED.test(text) && !polling) polling = setInterval(pollHandoff, 2000)
}

const restore = async () => {
  try {
    const data = await fetchHistory()
    if (!data) return
    const items = []
    for (const entry of data.messages) {
      if (entry.from === 'user') {
        addUser(entry.text)
        items.push({ from: 'user', text: entry.text })
      } else {
        const item = addBot(entry.replies)
        if (item) items.push({ from: 'bot', item })
      }
      if (fromStaffSide(entry)) seen.add(keyOf(entry))
    }
    items.forEach((entry, i) => {
      if (entry.from !== 'bot') return
      const next = items[i + 1]
      settleRestored(entry.item, next?.from === 'user' ? next.text : null)
    })
    const last = data.messages.filter((e) => e.from === 'bot').at(-1)
    if (last) followHandoff(last.replies)
    if (data.messages.length) scrollDown()
  } catch {
    // A failed restore leaves the fresh page; the next question still works.
  }
}

document.documentElement.dataset.ready = 'loading'
restore().finally(() => {
  document.documentElement.dataset.ready = 'true'
})
