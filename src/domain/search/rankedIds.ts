import { sql } from 'drizzle-orm'
import type { Payload } from 'payload'

import { toFts5Match, toFts5TierMatches, toTsquery, toTsqueryAnyItem, type PrefixTerms } from '@/lib/search/engines'
import { fts5PrefixTokensOf, MAX_FTS5_PREFIX_TERMS, writableTerms } from '@/lib/search/fts5Terms'
import type { SearchQuery } from '@/lib/search/query'
import { pageAcrossTiers } from '@/lib/search/tiers'
import { MAX_PREFIX_LEXEMES, prefixTokensOf, toExpandedTsquery, type PrefixLexemes } from '@/lib/search/tsqueryExpansion'
import { cacheAgainstIndexVersion } from './indexVersion'
import { MAX_KEPT_PREFIXES, wordsOfPrefixes, type KeptPrefixWords } from './prefixWords'
import { findRankedMongoIds } from './mongo'
import { registeredRankingThread } from './rankingThread'
import { sqlRunnerOf, type SqlRunner } from './sqlRunner'

export type RankedPage = { ids: Array<number | string>; totalDocs: number }
export type PageRequest = { limit: number; offset: number }

/**
 * Ranking, the same on both SQL engines: a match in the headline first, then in the standfirst
 * only, then in the body only (tier); within a tier the engine's relevance with column weights;
 * then the newer article; then the higher id, so pages never overlap. Both engines rank only
 * the tiers a page reaches.
 */

/**
 * SQLite ranks a match set up to this size whole, in one statement; a larger one tier by tier.
 * bm25 first counts every article holding each word (a read of the word's whole list, once per
 * statement), then scores each match: a query with a rare word has few matches, and one
 * statement reads the lists once instead of once per tier (a third of the time on the
 * archive); a common word's first page is cheaper from its headline tier alone.
 */
export const SQLITE_RANK_WHOLE_UP_TO = 1000

export type SqliteRanking = { rankWholeUpTo?: number }

/** How a ranking may go: where looked-up prefix words are kept (prefixWords.ts); SQLite's threshold (tests). */
export type RankingOptions = { keptWords?: KeptPrefixWords; sqlite?: SqliteRanking }

/**
 * The words each prefix stands for, from the index's own word list (migration …_search_prefixes),
 * for the prefixes that stand for few enough (fts5Terms.ts). The list counts each word's
 * articles as it goes, so the lookup stops one word past the limit.
 */
async function termsOfPrefixes(runner: SqlRunner, prefixes: string[], kept?: KeptPrefixWords): Promise<PrefixTerms> {
  const lookup = async (missing: string[]) => {
    const found = new Map<string, string[]>()
    for (const prefix of missing) {
      const rows = await runner.rows<{ term: string }>(
        sql`SELECT term FROM article_search_terms WHERE term >= ${prefix} AND term < ${prefix} || char(1114111) ORDER BY term LIMIT ${MAX_FTS5_PREFIX_TERMS + 1}`,
      )
      found.set(prefix, rows.map((row) => row.term))
    }
    return found
  }
  return writableTerms(await wordsOfPrefixes(prefixes, lookup, kept))
}

/**
 * SQLite: the index holds published articles only (its triggers), so it counts the matches by
 * itself. The score is bm25 of the whole query with column weights, a prefix written as its
 * words (termsOfPrefixes) counting each of them as bm25 counts a word. A match's tier is read from
 * bm25 with one column weighted: it is below zero exactly when some word of the query is in that
 * column, as `{headline} : (…)` would select.
 */
