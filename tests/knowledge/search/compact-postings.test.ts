import MiniSearch from 'minisearch'
import { describe, expect, it } from 'vitest'
import {
  createPostingsBuilder,
  DocumentIds,
  DocumentLengths,
} from '../../../knowledge/search/compact-postings.ts'
import { createBulkLoader } from '../../../knowledge/search/load-minisearch-postings.ts'

describe('compact postings', () => {
  it('answer MiniSearch’s reads as its Maps would: fields in first-use order, documents ascending, frequencies', () => {
    const builder = createPostingsBuilder()
    builder.add('khai', 2, 0)
    builder.add('khai', 0, 0)
    builder.add('khai', 0, 3)
    builder.add('khai', 0, 3)
    builder.add('sinh', 0, 5)
    const packed = new Map(builder.pack())
    expect([...packed.keys()]).toEqual(['khai', 'sinh'])
    const khai = packed.get('khai')
    expect([...(khai?.keys() ?? [])]).toEqual([2, 0])
    expect(khai?.size).toBe(2)
    const name = khai?.get(0)
    expect(name?.size).toBe(2)
    expect([...(name?.keys() ?? [])]).toEqual([0, 3])
    expect(name?.get(3)).toBe(2)
    expect(name?.get(0)).toBe(1)
    expect(name?.get(1)).toBeUndefined()
    expect(name?.has(3)).toBe(true)
    expect(Object.fromEntries(name ?? [])).toEqual({ 0: 1, 3: 2 })
    expect(khai?.get(1)).toBeUndefined()
    expect(packed.get('sinh')?.get(0)?.get(5)).toBe(1)
  })
})

describe('document ids and field lengths by short id', () => {
  it('answer MiniSearch’s reads as its Maps would, and serialise alike', () => {
    const lengths = new DocumentLengths(Uint16Array.from([3, 0, 2, 1, 5, 4, 0, 0]), 4)
    expect(lengths.size).toBe(2)
    expect(lengths.has(1)).toBe(true)
    expect(lengths.has(2)).toBe(false)
    expect(lengths.has(-1)).toBe(false)
    expect(lengths.get(0)?.[2]).toBe(2)
    expect(lengths.get(1)?.[0]).toBe(5)
    expect(lengths.get(7)).toBeUndefined()
    expect(lengths.lengthOf(1, 1)).toBe(4)
    expect(Object.fromEntries(lengths)).toEqual({ 0: [3, 0, 2, 1], 1: [5, 4, 0, 0] })
    const ids = new DocumentIds(['1.000001', '1.000002'])
    expect(ids.get(1)).toBe('1.000002')
    expect(ids.has(2)).toBe(false)
    expect(Object.fromEntries(ids)).toEqual({ 0: '1.000001', 1: '1.000002' })
  })

  it('replace MiniSearch’s per-document Maps once the bulk loader has filled the index', () => {
    const mini = new MiniSearch({ fields: ['name', 'pairs', 'field', 'aliases'] })
    const loader = createBulkLoader(mini as never)
    loader.add({ id: 'a', fields: [['khai', 'sinh'], ['khai_sinh'], [], []] })
    loader.add({ id: 'b', fields: [['khai', 'tu'], ['khai_tu'], ['ho', 'tich'], []] })
    for (const _ of loader.finish());
    const m = mini as unknown as { _fieldLength: unknown; _documentIds: unknown }
    expect(m._fieldLength).toBeInstanceOf(DocumentLengths)
    expect(m._documentIds).toBeInstanceOf(DocumentIds)
    expect(mini.search('khai').map((r) => r.id)).toEqual(['a', 'b'])
    expect(mini.search('tich').map((r) => r.id)).toEqual(['b'])
  })
})
