import { getSettings } from '@/config/settings'
import { searchPublishedArticles, SearchUnavailableError } from '@/domain/search/searchArticles'
import { readSearchParams, SEARCH_PAGE_BOUNDS } from '@/lib/search/params'
import { parseQuery } from '@/lib/search/query'
import type { Article } from '@/payload-types'
import { getPayloadClient } from './payload'

export type SearchResultView = {
  slug: string
  headline: string
  standfirst: string | null
  publishedAt: string | null
  /** HTML, escaped, matched words in <mark>. */
  excerptHtml: string
}

export type SearchPageView = {
  query: string
  /** Why there are no results to show (nothing asked, a query too long, …); null when searched. */
  problem: string | null
  results: SearchResultView[]
  totalDocs: number
  page: number
  totalPages: number
  /** The ranking place of the first result shown (the list's numbering). */
  firstRank: number
}

/** What the page shows of each result (the body gives the excerpt): nothing else is read. */
const RESULT_FIELDS = { slug: true, headline: true, standfirst: true, publishedAt: true, body: true } as const
type ResultFields = Pick<Article, 'id' | keyof typeof RESULT_FIELDS>

type RawParams = { q?: string | string[]; page?: string | string[] }
const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

/** Search as an anonymous reader, in the shape the page renders. */
export async function searchForReaders(raw: RawParams): Promise<SearchPageView> {
  const empty = { results: [], totalDocs: 0, page: 1, totalPages: 0, firstRank: 1 }
  const query = (single(raw.q) ?? '').trim()
  const params = readSearchParams({ q: query, page: single(raw.page) }, SEARCH_PAGE_BOUNDS(getSettings().apiLimits.maxLimit))
  if (!params.ok) return { query, problem: params.message, ...empty }
  const parsed = parseQuery(params.q)
  if (!parsed.ok) return { query, problem: parsed.reason === 'empty' ? null : parsed.message, ...empty }
  try {
    const found = await searchPublishedArticles<ResultFields>(await getPayloadClient(), parsed.query, { ...params, user: null, select: RESULT_FIELDS })
    return {
      query,
      problem: null,
      results: found.docs.map((doc) => ({ slug: doc.slug, headline: doc.headline, standfirst: doc.standfirst ?? null, publishedAt: doc.publishedAt ?? null, excerptHtml: doc.excerpt })),
      totalDocs: found.totalDocs,
      page: found.page ?? params.page,
      totalPages: found.totalPages,
      firstRank: found.docs[0]?.rank ?? 1,
    }
  } catch (error) {
    if (error instanceof SearchUnavailableError) return { query, problem: error.message, ...empty }
    throw error
  }
}

