/**
 * Search figures (issue 15, Speed): search p50/p99 under 8 concurrent clients (wrk) for
 * one-word, two-word, phrase, Cyrillic and Chinese queries, and what the index adds to a publish.
 * The archive is filled with synthetic articles written straight into the articles table with
 * the search text the app's own hook computes (toArticleSearchText); the database's triggers
 * (SQLite) or generated column (PostgreSQL) then index them exactly as they index a publish.
 * Payload's other hooks and versions are skipped, so filling is fast.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import { sql } from 'drizzle-orm'

import { rankFromIndex } from '../../src/domain/search/rankedIds'
import { inSqliteTransaction, type SqlRunner } from '../../src/domain/search/sqlRunner'
import { toArticleSearchText } from '../../src/lib/search/indexText'
import { parseQuery } from '../../src/lib/search/query'
import { paragraphsToLexical } from '../../src/lib/richText'
import { parseWrkOutput, type Figures } from './wrkOutput'

const run = promisify(execFile)

/** Rows per transaction while filling. */
const FILL_BATCH = 500

/**
 * Topic words and how many articles mention them, roughly: a publication about Moscow and
 * Beijing names Putin often, a given summit less. Everything else is filler drawn from large
 * made-up vocabularies, so no other word is common.
 */
const TOPICS: ReadonlyArray<{ words: string; share: number; script: 'latin' | 'cyrillic' | 'han' }> = [
  { words: 'Putin', share: 0.25, script: 'latin' },
  { words: 'Xi Jinping', share: 0.15, script: 'latin' },
  { words: 'summit', share: 0.1, script: 'latin' },
  { words: 'summits', share: 0.03, script: 'latin' },
  { words: 'trade', share: 0.15, script: 'latin' },
  { words: 'sanctions', share: 0.1, script: 'latin' },
  { words: 'trade talks', share: 0.04, script: 'latin' },
  { words: 'Путина', share: 0.12, script: 'cyrillic' },
  { words: 'Путин', share: 0.12, script: 'cyrillic' },
  { words: 'Си Цзиньпин', share: 0.08, script: 'cyrillic' },
  { words: '普京', share: 0.12, script: 'han' },
  { words: '习近平', share: 0.08, script: 'han' },
]

const LATIN_SYLLABLES = 'ba be bi bo bu da de di do du fa fe fi fo ka ke ki ko la le li lo lu ma me mi mo na ne ni no ra re ri ro sa se si so ta te ti to va ve vi zo'.split(' ')
const CYRILLIC_SYLLABLES = 'ба бе би бо бу да де ди до ка ке ки ко ла ле ли ло ма ме ми мо на не ни но ра ре ри ро са се си со та те ти то ва ве ви зо'.split(' ')
/** Two thousand common Chinese characters' worth of the CJK block. */
const HAN_FIRST = 0x4e00
const HAN_COUNT = 2000

/** Small, seeded and fast: the same archive on every run. */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function fillerWord(next: () => number, syllables: readonly string[]): string {
  const length = 2 + Math.floor(next() * 2)
  return Array.from({ length }, () => syllables[Math.floor(next() * syllables.length)]!).join('')
}

