import type { SearchQuery } from '@/lib/search/query'
import type { PageRequest, RankedPage } from './rankedIds'

export type RankingRequest = { id: number; query: SearchQuery; page: PageRequest }
export type RankingReply = { id: number; ranked: RankedPage } | { id: number; error: string }

export type RankingThread = {
  rank: (query: SearchQuery, page: PageRequest) => Promise<RankedPage>
  /** How many rankings the thread has answered (for tests and the operator). */
  answered: () => number
  close: () => Promise<void>
}

const REGISTRY = Symbol.for('publication.searchRankingThread')
type GlobalWithThread = typeof globalThis & { [REGISTRY]?: RankingThread }

/**
 * The server registers its thread here, on globalThis, so that Next's bundle (the reader's search
 * page) and the server's own modules (the API route) share it. Without one (tests, scripts), SQLite
 * rankings run on the calling thread.
 */
export function registerRankingThread(thread: RankingThread | null): void {
  const global = globalThis as GlobalWithThread
  if (thread) global[REGISTRY] = thread
  else delete global[REGISTRY]
}

export function registeredRankingThread(): RankingThread | null {
  return (globalThis as GlobalWithThread)[REGISTRY] ?? null
}
