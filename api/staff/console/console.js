// The staff console: plain DOM, no framework, no third-party code. Every text from the server
// is set with textContent, never as HTML.
const $ = (id) => document.getElementById(id)
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props)
  node.append(...children.filter((c) => c !== null && c !== undefined))
  return node
}

const state = { csrf: null, account: null, record: null }
const PERMISSIONS = {
  read: ['owner', 'editor', 'agent', 'viewer'],
  editKnowledge: ['owner', 'editor'],
  review: ['owner', 'editor', 'agent'],
  manageAccounts: ['owner'],
}
const can = (permission) => state.account && PERMISSIONS[permission].includes(state.account.role)

const say = (text, isError = false) => {
  const status = $('status')
  status.textContent = text
  status.className = isError ? 'error' : ''
}

const api = async (method, path, body) => {
  const headers = {}
  if (body !== undefined) headers['content-type'] = 'application/json'
  if (state.csrf && method !== 'GET') headers['x-csrf-token'] = state.csrf
  const res = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  })
  if (res.status === 204) return null
  const data = await res.json().catch(() => ({}))
  if (!res.ok) {
    if (res.status === 401 && path !== '/v1/admin/session')
      showLogin('Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại.')
    const error = new Error(data.error?.message ?? `Lỗi ${res.status}`)
    error.status = res.status
    throw error
  }
  return data
}

const VIEWS = [
  'login',
  'password',
  'procedures',
  'unanswered',
  'vocabulary',
  'imports',
  'handoffs',
  'notices',
  'figures',
  'accounts',
]
const show = (view) => {
  for (const name of VIEWS) $(name).hidden = name !== view
  for (const button of document.querySelectorAll('#nav [data-view]')) {
    if (button.dataset.view === view) button.setAttribute('aria-current', 'page')
    else button.removeAttribute('aria-current')
  }
}

const showLogin = (message = '') => {
  stopHandoffStream()
  state.csrf = null
  state.account = null
  $('nav').hidden = true
  show('login')
  say(message, Boolean(message))
  $('login').elements.email.focus()
}

const signedIn = ({ account, csrfToken }) => {
  state.account = account
  state.csrf = csrfToken
  $('who').textContent = `${account.name} (${account.roleLabel})`
  for (const button of document.querySelectorAll('#nav [data-permission]'))
    button.hidden = !can(button.dataset.permission)
  $('nav').hidden = false
  if (account.mustChangePassword) {
    show('password')
    say('Hãy đổi mật khẩu dùng một lần.')
    return
  }
  say('')
  startHandoffStream()
  openView('procedures')
}

const openView = (view) => {
  show(view)
  if (view === 'unanswered') loadQuestions()
  if (view === 'vocabulary') loadVocabulary()
  if (view === 'imports') loadFlags()
  if (view === 'accounts') loadAccounts()
  if (view === 'notices') loadNotices()
  if (view === 'handoffs') {
    $('nav-handoffs').textContent = 'Hỗ trợ trực tiếp'
    loadHandoffs()
  }
  if (view === 'figures') loadFigures()
  if (view === 'procedures') $('search').elements.q.focus()
}

// ---- Procedures ------------------------------------------------------------------------
const SCALAR_FIELDS = [
  ['name', 'Tên thủ tục'],
  ['field', 'Lĩnh vực'],
  ['competentAgency', 'Cơ quan có thẩm quyền'],
  ['executingAgency', 'Cơ quan thực hiện'],
  ['address', 'Địa chỉ tiếp nhận'],
  ['requirements', 'Yêu cầu, điều kiện'],
  ['url', 'Trang chính thức'],
  ['procedureType', 'Loại thủ tục'],
  ['decisionNumber', 'Quyết định công bố'],
  ['sourceAgency', 'Cơ quan công bố'],
  ['asOf', 'Ngày lấy dữ liệu (YYYY-MM-DD)'],
]
const JSON_FIELDS = [
  ['channels', 'Cách thực hiện: thời hạn, phí lệ phí (JSON)'],
  ['documents', 'Thành phần hồ sơ (JSON)'],
  ['steps', 'Trình tự thực hiện (JSON)'],
  ['results', 'Kết quả (JSON)'],
  ['legalBasis', 'Căn cứ pháp lý (JSON)'],
  ['levels', 'Cấp thực hiện (JSON)'],
  ['audience', 'Đối tượng (JSON)'],
]

