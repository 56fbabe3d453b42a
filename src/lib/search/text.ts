/**
 * How text becomes search tokens, the same at index and query time on every engine: NFKC,
 * lower case, Latin and Cyrillic diacritics folded (é → e, ё → е), words split at anything that
 * is not a letter, digit or mark, and runs of Chinese characters cut into overlapping bigrams
 * (no engine here segments Chinese; a bigram index finds two-character names like 普京).
 */

/** Letters the Unicode decomposition leaves alone but readers type without the stroke. */
const EXTRA_FOLDS: Record<string, string> = { ø: 'o', ł: 'l', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i' }
const EXTRA_FOLD_PATTERN = new RegExp(`[${Object.keys(EXTRA_FOLDS).join('')}]`, 'gu')

const LATIN_OR_CYRILLIC_WITH_MARKS = /([\p{Script=Latin}\p{Script=Cyrillic}])\p{M}+/gu
const WORD = /[\p{L}\p{N}\p{M}]+/gu
const HAN_OR_OTHER = /\p{Script=Han}+|[^\p{Script=Han}]+/gu
const HAN = /^\p{Script=Han}/u

/**
 * Characters whose folding is their lower case alone: ASCII, the Russian alphabet but Й and й
 * (which decompose), common punctuation, and the CJK ideographs and full stops (no compatibility
 * forms). Text made of them only (most pieces of most articles, in every script here) skips the
 * normalizations; tests/unit/search/query.test.ts checks every character of the class against
 * foldFully.
 */
const FOLDS_BY_CASE_ONLY = /^[\p{ASCII}\u00ab\u00bb\u2013\u2014\u2018\u2019\u201c\u201d\u0410-\u0418\u041a-\u0438\u043a-\u044f\u3001\u3002\u4e00-\u9fff]*$/u

/** The whole folding, for any text. */
export function foldFully(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(LATIN_OR_CYRILLIC_WITH_MARKS, '$1')
    .normalize('NFC')
    .replace(EXTRA_FOLD_PATTERN, (letter) => EXTRA_FOLDS[letter] ?? letter)
}

export function foldText(text: string): string {
  return FOLDS_BY_CASE_ONLY.test(text) ? text.toLowerCase() : foldFully(text)
}

export function isHan(run: string): boolean {
  return HAN.test(run)
}

/** A run is a word in one script family: all Chinese characters, or none. */
export type Run = { text: string; han: boolean }

/** Folded words, a word split where Chinese characters start or stop (iphone手机 → iphone, 手机). */
export function runsOf(text: string): Run[] {
  const runs: Run[] = []
  for (const word of foldText(text).match(WORD) ?? []) {
    for (const run of word.match(HAN_OR_OTHER) ?? []) runs.push({ text: run, han: isHan(run) })
  }
  return runs
}

/** 习近平 → 习近, 近平. A single character is its own token. */
export function bigramsOf(han: string): string[] {
  const chars = [...han]
  if (chars.length < 2) return chars
  return chars.slice(0, -1).map((char, index) => char + chars[index + 1])
}

/**
 * The tokens stored for a run. A Chinese run keeps its last character alone after its bigrams,
 * so every character starts some token and a one-character query (a prefix) finds it anywhere.
 */
export function indexTokensOfRun(run: Run): string[] {
  if (!run.han) return [run.text]
  const chars = [...run.text]
  return chars.length < 2 ? chars : [...bigramsOf(run.text), chars[chars.length - 1]!]
}

/** The text the engines index: tokens separated by single spaces, which every tokenizer splits alike. */
export function toIndexText(text: string | null | undefined): string {
  if (!text) return ''
  return runsOf(text).flatMap(indexTokensOfRun).join(' ')
}
