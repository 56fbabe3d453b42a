import type { Access, FieldAccess, Where } from 'payload'

import { hasRole } from './roles'

const PUBLISHED: Where = { _status: { equals: 'published' } }

/** Readers see published articles; contributors also their own drafts; editors and admins everything. */
export const canReadArticle: Access = ({ req: { user } }) => {
  if (hasRole(user, 'editor', 'admin')) return true
  if (hasRole(user, 'contributor')) return { or: [PUBLISHED, { author: { equals: user!.id } }] }
  return PUBLISHED
}

/** Versions hold drafts: contributors see the history of their own articles only. */
export const canReadArticleVersions: Access = ({ req: { user } }) => {
  if (hasRole(user, 'editor', 'admin')) return true
  if (hasRole(user, 'contributor')) return { 'version.author': { equals: user!.id } }
  return false
}

const publishes = (data: unknown): boolean => (data as { _status?: string } | undefined)?._status === 'published'

/**
 * Anyone in the newsroom writes articles; only editors and admins publish. The admin asks this
 * with `_status: 'published'` to decide whether to show the Publish button.
 */
export const canCreateArticle: Access = ({ req: { user }, data }) => {
  if (hasRole(user, 'editor', 'admin')) return true
  return hasRole(user, 'contributor') && !publishes(data)
}

/** Editors and admins edit (and publish) any article; contributors edit drafts of their own. */
export const canUpdateArticle: Access = ({ req: { user }, data }) => {
  if (hasRole(user, 'editor', 'admin')) return true
  if (hasRole(user, 'contributor') && !publishes(data)) return { author: { equals: user!.id } }
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
