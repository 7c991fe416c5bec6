import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createDb } from './knowledge/db/client.ts'
import { createKnowledgeBase } from './knowledge/knowledge-base.ts'
// node pert.tmp.ts OUT [names…]: guided answer lines answered right, perturbed; counts and the worse ones
const db = await createDb({ url: 'file:/tmp/probe-kb.db' })
const kb = await createKnowledgeBase({ db, synonymsFile: null })
const dir = 'tests/fixtures/eval'
const files = readdirSync(dir).filter((f) => f.endsWith('.tsv') && !/holdout(-intents)?-(2[3-9]|3[0-9])\.tsv/.test(f))
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
const all: [string, (q: string) => string][] = [
  ['hello', (q) => `chào ad, cho em hỏi ${q} ạ`],
  ['thanks', (q) => `${q}, cảm ơn nhiều`],
  ['thanks2', (q) => `${q}. Em cảm ơn ạ!`],
  ['hello2', (q) => `Xin chào, ${q}`],
  ['fold', (q) => fold(q)],
  ['qmark', (q) => `${q}???`],
  ['vay', (q) => `${q} vậy ạ`],
  ['please', (q) => `làm ơn cho hỏi ${q}`],
  ['adoi', (q) => `ad ơi ${q}`],
  ['help', (q) => `${q} giúp em với`],
  ['urgent', (q) => `${q} ạ, em cần gấp`],
  ['upper', (q) => q.toUpperCase()],
  ['da', (q) => `dạ ${q}`],
  ['teen', (q) => q.replace(/không/g, 'ko').replace(/được/g, 'dc').replace(/\bgì\b/g, 'j')],
  ['about', (q) => `em muốn hỏi về ${q}`],
  ['chut', (q) => `cho mình hỏi chút, ${q}`],
  ['place', (q) => `${q} ở Hà Nội`],
  ['home', (q) => `nhà em ở Đà Nẵng, ${q}`],
  ['boti', (q) => `bot ơi, ${q}`],
  ['hi', (q) => `hi ${q}`],
  ['alo', (q) => `alo ${q}`],
  ['nhead', (q) => `${q} nhé ad`],
  ['fee', (q) => `${q} hết bao nhiêu tiền`],
  ['time', (q) => `${q} mất bao lâu`],
  ['where', (q) => `${q} nộp ở đâu`],
  ['docs', (q) => `${q}, cần giấy tờ gì`],
  ['halffold', (q) => q.split(' ').map((w, i) => (i % 2 ? fold(w) : w)).join(' ')],
]
const only = process.argv.slice(3)
const perts = only.length ? all.filter(([n]) => only.includes(n)) : all
const out: string[] = []
const stats: Record<string, { same: number; worse: number }> = {}
for (const f of files.sort()) {
  for (const raw of readFileSync(`${dir}/${f}`, 'utf8').split('\n')) {
    if (!raw.trim() || raw.startsWith('#')) continue
    const [kind = '', , codes = '', question = ''] = raw.split('\t')
    if (kind !== 'answer' || !codes) continue
    const want = codes.split(',')
    const base = await kb.answer(question, {})
    if (base.kind !== 'answer' || !want.includes(base.procedure?.code ?? '')) continue
    for (const [name, p] of perts) {
      const q2 = p(question)
      if (q2 === question) continue
      const r = await kb.answer(q2, {})
      const ok = r.kind === 'answer' && want.includes(r.procedure?.code ?? '')
      const st = (stats[name] ??= { same: 0, worse: 0 })
      if (ok) st.same++
      else {
        st.worse++
        const got = r.kind === 'answer' ? `answer ${r.procedure?.code}` : `${r.kind} ${(r.candidates ?? []).map((c) => c.code).join('|')}`
        out.push(`${name}\t${r.kind === 'answer' ? 'WC' : r.kind}\t${q2}\t${got}\twant ${codes}`)
      }
    }
  }
}
console.log(JSON.stringify(stats))
writeFileSync(process.argv[2] ?? '/tmp/pert.txt', out.join('\n'))
kb.close()
