/**
 * Whether a name holds the topic a long message's request names. A citizen who tells a story first
 * ("Ông bà tôi có thửa đất 500 mét vuông ở Thái Bình, nay muốn chia cho hai người con") and then asks
 * ("hồ sơ tách thửa gồm những gì?") types many words no name holds, so even the right name ("Tách thửa hoặc
 * hợp thửa đất") holds a small share of them and looked like no match at all. When the request
 * (find-request-clause.ts) names a rare word pair ("tách thửa", "giám hộ", "di chúc") and the name
 * holds that pair side by side, the name is about what was asked: it is offered ("có phải bạn hỏi
 * …"), not denied. It is never given as if sure on this ground alone, since the rest of the message
 * may still narrow it.
 * @module
 */
import { foldPhrase } from '../search/load-synonyms.ts'
// a pair held by more than this share of names is an action or a field many names share ("đăng ký", "cấp lại")
import { REQUEST_TOPIC_SHARE } from '../search/search-procedures.ts'

/**
 * The request's pairs that name a topic: typed side by side by the citizen (not made by the
 * dictionary: "cấp 2" read as "cấp ii" is a school year, not a works grade), held by some names, by few of them.
 */
export const requestTopics = (
  requestPairs: readonly string[] | undefined,
  typed: readonly string[],
  wordShare: (folded: string) => number,
): string[] => {
  const words = ` ${typed.join(' ')} `
  return (requestPairs ?? []).filter((p) => {
    const share = wordShare(p)
    return share > 0 && share <= REQUEST_TOPIC_SHARE && words.includes(` ${p.replace('_', ' ')} `)
  })
}

/**
 * @param name the procedure's name
 * @param topics the request's rare pairs ({@link requestTopics})
 * @returns whether the name holds one of them side by side
 * @example holdsRequestTopic('Tách thửa hoặc hợp thửa đất.', ['tach_thua']) // true
 */
export const holdsRequestTopic = (name: string, topics: readonly string[]): boolean => {
  if (!topics.length) return false
  const folded = ` ${foldPhrase(name)} `
  return topics.some((p) => folded.includes(` ${p.replace('_', ' ')} `))
}
