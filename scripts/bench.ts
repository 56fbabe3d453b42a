/**
 * `npm run bench`: starts the production server on a throwaway database and prints figures —
 * start-up time, first (uncached) and cached page times, throughput and latency under load,
 * and the server's memory. Figures only; nothing here passes or fails.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { startServer, stopServer } from './lib/serverProcess'

const SLUG = 'xi-putin-beijing-no-limits-partnership'
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8)

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) }
}

async function timed(url: string): Promise<number> {
  const started = performance.now()
  const response = await fetch(url)
  await response.arrayBuffer()
  if (!response.ok) throw new Error(`${url} answered ${response.status}`)
  return performance.now() - started
}

async function load(url: string): Promise<{ rps: number; p50: number; p95: number; p99: number }> {
  const latencies: number[] = []
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        next += 1
        latencies.push(await timed(url))
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  return { rps: Math.round(REQUESTS / seconds), p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'publication-bench-'))
const env = { DATABASE_URI: `file:${path.join(dir, 'bench.db')}`, MEDIA_DIR: path.join(dir, 'media'), PAYLOAD_SECRET_FILE: path.join(dir, 'secret'), LOG_LEVEL: 'warn' }
const startedAt = performance.now()
const server = await startServer(env)
const startMs = performance.now() - startedAt
const ms = (value: number) => `${value.toFixed(1)} ms`

try {
  const base = server.baseUrl
  console.log(`server start (migrations + seed + Next ready): ${ms(startMs)}`)
  console.log(`article page, first request (renders, fills cache): ${ms(await timed(`${base}/articles/${SLUG}`))}`)
  console.log(`article page, cached: ${ms(await timed(`${base}/articles/${SLUG}`))}`)
  console.log(`\nload: ${REQUESTS} requests, ${CONCURRENCY} at a time`)
  for (const [name, url] of [
    ['article page', `/articles/${SLUG}`],
    ['front page', '/'],
    ['REST article depth=2', `/api/articles?where[slug][equals]=${SLUG}&depth=2`],
    ['image variant w768', '/api/media/file/xi-putin-beijing-stand-in-w768.jpg'],
    ['health', '/healthz'],
  ] as const) {
    const result = await load(`${base}${url}`)
    console.log(`${name.padEnd(22)} ${String(result.rps).padStart(5)} req/s   p50 ${ms(result.p50)}   p95 ${ms(result.p95)}   p99 ${ms(result.p99)}`)
  }
  const memory = memoryOf(server.child.pid!)
  console.log(`\nserver memory after load: RSS ${memory.rssMb} MB, peak ${memory.peakMb} MB`)
} finally {
  const code = await stopServer(server.child)
  console.log(`graceful shutdown exit code: ${code}`)
  fs.rmSync(dir, { recursive: true, force: true })
}