/** Refills the list `id` with `render(item)` of each item; with none, one line says `emptyText`. */
const fillList = (id, items, emptyText, render) => {
  $(id).replaceChildren(...(items.length ? items.map(render) : [el('li', {}, emptyText)]))
}

/** A button that runs `task` (its error shown in the status line); `props` as for `el` (`className`, `hidden`). */
const actionButton = (label, task, props = {}) => {
  const button = el('button', { type: 'button', ...props }, label)
  button.onclick = () => run(task)
  return button
}

const search = async (q) => {
  const { results } = await api('GET', `/v1/procedures?q=${encodeURIComponent(q)}&limit=20`)
  fillList('results', results, 'Không tìm thấy thủ tục nào.', (r) => {
    const open = el('button', { type: 'button', className: 'secondary' }, 'Mở')
    open.onclick = () => openRecord(r.code)
    return el(
      'li',
      {},
      el('strong', {}, `${r.code} · ${r.name}`),
      el('div', { className: 'muted' }, `${r.levels.join(', ')} · ${r.field} · điểm ${r.score.toFixed(2)}`),
      el('div', { className: 'actions' }, open),
    )
  })
  say(`${results.length} kết quả cho “${q}”.`)
}

const openRecord = async (code) => {
  const record = await api('GET', `/v1/procedures/${encodeURIComponent(code)}`)
  state.record = record
  $('record').hidden = false
  $('record-title').textContent = `${record.code} · ${record.name}`
  $('record-meta').textContent =
    `Phiên bản ${record.revision} · nguồn ${record.source} · dữ liệu ngày ${record.asOf}`
  const fields = $('fields')
  fields.replaceChildren()
  const editable = can('editKnowledge')
  for (const [key, label] of SCALAR_FIELDS) {
    const input = el('textarea', { name: key, rows: key === 'requirements' ? 4 : 1, readOnly: !editable })
    input.value = record[key] ?? ''
    fields.append(el('label', {}, label, input))
  }
  for (const [key, label] of JSON_FIELDS) {
    const input = el('textarea', { name: key, rows: 6, readOnly: !editable })
    input.value = JSON.stringify(record[key], null, 1)
    fields.append(el('label', {}, label, input))
  }
  $('edit').querySelector('button[type=submit]').hidden = !editable
  $('edit').elements.reason.closest('label').hidden = !editable
  await loadRevisions(code)
  $('record').scrollIntoView({ block: 'start' })
}

const collectChanges = () => {
  const form = $('edit')
  const changes = {}
  for (const [key] of SCALAR_FIELDS) {
    const text = form.elements[key].value.trim()
    const value = text === '' ? null : text
    if (value !== (state.record[key] ?? null)) changes[key] = value
  }
  for (const [key, label] of JSON_FIELDS) {
    let value
    try {
      value = JSON.parse(form.elements[key].value)
    } catch {
      throw new Error(`${label}: JSON không hợp lệ.`)
    }
    if (JSON.stringify(value) !== JSON.stringify(state.record[key])) changes[key] = value
  }
  return changes
}

const saveRecord = async () => {
  const changes = collectChanges()
  if (Object.keys(changes).length === 0) return say('Không có thay đổi nào để lưu.')
  const reason = $('edit').elements.reason.value
  const result = await api('PATCH', `/v1/admin/procedures/${state.record.code}`, { changes, reason })
  $('edit').elements.reason.value = ''
  await openRecord(state.record.code)
  say(
    result.changed
      ? `Đã lưu phiên bản ${result.procedure.revision}. Bot trả lời theo bản mới ngay.`
      : 'Không có gì thay đổi.',
  )
}

const diffLines = (before, after) => {
  const box = el('div', { className: 'diff' })
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)])
  for (const key of keys) {
    if (key === 'asOf') continue
    const a = JSON.stringify(before?.[key] ?? null)
    const b = JSON.stringify(after[key] ?? null)
    if (a === b) continue
    box.append(el('div', {}, el('strong', {}, `${key}: `), el('del', {}, a), ' → ', el('ins', {}, b)))
  }
  if (!box.childElementCount) box.append('Không khác phiên bản trước (chỉ ngày dữ liệu).')
  return box
}

