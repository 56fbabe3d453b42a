/**
 * Returns the normalised URL when `value` is an absolute http(s) URL, else null,
 * so `javascript:`, `data:`, relative paths or garbage never become a link.
 */
export function toSafeHttpUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const trimmed = value.trim()
  if (!trimmed) return null
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  if (!url.hostname) return null
  // "https://kremlin.ru@evil.example/" reads like kremlin.ru but goes elsewhere.
  if (url.username || url.password) return null
  return url.href
}
