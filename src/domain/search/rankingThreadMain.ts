/**
 * The ranking thread (src/domain/search/rankingThread.ts): its own connection to the SQLite file,
 * ranking one query at a time as the main thread would (rankFromIndex), answering by request id.
 */
import { parentPort, workerData } from 'node:worker_threads'

import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'

import { createPrefixWordsCache } from './prefixWords'
import { rankFromIndex } from './rankedIds'
import type { RankingReply, RankingRequest } from './rankingThread'
import { sqliteRunner } from './sqlRunner'

const { url, busyTimeoutMs } = workerData as { url: string; busyTimeoutMs: number }
const client = createClient({ url })
const ready = client.execute(`PRAGMA busy_timeout = ${Number(busyTimeoutMs)}`)
const runner = sqliteRunner(drizzle(client))

const prefixWords = createPrefixWordsCache()

parentPort!.on('message', async ({ id, query, page, indexVersion }: RankingRequest) => {
  let reply: RankingReply
  try {
    await ready
    reply = { id, ranked: await rankFromIndex(runner, query, page, { keptWords: { cache: prefixWords, version: indexVersion } }) }
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) }
  }
  parentPort!.postMessage(reply)
})
