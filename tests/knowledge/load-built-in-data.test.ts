import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { builtOnce, loadDataFile } from '../../knowledge/load-built-in-data.ts'

describe('built-in data', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trolyso-data-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const ZFile = z.object({ topics: z.record(z.string(), z.array(z.string().min(1))) })

  it('reads a data file as its schema states it, and refuses one that does not fit, naming the field', () => {
    const good = join(dir, 'good.json')
    writeFileSync(good, JSON.stringify({ topics: { bank: ['ngân hàng'] } }))
    expect(loadDataFile(ZFile, good)).toEqual({ topics: { bank: ['ngân hàng'] } })
    const bad = join(dir, 'bad.json')
    writeFileSync(bad, JSON.stringify({ topics: { bank: [''] } }))
    expect(() => loadDataFile(ZFile, bad)).toThrow(/topics/)
  })

  it('builds once, on the first call, and gives the same value afterwards', () => {
    let builds = 0
    const vocabulary = builtOnce(() => ({ build: ++builds }))
    expect(builds).toBe(0)
    const first = vocabulary()
    expect(vocabulary()).toBe(first)
    expect(builds).toBe(1)
  })
})
