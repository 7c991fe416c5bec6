// node conv.tmp.ts "turn || turn" ...   (TEXT=1 prints replies)
import { createDb } from './knowledge/db/client.ts'
import { createKnowledgeBase } from './knowledge/knowledge-base.ts'
const db = await createDb({ url: 'file:/tmp/probe-kb.db' })
const kb = await createKnowledgeBase({ db, synonymsFile: null })
for (const conv of process.argv.slice(2)) {
  let procedureCode: string | null = null
  let candidateCodes: string[] = []
  console.log(`=== ${conv}`)
  for (const turn of conv.split('||').map((t) => t.trim())) {
    const r = await kb.answer(turn, { procedureCode, candidateCodes })
    if (r.kind === 'answer' && r.procedure) { procedureCode = r.procedure.code; candidateCodes = [] }
    else if (r.kind === 'clarify') { procedureCode = null; candidateCodes = (r.candidates ?? []).slice(0, Number(process.env.LINES ?? 4)).map((c) => c.code) }
    console.log(`  > ${turn}\n    ${r.kind} ${r.procedure ? `${r.procedure.code} ${r.procedure.name.slice(0, 70)}` : (r.candidates ?? []).map((c) => `${c.code} ${c.name.slice(0, 40)}`).join(' | ')} f=${r.facet ?? ''}`)
    if (process.env.TEXT) console.log(r.text.split('\n').slice(0, Number(process.env.LINES ?? 4)).map((l) => `      | ${l}`).join('\n'))
  }
}
kb.close()
