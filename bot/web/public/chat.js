// Trợ lý số web chat: sends questions and button taps to /v1/chat/messages, renders the
// reply models, and restores the conversation after a reload from /v1/chat/history. While the
// citizen is handed off to a person, it polls the history for the agent's replies.

const SESSION_KEY = 'trolyso.chat.sessionId'
const list = document.getElementById('messages')
const form = document.getElementById('ask')
const input = document.getElementById('question')
const send = document.getElementById('send')
const status = document.getElementById('status')

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

const addUser = (text) => {
  list.append(el('li', { class: 'msg user' }, [el('div', { class: 'bubble' }, [el('p', { text })])]))
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
      bubble.append(el('p', { text: reply.text }))
    } else if (reply.type === 'link') {
      bubble.append(
        el('a', { class: 'official', href: reply.url, target: '_blank', rel: 'noopener', text: reply.label }),
      )
    } else if (reply.type === 'choices') {
      bubble.append(el('p', { text: reply.text }), renderChoices(reply))
    }
  }
  list.append(el('li', { class: 'msg bot' }, [bubble]))
}

const setBusy = (value) => {
  busy = value
  send.disabled = value
  status.textContent = value ? 'Đang tìm câu trả lời…' : ''
}

async function ask(body, shown) {
  if (busy) return
  setBusy(true)
  if (shown) addUser(shown)
  scrollDown()
  try {
    const response = await fetch('/v1/chat/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(sessionId ? { sessionId, ...body } : body),
    })
    const data = await response.json()
    if (response.status === 429) {
      // Too many questions in a minute: the server says how long to wait.
      addBot([{ type: 'text', text: data?.error?.message ?? FAILED }])
      return
    }
    if (!response.ok) throw new Error(data?.error?.message ?? 'Lỗi')
    // The server issues the session id (a new one when the stored one has expired).
    sessionId = data.sessionId
    localStorage.setItem(SESSION_KEY, sessionId)
    addBot(data.replies)
    followHandoff(data.replies)
  } catch {
    addBot([{ type: 'text', text: FAILED }])
  } finally {
    setBusy(false)
    scrollDown()
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault()
  const text = input.value.trim()
  if (!text) return
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

const pollHandoff = async () => {
  if (!sessionId) return
  try {
    const response = await fetch(`/v1/chat/history?sessionId=${encodeURIComponent(sessionId)}`)
    if (!response.ok) return
    const data = await response.json()
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
  if (!sessionId) return
  try {
    const response = await fetch(`/v1/chat/history?sessionId=${encodeURIComponent(sessionId)}`)
    if (!response.ok) return
    const data = await response.json()
    for (const entry of data.messages) {
      if (entry.from === 'user') addUser(entry.text)
      else addBot(entry.replies)
      if (fromStaffSide(entry)) seen.add(keyOf(entry))
    }
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
