// node rbatch.tmp.ts FILE.tsv  (codes<TAB>question; codes '-' = no answer expected). TEXT=1 prints reply text
import { existsSync, readFileSync } from 'node:fs'
import { createDb } from './knowledge/db/client.ts'
import { migrateDb } from './knowledge/db/migrate.ts'
import { createKnowledgeBase } from './knowledge/knowledge-base.ts'
import { importProcedures } from './knowledge/procedures/import-procedures.ts'
import { NATIONAL_EXPORT_AS_OF, NATIONAL_EXPORT_FILE } from './knowledge/procedures/read-export.ts'

const path = '/tmp/probe-kb.db'
const fresh = !existsSync(path)
const db = await createDb({ url: `file:${path}` })
if (fresh) {
  await migrateDb(db)
  await importProcedures({ db, filePath: NATIONAL_EXPORT_FILE, asOf: NATIONAL_EXPORT_AS_OF })
}
const kb = await createKnowledgeBase({ db, synonymsFile: null })
const tally: Record<string, number> = {}
for (const raw of readFileSync(process.argv[2] ?? '', 'utf8').split('\n')) {
  if (!raw.trim() || raw.startsWith('#')) continue
  const [codes = '', question = ''] = raw.split('\t')
  const want = codes === '-' ? [] : codes.split(',')
  const r = await kb.answer(question, {})
  const got = r.kind === 'answer' ? `answer ${r.procedure?.code}` : `${r.kind} ${(r.candidates ?? []).map((c) => c.code).join('|')}`
  const offered = [r.procedure?.code, ...(r.candidates ?? []).map((c) => c.code)]
  let mark: string
  if (!want.length) mark = r.kind === 'answer' ? 'WC' : 'OK'
  else if (r.kind === 'answer') mark = want.includes(r.procedure?.code ?? '') ? 'OK' : 'WC'
  else if (r.kind === 'clarify' && offered.some((c) => c && want.includes(c))) mark = 'CLAR'
  else mark = 'MISS'
  tally[mark] = (tally[mark] ?? 0) + 1
  const top = kb.search(question, { limit: 3 }).map((x) => x.code).join(',')
  console.log(`${mark.padEnd(4)} ${question}  => ${got} f=${r.facet ?? ''} [top ${top}] want ${codes}`)
  if (process.env.TEXT) console.log(r.text.split('\n').map((l) => `      | ${l}`).join('\n'))
}
console.log(JSON.stringify(tally))
kb.close()
