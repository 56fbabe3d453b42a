import { bigramsOf, indexTokensOfRun, runsOf, type Run } from './text'

/** Longest query accepted, in characters: a search box, not a document. */
export const MAX_QUERY_LENGTH = 200
/** Most words and phrases in one query: each is one more condition for the engine to intersect. */
export const MAX_QUERY_TERMS = 12

/**
 * One condition of a query: a sequence of index tokens that must appear side by side (one token
 * for a plain word). `prefix` lets the last token match longer words: `путин` finds `путина`,
 * `summit` finds `summits`, one Chinese character finds the bigrams it starts.
 */
export type QueryItem = { tokens: string[]; prefix: boolean }

/** What to mark in an excerpt: words starting with a prefix, whole words, or Chinese text anywhere. */
export type Highlight = { kind: 'prefix' | 'exact' | 'han'; value: string }

export type SearchQuery = { text: string; items: QueryItem[]; highlights: Highlight[] }

export type QueryProblem = { reason: 'empty' | 'too-long' | 'too-many-terms'; message: string }

export type ParsedQuery = { ok: true; query: SearchQuery } | ({ ok: false } & QueryProblem)

const OPENING_QUOTES = '"“„«「'
const CLOSING_QUOTES: Record<string, string> = { '"': '"', '“': '”', '„': '“', '«': '»', '「': '」' }

/** Quoted phrases and the loose words around them. An unclosed quote counts as loose words. */
export function splitPhrases(text: string): Array<{ text: string; phrase: boolean }> {
  const parts: Array<{ text: string; phrase: boolean }> = []
  let loose = ''
  let index = 0
  while (index < text.length) {
    const char = text[index]!
    const close = OPENING_QUOTES.includes(char) ? text.indexOf(CLOSING_QUOTES[char]!, index + 1) : -1
    if (close === -1) {
      loose += OPENING_QUOTES.includes(char) || Object.values(CLOSING_QUOTES).includes(char) ? ' ' : char
      index += 1
      continue
    }
    parts.push({ text: loose, phrase: false })
    loose = ''
    parts.push({ text: text.slice(index + 1, close), phrase: true })
    index = close + 1
  }
  parts.push({ text: loose, phrase: false })
  return parts.filter((part) => part.text.trim() !== '')
}

function wordItem(run: Run): QueryItem {
  if (!run.han) return { tokens: [run.text], prefix: true }
  const bigrams = bigramsOf(run.text)
  // One character: any token it starts (its bigrams, or itself at the end of a run).
  return { tokens: bigrams, prefix: bigrams.length === 1 && [...run.text].length === 1 }
}

/**
 * A phrase is matched as the index stores it. A Chinese run at its end may continue in the
 * article, so that run's lone last character (the index's end-of-run token) is left out, and a
 * single character there becomes a prefix.
 */
function phraseItem(runs: Run[]): QueryItem {
  const tokens = runs.flatMap(indexTokensOfRun)
  const last = runs[runs.length - 1]!
  if (!last.han) return { tokens, prefix: false }
  const length = [...last.text].length
  return length === 1 ? { tokens, prefix: true } : { tokens: tokens.slice(0, -1), prefix: false }
}

function highlightsOf(runs: Run[], phrase: boolean): Highlight[] {
  return runs.map((run) => ({ kind: run.han ? 'han' : phrase ? 'exact' : 'prefix', value: run.text }))
}

const itemKey = (item: QueryItem) => `${item.prefix ? '*' : ''}${item.tokens.join(' ')}`

/** Reads what a reader typed: bounded, folded, phrases kept together, duplicates dropped. */
export function parseQuery(raw: string | null | undefined): ParsedQuery {
  const text = (raw ?? '').trim()
  if ([...text].length > MAX_QUERY_LENGTH) {
    return { ok: false, reason: 'too-long', message: `The search query is too long: at most ${MAX_QUERY_LENGTH} characters.` }
  }
  const items = new Map<string, QueryItem>()
  const highlights: Highlight[] = []
  for (const part of splitPhrases(text)) {
    const runs = runsOf(part.text)
    if (runs.length === 0) continue
    const partItems = part.phrase ? [phraseItem(runs)] : runs.map(wordItem)
    for (const item of partItems) items.set(itemKey(item), item)
    highlights.push(...highlightsOf(runs, part.phrase))
  }
  if (items.size === 0) return { ok: false, reason: 'empty', message: 'Type a word or a phrase to search for.' }
  if (items.size > MAX_QUERY_TERMS) {
    return { ok: false, reason: 'too-many-terms', message: `The search query has too many words: at most ${MAX_QUERY_TERMS} words or quoted phrases.` }
  }
  return { ok: true, query: { text, items: [...items.values()], highlights } }
}
