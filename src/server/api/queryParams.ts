/** Query parameters Payload reads as one value; given as a list or an object (limit[x]=1), it fails with a 500. */
const SINGLE_VALUE_PARAMS = ['limit', 'page', 'depth', 'draft', 'locale', 'fallbackLocale', 'fallback-locale', 'pagination', 'trash']
/** Query parameters Payload reads as objects of field names (select[title]=true). */
const OBJECT_PARAMS = ['select', 'populate', 'joins']
/**
 * Pages and page sizes beyond these overflow the database's offset arithmetic (a 500); no
 * collection here comes near them. Limit 0 (everything) is Payload's own, and bounded for readers elsewhere.
 */
const MAX_PAGE = 1_000_000
const MAX_LIMIT = 1_000_000

const isPlainObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value)
const isWholeNumberIn = (value: string, min: number, max: number) => /^\d{1,9}$/.test(value) && Number(value) >= min && Number(value) <= max

/** A message for the first query parameter of a shape or size Payload cannot handle, or null. */
export function findQueryParamProblem(query: Record<string, unknown>): string | null {
  for (const name of SINGLE_VALUE_PARAMS) {
    if (query[name] !== undefined && typeof query[name] !== 'string') return `${name} takes one value, e.g. ${name}=1.`
  }
  for (const name of OBJECT_PARAMS) {
    // joins=false turns joins off.
    if (name === 'joins' && query[name] === 'false') continue
    if (query[name] !== undefined && !isPlainObject(query[name])) return `${name} names fields, e.g. ${name}[title]=true.`
  }
  const { page, limit } = query as { page?: string; limit?: string }
  if (page !== undefined && page !== '' && !isWholeNumberIn(page, 1, MAX_PAGE)) return `page must be a whole number from 1 to ${MAX_PAGE}.`
  if (limit !== undefined && limit !== '' && !isWholeNumberIn(limit, 0, MAX_LIMIT)) return `limit must be a whole number from 0 to ${MAX_LIMIT}.`
  return null
}
