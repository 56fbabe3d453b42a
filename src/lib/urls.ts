/** The only place site URLs are built. */
export function articlePath(slug: string): string {
  return `/articles/${encodeURIComponent(slug)}`
}

export function absoluteUrl(pathOrUrl: string, origin: string): string {
  return new URL(pathOrUrl, `${origin.replace(/\/$/, '')}/`).toString()
}
