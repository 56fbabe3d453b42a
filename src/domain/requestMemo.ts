import type { PayloadRequest } from 'payload'

/**
 * A memo that lives as long as one request (on `req.context`, which nested Local API calls
 * share), so a list of documents reads each related record, and computes each credit, once.
 */
export function requestMemo<V>(req: PayloadRequest, name: string): Map<string, V> {
  const key = `memo:${name}`
  const existing = req.context[key]
  if (existing instanceof Map) return existing as Map<string, V>
  const created = new Map<string, V>()
  req.context[key] = created
  return created
}

/** Returns the memoised value for `key`, computing it once per request. */
export function rememberFor<V>(req: PayloadRequest, name: string, key: string, compute: () => V): V {
  const memo = requestMemo<V>(req, name)
  if (!memo.has(key)) memo.set(key, compute())
  return memo.get(key) as V
}
