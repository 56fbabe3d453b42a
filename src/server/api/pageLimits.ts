/** How much one request may ask for when the caller is not signed in. */
export type PageLimits = { maxLimit: number; maxDepth: number }

function isIntegerIn(value: unknown, min: number, max: number): boolean {
  return typeof value === 'string' && /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max
}

/**
 * A message when a reader's query asks for more than the public API gives: too many documents
 * per page (or all of them, with limit=0 or pagination=false), or relationships populated too deep.
 */
export function findPageLimitProblem(query: Record<string, unknown>, { maxLimit, maxDepth }: PageLimits): string | null {
  if (query.limit !== undefined && !isIntegerIn(query.limit, 1, maxLimit)) {
    return `limit must be a whole number from 1 to ${maxLimit}; use page=2, page=3, … for more.`
  }
  if (query.pagination === 'false') return `pagination=false is for signed-in users; use limit (at most ${maxLimit}) and page.`
  if (query.depth !== undefined && !isIntegerIn(query.depth, 0, maxDepth)) {
    return `depth must be a whole number from 0 to ${maxDepth}.`
  }
  return null
}
