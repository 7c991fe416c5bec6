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
  /** The same share weighted by how rare each word is among names (rare words say what is asked); 1 for a code lookup. */
  idfCoverage: number
  /** Share (0–1) of the name's main words the query matched: low when the name is about much more than was asked. */
  precision: number
  /** The query's full-weight words the name lacks (folded), in query order. */
  uncovered: string[]
  /** False when only organisations (businesses, cooperatives, agencies) carry the procedure out. */
  forPeople: boolean
  /** Folded name without the "(thực hiện tại cấp …)" suffix: level variants of one procedure share it. */
  group: string
  /** 0 commune level, 1 province, 2 ministry/central: lower suits citizens better. */
  levelRank: number
  /** The fit model's adjustment already in `score` (knowledge/answer/rank-by-fit.ts), when the search applied it. */
  fit?: number
}

export type SearchOptions = { limit?: number }
