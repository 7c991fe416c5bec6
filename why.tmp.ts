// node why.tmp.ts OUT.json : in-process answers for every guided line (probe DB /tmp/probe-kb.db)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createDb } from './knowledge/db/client.ts'
import { createKnowledgeBase } from './knowledge/knowledge-base.ts'
const db = await createDb({ url: 'file:/tmp/probe-kb.db' })
const kb = await createKnowledgeBase({ db, synonymsFile: null })
const dir = 'tests/fixtures/eval'
const files = readdirSync(dir).filter((f) => f.endsWith('.tsv') && !/holdout(-intents)?-(2[3-9]|3[0-9])\.tsv/.test(f))
const out: Record<string, string> = {}
const t = { lines: 0, wc: 0, aorc: 0, outright: 0, top1: 0, facet: 0, proc: 0 }
for (const f of files.sort()) {
  for (const raw of readFileSync(`${dir}/${f}`, 'utf8').split('\n')) {
    if (!raw.trim() || raw.startsWith('#')) continue
    const [kind = '', facet = '', codes = '', question = ''] = raw.split('\t')
    const want = codes ? codes.split(',').map((c) => c.trim()) : []
    const r = await kb.answer(question, {})
    const offered = (r.candidates ?? []).map((c) => c.code)
    const got = r.kind === 'answer' ? `answer ${r.procedure?.code} f=${r.facet ?? ''}` : `${r.kind} ${offered.join('|')}`
    out[`${f}\t${question}`] = `${kind} ${facet} ${codes} => ${got}`
    t.lines++
    const ok = r.kind === 'answer' && want.includes(r.procedure?.code ?? '')
    if (r.kind === 'answer' && !ok) t.wc++
    if (kind === 'answer' && want.length) {
      t.proc++
      if (ok) t.outright++
      if (ok || (r.kind === 'clarify' && offered.some((c) => want.includes(c)))) t.aorc++
      const top = kb.search(question, { limit: 1 })[0]
      if (top && want.includes(top.code)) t.top1++
      if (ok && (r.facet ?? 'overview') === (facet || 'overview')) t.facet++
    }
  }
}
writeFileSync(process.argv[2] ?? '/tmp/why.json', JSON.stringify(out, null, 0))
console.log(JSON.stringify(t))
kb.close()
