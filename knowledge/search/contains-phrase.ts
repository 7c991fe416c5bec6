/**
 * Whether `phrase` stands in `text` as whole words (both folded, words separated by single spaces):
 * "cap lai" is in "xin cap lai the", not in "cap laii".
 * @module
 */
export const containsPhrase = (text: string, phrase: string): boolean => ` ${text} `.includes(` ${phrase} `)
