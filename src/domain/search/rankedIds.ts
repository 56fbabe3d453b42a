import { sql, type SQL } from 'drizzle-orm'
import type { Payload } from 'payload'

import { toFts5Match, toFts5TierMatches, toTsquery, toTsqueryAnyItem } from '@/lib/search/engines'
import type { SearchQuery } from '@/lib/search/query'
import { pageAcrossTiers } from '@/lib/search/tiers'
import { cacheAgainstIndexVersion } from './indexVersion'
import { findRankedMongoIds } from './mongo'
import { registeredRankingThread } from './rankingThread'
import { sqlRunnerOf, type SqlRunner } from './sqlRunner'

export type RankedPage = { ids: Array<number | string>; totalDocs: number }
export type PageRequest = { limit: number; offset: number }

/**
 * Ranking, the same on both SQL engines: a match in the headline first, then in the standfirst
 * only, then in the body only (tier); within a tier the engine's relevance with column weights;
 * then the newer article; then the higher id, so pages never overlap. Both engines count each
 * tier from the index and rank only the tiers a page reaches (pageAcrossTiers).
 *
 * SQLite: the index holds published articles only (its triggers), so it counts the matches by
 * itself. The score stays bm25 of the whole query (the tier's expression only selects the rows:
 * `+rowid` keeps SQLite from looking each one up again).
 */
async function sqliteRankedIds(runner: SqlRunner, query: SearchQuery, page: PageRequest): Promise<RankedPage> {
  const match = toFts5Match(query)
  const count = async (expression: string) =>
    Number((await runner.rows<{ total: number }>(sql`SELECT count(*) AS total FROM article_search WHERE article_search MATCH ${expression}`))[0]?.total ?? 0)
  const totalDocs = await count(match)
  const tiers = toFts5TierMatches(query)
  const ids = await pageAcrossTiers<number>(
    {
      tiers: tiers.length,
      count: (tier) => count(tiers[tier]!),
      rank: async (tier, limit, offset) => {
        const rows = await runner.rows<{ id: number }>(sql`
          SELECT m.id AS id FROM (
            SELECT rowid AS id, bm25(article_search, 10, 4, 1) AS score FROM article_search
            WHERE article_search MATCH ${match} AND +rowid IN (SELECT rowid FROM article_search WHERE article_search MATCH ${tiers[tier]!})
          ) AS m
          JOIN articles AS a INDEXED BY article_search_order_idx ON a.id = m.id AND a._status = 'published'
          ORDER BY m.score, a.published_at DESC, a.id DESC
          LIMIT ${limit} OFFSET ${offset}`)
        return rows.map((row) => Number(row.id))
      },
    },
    totalDocs,
    page,
  )
  return { ids, totalDocs }
}

/** ts_rank weights, in PostgreSQL's order {D, C, B, A}: body C, standfirst B, headline A. */
const TS_WEIGHTS = '{0, 0.2, 0.4, 1.0}'
/** Divides by 1 + log(length): a short article that matches beats a long one, as with SQLite's bm25. */
const TS_LENGTH_NORMALIZATION = 1

/**
 * PostgreSQL: the tier is picked from the headline's and the standfirst's own indexed vectors
 * (migration …_search_tier_vectors); the score stays ts_rank of the whole query over the whole
 * weighted vector, so the order is the same as ranking every match at once.
 */
async function postgresRankedIds(runner: SqlRunner, query: SearchQuery, page: PageRequest): Promise<RankedPage> {
  const all = sql`to_tsquery('simple', ${toTsquery(query)})`
  const anyItem = sql`to_tsquery('simple', ${toTsqueryAnyItem(query)})`
  const inHeadline = sql`search_vector_headline @@ ${anyItem}`
  const inStandfirst = sql`search_vector_standfirst @@ ${anyItem}`
  const tiers = [inHeadline, sql`${inStandfirst} AND NOT (${inHeadline})`, sql`NOT (${inHeadline}) AND NOT (${inStandfirst})`]
  // The vectors are null unless the row is published: no _status filter, so counts need no row but the index's.
  const matches = sql`search_vector @@ ${all}`
  const count = async (condition: SQL) => Number((await runner.rows<{ total: string }>(sql`SELECT count(*) AS total FROM articles WHERE ${matches} AND ${condition}`))[0]?.total ?? 0)
  const totalDocs = await count(sql`true`)
  const ids = await pageAcrossTiers<number>(
    {
      tiers: tiers.length,
      count: (tier) => count(tiers[tier]!),
      rank: async (tier, limit, offset) => {
        const rows = await runner.rows<{ id: number }>(sql`
          SELECT id FROM articles WHERE ${matches} AND ${tiers[tier]!}
          ORDER BY ts_rank(${TS_WEIGHTS}::float4[], search_vector, ${all}, ${TS_LENGTH_NORMALIZATION}) DESC, published_at DESC, id DESC
          LIMIT ${limit} OFFSET ${offset}`)
        return rows.map((row) => Number(row.id))
      },
    },
    totalDocs,
    page,
  )
  return { ids, totalDocs }
}

/**
 * Ranked pages (ids and counts), kept against the index's version counter: a popular query is
 * ranked once per change of the index, not once per reader.
 */
const rankedPages = cacheAgainstIndexVersion<RankedPage>({ maxEntries: 1000 })

/** One ranking straight from a SQL engine's index, kept nowhere (the bench times this). */
export function rankFromIndex(runner: SqlRunner, query: SearchQuery, page: PageRequest): Promise<RankedPage> {
  const rank = runner.engine === 'sqlite' ? sqliteRankedIds : postgresRankedIds
  return runner.withIndexScans((session) => rank(session, query, page))
}

/** One page of published article ids for the query, best first, and how many match in all. */
export function findRankedArticleIds(payload: Payload, query: SearchQuery, page: PageRequest): Promise<RankedPage> {
  const runner = sqlRunnerOf(payload)
  if (!runner) return findRankedMongoIds(payload, query, page)
  const key = JSON.stringify([query.items, page.offset, page.limit])
  const thread = runner.engine === 'sqlite' ? registeredRankingThread() : null
  return rankedPages(payload)!.get(key, () => (thread ? thread.rank(query, page) : rankFromIndex(runner, query, page)))
}
