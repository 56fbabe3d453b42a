import { createVersionedCache, type VersionedCache } from '@/lib/search/versionedCache'

/** What a lookup found: for each prefix, the words of the index it stands for (as many as the lookup reads). */
export type PrefixWords = ReadonlyMap<string, readonly string[]>

/**
 * The words each prefix stood for, kept under the version of the index (indexVersion.ts) they
 * were looked up in. Most queries share a few head words (a name in the news, a topic), and
 * looking up a common word's prefix reads its whole list in SQLite's word list (fts5vocab counts
 * as it goes): kept, it is read once per change of the index instead of once per query.
 */
export type PrefixWordsCache = VersionedCache<readonly string[]>

export const MAX_KEPT_PREFIXES = 2000

/** For a thread that is always given the version (the ranking thread); the main thread's is per database (rankedIds.ts). */
export function createPrefixWordsCache(maxPrefixes = MAX_KEPT_PREFIXES): PrefixWordsCache {
  return createVersionedCache<readonly string[]>(null, { maxEntries: maxPrefixes })
}

/** Where looked-up words may be kept: the cache, and the version read before this ranking began. */
export type KeptPrefixWords = { cache: PrefixWordsCache; version: string }

/** The words of each prefix: kept ones while the index holds, the others from `lookup` (and kept). */
export function wordsOfPrefixes(prefixes: string[], lookup: (prefixes: string[]) => Promise<PrefixWords>, kept?: KeptPrefixWords): Promise<PrefixWords> {
  return kept ? kept.cache.getMany(prefixes, lookup, kept.version) : lookup(prefixes)
}
