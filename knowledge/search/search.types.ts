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
}

export type SearchOptions = { limit?: number }
