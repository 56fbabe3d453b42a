import { slugField, type CollectionConfig, type TextField } from 'payload'

import { isEditorOrAdmin } from '@/access/isEditorOrAdmin'
import { publishedOrAuthenticated } from '@/access/publishedOrAuthenticated'
import { toSlug, validateSlug } from '@/lib/slug'
import { revalidateArticleAfterChange, revalidateArticleAfterDelete } from './hooks/revalidateArticle'
import { enforceImageLicense } from './hooks/enforceImageLicense'
import { setPublishedAt } from './hooks/setPublishedAt'

export const HEADLINE_MAX_LENGTH = 160

export const Articles: CollectionConfig = {
  slug: 'articles',
  admin: {
    useAsTitle: 'headline',
    defaultColumns: ['headline', '_status', 'publishedAt', 'byline', 'updatedAt'],
    listSearchableFields: ['headline', 'slug'],
  },
  access: {
    read: publishedOrAuthenticated,
    create: isEditorOrAdmin,
    update: isEditorOrAdmin,
    delete: isEditorOrAdmin,
    readVersions: isEditorOrAdmin,
  },
  versions: {
    drafts: { autosave: { interval: 1500 } },
    maxPerDoc: 50,
  },
  hooks: {
    beforeChange: [setPublishedAt, enforceImageLicense],
    afterChange: [revalidateArticleAfterChange],
    afterDelete: [revalidateArticleAfterDelete],
  },
  fields: [
    {
      name: 'headline',
      type: 'text',
      required: true,
      maxLength: HEADLINE_MAX_LENGTH,
      validate: (value: unknown) =>
        typeof value === 'string' && value.trim() !== ''
          ? value.length <= HEADLINE_MAX_LENGTH || `Keep the headline to ${HEADLINE_MAX_LENGTH} characters or fewer.`
          : 'A headline is required.',
    },
    slugField({
      useAsSlug: 'headline',
      slugify: ({ valueToSlugify }) => (typeof valueToSlugify === 'string' ? toSlug(valueToSlugify) : undefined),
      overrides: (row) => ({
        ...row,
        fields: row.fields.map((field) =>
          'name' in field && field.name === 'slug'
            ? ({ ...field, validate: validateSlug, admin: { ...field.admin, description: 'The article’s address: /articles/<slug>. Changing it breaks existing links.' } } as TextField)
            : field,
        ),
      }),
    }),
    { name: 'standfirst', type: 'textarea', maxLength: 320, admin: { description: 'One or two sentences under the headline; also the page description.' } },
    { name: 'heroImage', label: 'Image', type: 'upload', relationTo: 'media' },
    { name: 'body', type: 'richText', required: true },
    { name: 'byline', type: 'text', maxLength: 120, admin: { position: 'sidebar' } },
    {
      name: 'publishedAt',
      type: 'date',
      index: true,
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' }, description: 'Set on first publish if left empty.' },
    },
  ],
}