const loadRevisions = async (code) => {
  const { revisions } = await api('GET', `/v1/admin/procedures/${encodeURIComponent(code)}/revisions`)
  const list = $('revisions')
  list.replaceChildren()
  revisions.forEach((rev, i) => {
    const previous = revisions[i + 1]
    const item = el(
      'li',
      {},
      el('strong', {}, `Phiên bản ${rev.revision}`),
      el(
        'span',
        { className: 'muted' },
        ` · ${new Date(rev.changedAt).toLocaleString('vi-VN')} · ${rev.changedBy} · ${rev.reason}`,
      ),
    )
    if (previous) {
      const toggle = el('button', { type: 'button', className: 'secondary' }, 'Xem thay đổi')
      toggle.onclick = () => {
        toggle.replaceWith(diffLines(previous.data, rev.data))
      }
      item.append(el('div', { className: 'actions' }, toggle))
    }
    if (rev.revision !== state.record.revision && can('editKnowledge')) {
      const restore = actionButton(`Khôi phục phiên bản ${rev.revision}`, async () => {
        const reason = $('edit').elements.reason.value.trim() || `Khôi phục phiên bản ${rev.revision}`
        await api('POST', `/v1/admin/procedures/${encodeURIComponent(code)}/restore`, {
          revision: rev.revision,
          reason,
        })
        await openRecord(code)
        say(`Đã khôi phục phiên bản ${rev.revision}.`)
      })
      item.querySelector('.actions')?.append(restore) ??
        item.append(el('div', { className: 'actions' }, restore))
    }
    list.append(item)
  })
}

// ---- Unanswered questions ---------------------------------------------------------------
const loadQuestions = () =>
  run(async () => {
    const { results } = await api('GET', '/v1/admin/unanswered?status=open&limit=200')
    fillList('questions', results.slice().reverse(), 'Không còn câu hỏi nào chờ xem xét.', (q) => {
      const note = el('input', { placeholder: 'Ghi chú (không bắt buộc)', ariaLabel: 'Ghi chú' })
      const code = el('input', {
        placeholder: 'Mã thủ tục trả lời câu này, ví dụ 1.001193 (không bắt buộc)',
        ariaLabel: 'Mã thủ tục',
        inputMode: 'decimal',
      })
      code.hidden = !can('review')
      const act = (status, label) =>
        actionButton(
          label,
          async () => {
            const procedureCode = status === 'resolved' ? code.value.trim() : ''
            const result = await api('POST', `/v1/admin/unanswered/${q.id}`, {
              status,
              note: note.value.trim() || undefined,
              procedureCode: procedureCode || undefined,
            })
            if (result.learnt) {
              showCheck($('unanswered-check'), result.learnt)
              say(`Đã học câu hỏi: lần sau trợ lý trả lời bằng thủ tục ${procedureCode}.`)
            } else say(status === 'resolved' ? 'Đã đánh dấu đã xử lý.' : 'Đã bỏ qua câu hỏi.')
            loadQuestions()
          },
          { className: status === 'dismissed' ? 'secondary' : '', disabled: !can('review') },
        )
      const meta = [
        q.channel,
        q.reason,
        q.count ? `${q.count} lần` : null,
        new Date(q.createdAt).toLocaleString('vi-VN'),
      ]
      return el(
        'li',
        {},
        el('strong', {}, q.text),
        el('div', { className: 'muted' }, meta.filter(Boolean).join(' · ')),
        code,
        note,
        el('div', { className: 'actions' }, act('resolved', 'Đã xử lý'), act('dismissed', 'Bỏ qua')),
      )
    })
  })

// ---- Vocabulary and the check on save ------------------------------------------------------
const TERM_KINDS = { synonym: 'Cách gọi thông thường', abbreviation: 'Viết tắt', phrase: 'Câu hỏi đã học' }
const ACTION_LABELS = { create: 'thêm', update: 'sửa', remove: 'gỡ', undo: 'hoàn tác' }
const replyLabel = (r) =>
  r.code
    ? `${KIND_LABELS[r.kind] ?? r.kind}: ${r.code}`
    : r.candidates.length
      ? `${KIND_LABELS[r.kind] ?? r.kind}: ${r.candidates.join(', ')}`
      : (KIND_LABELS[r.kind] ?? r.kind)

