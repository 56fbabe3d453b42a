import { APIError, type CollectionBeforeDeleteHook } from 'payload'

import { articlePath } from '@/lib/urls'

/** How many articles the refusal names; the rest are counted. */
const NAMED = 5

/**
 * Deleting a section or an author that published articles still show is refused with a 409 that
 * names them: the articles would lose their place (or byline) without anyone deciding so.
 */
export function refuseDeleteWhilePublished(field: 'section' | 'authors', what: string): CollectionBeforeDeleteHook {
  return async ({ id, req }) => {
    const { docs, totalDocs } = await req.payload.find({
      collection: 'articles',
      where: { and: [{ [field]: { in: [id] } }, { _status: { equals: 'published' } }] },
      draft: false,
      depth: 0,
      limit: NAMED,
      sort: '-publishedAt',
      select: { headline: true, slug: true },
      overrideAccess: true,
      req,
    })
    if (totalDocs === 0) return
    const named = docs.map((article) => `“${article.headline}” (${articlePath(article.slug)})`).join(', ')
    const more = totalDocs > docs.length ? ` and ${totalDocs - docs.length} more` : ''
    throw new APIError(`This ${what} cannot be deleted: published articles use it: ${named}${more}. Give them another ${what} or unpublish them first.`, 409, null, true)
  }
}
