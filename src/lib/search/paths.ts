/** A search results page's address: the query, and the page number past the first. */
export function searchPagePath(query: string, page = 1): string {
  const params = new URLSearchParams({ q: query })
  if (page > 1) params.set('page', String(page))
  return `/search?${params.toString()}`
}