/** Shows which development questions changed their reply with the change just saved. */
const showCheck = (box, { entry, check }) => {
  box.hidden = false
  const rows = check.changed.map((c) =>
    el(
      'li',
      {},
      el('strong', {}, c.question),
      el('div', {}, el('del', {}, replyLabel(c.before)), ' → ', el('ins', {}, replyLabel(c.after))),
    ),
  )
  const parts = [
    el('h3', {}, `Kiểm tra “${entry.text}” (phiên bản ${entry.revision})`),
    check.taught
      ? el(
          'p',
          {},
          'Chính câu hỏi này: ',
          el('del', {}, replyLabel(check.taught.before)),
          ' → ',
          el('ins', {}, replyLabel(check.taught.after)),
        )
      : null,
    el(
      'p',
      { className: check.changed.length ? 'error' : '' },
      check.changed.length
        ? `${check.changed.length} trong ${check.asked} câu hỏi mẫu đổi câu trả lời — xem lại, hoặc bấm Hoàn tác:`
        : `Không câu nào trong ${check.asked} câu hỏi mẫu đổi câu trả lời.`,
    ),
    check.changed.length ? el('ol', { className: 'list' }, ...rows) : null,
  ]
  box.replaceChildren(...parts.filter(Boolean))
}

const saveTerm = async (method, path, body) => {
  const result = await api(method, path, body)
  showCheck($('vocabulary-check'), result)
  await loadVocabulary()
  return result
}

const loadVocabulary = () =>
  run(async () => {
    $('new-term').hidden = !can('editKnowledge')
    const { entries } = await api('GET', '/v1/admin/vocabulary')
    const editable = can('editKnowledge')
    fillList('term-list', entries, 'Chưa có từ vựng nào được thêm.', (e) => {
      const text = el('input', { value: e.text, readOnly: !editable, ariaLabel: 'Từ hoặc câu hỏi' })
      const target = el('input', { value: e.target, readOnly: !editable, ariaLabel: 'Nghĩa' })
      const save = actionButton(
        'Lưu sửa',
        async () => {
          const changes = {}
          if (text.value.trim() !== e.text) changes.text = text.value
          if (target.value.trim() !== e.target) changes.target = target.value
          if (!Object.keys(changes).length) return say('Không có thay đổi nào để lưu.')
          await saveTerm('PATCH', `/v1/admin/vocabulary/${e.id}`, changes)
          say(`Đã lưu “${text.value.trim()}”.`)
        },
        { hidden: !editable || !e.active },
      )
      const remove = actionButton(
        'Gỡ',
        async () => {
          await saveTerm('DELETE', `/v1/admin/vocabulary/${e.id}`)
          say(`Đã gỡ “${e.text}”.`)
        },
        { className: 'secondary', hidden: !editable || !e.active },
      )
      const undo = actionButton(
        'Hoàn tác',
        async () => {
          await saveTerm('POST', `/v1/admin/vocabulary/${e.id}/undo`)
          say(`Đã hoàn tác thay đổi gần nhất của “${e.text}”.`)
        },
        { className: 'secondary', hidden: !editable },
      )
      const history = actionButton(
        'Lịch sử',
        async () => {
          const { revisions } = await api('GET', `/v1/admin/vocabulary/${e.id}/revisions`)
          history.replaceWith(
            el(
              'ol',
              { className: 'list revisions' },
              ...revisions.map((r) =>
                el(
                  'li',
                  {},
                  `Phiên bản ${r.revision} (${ACTION_LABELS[r.action] ?? r.action}): “${r.data.text}” → ${r.data.target}` +
                    `${r.data.active ? '' : ' (đã gỡ)'} · ${r.changedBy} · ${new Date(r.changedAt).toLocaleString('vi-VN')}`,
                ),
              ),
            ),
          )
        },
        { className: 'secondary' },
      )
      const meta = [
        TERM_KINDS[e.kind] ?? e.kind,
        e.active ? null : 'đã gỡ',
        `phiên bản ${e.revision}`,
        e.updatedBy,
        new Date(e.updatedAt).toLocaleString('vi-VN'),
        e.note,
      ]
      const item = el(
        'li',
        { className: e.active ? '' : 'removed' },
        el('div', { className: 'row' }, text, el('span', { ariaHidden: 'true' }, '→'), target),
        el('div', { className: 'muted' }, meta.filter(Boolean).join(' · ')),
        el('div', { className: 'actions' }, save, remove, undo, history),
      )
      item.dataset.term = String(e.id)
      return item
    })
  })

