import type { CollectionConfig } from 'payload'

import { publicReadNewsroomWrite } from '@/access/publicReadNewsroomWrite'
import { publicSlugField } from '@/fields/publicSlug'
import { refuseDeleteWhilePublished } from '../hooks/refuseDeleteWhilePublished'
import { redirectOldSlug } from '../hooks/redirectOldSlug'
import { checkAuthorPhoto, releaseAuthorPhoto } from './hooks/authorPhoto'
import { purgeAuthor } from './hooks/purgeAuthor'

export const AUTHOR_BIO_MAX_LENGTH = 600

/**
 * Public profiles of the people who write, apart from login accounts: nothing here is private,
 * and no e-mail address or role can reach a page or the API through it.
 */
export const Authors: CollectionConfig = {
  slug: 'authors',
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'slug', 'updatedAt'],
    description: 'Bylines: each author has a public page, /authors/<slug>, and a feed. Not login accounts.',
  },
  access: publicReadNewsroomWrite,
  defaultSort: 'name',
  hooks: {
    beforeChange: [checkAuthorPhoto],
    beforeDelete: [refuseDeleteWhilePublished('authors', 'author')],
    afterChange: [releaseAuthorPhoto, redirectOldSlug('authors'), purgeAuthor],
    afterDelete: [purgeAuthor],
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120, admin: { description: 'As printed in the byline.' } },
    publicSlugField('name', 'The author’s address: /authors/<slug>. The old address answers with a permanent redirect after a change.'),
    { name: 'bio', type: 'textarea', maxLength: AUTHOR_BIO_MAX_LENGTH, admin: { description: `A few sentences, up to ${AUTHOR_BIO_MAX_LENGTH} characters.` } },
    {
      name: 'photo',
      type: 'upload',
      relationTo: 'media',
      admin: { description: 'Optional. Shown with its credit; its license must allow the use, as for an article’s image.' },
    },
  ],
}
