/**
 * What the answering core needs about places, in one object: find the places a question names
 * and write the answer's one-line note about them. Built from injected units (tests pass their
 * own); `builtInPlaceNotes()` loads the repository's data file once, on first use.
 * @module
 */
import { builtOnce } from '../load-built-in-data.ts'
import { createPlaceFinder } from './find-places.ts'
import { type AdminUnits, loadAdminUnits } from './load-admin-units.ts'
import type { PlaceMention } from './place.types.ts'
import { writePlaceNote } from './write-place-note.ts'

export type PlaceNotes = {
  /** Places named in the text, in order, without their positions. */
  find: (text: string) => PlaceMention[]
  /** The note for an answer (levels of the answered procedure, or null for a clarify question). */
  note: (places: readonly PlaceMention[], levels: readonly string[] | null) => string | null
}

export type CreatePlaceNotesOptions = { units: AdminUnits }

export const createPlaceNotes = ({ units }: CreatePlaceNotesOptions): PlaceNotes => {
  const findPlaces = createPlaceFinder({ units })
  return {
    find: (text) => findPlaces(text).map(({ start: _start, end: _end, ...place }) => place),
    note: (places, levels) => writePlaceNote({ places, source: units.source, levels }),
  }
}

/** The notes over `knowledge/data/admin-units.json`, built on first use (a few hundred ms). */
export const builtInPlaceNotes: () => PlaceNotes = builtOnce(() =>
  createPlaceNotes({ units: loadAdminUnits() }),
)
