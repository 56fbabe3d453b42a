import type { PaginatedDocs, Payload, TypedUser } from 'payload'

import { getSettings } from '@/config/settings'
import { buildExcerpt } from '@/lib/search/excerpt'
import { SEARCH_TEXT_FIELDS } from '@/lib/search/indexText'
import { lexicalToPlainText } from '@/lib/search/plainText'
import type { SearchQuery } from '@/lib/search/query'
import type { Article, ArticlesSelect } from '@/payload-types'
import { cacheAgainstIndexVersion } from './indexVersion'
import { findRankedArticleIds } from './rankedIds'
import { searchEngineOf } from './sqlRunner'

/** An article as the articles API gives it, with its place in the ranking and an HTML excerpt (matches in <mark>). */
export type SearchResultDoc<Doc = Article> = Doc & { rank: number; excerpt: string }
export type SearchResults<Doc = Article> = PaginatedDocs<SearchResultDoc<Doc>>

/**
 * `select`: the fields a caller shows (Payload's select; the body is always read, for the
 * excerpt). Without it, the whole article as the articles API gives it.
 */
export type SearchPage = { page: number; limit: number; depth: number; user?: TypedUser | null; select?: ArticlesSelect<true> }

/** Thrown where the database has no search index: development mode pushes the schema without it. */
export class SearchUnavailableError extends Error {
  constructor() {
    super('Search needs the database built from its migrations (npm start, or npm run payload -- migrate); development mode pushes the schema without the search index.')
  }
}

export function isSearchAvailable(payload: Payload): boolean {
  return getSettings().databaseSchema === 'migrations' || searchEngineOf(payload) === 'mongodb'
}

function paginate<Doc>(docs: Doc[], totalDocs: number, { page, limit }: SearchPage): PaginatedDocs<Doc> {
  const totalPages = Math.ceil(totalDocs / limit)
  return {
    docs,
    totalDocs,
    limit,
    page,
    totalPages,
    pagingCounter: (page - 1) * limit + 1,
    hasPrevPage: page > 1,
    hasNextPage: page < totalPages,
    prevPage: page > 1 ? page - 1 : null,
    nextPage: page < totalPages ? page + 1 : null,
  }
}

/**
 * The search text columns, readable by no one (their field access): the articles API never shows
 * them, so a whole article is read without them (together about twice the article's text).
 */
const WITHOUT_SEARCH_TEXT: ArticlesSelect<false> = Object.fromEntries(SEARCH_TEXT_FIELDS.map((name) => [name, false]))

/** Reads the ranked page's documents as the caller may see them, each with its rank and excerpt. */
async function readResults<Doc extends Pick<Article, 'id' | 'body'>>(payload: Payload, query: SearchQuery, request: SearchPage, indexVersion?: string): Promise<SearchResults<Doc>> {
  const offset = (request.page - 1) * request.limit
  const ranked = await findRankedArticleIds(payload, query, { limit: request.limit, offset }, indexVersion)
  if (ranked.ids.length === 0) return paginate([], ranked.totalDocs, request)
  // Doc is what `select` asks for (the whole article without it).
  const { docs } = (await payload.find({
    collection: 'articles',
    where: { and: [{ id: { in: ranked.ids } }, { _status: { equals: 'published' } }] },
    draft: false,
    overrideAccess: false,
    user: request.user ?? null,
    depth: request.depth,
    pagination: false,
    select: request.select ? { ...request.select, body: true } : WITHOUT_SEARCH_TEXT,
  })) as unknown as { docs: Doc[] }
  const byId = new Map(docs.map((doc) => [String(doc.id), doc]))
  const results = ranked.ids.flatMap((id, index) => {
    const doc = byId.get(String(id))
    return doc ? [{ ...doc, rank: offset + index + 1, excerpt: buildExcerpt(lexicalToPlainText(doc.body), query.highlights) }] : []
  })
  return paginate(results, ranked.totalDocs, request)
}

/**
 * Whole answers for anonymous callers at depth 0 (the reader's page, `depth=0` API calls), kept
 * against the index's version counter, whose triggers move on any write to a published article,
 * its relationships or its corrections: at depth 0 an anonymous answer is made of those rows
 * only. Deeper answers resolve other collections (images, authors, sections), which do not move
 * the counter, and a signed-in caller may see more: theirs are read for each call. Bounded by
 * count and by size (a page of 100 whole articles weighs far more than one of 10 headlines).
 */
const cachedResults = cacheAgainstIndexVersion<SearchResults<Pick<Article, 'id' | 'body'>>>({
  maxEntries: 1000,
  maxSize: 32 * 1024 * 1024,
  sizeOf: (results) => JSON.stringify(results).length,
})

const isCacheable = (request: SearchPage) => !request.user && request.depth === 0

/**
 * Published articles matching the query, best first. The index gives the order; the documents
 * are then read through Payload as the caller may see them (access rules, hidden and private
 * fields, published version only), and the excerpt is cut from that published text, so nothing
 * a reader may not see reaches results, excerpts or counts. The answer is shared with later
 * callers (see cachedResults): callers must not change it.
 */
export async function searchPublishedArticles<Doc extends Pick<Article, 'id' | 'body'> = Article>(
  payload: Payload,
  query: SearchQuery,
  request: SearchPage,
): Promise<SearchResults<Doc>> {
  if (!isSearchAvailable(payload)) throw new SearchUnavailableError()
  const cache = isCacheable(request) ? cachedResults(payload) : null
  if (!cache) return readResults<Doc>(payload, query, request)
  const key = JSON.stringify([query.items, query.highlights, request.page, request.limit, request.select ?? null])
  // Doc is what `select` asks for, and `select` is part of the key.
  return (await cache.get(key, (indexVersion) => readResults<Doc>(payload, query, request, indexVersion))) as SearchResults<Doc>
}
