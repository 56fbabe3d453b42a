import { jwtVerify } from 'jose'

import { tokenOf } from '../api/loginToken'

/**
 * Whether a request carries a login token that Payload signed and that has not expired. Checking
 * the signature (no database read) keeps anonymous limits from being skipped with a made-up header.
 */
export function createSignedInCheck(payloadSecret: string) {
  const key = new TextEncoder().encode(payloadSecret)
  return async (headers: { authorization?: string; cookie?: string }): Promise<boolean> => {
    const token = tokenOf(headers)
    if (!token) return false
    try {
      await jwtVerify(token, key)
      return true
    } catch {
      // A forged, expired or malformed token: the caller is anonymous.
      return false
    }
  }
}
