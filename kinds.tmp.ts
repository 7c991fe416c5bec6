// node kinds.tmp.ts FILE (kind<TAB>question): prints kind got vs wanted
import { existsSync, readFileSync } from 'node:fs'
import { createDb } from './knowledge/db/client.ts'
import { createKnowledgeBase } from './knowledge/knowledge-base.ts'
const db = await createDb({ url: 'file:/tmp/probe-kb.db' })
const kb = await createKnowledgeBase({ db, synonymsFile: null })
const t: Record<string, number> = {}
for (const raw of readFileSync(process.argv[2] ?? '', 'utf8').split('\n')) {
  if (!raw.trim()) continue
  const [want = '', q = ''] = raw.split('\t')
  const r = await kb.answer(q, {})
  const ok = r.kind === want || (want === 'absent' && r.kind !== 'answer')
  t[ok ? 'ok' : 'bad'] = (t[ok ? 'ok' : 'bad'] ?? 0) + 1
  console.log(`${ok ? 'ok ' : 'BAD'} ${want.padEnd(9)} ${r.kind.padEnd(9)} ${q} ${r.procedure?.code ?? (r.candidates ?? []).map((c) => c.code).join('|')}`)
}
console.log(JSON.stringify(t))
kb.close()
