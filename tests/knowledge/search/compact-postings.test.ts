import { describe, expect, it } from 'vitest'
import { createPostingsBuilder } from '../../../knowledge/search/compact-postings.ts'

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
