import { LRUCache } from 'lru-cache'

/** What a lookup found: for each prefix, the words of the index it stands for (as many as the lookup reads). */
export type PrefixWords = ReadonlyMap<string, readonly string[]>

/**
 * The words each prefix stood for, and under which version of the index (indexVersion.ts). Most
 * queries share a few head words (a name in the news, a topic), and looking up a common word's
 * prefix reads its whole list in SQLite's word list (fts5vocab counts as it goes): kept, it is
 * read once per change of the index instead of once per query.
 */
export type PrefixWordsCache = LRUCache<string, { version: string; words: readonly string[] }>

export function createPrefixWordsCache(maxPrefixes = 2000): PrefixWordsCache {
  return new LRUCache({ max: maxPrefixes })
}

/** Where looked-up words may be kept: the cache, and the version read before this ranking began. */
export type KeptPrefixWords = { cache: PrefixWordsCache; version: string }

/**
 * The words of each prefix: kept ones when the index has not changed since they were looked up,
 * the others from `lookup`, then kept under the version the caller read before asking (a change
 * landing meanwhile moves the version past them, as in versionedCache.ts).
 */
export async function wordsOfPrefixes(prefixes: string[], lookup: (prefixes: string[]) => Promise<PrefixWords>, kept?: KeptPrefixWords): Promise<PrefixWords> {
  if (!kept) return lookup(prefixes)
  const found = new Map<string, readonly string[]>()
  const missing: string[] = []
  for (const prefix of prefixes) {
    const entry = kept.cache.get(prefix)
    if (entry?.version === kept.version) found.set(prefix, entry.words)
    else missing.push(prefix)
  }
  if (missing.length === 0) return found
  for (const [prefix, words] of await lookup(missing)) {
    kept.cache.set(prefix, { version: kept.version, words })
    found.set(prefix, words)
  }
  return found
}
