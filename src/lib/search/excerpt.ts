import type { Highlight } from './query'
import { foldText, isHan } from './text'

/** About two lines of a result list. */
export const EXCERPT_LENGTH = 240
/** How much text comes before the first match. */
const LEAD_IN = 60
/** How far to look for a space to cut at, so words stay whole (Chinese has none: cut anywhere). */
const WORD_SLACK = 20

type Span = { start: number; end: number }

const WORD = /[\p{L}\p{N}\p{M}]+/gu
const HAN_OR_OTHER = /\p{Script=Han}+|[^\p{Script=Han}]+/gu

function* runSpans(text: string): Generator<Span & { text: string }> {
  for (const word of text.matchAll(WORD)) {
    for (const run of word[0].matchAll(HAN_OR_OTHER)) {
      const start = word.index + run.index
      yield { start, end: start + run[0].length, text: run[0] }
    }
  }
}

function matchesWord(folded: string, highlights: readonly Highlight[]): boolean {
  return highlights.some((mark) => (mark.kind === 'prefix' ? folded.startsWith(mark.value) : mark.kind === 'exact' && folded === mark.value))
}

/** Where the query's words and Chinese strings occur in one run of the text, in order. */
function spansInRun(run: Span & { text: string }, highlights: readonly Highlight[], hanMarks: readonly string[]): Span[] {
  if (!isHan(run.text)) return matchesWord(foldText(run.text), highlights) ? [{ start: run.start, end: run.end }] : []
  const spans: Span[] = []
  for (const value of hanMarks) {
    for (let at = run.text.indexOf(value); at !== -1; at = run.text.indexOf(value, at + value.length)) {
      spans.push({ start: run.start + at, end: run.start + at + value.length })
    }
  }
  return spans.sort((a, b) => a.start - b.start || b.end - a.end)
}

/**
 * Whether the text can hold a match at all: some mark occurs somewhere in the text folded whole
 * (folding word by word gives the same letters).
 */
export function mayMatch(text: string, highlights: readonly Highlight[]): boolean {
  let folded: string | null = null
  return highlights.some((mark) => (mark.kind === 'han' ? text : (folded ??= foldText(text))).includes(mark.value))
}

/** About three lines of text: pieces small enough that most of a body is skipped whole. */
const PIECE_LENGTH = 256

/** The text in pieces cut at spaces, so no word or Chinese run is ever cut in two. */
function* piecesOf(text: string): Generator<{ start: number; text: string }> {
  for (let start = 0; start < text.length; ) {
    const space = start + PIECE_LENGTH >= text.length ? -1 : text.indexOf(' ', start + PIECE_LENGTH)
    const end = space === -1 ? text.length : space
    yield { start, text: text.slice(start, end) }
    start = end
  }
}

/**
 * Where the query's words and Chinese strings occur in the text, in order, not overlapping,
 * found as they are read: an excerpt stops reading once it has its text. Only pieces that can
 * hold a match (mayMatch) are read word by word: most results match in the headline only, and
 * reading a whole body word by word to find nothing cost more than ranking the query.
 */
export function* matchesIn(text: string, highlights: readonly Highlight[]): Generator<Span> {
  const hanMarks = highlights.filter((mark) => mark.kind === 'han').map((mark) => mark.value)
  let pending: Span | null = null
  for (const piece of piecesOf(text)) {
    if (!mayMatch(piece.text, highlights)) continue
    for (const run of runSpans(piece.text)) {
      for (const found of spansInRun(run, highlights, hanMarks)) {
        const span = { start: piece.start + found.start, end: piece.start + found.end }
        if (pending && span.start <= pending.end) pending.end = Math.max(pending.end, span.end)
        else {
          if (pending) yield pending
          pending = span
        }
      }
    }
  }
  if (pending) yield pending
}

export function findMatches(text: string, highlights: readonly Highlight[]): Span[] {
  return [...matchesIn(text, highlights)]
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!)
}

/** A cut near `at` on a space within reach, else at `at` (never inside a surrogate pair). */
function cutNear(text: string, at: number, direction: 'back' | 'forward'): number {
  if (at <= 0) return 0
  if (at >= text.length) return text.length
  const space = direction === 'back' ? text.lastIndexOf(' ', at) : text.indexOf(' ', at)
  if (space !== -1 && Math.abs(space - at) <= WORD_SLACK) return direction === 'back' ? space : space + 1
  const code = text.charCodeAt(at)
  return code >= 0xdc00 && code <= 0xdfff ? at - 1 : at
}

/**
 * A short excerpt of plain text around the first match, as HTML: the text escaped, matched
 * words in <mark>, "…" where text was left out. Without a match, the opening of the text.
 */
export function buildExcerpt(plainText: string, highlights: readonly Highlight[], length = EXCERPT_LENGTH): string {
  const text = plainText.replace(/\s+/g, ' ').trim()
  const matches = matchesIn(text, highlights)
  const first = matches.next()
  const start = !first.done && first.value.start > LEAD_IN ? cutNear(text, first.value.start - LEAD_IN, 'forward') : 0
  const end = start + length >= text.length ? text.length : cutNear(text, start + length, 'back')
  let html = start > 0 ? '…' : ''
  let at = start
  for (let match = first; !match.done && match.value.start < end; match = matches.next()) {
    if (match.value.end <= start) continue
    const from = Math.max(match.value.start, start)
    const to = Math.min(match.value.end, end)
    html += `${escapeHtml(text.slice(at, from))}<mark>${escapeHtml(text.slice(from, to))}</mark>`
    at = to
  }
  html += escapeHtml(text.slice(at, end).trimEnd())
  return end < text.length ? `${html}…` : html
}
