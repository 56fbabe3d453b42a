import type { CollectionConfig } from 'payload'

/**
 * The login cookie of an auth collection: Secure when the site is served over https (so it never
 * travels in clear), SameSite=Lax so other sites' pages cannot send it with their own forms.
 */
export function withAuthCookies(collection: CollectionConfig, { secure }: { secure: boolean }): CollectionConfig {
  const auth = typeof collection.auth === 'object' ? collection.auth : {}
  return { ...collection, auth: { ...auth, cookies: { ...auth.cookies, secure, sameSite: 'Lax' } } }
}
