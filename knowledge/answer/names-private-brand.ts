/**
 * Whether a message names a thing of private everyday life that no procedure record speaks of: an
 * app or platform ("YouTube", "Netflix", "Shopee", "Canva"), a game ("Liên Quân", "GTA", "trong game"),
 * a story (a character, a film, a novel: "nhân vật", "trong truyện"), a café chain, a bank, an airline
 * or a leisure venue by name ("Highlands", "Vietcombank", "Vietjet", "công viên nước"),
 * a private insurer or retailer ("Prudential", "Thế Giới Di Động"), a programming language or a
 * software product ("python", "Windows"), a private test or an online course ("IELTS", "Coursera"),
 * an act on a social app ("kết bạn") or at a car showroom ("lái thử"); or, more weakly, sport and
 * food ("cầu thủ", "Messi", "đặc sản", "sữa chua"). Beside such a name the everyday sense of a word
 * that is also administrative ("đăng ký tài khoản Shopee", "gia hạn thuê bao Netflix", "hồ sơ năng
 * lực trên Canva", "khai báo biến trong python", "bảo hiểm nhân thọ Prudential") is the likelier one,
 * so it is counter-evidence for `findAdminEvidence`. The names live in
 * knowledge/data/everyday-things.json; none is held by a procedure name of the national export. A
 * running place of games ("phòng game", "kinh doanh game") is a licensed business and no such
 * counter-evidence.
 * @module
 */
import { z } from 'zod'
import { builtOnce, loadDataFile } from '../load-built-in-data.ts'
import { containsPhrase } from '../search/contains-phrase.ts'
import { foldPhrase } from '../search/load-synonyms.ts'
import { type AnalyzedToken, analyzeText, isTypedWithMarks } from '../search/normalize-vietnamese.ts'

export const ZEverydayThingsFile = z.object({
  $comment: z.string().optional(),
  /** group (for readers) → names of apps, brands, products, tests, courses, acts on an app */
  brands: z.record(z.string(), z.array(z.string().min(1))),
  /** names of games */
  games: z.array(z.string().min(1)),
  /** names of games that are everyday words without marks, matched only as typed with marks */
  markedGames: z.array(z.string().min(1)),
  /** characters, films and books: in a story, as in a game, even papers are fiction */
  stories: z.array(z.string().min(1)).default([]),
  /** group (for readers) → sport, players, clubs, food */
  everyday: z.record(z.string(), z.array(z.string().min(1))),
  /** everyday things matched only as typed with marks ("sữa chua": "sua chua" is also repair) */
  markedEveryday: z.array(z.string().min(1)),
})
export type EverydayThingsFile = z.infer<typeof ZEverydayThingsFile>

/** The names, folded (or lowercased, for those matched as typed with marks). */
type EverydayThings = {
  /**
   * Folded, and as written when the name has marks: in a message typed with marks such a name must
   * match them ("lại thủ" is no "lái thử").
   */
  brands: { folded: string; marked: string | null }[]
  games: string[]
  markedGames: string[]
  stories: string[]
  everyday: string[]
  markedEveryday: string[]
}

/** A name as the analyser writes a typed word (tone marks placed alike), lowercased. */
const marked = (phrase: string) =>
  analyzeText(phrase)
    .map((t) => t.text.normalize('NFC').toLowerCase())
    .join(' ')

/** @param model the names (defaults to knowledge/data/everyday-things.json) */
export const createEverydayThings = (model: EverydayThingsFile = loadEverydayThings()): EverydayThings => ({
  brands: Object.values(model.brands)
    .flat()
    .map((name) => {
      const folded = foldPhrase(name)
      const written = marked(name)
      return { folded, marked: written === folded ? null : written }
    }),
  games: model.games.map(foldPhrase),
  markedGames: model.markedGames.map(marked),
  stories: model.stories.map(foldPhrase),
  everyday: Object.values(model.everyday).flat().map(foldPhrase),
  markedEveryday: model.markedEveryday.map(marked),
})

/** Reads and validates the names file. */
export const loadEverydayThings = (
  path = new URL('../data/everyday-things.json', import.meta.url),
): EverydayThingsFile => loadDataFile(ZEverydayThingsFile, path)

/** The built-in names, compiled once on first use. */
export const builtInEverydayThings: () => EverydayThings = builtOnce(() => createEverydayThings())

/** A game as a pastime ("trong game", "game GTA"), not a place or business that runs games. */
const GAME = /\bgame\b/
const GAME_BUSINESS = /\b(?:phong|quan|diem|tiem|kinh doanh|cung cap|phat hanh|dich vu|tro choi) game\b/

/**
 * What private thing the folded message names (see the module): a game or a story (`game`), where even
 * what the records are about is play or fiction ("đăng ký kết hôn trong game", "căn cước của nhân vật
 * trong truyện"), an
 * app, brand or product (`brand`), beside which a real act may still be told ("quen nhau qua TikTok,
 * giờ muốn đăng ký kết hôn"), a thing of sport or food (`everyday`), beside which only words of
 * administration count, or null.
 */
export type PrivateThing = 'game' | 'brand' | 'everyday' | null

export const namesPrivateBrand = (
  whole: string,
  tokens: readonly AnalyzedToken[] = [],
  things: EverydayThings = builtInEverydayThings(),
): PrivateThing => {
  // The message as typed, lowercased: joined once, when a marked name is first compared with it.
  let typedText: string | undefined
  const typed = () => {
    typedText ??= tokens.map((t) => t.text.normalize('NFC').toLowerCase()).join(' ')
    return typedText
  }
  if (
    (GAME.test(whole) && !GAME_BUSINESS.test(whole)) ||
    things.games.some((name) => containsPhrase(whole, name)) ||
    things.markedGames.some((name) => containsPhrase(typed(), name)) ||
    things.stories.some((name) => containsPhrase(whole, name))
  )
    return 'game'
  // (most words carry marks, not only the ones a rewrite added: "online" read as "trực tuyến")
  const withMarks = isTypedWithMarks(tokens)
  if (
    things.brands.some(
      (b) =>
        containsPhrase(whole, b.folded) && (!withMarks || !b.marked || containsPhrase(typed(), b.marked)),
    )
  )
    return 'brand'
  if (
    things.everyday.some((name) => containsPhrase(whole, name)) ||
    things.markedEveryday.some((name) => containsPhrase(typed(), name))
  )
    return 'everyday'
  return null
}
