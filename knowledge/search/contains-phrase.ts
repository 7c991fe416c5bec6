/**
 * Whether `phrase` stands in `text` as whole words (both folded, words separated by single spaces):
 * "cap lai" is in "xin cap lai the", not in "cap laii". The same answer as looking for
 * ` ${phrase} ` in ` ${text} `, without building either string: classification tests hundreds of
 * phrases against one message, so each test is a search and a look at the two characters around it.
 * @module
 */
export const containsPhrase = (text: string, phrase: string): boolean => {
  // An empty phrase is two spaces in a row once padded: left to the padded search.
  if (!phrase) return ` ${text} `.includes('  ')
  const end = text.length - phrase.length
  for (let at = text.indexOf(phrase); at !== -1 && at <= end; at = text.indexOf(phrase, at + 1)) {
    if (
      (at === 0 || text.charCodeAt(at - 1) === 32) &&
      (at === end || text.charCodeAt(at + phrase.length) === 32)
    )
      return true
  }
  return false
}
