/**
 * The answer about one stored procedure: its reply for the part asked (and the other parts asked), a
 * yes/no lead first when the question asks one (or what the record says of a validity or a fine asked about), the alternatives and the note on the places named.
 * @module
 */

import type { PlaceMention } from '../places/place.types.ts'
import type { Procedure } from '../procedures/procedure.types.ts'
import type { Answer, Facet } from './answer.types.ts'
import { composeReply } from './compose-answer.ts'
import { leadCapital } from './lead-capital.ts'
import { leadDeadline } from './lead-deadline.ts'
import { leadPenalty } from './lead-penalty.ts'
import { leadValidity } from './lead-validity.ts'
import { joinYesNoLead, leadYesNo } from './lead-yes-no.ts'
import { renderReplyText } from './render-reply-text.ts'

/** The places a question names, and the note line for them given the answered procedure's levels. */
export type PlaceContext = {
  places: PlaceMention[]
  note: (levels: readonly string[] | null) => string | null
}

const refOf = (p: Procedure) => ({ code: p.code, name: p.name, url: p.url })

/** The answer built from the procedure stored under `code` (null when none is). */
export const answerWith = async (
  getProcedure: (code: string) => Promise<Procedure | null>,
  code: string,
  facet: Facet,
  alternatives: { code: string; name: string }[] = [],
  place: PlaceContext | null = null,
  folded: readonly string[] = [],
  also: readonly Facet[] = [],
): Promise<Answer | null> => {
  const procedure = await getProcedure(code)
  if (!procedure) return null
  const placeNote = place?.note(procedure.levels) ?? null
  // How long the issued paper stays valid, a fine, by when one must file or the capital asked about: no
  // other part of the record answers them (the time column is the office's processing time).
  const unanswered =
    leadValidity({ procedure, folded }) ??
    leadPenalty({ procedure, folded }) ??
    leadDeadline({ procedure, folded }) ??
    leadCapital({ procedure, folded })
  const lead = unanswered ?? leadYesNo({ procedure, facet, folded })
  const composed = composeReply({ procedure, facet, also, alternatives, placeNote })
  // A yes/no question gets its answer first (its own line), before the facts that support it; so does
  // what the record says (or does not say) of a validity or a fine.
  const joined = unanswered
    ? `${unanswered}\n${composed.lead}`
    : lead
      ? joinYesNoLead(lead, composed.lead)
      : null
  const reply = joined ? { ...composed, lead: joined } : composed
  // On its own line before the facts, unless it says all the facet's lead would
  const alone = lead !== null && !unanswered && joined !== lead
  const text = alone
    ? `${lead}\n${renderReplyText(composed, { procedure })}`
    : renderReplyText(reply, { procedure })
  return {
    kind: 'answer',
    procedure: refOf(procedure),
    facet,
    ...(alternatives.length ? { candidates: alternatives } : {}),
    text,
    reply,
    ...(place ? { places: place.places } : {}),
  }
}
