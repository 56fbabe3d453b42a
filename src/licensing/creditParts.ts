import { licenseShortName, licenseSuffix } from './classify'
import { toSafeHttpUrl } from './safeUrl'
import { cleanText } from './text'
import type { CreditSubject } from './types'

/**
 * The credit split into cleaned, safe pieces (URLs already checked). creditSegments orders
 * them once for both text and HTML, so the two can never drift apart.
 */
export type CreditParts = {
  title: string | null
  creator: string | null
  creatorUrl: string | null
  sourceUrl: string | null
  /** e.g. "CC BY 4.0"; the part that links to the deed. */
  licenseName: string | null
  /** Text after the linked name, e.g. " (public domain)" for CC0. */
  licenseSuffix: string
  deedUrl: string | null
  /** Change note, ending in terminal punctuation. */
  changes: string | null
}

/** Used when there is no title: the credit still says what it is about. */
export const UNTITLED_LABEL = 'Photo'

/** Sentence-ending punctuation, Latin and CJK. */
const TERMINAL = /[.!?…。！？]$/u

const orNull = (text: string): string | null => text || null

function withFinalStop(text: string): string {
  return TERMINAL.test(text) ? text : `${text}.`
}

export function toCreditParts(subject: CreditSubject): CreditParts {
  const license = subject.license ?? null
  const changes = cleanText(subject.changes)
  return {
    title: orNull(cleanText(subject.title)),
    creator: orNull(cleanText(subject.creator)),
    creatorUrl: toSafeHttpUrl(subject.creatorUrl),
    sourceUrl: toSafeHttpUrl(subject.sourceUrl),
    licenseName: license ? licenseShortName(license) : null,
    licenseSuffix: licenseSuffix(license),
    deedUrl: license ? toSafeHttpUrl(license.deedUrl) : null,
    changes: changes ? withFinalStop(changes) : null,
  }
}

/** Nothing to credit: a change note alone credits no one. */
export function isEmptyCredit(parts: CreditParts): boolean {
  return !parts.title && !parts.creator && !parts.licenseName
}

/**
 * Separator before the license: ", " after a title or creator, ": " after the bare
 * "Photo" label ("Photo: CC0 1.0 (public domain)").
 */
export function licenseSeparator(parts: CreditParts): string {
  return parts.title || parts.creator ? ', ' : ': '
}

/** Separator before the change note; avoids ".." after text that already ends in a stop. */
export function changesSeparator(textSoFar: string): string {
  return TERMINAL.test(textSoFar) ? ' ' : '. '
}
