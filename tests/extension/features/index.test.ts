import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { features, startFeatures } from '../../../extension/features/index.ts'
import type { Feature, FeatureContext } from '../../../extension/features/types.ts'

describe('feature list', () => {
  it('registers every feature file once, under its file name', () => {
    const files = readdirSync(new URL('../../../extension/features/', import.meta.url))
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'types.ts')
      .map((f) => f.replace(/\.ts$/, ''))
      .sort()
    expect(features.map((f) => f.id).sort()).toEqual(files)
  })

  it('watches attachments before any nudge that reads them', () => {
    const ids = features.map((f) => f.id)
    expect(ids.indexOf('attachment-watch')).toBe(0)
    expect(ids.indexOf('document-number-prefill')).toBeLessThan(ids.indexOf('unsigned-attachment-nudge'))
  })
})

describe('startFeatures', () => {
  it('starts the other features when one throws or rejects, and reports each failure with its id', async () => {
    const started: string[] = []
    const logged: string[] = []
    const list: Feature[] = [
      { id: 'ok-1', init: () => void started.push('ok-1') },
      {
        id: 'throws',
        init: () => {
          throw new Error('boom')
        },
      },
      { id: 'rejects', init: async () => Promise.reject(new Error('later')) },
      { id: 'ok-2', init: async () => void started.push('ok-2') },
    ]
    const failed = await startFeatures(list, {} as FeatureContext, (id) => logged.push(id))
    expect(started).toEqual(['ok-1', 'ok-2'])
    expect(failed.sort()).toEqual(['rejects', 'throws'])
    expect(logged.sort()).toEqual(['rejects', 'throws'])
  })
})
