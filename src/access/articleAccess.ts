import type { Access, FieldAccess, Where } from 'payload'

import { hasRole } from './roles'

/** Editors and admins edit any article; contributors only their own. */
export const canUpdateArticle: Access = ({ req: { user } }) => {
  if (hasRole(user, 'editor', 'admin')) return true
  if (hasRole(user, 'contributor')) return { author: { equals: user!.id } }
  return false
}

/** Contributors may delete their own unpublished drafts; published work is the editors' call. */
export const canDeleteArticle: Access = ({ req: { user } }) => {
  if (hasRole(user, 'editor', 'admin')) return true
  if (hasRole(user, 'contributor')) {
    const ownDrafts: Where[] = [{ author: { equals: user!.id } }, { _status: { equals: 'draft' } }]
    return { and: ownDrafts }
  }
  return false
}

/** Only editors and admins reassign an article to someone else. */
export const canSetAuthor: FieldAccess = ({ req: { user } }) => hasRole(user, 'editor', 'admin')
