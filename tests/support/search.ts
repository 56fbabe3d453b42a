import { sql } from 'drizzle-orm'
import type { Payload, TypedUser } from 'payload'

import { searchPublishedArticles, type SearchResults } from '../../src/domain/search/searchArticles'
import { sqlRunnerOf } from '../../src/domain/search/sqlRunner'
import { parseQuery } from '../../src/lib/search/query'
import type { ArticlesSelect } from '../../src/payload-types'

/** Searches as the site and the API do, as an anonymous reader unless a user is given. */
export async function search(payload: Payload, text: string, options: { user?: TypedUser; page?: number; limit?: number; select?: ArticlesSelect<true> } = {}): Promise<SearchResults> {
  const parsed = parseQuery(text)
  if (!parsed.ok) throw new Error(parsed.message)
  return searchPublishedArticles(payload, parsed.query, { page: options.page ?? 1, limit: options.limit ?? 20, depth: 0, user: options.user ?? null, select: options.select })
}

/** Headlines of the results, in ranked order. */
export async function headlinesFor(payload: Payload, text: string): Promise<string[]> {
  return (await search(payload, text)).docs.map((doc) => doc.headline)
}

/** The article ids the database's search index holds right now, read from the index itself. */
export async function indexedIds(payload: Payload): Promise<number[]> {
  const runner = sqlRunnerOf(payload)
  if (!runner) throw new Error('indexedIds reads the SQL engines only')
  const rows =
    runner.engine === 'sqlite'
      ? await runner.rows<{ id: number }>(sql`SELECT rowid AS id FROM article_search ORDER BY rowid`)
      : await runner.rows<{ id: number }>(sql`SELECT id FROM articles WHERE search_vector IS NOT NULL ORDER BY id`)
  return rows.map((row) => Number(row.id))
}