// ---- Import and the work queue ------------------------------------------------------------
const REASON_LABELS = {
  FEE_FREE_WITH_AMOUNT: 'Phí: ghi miễn phí nhưng có số tiền',
  FEE_AMOUNT_MISMATCH: 'Phí: số tiền mâu thuẫn',
  LEGAL_MALFORMED: 'Căn cứ pháp lý không đọc được',
  URL_NOT_ALLOWED: 'Đường dẫn bị bỏ (không an toàn)',
  URL_INVALID: 'Đường dẫn không hợp lệ',
  DISTRICT_BODY: 'Còn cơ quan cấp huyện',
}
const PHASE_LABELS = {
  upload: () => 'Đang tải tệp lên…',
  parse: (j) => `Đang đọc ${j.done}/${j.total} thủ tục…`,
  write: (j) => `Đang ghi ${j.total} thủ tục…`,
  index: () => 'Đang cập nhật tìm kiếm…',
  done: () => 'Đã nhập xong.',
}
const PHASE_SHARE = { upload: [0, 0], parse: [0, 0.8], write: [0.8, 0.15], index: [0.95, 0.05], done: [1, 0] }
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

const openProcedure = (code) =>
  run(async () => {
    openView('procedures')
    await openRecord(code)
  })

const showProgress = (job) => {
  const [base, span] = PHASE_SHARE[job.phase] ?? [0, 0]
  const bar = $('import-bar')
  bar.value = base + (job.total ? (span * job.done) / job.total : 0)
  bar.setAttribute('aria-valuetext', PHASE_LABELS[job.phase]?.(job) ?? job.phase)
  $('import-phase').textContent = PHASE_LABELS[job.phase]?.(job) ?? job.phase
}

const showImportReport = (job) => {
  const box = $('import-report')
  box.hidden = false
  const { summary, report } = job
  const groups = report.byCode.map(({ code, count }) => {
    const lines = report.warnings
      .filter((w) => w.code === code)
      .map((w) => {
        const text = `Dòng ${w.line}${w.procedure ? ` · ${w.procedure}` : ''}: ${w.message}`
        if (!w.procedure) return el('li', {}, text)
        const open = el('button', { type: 'button', className: 'link' }, text)
        open.onclick = () => openProcedure(w.procedure)
        return el('li', {}, open)
      })
    return el(
      'details',
      {},
      el('summary', {}, `${code}${REASON_LABELS[code] ? ` (${REASON_LABELS[code]})` : ''}: ${count}`),
      el('ol', { className: 'warnings' }, ...lines),
    )
  })
  box.replaceChildren(
    el('h3', {}, 'Kết quả nhập'),
    el(
      'p',
      {},
      `Đã đọc ${summary.read} thủ tục: thêm ${summary.inserted}, cập nhật ${summary.updated}, không đổi ${summary.unchanged}; số liệu ngày ${summary.asOf}.`,
    ),
    el(
      'p',
      {},
      report.byCode.length
        ? `Cảnh báo theo mã (bấm để xem từng dòng${report.listed < report.byCode.reduce((n, c) => n + c.count, 0) ? '; mỗi mã liệt kê tối đa 200 dòng đầu' : ''}):`
        : 'Không có cảnh báo nào.',
    ),
    ...groups,
    el('p', {}, `${job.flagged} hồ sơ được đưa vào danh sách cần xem lại.`),
  )
}

