/**
 * Whether a message names a thing of private everyday life that no procedure record speaks of: an
 * app or platform ("YouTube", "Netflix", "Shopee", "Canva"), a game ("Liên Quân", "GTA", "trong game"),
 * a private insurer or retailer ("Prudential", "Thế Giới Di Động"), a programming language or a
 * software product ("python", "Windows"), a private language test ("IELTS"). Beside such a name the
 * everyday sense of a word that is also administrative ("đăng ký tài khoản Shopee", "gia hạn thuê bao
 * Netflix", "hồ sơ năng lực trên Canva", "khai báo biến trong python", "bảo hiểm nhân thọ
 * Prudential") is the likelier one, so it is counter-evidence for `findAdminEvidence`. None of these
 * names is held by a procedure name of the national export; a running place of games ("phòng game",
 * "kinh doanh game") is a licensed business and no such counter-evidence.
 * @module
 */
import { containsPhrase } from '../search/contains-phrase.ts'
import type { AnalyzedToken } from '../search/normalize-vietnamese.ts'

/** Names of private apps, platforms, brands, products and tests (folded, as typed without marks). */
const PRIVATE_NAMES = [
  'youtube',
  'netflix',
  'facebook',
  'tiktok',
  'instagram',
  'spotify',
  'shopee',
  'lazada',
  'tiki',
  'canva',
  'chatgpt',
  'python',
  'javascript',
  'windows',
  'iphone',
  'prudential',
  'manulife',
  'ielts',
  'toeic',
  'toefl',
  'the gioi di dong',
  'dien may xanh',
]

/** Names of games (folded). */
const GAMES = ['pubg', 'free fire', 'minecraft', 'gta', 'lien quan mobile']
/** Names of games that are everyday words without marks ("lien quan" is "liên quan"), as typed with marks. */
const MARKED_GAMES = ['liên quân']

/** A game as a pastime ("trong game", "game GTA"), not a place or business that runs games. */
const GAME = /\bgame\b/
const GAME_BUSINESS = /\b(?:phong|quan|diem|tiem|kinh doanh|cung cap|phat hanh|dich vu|tro choi) game\b/

/**
 * What private thing the folded message names (see the module): a game (`game`), where even what
 * the records are about is play ("đăng ký kết hôn trong game"), an app, brand or product (`brand`),
 * beside which a real act may still be told ("quen nhau qua TikTok, giờ muốn đăng ký kết hôn"), or
 * null.
 */
export type PrivateThing = 'game' | 'brand' | null

export const namesPrivateBrand = (whole: string, tokens: readonly AnalyzedToken[] = []): PrivateThing =>
  (GAME.test(whole) && !GAME_BUSINESS.test(whole)) ||
  GAMES.some((name) => containsPhrase(whole, name)) ||
  MARKED_GAMES.some((name) => containsPhrase(tokens.map((t) => t.text.toLowerCase()).join(' '), name))
    ? 'game'
    : PRIVATE_NAMES.some((name) => containsPhrase(whole, name))
      ? 'brand'
      : null
