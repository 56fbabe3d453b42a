import type { Access } from 'payload'

/** Readers see published documents only; any logged-in user also sees drafts. */
export const publishedOrAuthenticated: Access = ({ req: { user } }) => {
  if (user) return true
  return { _status: { equals: 'published' } }
}
