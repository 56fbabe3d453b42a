import { sql } from 'drizzle-orm'
import type { Payload } from 'payload'

import { toFts5Match, toFts5TierMatches, toTsquery, toTsqueryInWeight } from '@/lib/search/engines'
import type { SearchQuery } from '@/lib/search/query'
import { createVersionedCache, type VersionedCache } from '@/lib/search/versionedCache'
import { findRankedMongoIds } from './mongo'
import { sqlRunnerOf, type SqlRunner } from './sqlRunner'

export type RankedPage = { ids: Array<number | string>; totalDocs: number }
export type PageRequest = { limit: number; offset: number }

/**
 * Ranking, the same on both SQL engines: a match in the headline first, then in the standfirst
 * only, then in the body only (tier); within a tier the engine's relevance with column weights;
 * then the newer article; then the higher id, so pages never overlap.
 *
 * SQLite: the index holds published articles only (its triggers), so it counts the matches by
 * itself. Each tier is counted from the index, and only the tiers the page reaches are ranked:
 * bm25 over a common word's 25,000 matches costs far more than over its headline matches. The
 * score stays bm25 of the whole query (the tier's expression only selects the rows: `+rowid`
 * keeps SQLite from looking each one up again).
 */
async function sqliteRankedIds(runner: SqlRunner, query: SearchQuery, { limit, offset }: PageRequest): Promise<RankedPage> {
  const match = toFts5Match(query)
  const count = async (expression: string) =>
    Number((await runner.rows<{ total: number }>(sql`SELECT count(*) AS total FROM article_search WHERE article_search MATCH ${expression}`))[0]?.total ?? 0)
  const totalDocs = await count(match)
  const tiers = toFts5TierMatches(query)
  const ids: number[] = []
  let skip = offset
  let counted = 0
  for (const [index, tier] of tiers.entries()) {
    if (ids.length === limit || counted + skip >= totalDocs) break
    const size = index === tiers.length - 1 ? totalDocs - counted : await count(tier)
    counted += size
    if (skip >= size) {
      skip -= size
      continue
    }
    const rows = await runner.rows<{ id: number }>(sql`
      SELECT m.id AS id FROM (
        SELECT rowid AS id, bm25(article_search, 10, 4, 1) AS score FROM article_search
        WHERE article_search MATCH ${match} AND +rowid IN (SELECT rowid FROM article_search WHERE article_search MATCH ${tier})
      ) AS m
      JOIN articles AS a INDEXED BY article_search_order_idx ON a.id = m.id AND a._status = 'published'
      ORDER BY m.score, a.published_at DESC, a.id DESC
      LIMIT ${limit - ids.length} OFFSET ${skip}`)
    ids.push(...rows.map((row) => Number(row.id)))
    skip = 0
  }
  return { ids, totalDocs }
}

/** ts_rank weights, in PostgreSQL's order {D, C, B, A}: body C, standfirst B, headline A. */
const TS_WEIGHTS = '{0, 0.2, 0.4, 1.0}'
/** Divides by 1 + log(length): a short article that matches beats a long one, as with SQLite's bm25. */
const TS_LENGTH_NORMALIZATION = 1

async function postgresRankedIds(runner: SqlRunner, query: SearchQuery, { limit, offset }: PageRequest): Promise<RankedPage> {
  const all = sql`to_tsquery('simple', ${toTsquery(query)})`
  const rows = await runner.rows<{ id: number; total: string }>(sql`
    SELECT id, count(*) OVER () AS total FROM articles
    WHERE search_vector @@ ${all} AND _status = 'published'
    ORDER BY
      CASE WHEN search_vector @@ to_tsquery('simple', ${toTsqueryInWeight(query, 'A')}) THEN 0
           WHEN search_vector @@ to_tsquery('simple', ${toTsqueryInWeight(query, 'B')}) THEN 1 ELSE 2 END,
      ts_rank(${TS_WEIGHTS}::float4[], search_vector, ${all}, ${TS_LENGTH_NORMALIZATION}) DESC, published_at DESC, id DESC
    LIMIT ${limit} OFFSET ${offset}`)
  if (rows.length > 0 || offset === 0) return { ids: rows.map((row) => Number(row.id)), totalDocs: Number(rows[0]?.total ?? 0) }
  const [counted] = await runner.rows<{ total: string }>(sql`SELECT count(*) AS total FROM articles WHERE search_vector @@ ${all} AND _status = 'published'`)
  return { ids: [], totalDocs: Number(counted?.total ?? 0) }
}

/**
 * Ranked pages kept per Payload instance (so per database), each valid while the index's
 * version counter (kept by the database's triggers, see the search_index_version migrations)
 * has not moved: a popular query is ranked once per change of the index, not once per reader.
 * Pages hold ids and counts only; the documents are read for each caller.
 */
const RANK_CACHE_ENTRIES = 1000
const rankCaches = new WeakMap<Payload, VersionedCache<RankedPage>>()

async function readIndexVersion(runner: SqlRunner): Promise<string> {
  const [row] = await runner.rows<{ version: number | string }>(sql`SELECT version FROM article_search_version WHERE id = 1`)
  return String(row?.version)
}

function rankCacheOf(payload: Payload, runner: SqlRunner): VersionedCache<RankedPage> {
  let cache = rankCaches.get(payload)
  if (!cache) {
    cache = createVersionedCache<RankedPage>(() => readIndexVersion(runner), RANK_CACHE_ENTRIES)
    rankCaches.set(payload, cache)
  }
  return cache
}

/** One page of published article ids for the query, best first, and how many match in all. */
export function findRankedArticleIds(payload: Payload, query: SearchQuery, page: PageRequest): Promise<RankedPage> {
  const runner = sqlRunnerOf(payload)
  if (!runner) return findRankedMongoIds(payload, query, page)
  const rank = runner.engine === 'sqlite' ? sqliteRankedIds : postgresRankedIds
  const key = JSON.stringify([query.items, page.offset, page.limit])
  return rankCacheOf(payload, runner).get(key, () => rank(runner, query, page))
}
