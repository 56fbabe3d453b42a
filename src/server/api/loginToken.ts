/** Payload's login token from the Authorization header (JWT or Bearer) or its cookie; null when there is none. */
export function tokenOf(headers: { authorization?: string | null; cookie?: string | null }): string | null {
  const fromHeader = /^(?:JWT|Bearer) (\S+)$/.exec(headers.authorization ?? '')
  if (fromHeader) return fromHeader[1]!
  const fromCookie = /(?:^|;\s*)payload-token=([^;]+)/.exec(headers.cookie ?? '')
  return fromCookie ? fromCookie[1]! : null
}
