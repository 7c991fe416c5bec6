/**
 * Search results over the procedure knowledge base.
 * @module
 */
export type SearchResult = {
  code: string
  name: string
  levels: string[]
  field: string
  score: number
  /** Share (0–1) of the query's weighted words found in the procedure name; 1 for a code lookup. */
  coverage: number
  /** Folded name without the "(thực hiện tại cấp …)" suffix: level variants of one procedure share it. */
  group: string
  /** 0 commune level, 1 province, 2 ministry/central: lower suits citizens better. */
  levelRank: number
}

export type SearchOptions = { limit?: number }
