import type { RequestHandler } from 'express'

import { SearchView } from '@/components/SearchView'
import { loadSiteProps } from '@/lib/pages/publicPage'
import { loadSearchPage } from '@/lib/pages/searchPage'
import { isPlainAnonymousRequest, searchParamsOf, sendForThisRequestOnly } from './beforeNext'
import { renderPublicDocument } from './publicDocument'

/** The page's own parameters: with any other, Next renders it. */
const SEARCH_PAGE_PARAMS: ReadonlySet<string> = new Set(['q', 'page'])

/**
 * `GET /search` for anonymous readers, rendered here instead of through Next (see ./beforeNext.ts):
 * the same loader (src/lib/pages/searchPage.ts), components and document as src/pages/search.tsx.
 * Rate limits apply before this route, as to every search. `stylesheets`: the build's (./publicDocument.tsx).
 */
export function createSearchPage(trustedOrigins: readonly string[], stylesheets: readonly string[]): RequestHandler {
  return async (req, res, next) => {
    const search = searchParamsOf(req)
    if (!isPlainAnonymousRequest({ headers: req.headers, search }, trustedOrigins, SEARCH_PAGE_PARAMS)) return next()
    const siteProps = await loadSiteProps()
    const { status, page, head } = await loadSearchPage({ q: search.get('q') ?? undefined, page: search.get('page') ?? undefined }, siteProps)
    const html = renderPublicDocument(SearchView, { ...siteProps, head, page }, stylesheets)
    await sendForThisRequestOnly(req, res, { status, type: 'text/html; charset=utf-8', body: html })
  }
}
