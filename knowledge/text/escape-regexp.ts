/**
 * Text to match literally inside a regular expression built at run time.
 * @module
 */

/** @returns `text` with every character a regular expression gives a meaning escaped */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
