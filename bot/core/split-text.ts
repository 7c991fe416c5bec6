/**
 * Splits a reply into pieces a channel accepts (Telegram 4,096 characters, Zalo 2,000, Bot
 * Framework 4,000), cutting at a line break, else a space, never mid-word when avoidable.
 * @module
 */

/** @returns pieces of at most `limit` characters, preferring line breaks, then spaces; never an empty one */
export const splitText = (text: string, limit: number): string[] => {
  const pieces: string[] = []
  let rest = text.trim()
  while (rest.length > limit) {
    let cut = rest.lastIndexOf('\n', limit)
    if (cut < limit / 2) cut = rest.lastIndexOf(' ', limit)
    if (cut < limit / 2) cut = limit
    pieces.push(rest.slice(0, cut).trimEnd())
    rest = rest.slice(cut).trimStart()
  }
  if (rest) pieces.push(rest)
  return pieces
}
