/**
 * Builds the in-memory MiniSearch index over procedure names: accented name, folded name,
 * folded word pairs, field and aliases (code variants). Text is analysed once here, so the
 * index's own tokenizer only splits on spaces and the query side passes analysed terms.
 * @module
 */
import MiniSearch from 'minisearch'
import type { Procedure } from '../procedures/procedure.types.ts'
import { foldToken, tokenizeVietnamese } from './normalize-vietnamese.ts'

/** What the index needs of a procedure (a full record also fits). */
export type IndexableProcedure = Pick<Procedure, 'code' | 'name' | 'levels' | 'field' | 'audience'>

export type IndexedDoc = {
  id: string
  name: string
  levels: string[]
  field: string
  /** Space-joined analysed fields. */
  nameText: string
  nameFolded: string
  nameBigrams: string
  fieldFolded: string
  aliases: string
}

/** Per-procedure facts the reranker reads without touching MiniSearch internals. */
export type DocFacts = {
  code: string
  name: string
  levels: string[]
  field: string
  /** Folded name tokens in order (arrays, not sets: names are short and 100,000 sets cost memory). */
  folded: string[]
  accented: string[]
  /** Lower is closer to citizens: 0 commune, 1 province, 2 ministry/central. */
  levelRank: number
  /** Name with the "(thực hiện tại cấp …)" suffix removed, folded: level variants share it. */
  baseName: string
  /** Tokens outside parentheses: clarifications in brackets should not make a name look off-topic. */
  mainLength: number
  /** Whether citizens (Công dân Việt Nam) are among those who carry it out. */
  citizen: boolean
  /** Folded base-name tokens (no level suffix): what the query should cover. */
  baseTokens: string[]
  /** Combined ("Liên thông …", "… kết hợp …") procedures: shown after the single procedures they bundle. */
  bundle: boolean
  /** Action words (indexes into MODIFIERS) that make this a secondary variant (xóa, thu hồi, lại …), once per occurrence. */
  modifiers: number[]
}

export type SearchIndex = {
  mini: MiniSearch<IndexedDoc>
  facts: Map<string, DocFacts>
  size: number
}

const LEVEL_SUFFIX =
  /\(?\s*(thực hiện|thuc hien)?\s*(tại|ở|o|tai)\s*cấp\s*(trung ương|tỉnh|huyện|xã|bộ)\s*\)?\s*$/iu

/** 0 for procedures a commune handles, 1 province, 2 ministry or central level. */
export const levelRankOf = (name: string, levels: string[]): number => {
  const n = name.normalize('NFC').toLocaleLowerCase('vi')
  if (/cấp trung ương|tại bộ|cục quản lý/.test(n)) return 2
  if (/thực hiện (tại|ở) cấp (tỉnh|huyện)/.test(n)) return 1
  if (levels.some((l) => /xã/i.test(l))) return 0
  if (levels.some((l) => /tỉnh/i.test(l))) return 1
  return 2
}

export const baseNameOf = (name: string): string =>
  tokenizeVietnamese(name.replace(LEVEL_SUFFIX, '')).map(foldToken).join(' ')

/**
 * Words that turn a procedure into a secondary variant of a main one ("Xóa đăng ký tạm trú",
 * "Cấp lại …", "… lưu động"). A query that does not ask for them prefers the main procedure.
 */
const MODIFIER_WORDS = [
  'xóa',
  'dừng',
  'thu hồi',
  'thay đổi',
  'điều chỉnh',
  'gia hạn',
  'tạm ngừng',
  'chấm dứt',
  'hủy',
  'lưu động',
  'đính chính',
  'lại',
  'đổi',
  'bổ sung',
  'sửa đổi',
  'giải thể',
]
/** Accented (matched in names: "dừng" is not "dụng") and folded (matched in queries typed without marks). */
export const MODIFIERS = MODIFIER_WORDS.map((m) => ({
  accented: tokenizeVietnamese(m).join(' '),
  folded: tokenizeVietnamese(m).map(foldToken).join(' '),
}))

/** How often a folded phrase occurs in a folded text, on word boundaries. */
export const countPhrase = (text: string, phrase: string): number =>
  ` ${text} `.split(` ${phrase} `).length - 1

const pairs = (tokens: string[]): string[] => {
  const out: string[] = []
  for (let i = 0; i + 1 < tokens.length; i++) out.push(`${tokens[i]}_${tokens[i + 1]}`)
  return out
}

const codeAliases = (code: string): string[] => [code, code.replace('.', ''), code.slice(2)]

/** Analyses one procedure into an index document and its rerank facts. */
export const toIndexedDoc = (p: IndexableProcedure): { doc: IndexedDoc; facts: DocFacts } => {
  const tokens = tokenizeVietnamese(p.name)
  const folded = tokens.map(foldToken)
  const bigrams = pairs(folded)
  const doc: IndexedDoc = {
    id: p.code,
    name: p.name,
    levels: p.levels,
    field: p.field,
    nameText: tokens.join(' '),
    nameFolded: folded.join(' '),
    nameBigrams: bigrams.join(' '),
    fieldFolded: tokenizeVietnamese(p.field).map(foldToken).join(' '),
    aliases: codeAliases(p.code).join(' '),
  }
  const baseName = baseNameOf(p.name)
  const baseAccented = tokenizeVietnamese(p.name.replace(LEVEL_SUFFIX, '')).join(' ')
  const facts: DocFacts = {
    code: p.code,
    name: p.name,
    levels: p.levels,
    field: p.field,
    folded,
    accented: tokens,
    levelRank: levelRankOf(p.name, p.levels),
    baseName,
    baseTokens: baseName.split(' '),
    citizen: p.audience.some((a) => /công dân/i.test(a)),
    mainLength: tokenizeVietnamese(p.name.replace(/\([^)]*\)?/g, ' ')).length,
    bundle: /^liên thông|kết hợp/i.test(tokens.join(' ')),
    modifiers: MODIFIERS.flatMap((m, k) => Array<number>(countPhrase(baseAccented, m.accented)).fill(k)),
  }
  return { doc, facts }
}

export const SEARCH_FIELDS = ['nameText', 'nameFolded', 'nameBigrams', 'fieldFolded', 'aliases'] as const

const createMini = () =>
  new MiniSearch<IndexedDoc>({
    fields: [...SEARCH_FIELDS],
    storeFields: ['name', 'levels', 'field'],
    tokenize: (text) => text.split(' ').filter(Boolean),
    processTerm: (term) => term,
    searchOptions: { tokenize: (text) => text.split(' ').filter(Boolean), processTerm: (term) => term },
  })

export type BuildSearchIndexOptions = { procedures: IndexableProcedure[] }

/** @returns a complete index; callers swap it in only after this returns. */
export const buildSearchIndex = ({ procedures }: BuildSearchIndexOptions): SearchIndex => {
  const mini = createMini()
  const facts = new Map<string, DocFacts>()
  const docs: IndexedDoc[] = []
  for (const p of procedures) {
    if (facts.has(p.code)) continue
    const built = toIndexedDoc(p)
    docs.push(built.doc)
    facts.set(p.code, built.facts)
  }
  mini.addAll(docs)
  return { mini, facts, size: facts.size }
}