function sentence(next: () => number, words: number, script: 'latin' | 'cyrillic' | 'han', topic?: string): string {
  if (script === 'han') {
    const chars = Array.from({ length: words * 2 }, () => String.fromCodePoint(HAN_FIRST + Math.floor(next() * HAN_COUNT)))
    if (topic) chars.splice(Math.floor(next() * chars.length), 0, topic)
    return `${chars.join('')}。`
  }
  const list = Array.from({ length: words }, () => fillerWord(next, script === 'latin' ? LATIN_SYLLABLES : CYRILLIC_SYLLABLES))
  if (topic) list.splice(Math.floor(next() * list.length), 0, topic)
  const text = list.join(' ')
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`
}

export type SyntheticArticle = { headline: string; standfirst: string; paragraphs: string[]; publishedAt: string }

/**
 * The n-th synthetic article: a headline, a standfirst and about 300 words in five paragraphs,
 * mostly Latin, some Cyrillic and Chinese; each topic appears in its share of articles, a fifth
 * of the time in the headline, a fifth in the standfirst, otherwise in the body.
 */
export function syntheticArticle(n: number): SyntheticArticle {
  const next = random(n + 1)
  const scriptOf = () => (next() < 0.7 ? 'latin' : next() < 0.5 ? 'cyrillic' : 'han') as 'latin' | 'cyrillic' | 'han'
  const headlineScript = scriptOf()
  const parts = { headline: [sentence(next, 7, headlineScript)], standfirst: [sentence(next, 20, headlineScript)], body: Array.from({ length: 20 }, () => sentence(next, 14, scriptOf())) }
  for (const topic of TOPICS) {
    if (next() >= topic.share) continue
    const where = next()
    const target = where < 0.2 ? parts.headline : where < 0.4 ? parts.standfirst : parts.body
    target.push(sentence(next, 3, topic.script, topic.words))
  }
  const day = Math.floor(next() * 3650)
  const body = parts.body
  return {
    headline: parts.headline.join(' ').slice(0, 150),
    standfirst: parts.standfirst.join(' ').slice(0, 320),
    paragraphs: Array.from({ length: 5 }, (_, index) => body.slice(index * 4, index === 4 ? undefined : index * 4 + 4).join(' ')),
    publishedAt: new Date(Date.UTC(2016, 0, 1) + day * 86_400_000 + n * 1000).toISOString(),
  }
}

/** Writes `count` published synthetic articles through the index path; returns how long it took. */
export async function fillSyntheticArticles(runner: SqlRunner, count: number, firstNumber = 0): Promise<{ ms: number; perSecond: number }> {
  const startedAt = performance.now()
  for (let from = 0; from < count; from += FILL_BATCH) {
    await inSqliteTransaction(runner, async () => {
      for (let n = from; n < Math.min(count, from + FILL_BATCH); n += 1) {
        const article = syntheticArticle(firstNumber + n)
        const body = paragraphsToLexical(article.paragraphs)
        const text = toArticleSearchText({ headline: article.headline, standfirst: article.standfirst, body })
        const now = new Date().toISOString()
        await runner.run(sql`
          INSERT INTO articles (headline, slug, standfirst, body, published_at, updated_at, created_at, _status, search_headline, search_standfirst, search_body)
          VALUES (${article.headline}, ${`synthetic-${firstNumber + n}`}, ${article.standfirst}, ${JSON.stringify(body)}, ${article.publishedAt}, ${now}, ${now}, 'published',
            ${text.searchHeadline}, ${text.searchStandfirst}, ${text.searchBody})`)
      }
    })
  }
  const ms = performance.now() - startedAt
  return { ms, perSecond: Math.round((count / ms) * 1000) }
}

export const SEARCH_BENCH_QUERIES: ReadonlyArray<[string, string]> = [
  ['one word', 'summit'],
  ['one word', 'Putin'],
  ['two words', 'trade sanctions'],
  ['phrase', '"trade talks"'],
  ['Cyrillic', 'Путин'],
  ['Chinese', '普京'],
  ['Chinese', '习近平'],
]

/**
 * Queries nobody asked before, so no answer is in memory: the bench's seven in turn, each with
 * one more word from the headlines of the first `articles` synthetic articles (so the word is in
 * the archive and the ranking has something to find).
 */
export function distinctQueries(count: number, articles: number): string[] {
  const topics = new Set(TOPICS.flatMap((topic) => topic.words.toLowerCase().split(' ')))
  const words = new Set<string>()
  for (let n = 0; words.size < count && n < articles; n += 1) {
    for (const word of syntheticArticle(n).headline.toLowerCase().split(/[\s.]+/)) {
      if (/^[\p{Script=Latin}\p{Script=Cyrillic}]{4,}$/u.test(word) && !topics.has(word)) words.add(word)
    }
  }
  return [...words].slice(0, count).map((word, index) => `${SEARCH_BENCH_QUERIES[index % SEARCH_BENCH_QUERIES.length]![1]} ${word}`)
}

/**
 * wrk with a list of paths: each request asks the next one; the two threads take turns through
 * the list (thread 1 the odd places, thread 2 the even ones), so no path is asked twice until
 * the list runs out.
 */
const PATH_LIST_SCRIPT = `
local threads = 0
function setup(thread)
  thread:set("first", threads)
  threads = threads + 1
end
function init(args)
  paths = {}
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  index = first
end
function request()
  local path = paths[(index % #paths) + 1]
  index = index + 2
  return wrk.format("GET", path)
end
`

/** Loads with wrk (two threads, `connections` clients, `seconds`): one URL again and again, or each path of a list once. */
export async function measureWithWrk(baseUrl: string, target: { path: string } | { paths: string[] }, { connections = 8, seconds = 10 } = {}): Promise<Figures> {
  const args = ['-t2', `-c${connections}`, `-d${seconds}s`, '--latency']
  if ('path' in target) return parseWrkOutput((await run('/usr/bin/wrk', [...args, `${baseUrl}${target.path}`], { maxBuffer: 1 << 20 })).stdout)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-bench-wrk-'))
  try {
    fs.writeFileSync(path.join(dir, 'paths.lua'), PATH_LIST_SCRIPT)
    fs.writeFileSync(path.join(dir, 'paths.txt'), `${target.paths.join('\n')}\n`)
    const { stdout } = await run('/usr/bin/wrk', [...args, '-s', path.join(dir, 'paths.lua'), baseUrl, '--', path.join(dir, 'paths.txt')], { maxBuffer: 1 << 20 })
    const figures = parseWrkOutput(stdout)
    if (figures.requests > target.paths.length) throw new Error(`wrk asked ${figures.requests} requests of ${target.paths.length} distinct paths: some were repeated`)
    return figures
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!
}

/**
 * What the index adds to a publish: computing the article's search text (the hook) and the
 * database rewriting its index entry (the UPDATE of the search columns, which fires the trigger
 * or regenerates the tsvector), timed on a published synthetic article, `rounds` times.
 */
export async function measurePublishIndexCost(runner: SqlRunner, articleId: number, rounds = 50): Promise<{ textP50: number; writeP50: number; writeP99: number }> {
  const article = syntheticArticle(articleId)
  const body = paragraphsToLexical(article.paragraphs)
  const textTimes: number[] = []
  const writeTimes: number[] = []
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now()
    const text = toArticleSearchText({ headline: `${article.headline} ${round}`, standfirst: article.standfirst, body })
    textTimes.push(performance.now() - started)
    const writeStarted = performance.now()
    await runner.run(sql`UPDATE articles SET search_headline = ${text.searchHeadline}, search_standfirst = ${text.searchStandfirst}, search_body = ${text.searchBody} WHERE id = ${articleId}`)
    writeTimes.push(performance.now() - writeStarted)
  }
  return { textP50: percentile(textTimes, 50), writeP50: percentile(writeTimes, 50), writeP99: percentile(writeTimes, 99) }
}

export type Connection = { runner: SqlRunner; close: () => Promise<void> }

/** The bench's own connection to the server's database, beside the server's. */
export async function connect(databaseUri: string): Promise<Connection> {
  if (databaseUri.startsWith('file:')) {
    const { createClient } = await import('@libsql/client')
    const { drizzle } = await import('drizzle-orm/libsql')
    const client = createClient({ url: databaseUri })
    // The server writes too (the seed, jobs): wait for its lock rather than fail.
    await client.execute('PRAGMA busy_timeout = 10000')
    const { sqliteRunner } = await import('../../src/domain/search/sqlRunner')
    return { runner: sqliteRunner(drizzle(client)), close: async () => client.close() }
  }
  const { Pool } = await import('pg')
  const { drizzle } = await import('drizzle-orm/node-postgres')
  const pool = new Pool({ connectionString: databaseUri })
  const { postgresRunner } = await import('../../src/domain/search/sqlRunner')
  return { runner: postgresRunner(drizzle(pool)), close: () => pool.end() }
}

const fixed = (value: number) => `${value.toFixed(1)} ms`

/** Issue 15: search p50 ≤ 50 ms and p99 ≤ 200 ms under 8 clients. */
const TARGET = { p50: 50, p99: 200 }
const verdict = (figures: Figures) => (figures.p50 <= TARGET.p50 && figures.p99 <= TARGET.p99 ? 'meets' : 'MISSES')
const latency = (figures: Figures) =>
  `p50 ${fixed(figures.p50).padStart(9)}  p99 ${fixed(figures.p99).padStart(9)}  ${String(figures.rps).padStart(4)} req/s  ${verdict(figures)}${figures.non2xx ? `  ${figures.non2xx} non-2xx` : ''}`
const apiPath = (query: string) => `/api/articles/search?q=${encodeURIComponent(query)}&depth=0`
const pagePath = (query: string) => `/search?q=${encodeURIComponent(query)}`

/** The median time of ranking a query's first page straight from the index (no cache), on the bench's own connection. */
async function coldRankingMs(runner: SqlRunner, text: string, rounds = 5): Promise<number> {
  const parsed = parseQuery(text)
  if (!parsed.ok) throw new Error(parsed.message)
  const times: number[] = []
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now()
    await rankFromIndex(runner, parsed.query, { limit: 10, offset: 0 })
    times.push(performance.now() - started)
  }
  return percentile(times, 50)
}

/**
 * `npm run bench -- --search [N] [--postgres]`: a production server on a throwaway database
 * (SQLite, or a throwaway PostgreSQL cluster), N synthetic published articles (10,000 by
 * default), then the figures. BENCH_SECONDS (10) per query.
 */
export async function benchSearch({ count, engine, seconds }: { count: number; engine: 'sqlite' | 'postgres'; seconds: number }): Promise<void> {
  const fs = await import('node:fs')
  const os = await import('node:os')
  const path = await import('node:path')
  const { GENEROUS_RATE_LIMITS, startServer, stopServer } = await import('./serverProcess')
  const { startThrowawayPostgres } = await import('./postgres')

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'publication-search-bench-'))
  const postgres = engine === 'postgres' ? await startThrowawayPostgres() : null
  const databaseUri = postgres ? `${postgres.url}/search_bench` : `file:${path.join(dir, 'bench.db')}`
  const env = { DATABASE_URI: databaseUri, MEDIA_DIR: path.join(dir, 'media'), PAYLOAD_SECRET_FILE: path.join(dir, 'secret'), LOG_LEVEL: 'warn', ...GENEROUS_RATE_LIMITS }
  const server = await startServer(env)
  const connection = await connect(databaseUri)
  try {
    console.log(`search bench on ${engine}: ${count} synthetic articles, wrk with 8 connections, ${seconds} s per query, ${os.cpus().length} cores shared with wrk`)
    const filled = await fillSyntheticArticles(connection.runner, count)
    console.log(`filled through the index path in ${(filled.ms / 1000).toFixed(1)} s (${filled.perSecond} articles/s)`)
    await measureSearch({ baseUrl: server.baseUrl, runner: connection.runner, seconds, articles: count })
  } catch (error) {
    console.error(`search bench failed; the server said:\n${server.output().slice(-4000)}`)
    throw error
  } finally {
    await connection.close()
    await stopServer(server.child)
    await postgres?.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * The search figures on a server whose database is filled: the index compacted (SQLite) or
 * analysed (PostgreSQL) first, then wrk on each query, the reader's page and a publish's index cost.
 */
export async function measureSearch({ baseUrl, runner, seconds, articles }: { baseUrl: string; runner: SqlRunner; seconds: number; articles: number }): Promise<void> {
  if (runner.engine === 'sqlite') await runner.run(sql`INSERT INTO article_search(article_search) VALUES ('optimize')`)
  else await runner.run(sql`VACUUM ANALYZE articles`)
  const load = { connections: 8, seconds }

  // For scale: an uncached page of the articles list (draft=false keeps it out of the response cache).
  const list = await measureWithWrk(baseUrl, { path: '/api/articles?limit=10&depth=0&sort=-publishedAt&draft=false' }, load)
  console.log(`baseline: uncached GET /api/articles?limit=10&depth=0  p50 ${fixed(list.p50)}  p99 ${fixed(list.p99)}  ${list.rps} req/s`)

  console.log('repeated query (what a popular query costs: its answer is kept in memory until an article changes), GET /api/articles/search?q=…&depth=0:')
  for (const [name, query] of SEARCH_BENCH_QUERIES) {
    const first = (await (await fetch(`${baseUrl}${apiPath(query)}`)).json()) as { totalDocs: number }
    console.log(`  ${name.padEnd(10)} ${query.padEnd(18)} ${String(first.totalDocs).padStart(7)} matches  ${latency(await measureWithWrk(baseUrl, { path: apiPath(query) }, load))}`)
  }
  // More than a run can ask (600 a second): wrk must never come round to a query again.
  const perRun = 600 * seconds
  const queries = distinctQueries(2 * perRun, articles)
  console.log(`distinct queries (every request a query not asked before: the seven above in turn, each with one more word of the archive, e.g. "${queries[1]}"):`)
  // Halves apart: the page must not find the rankings the API run kept.
  console.log(`  API  ${latency(await measureWithWrk(baseUrl, { paths: queries.slice(0, perRun).map(apiPath) }, load))}`)
  console.log(`  page ${latency(await measureWithWrk(baseUrl, { paths: queries.slice(perRun).map(pagePath) }, load))}`)
  const cold: string[] = []
  for (const [, query] of SEARCH_BENCH_QUERIES) cold.push(`${query} ${fixed(await coldRankingMs(runner, query))}`)
  console.log(`ranking a first page straight from the index (no cache, one client, median): ${cold.join(', ')}`)
  console.log(`reader page /search?q=Путин, repeated: ${latency(await measureWithWrk(baseUrl, { path: pagePath('Путин') }, load))}`)

  const [row] = await runner.rows<{ id: number }>(sql`SELECT id FROM articles WHERE slug = ${'synthetic-0'}`)
  const cost = await measurePublishIndexCost(runner, Number(row!.id))
  console.log(`index cost of a publish: search text ${fixed(cost.textP50)} (p50) + index write ${fixed(cost.writeP50)} (p50; p99 ${fixed(cost.writeP99)})`)
}
