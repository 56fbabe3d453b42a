// C0/C1 controls are invalid in XML 1.0 and meaningless in a credit line.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g
// Bidi embeddings/overrides/isolates are scoped formatting: unbalanced ones would
// reorder the text after them (e.g. the license name). Renderers isolate values instead.
const BIDI_SCOPED = /[\u202A-\u202E\u2066-\u2069]/g

/** Trims, collapses whitespace runs to one space and drops invisible control characters. */
export function cleanText(value: unknown): string {
  if (typeof value !== 'string') return ''
  return value.replace(CONTROL, ' ').replace(BIDI_SCOPED, '').replace(/\s+/gu, ' ').trim()
}
