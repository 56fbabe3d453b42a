// C0/C1 controls are invalid in XML 1.0 and meaningless in a credit line (tab, CR and LF become
// spaces like the rest, then collapse with the other whitespace).
const CONTROL = /\p{Cc}/gu
// Bidi embeddings/overrides/isolates are scoped formatting: unbalanced ones would
// reorder the text after them (e.g. the license name). Renderers isolate values instead.
const BIDI_SCOPED = /[\u202A-\u202E\u2066-\u2069]/g

/** Trims, collapses whitespace runs to one space and drops invisible control characters. */
export function cleanText(value: unknown): string {
  if (typeof value !== 'string') return ''
  return value.replace(CONTROL, ' ').replace(BIDI_SCOPED, '').replace(/\s+/gu, ' ').trim()
}
