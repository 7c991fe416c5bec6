/**
 * Where a citizen gets help the records cannot give: the national public service portal and its free
 * hotline, named the same way in every reply.
 * @module
 */

export const PORTAL = 'https://dichvucong.gov.vn'
export const HOTLINE = '1800 1096'
