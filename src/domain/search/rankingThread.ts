import { processSlot } from '@/lib/processSlot'
import type { SearchQuery } from '@/lib/search/query'
import type { PageRequest, RankedPage } from './rankedIds'

/** `indexVersion`: the search's version counter as the asking thread read it before asking. */
export type RankingRequest = { id: number; query: SearchQuery; page: PageRequest; indexVersion: string }
export type RankingReply = { id: number; ranked: RankedPage } | { id: number; error: string }

export type RankingThread = {
  rank: (query: SearchQuery, page: PageRequest, indexVersion: string) => Promise<RankedPage>
  /** How many rankings the thread has answered (for tests and the operator). */
  answered: () => number
  close: () => Promise<void>
}

const registered = processSlot<RankingThread>('searchRankingThread')

/**
 * The server registers its thread for the whole process (Next's bundle, the reader's search page
 * through Next, and the server's own modules, the routes before Next). Without one (tests,
 * scripts), SQLite rankings run on the calling thread.
 */
export function registerRankingThread(thread: RankingThread | null): void {
  registered.set(thread)
}

export function registeredRankingThread(): RankingThread | null {
  return registered.get()
}
