import { changesSeparator, isEmptyCredit, licenseSeparator, toCreditParts, UNTITLED_LABEL } from './creditParts'
import type { CreditParts } from './creditParts'
import type { CreditSubject } from './types'

/**
 * One run of credit text. `kind` tells the HTML renderer which link/RDFa to wrap it in;
 * the plain text is simply all `text` values joined, so both outputs read the same.
 */
export type CreditSegment = {
  kind: 'literal' | 'untitled' | 'title' | 'creator' | 'license'
  text: string
}

/**
 * Credit in TASL order (title, author, source, license), e.g.
 *   Photo: Официальный веб-сайт Президента Российской Федерации, CC BY 4.0
 *   “Title” by Creator, CC BY 4.0. Cropped from original.
 * Returns [] when there is nothing to credit.
 */
export function toCreditSegments(subject: CreditSubject): { parts: CreditParts; segments: CreditSegment[] } {
  const parts = toCreditParts(subject)
  const segments: CreditSegment[] = []
  if (isEmptyCredit(parts)) return { parts, segments }

  const add = (kind: CreditSegment['kind'], text: string): void => {
    if (text) segments.push({ kind, text })
  }
  const soFar = (): string => segments.map((s) => s.text).join('')

  if (parts.title) {
    add('literal', '“')
    add('title', parts.title)
    add('literal', '”')
    if (parts.creator) {
      add('literal', ' by ')
      add('creator', parts.creator)
    }
  } else {
    add('untitled', UNTITLED_LABEL)
    if (parts.creator) {
      add('literal', ': ')
      add('creator', parts.creator)
    }
  }
  if (parts.licenseName) {
    add('literal', licenseSeparator(parts))
    add('license', parts.licenseName)
    add('literal', parts.licenseSuffix)
  }
  if (parts.changes) {
    add('literal', changesSeparator(soFar()))
    add('literal', parts.changes)
  }
  return { parts, segments }
}
