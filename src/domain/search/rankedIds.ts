import { sql } from 'drizzle-orm'
import type { Payload } from 'payload'

import { toFts5Match, toTsquery, toTsqueryInWeight } from '@/lib/search/engines'
import type { SearchQuery } from '@/lib/search/query'
import { findRankedMongoIds } from './mongo'
import { sqlRunnerOf, type SqlRunner } from './sqlRunner'

export type RankedPage = { ids: Array<number | string>; totalDocs: number }
export type PageRequest = { limit: number; offset: number }

/**
 * Ranking, the same on both SQL engines: a match in the headline first, then in the standfirst
 * only, then in the body only (tier); within a tier the engine's relevance with column weights;
 * then the newer article; then the higher id, so pages never overlap.
 */
async function sqliteRankedIds(runner: SqlRunner, query: SearchQuery, { limit, offset }: PageRequest): Promise<RankedPage> {
  const match = toFts5Match(query)
  // Every match is ranked to find the page anyway, so the count comes with it (count over all).
  const rows = await runner.rows<{ id: number; total: number }>(sql`
    SELECT m.id AS id, count(*) OVER () AS total FROM (
      SELECT rowid AS id,
        CASE WHEN bm25(article_search, 1, 0, 0) < 0 THEN 0 WHEN bm25(article_search, 0, 1, 0) < 0 THEN 1 ELSE 2 END AS tier,
        bm25(article_search, 10, 4, 1) AS score
      FROM article_search WHERE article_search MATCH ${match}
    ) AS m
    JOIN articles AS a INDEXED BY article_search_order_idx ON a.id = m.id AND a._status = 'published'
    ORDER BY m.tier, m.score, a.published_at DESC, a.id DESC
    LIMIT ${limit} OFFSET ${offset}`)
  if (rows.length > 0 || offset === 0) return { ids: rows.map((row) => Number(row.id)), totalDocs: Number(rows[0]?.total ?? 0) }
  // A page past the end: the count alone.
  const [counted] = await runner.rows<{ total: number }>(sql`SELECT count(*) AS total FROM article_search WHERE article_search MATCH ${match}`)
  return { ids: [], totalDocs: Number(counted?.total ?? 0) }
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

/** One page of published article ids for the query, best first, and how many match in all. */
export function findRankedArticleIds(payload: Payload, query: SearchQuery, page: PageRequest): Promise<RankedPage> {
  const runner = sqlRunnerOf(payload)
  if (!runner) return findRankedMongoIds(payload, query, page)
  return runner.engine === 'sqlite' ? sqliteRankedIds(runner, query, page) : postgresRankedIds(runner, query, page)
}
