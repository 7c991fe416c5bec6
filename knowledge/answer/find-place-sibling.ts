/**
 * Procedures the records split by where the applicant is ("Nhập quốc tịch Việt Nam ở trong nước" /
 * "… ở nước ngoài", "Thôi quốc tịch …", "Cấp Giấy xác nhận có quốc tịch Việt Nam …"): a question
 * that says where ("sống ở Việt Nam", "định cư ở nước ngoài") gets that one; a question that does
 * not ("chồng em người Trung Quốc muốn nhập quốc tịch Việt Nam": "người nước ngoài" is who, not
 * where) is asked which, instead of being answered with whichever the search ranked first.
 * @module
 */
import { foldPhrase } from '../search/load-synonyms.ts'
import type { SearchResult } from '../search/search.types.ts'

export type Place = 'abroad' | 'domestic'

const PLACES: Record<Place, string> = { abroad: 'o nuoc ngoai', domestic: 'o trong nuoc' }

/** Where the question says the applicant is (folded phrases); "người nước ngoài" is not a place. */
const ASKED: Record<Place, RegExp> = {
  abroad:
    /\b(?:o|tai|dang o|song o|dinh cu o|dinh cu tai|cu tru o) nuoc ngoai\b|\bdinh cu\b|\bviet kieu\b|\bkieu bao\b|\b(?:dai su quan|lanh su)\b/,
  domestic:
    /\b(?:o|tai|dang o|song o|cu tru o|cu tru tai|sinh song o|sinh song tai) (?:viet nam|vn|trong nuoc)\b|\bo trong nuoc\b/,
}

const placeOf = (foldedName: string): Place | null =>
  foldedName.endsWith(` ${PLACES.abroad}`)
    ? 'abroad'
    : foldedName.endsWith(` ${PLACES.domestic}`)
      ? 'domestic'
      : null

/** Where the question's folded words say the applicant is, or null when they do not say (or say both). */
export const askedPlace = (folded: readonly string[]): Place | null => {
  const whole = folded.join(' ')
  const abroad = ASKED.abroad.test(whole)
  const domestic = ASKED.domestic.test(whole)
  return abroad === domestic ? null : abroad ? 'abroad' : 'domestic'
}

export type FindPlaceSiblingOptions = {
  top: SearchResult
  /** Procedures that fit the question, best first. */
  fitting: readonly SearchResult[]
  /** The question's folded words. */
  folded: readonly string[]
}

/**
 * @returns `{ answer }` the one of the two for the place the question names (the best name or its
 *   sibling), `{ ask }` the two when it names none, or null when the best name is not split by place (or
 *   its sibling does not fit)
 */
export const findPlaceSibling = ({
  top,
  fitting,
  folded,
}: FindPlaceSiblingOptions): { answer: SearchResult } | { ask: [SearchResult, SearchResult] } | null => {
  const name = foldPhrase(top.name.replace(/\s*\([^)]*\)\s*$/u, ''))
  const own = placeOf(name)
  if (!own) return null
  const other: Place = own === 'abroad' ? 'domestic' : 'abroad'
  const wanted = `${name.slice(0, -PLACES[own].length)}${PLACES[other]}`
  const sibling = fitting.find((r) => foldPhrase(r.name.replace(/\s*\([^)]*\)\s*$/u, '')) === wanted)
  if (!sibling) return null
  const asked = askedPlace(folded)
  // The place named decides between the two, whichever the search ranked first; nothing else is asked.
  if (asked === own) return { answer: top }
  if (asked === other) return { answer: sibling }
  return { ask: [top, sibling] }
}
