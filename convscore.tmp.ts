import { readFileSync } from 'node:fs'
import { createDb } from './knowledge/db/client.ts'
import { createKnowledgeBase } from './knowledge/knowledge-base.ts'
const db = await createDb({ url: 'file:/tmp/probe-kb.db' })
const kb = await createKnowledgeBase({ db, synonymsFile: null })
let ok = 0, n = 0
for (const raw of readFileSync(process.argv[2] ?? '', 'utf8').split('\n')) {
  if (!raw.trim()) continue
  const [conv = '', want = ''] = raw.split('\t')
  if (want === 'any') continue
  let procedureCode: string | null = null
  let candidateCodes: string[] = []
  let r: any
  for (const turn of conv.split('||').map((t) => t.trim())) {
    r = await kb.answer(turn, { procedureCode, candidateCodes })
    if (r.kind === 'answer' && r.procedure) { procedureCode = r.procedure.code; candidateCodes = [] }
    else if (r.kind === 'clarify') { procedureCode = null; candidateCodes = (r.candidates ?? []).slice(0, 4).map((c: any) => c.code) }
  }
  const got = r.kind === 'answer' ? r.procedure.code : r.kind
  const good = want.startsWith('!') ? got !== want.slice(1) : want.split('|').includes(got) || want.split('|').includes(r.kind)
  n++; if (good) ok++
  console.log(good ? 'ok ' : 'BAD', conv, '=>', got)
}
console.log(`${ok}/${n}`)
kb.close()