async function sqliteRankedIds(runner: SqlRunner, query: SearchQuery, page: PageRequest, { keptWords, sqlite: { rankWholeUpTo = SQLITE_RANK_WHOLE_UP_TO } = {} }: RankingOptions): Promise<RankedPage> {
  const terms = await termsOfPrefixes(runner, fts5PrefixTokensOf(query), keptWords)
  const match = toFts5Match(query, terms)
  const count = async (expression: string) =>
    Number((await runner.rows<{ total: number }>(sql`SELECT count(*) AS total FROM article_search WHERE article_search MATCH ${expression}`))[0]?.total ?? 0)
  const totalDocs = await count(match)
  if (totalDocs === 0 || page.offset >= totalDocs) return { ids: [], totalDocs }
  if (totalDocs <= rankWholeUpTo) return { ids: await sqliteRankWhole(runner, match, page), totalDocs }
  const tiers = toFts5TierMatches(query, terms)
  const ids = await pageAcrossTiers<number>(
    {
      tiers: tiers.length,
      count: (tier) => count(tiers[tier]!),
      rank: async (tier, limit, offset) => {
        // `+rowid` keeps SQLite from looking each row up again; the tier's expression only selects the rows.
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

async function sqliteRankWhole(runner: SqlRunner, match: string, { limit, offset }: PageRequest): Promise<number[]> {
  const rows = await runner.rows<{ id: number }>(sql`
    SELECT m.id AS id FROM (
      SELECT rowid AS id, bm25(article_search, 10, 4, 1) AS score,
        CASE WHEN bm25(article_search, 1, 0, 0) < 0 THEN 0 WHEN bm25(article_search, 0, 1, 0) < 0 THEN 1 ELSE 2 END AS tier
      FROM article_search WHERE article_search MATCH ${match}
    ) AS m
    JOIN articles AS a ON a.id = m.id AND a._status = 'published'
    ORDER BY m.tier, m.score, a.published_at DESC, a.id DESC
    LIMIT ${limit} OFFSET ${offset}`)
  return rows.map((row) => Number(row.id))
}

/** ts_rank weights, in PostgreSQL's order {D, C, B, A}: body C, standfirst B, headline A. */
const TS_WEIGHTS = '{0, 0.2, 0.4, 1.0}'
/** Divides by 1 + log(length): a short article that matches beats a long one, as with SQLite's bm25. */
const TS_LENGTH_NORMALIZATION = 1

/**
 * The lexemes each prefix stands for, from the index's lexicon (migration …_search_prefix_lexemes),
 * up to one more than toExpandedTsquery uses. The prefix is first made what to_tsquery('simple')
 * makes of it (ts_lexize), so the range is the one `prefix:*` matches.
 */
async function lexemesOfPrefixes(runner: SqlRunner, prefixes: string[], kept?: KeptPrefixWords): Promise<PrefixLexemes> {
  const lookup = async (missing: string[]) => {
    const found = new Map<string, string[]>(missing.map((prefix) => [prefix, []]))
    const list = sql.join(missing.map((prefix) => sql`${prefix}`), sql`, `)
    const rows = await runner.rows<{ prefix: string; lexeme: string }>(sql`
      SELECT p.prefix, l.lexeme FROM unnest(ARRAY[${list}]::text[]) AS p(prefix)
      CROSS JOIN LATERAL (SELECT coalesce((ts_lexize('simple', p.prefix))[1], p.prefix) AS start) AS n
      CROSS JOIN LATERAL (
        SELECT lexeme FROM article_search_lexemes WHERE lexeme >= n.start AND lexeme < n.start || chr(1114111) ORDER BY lexeme LIMIT ${MAX_PREFIX_LEXEMES + 1}
      ) AS l`)
    for (const row of rows) found.get(row.prefix)?.push(row.lexeme)
    return found
  }
  return prefixes.length === 0 ? new Map() : wordsOfPrefixes(prefixes, lookup, kept)
}

/**
 * PostgreSQL, in one statement (one scan of the index, one round trip; the statement is the
 * function article_search_rank, migration …_search_rank_function): the matches are read
 * once from search_vector's GIN index with each one's tier, picked from the headline's and the
 * standfirst's own small vectors (migration …_search_tier_vectors), which sit in the row, so
 * the big search_vector is not read for it; the tiers are counted from that set, and ts_rank (of
 * the whole query over the whole weighted vector, the only read of the big vector) runs over the
 * tiers the page reaches only. So a query with a rare word costs one scan and a few hundred
 * ranks, and a common word's first page ranks its headline matches, not all of them; the order
 * is that of ranking every match at once. The row holds search_vector as a pointer to its TOAST
 * copy: the set of matches carries the pointer, and only ranked rows are detoasted. The matches
 * are found with each prefix written as the lexemes it stands for (toExpandedTsquery), which GIN
 * intersects without first collecting every article of a common word; ts_rank keeps the prefixes.
 */
async function postgresRankedIds(runner: SqlRunner, query: SearchQuery, { limit, offset }: PageRequest, { keptWords }: RankingOptions): Promise<RankedPage> {
  const matchText = toExpandedTsquery(query, await lexemesOfPrefixes(runner, prefixTokensOf(query), keptWords))
  if (matchText === null) return { ids: [], totalDocs: 0 }
  const match = sql`to_tsquery('simple', ${matchText})`
  const all = sql`to_tsquery('simple', ${toTsquery(query)})`
  const anyItem = sql`to_tsquery('simple', ${toTsqueryAnyItem(query)})`
  const rows = await runner.rows<{ total: string; id: number | null }>(
    sql`SELECT total, id FROM article_search_rank(${match}, ${all}, ${anyItem}, ${TS_WEIGHTS}::float4[], ${TS_LENGTH_NORMALIZATION}::integer, ${offset}::bigint, ${limit}::bigint)`,
  )
  return { ids: rows.flatMap((row) => (row.id === null ? [] : [Number(row.id)])), totalDocs: Number(rows[0]?.total ?? 0) }
}

/**
 * Ranked pages (ids and counts), kept against the index's version counter: a popular query is
 * ranked once per change of the index, not once per reader.
 */
const rankedPages = cacheAgainstIndexVersion<RankedPage>({ maxEntries: 1000 })

/** Prefix words for the rankings made on the calling thread, per database. */
const prefixWords = cacheAgainstIndexVersion<readonly string[]>({ maxEntries: MAX_KEPT_PREFIXES })

/** One ranking straight from a SQL engine's index; without `keptWords`, nothing is kept (the bench times this). */
export function rankFromIndex(runner: SqlRunner, query: SearchQuery, page: PageRequest, options: RankingOptions = {}): Promise<RankedPage> {
  return runner.engine === 'sqlite' ? sqliteRankedIds(runner, query, page, options) : postgresRankedIds(runner, query, page, options)
}

/**
 * One page of published article ids for the query, best first, and how many match in all.
 * `indexVersion`: the counter as the caller read it just before, if it did.
 */
export function findRankedArticleIds(payload: Payload, query: SearchQuery, page: PageRequest, indexVersion?: string): Promise<RankedPage> {
  const runner = sqlRunnerOf(payload)
  if (!runner) return findRankedMongoIds(payload, query, page)
  const key = JSON.stringify([query.items, page.offset, page.limit])
  const thread = runner.engine === 'sqlite' ? registeredRankingThread() : null
  return rankedPages(payload)!.get(
    key,
    (version) => (thread ? thread.rank(query, page, version) : rankFromIndex(runner, query, page, { keptWords: { cache: prefixWords(payload)!, version } })),
    indexVersion,
  )
}
