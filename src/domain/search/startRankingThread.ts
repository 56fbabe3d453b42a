import { Worker } from 'node:worker_threads'

import { WORKER_ENTRIES, workerScript } from '@/lib/workerEntry'
import type { RankedPage } from './rankedIds'
import type { RankingReply, RankingRequest, RankingThread } from './rankingThread'

/** Keep `--conditions`: production builds resolve packages by them. */
const THREAD_EXEC_ARGV = process.execArgv.flatMap((arg, index, all) =>
  arg.startsWith('--conditions=') || arg.startsWith('-C=') ? [arg] : arg === '--conditions' || arg === '-C' ? [arg, all[index + 1]!] : [],
)

/**
 * A worker thread that ranks SQLite searches on its own connection. libSQL runs each statement
 * on the calling thread, so on the main thread a ranking (several full-text statements over tens
 * of thousands of matches) holds every other request; here it runs beside them, on the other
 * core. WAL lets its reads run alongside the main connection's. A value ranked here is never
 * older than the version counter read before asking (the versioned caches rely on that): the
 * thread's connection reads the latest commit.
 */
export function startRankingThread(url: string, { busyTimeoutMs = 5000 } = {}): RankingThread {
  const pending = new Map<number, { resolve: (ranked: RankedPage) => void; reject: (error: Error) => void }>()
  let nextId = 0
  let answered = 0
  let worker: Worker | null = null

  const failAll = (error: Error) => {
    for (const { reject } of pending.values()) reject(error)
    pending.clear()
  }

  const start = () => {
    // A CommonJS script (workerScript): ESM loader hooks are registered too late for a worker's own entry on Node 20.
    const started = new Worker(workerScript(WORKER_ENTRIES.ranking), { eval: true, workerData: { url, busyTimeoutMs }, execArgv: THREAD_EXEC_ARGV })
    started.unref()
    started.on('message', (reply: RankingReply) => {
      const waiting = pending.get(reply.id)
      if (!waiting) return
      pending.delete(reply.id)
      answered += 1
      if ('error' in reply) waiting.reject(new Error(reply.error))
      else waiting.resolve(reply.ranked)
    })
    // A thread that dies fails what it held; the next ranking starts a new one.
    started.on('error', (error) => failAll(error))
    started.on('exit', (code) => {
      if (worker === started) worker = null
      failAll(new Error(`the search ranking thread stopped (exit code ${code})`))
    })
    return started
  }

  return {
    rank(query, page, indexVersion) {
      worker ??= start()
      const id = nextId++
      const request: RankingRequest = { id, query, page, indexVersion }
      return new Promise<RankedPage>((resolve, reject) => {
        pending.set(id, { resolve, reject })
        worker!.postMessage(request)
      })
    },
    answered: () => answered,
    async close() {
      const stopping = worker
      worker = null
      await stopping?.terminate()
    },
  }
}