const startImport = async (form) => {
  const file = form.elements.file.files[0]
  if (!file) return say('Hãy chọn tệp xuất.', true)
  const query = form.elements.asOf.value ? `?asOf=${form.elements.asOf.value}` : ''
  $('import-progress').hidden = false
  $('import-report').hidden = true
  showProgress({ phase: 'upload', done: 0, total: 0 })
  const res = await fetch(`/v1/admin/imports${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-csrf-token': state.csrf },
    body: file,
    credentials: 'same-origin',
  })
  let job = await res.json().catch(() => ({}))
  if (!res.ok) throw new Error(job.error?.message ?? `Lỗi ${res.status}`)
  while (job.status === 'running') {
    showProgress(job)
    await wait(300)
    job = await api('GET', `/v1/admin/imports/${job.id}`)
  }
  if (job.status === 'failed') {
    $('import-progress').hidden = true
    throw new Error(`Nhập thất bại, không có gì thay đổi: ${job.error.message}`)
  }
  showProgress(job)
  showImportReport(job)
  form.reset()
  say(`Đã nhập ${job.summary.read} thủ tục.`)
  await loadFlags()
}

const loadFlags = () =>
  run(async () => {
    $('import-form').hidden = !can('editKnowledge')
    const { flags } = await api('GET', '/v1/admin/import-flags?status=open&limit=500')
    fillList('flag-list', flags, 'Không còn hồ sơ nào cần xem lại.', (f) => {
      const open = el('button', { type: 'button', className: 'secondary' }, 'Mở hồ sơ')
      open.onclick = () => openProcedure(f.procedureCode)
      const note = el('input', { placeholder: 'Ghi chú (không bắt buộc)', ariaLabel: 'Ghi chú' })
      note.hidden = !can('editKnowledge')
      const done = actionButton(
        'Đã xử lý',
        async () => {
          await api('POST', `/v1/admin/import-flags/${f.id}`, {
            status: 'done',
            note: note.value.trim() || undefined,
          })
          say(`Đã xử lý ${f.procedureCode}.`)
          loadFlags()
        },
        { hidden: !can('editKnowledge') },
      )
      const item = el(
        'li',
        {},
        el('strong', {}, `${f.procedureCode} · ${f.name ?? ''}`),
        el('div', {}, REASON_LABELS[f.reason] ?? f.reason),
        el('div', { className: 'muted' }, `${f.line ? `Dòng ${f.line} · ` : ''}${f.message}`),
        note,
        el('div', { className: 'actions' }, open, done),
      )
      item.dataset.flag = String(f.id)
      return item
    })
  })

// ---- Live hand-offs ----------------------------------------------------------------------
const STATUS_LABELS = { open: 'chờ nhận', claimed: 'đang hỗ trợ', closed: 'đã đóng' }
const CHANNEL_LABELS = { web: 'Web', telegram: 'Telegram', zalo: 'Zalo', botframework: 'Teams' }
const FROM_LABELS = { citizen: 'Người dân', staff: 'Cán bộ', bot: 'Trợ lý' }
const drafts = new Map()
let stream = null
const startHandoffStream = () => {
  if (stream || typeof EventSource === 'undefined') return
  stream = new EventSource('/v1/admin/handoffs/stream')
  stream.addEventListener('ready', () => {
    $('handoff-live').textContent = 'Đang cập nhật trực tiếp.'
  })
  stream.addEventListener('handoff', () => {
    if (!$('handoffs').hidden) loadHandoffs()
    else $('nav-handoffs').textContent = 'Hỗ trợ trực tiếp •'
  })
  stream.onerror = () => {
    $('handoff-live').textContent = 'Mất kết nối trực tiếp, đang thử lại…'
  }
}
const stopHandoffStream = () => {
  stream?.close()
  stream = null
}
const loadHandoffs = () =>
  run(async () => {
    const { handoffs } = await api('GET', '/v1/admin/handoffs?status=open,claimed')
    fillList('handoff-list', handoffs, 'Không có yêu cầu nào đang chờ.', (h) => {
      const lines = el(
        'ol',
        { className: 'transcript' },
        ...h.messages.map((m) =>
          el(
            'li',
            { className: `from-${m.from}` },
            el('strong', {}, `${FROM_LABELS[m.from]}: `),
            m.text,
            m.delivered ? null : el('em', {}, ' (chưa gửi được tới kênh này)'),
          ),
        ),
      )
      const claim = actionButton(
        'Nhận hỗ trợ',
        async () => {
          await api('POST', `/v1/admin/handoffs/${h.id}/claim`)
          say(`Đã nhận yêu cầu số ${h.id}.`)
          loadHandoffs()
        },
        { className: 'secondary', hidden: !can('review') || h.status !== 'open' },
      )
      const text = el('textarea', { name: 'text', rows: 2, required: true, value: drafts.get(h.id) ?? '' })
      text.setAttribute('aria-label', `Trả lời yêu cầu số ${h.id}`)
      text.oninput = () => drafts.set(h.id, text.value)
      const reply = el('form', { className: 'reply' }, text, el('button', { type: 'submit' }, 'Gửi trả lời'))
      reply.hidden = !can('review')
      reply.onsubmit = (e) => {
        e.preventDefault()
        run(async () => {
          await api('POST', `/v1/admin/handoffs/${h.id}/messages`, { text: text.value })
          drafts.delete(h.id)
          say('Đã gửi trả lời.')
          loadHandoffs()
        })
      }
      const note = el('input', { name: 'note', placeholder: 'Ghi chú khi đóng (không bắt buộc)' })
      note.hidden = !can('review')
      const close = actionButton(
        'Đóng yêu cầu',
        async () => {
          await api('POST', `/v1/admin/handoffs/${h.id}/close`, note.value ? { note: note.value } : {})
          say(`Đã đóng yêu cầu số ${h.id}; trợ lý tự động trả lời tiếp.`)
          loadHandoffs()
        },
        { className: 'secondary', hidden: !can('review') },
      )
      const meta = [
        `Số ${h.id}`,
        CHANNEL_LABELS[h.channel] ?? h.channel,
        STATUS_LABELS[h.status],
        h.outsideHours ? 'hỏi ngoài giờ' : null,
        h.claimedBy ? `do ${h.claimedBy.replace(/^staff:/, '')}` : null,
        new Date(h.createdAt).toLocaleString('vi-VN'),
      ]
      const item = el(
        'li',
        { className: 'handoff' },
        el('div', { className: 'muted' }, meta.filter(Boolean).join(' · ')),
        lines,
        reply,
        el('div', { className: 'actions' }, claim, note, close),
      )
      item.dataset.handoff = String(h.id)
      return item
    })
  })

// ---- Notices ----------------------------------------------------------------------------
const MODE_LABELS = { banner: 'Dòng thông báo', maintenance: 'Tạm ngừng trả lời' }
const loadNotices = () =>
  run(async () => {
    $('new-notice').hidden = !can('editKnowledge')
    const { notices } = await api('GET', '/v1/admin/notices')
    fillList('notice-list', notices, 'Không có thông báo nào đang đăng.', (n) => {
      const end = actionButton(
        'Gỡ thông báo',
        async () => {
          await api('DELETE', `/v1/admin/notices/${n.id}`)
          say('Đã gỡ thông báo.')
          loadNotices()
        },
        { className: 'secondary', hidden: !can('editKnowledge') },
      )
      const meta = [
        MODE_LABELS[n.mode],
        n.channels ? `kênh: ${n.channels.join(', ')}` : 'mọi kênh',
        n.until ? `${n.ended ? 'đã hết' : 'đến'} ${new Date(n.until).toLocaleString('vi-VN')}` : 'đến khi gỡ',
      ]
      return el(
        'li',
        {},
        el('strong', {}, n.text),
        el('div', { className: 'muted' }, meta.join(' · ')),
        el('div', { className: 'actions' }, end),
      )
    })
  })

// ---- Figures ----------------------------------------------------------------------------
const KIND_LABELS = {
  answer: 'Trả lời',
  clarify: 'Hỏi lại cho rõ',
  not_found: 'Không có trong dữ liệu',
  smalltalk: 'Chào hỏi',
  contact: 'Xin gặp cán bộ',
  status: 'Hỏi tiến độ hồ sơ',
}
const duration = (seconds) =>
  seconds < 60 ? `${seconds} giây` : `${Math.floor(seconds / 60)} phút ${seconds % 60} giây`
const percent = (share) => `${(share * 100).toFixed(1).replace('.', ',')} %`
const loadFigures = () =>
  run(async () => {
    const form = $('period')
    const query = new URLSearchParams()
    if (form.elements.from.value) query.set('from', form.elements.from.value)
    if (form.elements.to.value) query.set('to', form.elements.to.value)
    const f = await api('GET', `/v1/admin/figures?${query}`)
    form.elements.from.value = f.from
    form.elements.to.value = f.to
    const q = `from=${f.from}&to=${f.to}`
    $('csv').href = `/v1/admin/figures.csv?${q}`
    $('daily-chart').src = `/v1/admin/figures/daily.svg?${q}`
    $('summary').replaceChildren(
      el('li', {}, `Tổng số câu hỏi: ${f.total}`),
      ...f.byKind.map((k) =>
        el('li', {}, `${KIND_LABELS[k.kind] ?? k.kind}: ${k.count} (${percent(k.share)})`),
      ),
      el(
        'li',
        {},
        `Trả lời bị đánh giá không hữu ích: ${f.notUseful.count} / ${f.notUseful.ofAnswers} (${percent(f.notUseful.share)})`,
      ),
      el(
        'li',
        {},
        `Xin gặp cán bộ ngay sau một câu trả lời: ${f.handoffAfterAnswer.count} / ${f.handoffAfterAnswer.ofAnswers} (${percent(f.handoffAfterAnswer.share)})`,
      ),
      el(
        'li',
        {},
        `Chuyển cán bộ: ${f.handoffs.count} (ngoài giờ ${f.handoffs.outsideHours}, đã nhận ${f.handoffs.claimed})` +
          (f.handoffs.waitSeconds
            ? ` · thời gian chờ trung vị ${duration(f.handoffs.waitSeconds.median)}, 90 % dưới ${duration(f.handoffs.waitSeconds.p90)}`
            : ''),
      ),
    )
    $('top-procedures').replaceChildren(
      ...f.topProcedures.map((p) => el('li', {}, `${p.code} · ${p.name ?? ''} — ${p.count}`)),
    )
    $('top-unanswered').replaceChildren(
      ...f.topUnanswered.map((u) => el('li', {}, `${u.text} — ${u.count} lần (${u.channel}, ${u.status})`)),
    )
  })

// ---- Accounts ---------------------------------------------------------------------------
const loadAccounts = () =>
  run(async () => {
    const { accounts } = await api('GET', '/v1/admin/accounts')
    $('account-list').replaceChildren(
      ...accounts.map((a) =>
        el(
          'li',
          {},
          el('strong', {}, `${a.name} · ${a.email}`),
          el('div', { className: 'muted' }, `${a.role}${a.mustChangePassword ? ' · chưa đổi mật khẩu' : ''}`),
        ),
      ),
    )
  })

// ---- Wiring -----------------------------------------------------------------------------
const run = async (task) => {
  try {
    await task()
  } catch (error) {
    if (error.status !== 401) say(error.message, true)
  }
}

const formValues = (form) => Object.fromEntries(new FormData(form).entries())

document.addEventListener('DOMContentLoaded', () => {
  $('login').onsubmit = (e) => {
    e.preventDefault()
    run(async () => signedIn(await api('POST', '/v1/admin/session', formValues(e.target))))
  }
  $('password').onsubmit = (e) => {
    e.preventDefault()
    run(async () => {
      signedIn(await api('POST', '/v1/admin/session/password', formValues(e.target)))
      e.target.reset()
      say('Đã đổi mật khẩu.')
    })
  }
  $('search').onsubmit = (e) => {
    e.preventDefault()
    run(() => search(e.target.elements.q.value.trim()))
  }
  $('edit').onsubmit = (e) => {
    e.preventDefault()
    run(saveRecord)
  }
  $('period').onsubmit = (e) => {
    e.preventDefault()
    loadFigures()
  }
  $('new-notice').onsubmit = (e) => {
    e.preventDefault()
    run(async () => {
      const form = e.target
      const channels = [...form.querySelectorAll('input[name=channels]:checked')].map((i) => i.value)
      const body = { text: form.elements.text.value, mode: form.elements.mode.value }
      if (channels.length) body.channels = channels
      if (form.elements.until.value) body.until = new Date(form.elements.until.value).toISOString()
      await api('POST', '/v1/admin/notices', body)
      form.reset()
      say('Đã đăng thông báo; người dân thấy trong vài giây.')
      loadNotices()
    })
  }
  $('import-form').onsubmit = (e) => {
    e.preventDefault()
    const button = e.target.querySelector('button[type=submit]')
    button.disabled = true
    run(() => startImport(e.target)).finally(() => {
      button.disabled = false
    })
  }
  $('new-term').onsubmit = (e) => {
    e.preventDefault()
    run(async () => {
      const body = formValues(e.target)
      if (!body.note) delete body.note
      await saveTerm('POST', '/v1/admin/vocabulary', body)
      e.target.reset()
      say(`Đã thêm “${body.text}”; trợ lý dùng ngay.`)
    })
  }
  $('new-account').onsubmit = (e) => {
    e.preventDefault()
    run(async () => {
      const { account, oneTimePassword } = await api('POST', '/v1/admin/accounts', formValues(e.target))
      const box = $('one-time')
      box.hidden = false
      box.textContent = `Đã tạo ${account.email}. Mật khẩu dùng một lần (chỉ hiện lần này): ${oneTimePassword}`
      e.target.reset()
      loadAccounts()
    })
  }
  for (const button of document.querySelectorAll('#nav [data-view]'))
    button.onclick = () => openView(button.dataset.view)
  $('logout').onclick = () =>
    run(async () => {
      await api('DELETE', '/v1/admin/session')
      showLogin('Đã đăng xuất.')
    })
  api('GET', '/v1/admin/session')
    .then(signedIn)
    .catch(() => showLogin())
})
