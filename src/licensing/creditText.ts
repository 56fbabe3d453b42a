import { toCreditSegments } from './creditSegments'
import type { CreditSubject } from './types'

/**
 * Plain-text credit following TASL, e.g.
 *   Photo: Официальный веб-сайт Президента Российской Федерации, CC BY 4.0
 *   “Title” by Creator, CC BY 4.0. Cropped from original.
 *   Photo: Jane Doe, CC0 1.0 (public domain)
 * The creator stays verbatim in its own script; no bidi control characters are added
 * (they would pollute creditText/XMP values); the HTML isolates values with dir="auto".
 * Returns '' when there is nothing to credit.
 */
export function formatCreditText(subject: CreditSubject): string {
  return toCreditSegments(subject)
    .segments.map((segment) => segment.text)
    .join('')
}
