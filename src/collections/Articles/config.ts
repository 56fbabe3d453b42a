import type { CollectionConfig, TextareaField } from 'payload'

import { canCreateArticle, canDeleteArticle, canReadArticle, canReadArticleVersions, canSetAuthor, canUpdateArticle } from '@/access/articleAccess'
import { isAuthenticatedField } from '@/access/isAuthenticated'
import { publicSlugField } from '@/fields/publicSlug'
import { previewUrl } from '@/lib/preview'
import { SEARCH_TEXT_FIELDS } from '@/lib/search/indexText'
import { searchArticlesEndpoint } from './endpoints/search'
import { enforceImageLicense } from './hooks/enforceImageLicense'
import { preventContributorPublishing } from './hooks/preventContributorPublishing'
import { purgeArticleAfterChange, purgeArticleAfterDelete, rememberLiveArticle } from './hooks/purgeArticle'
import { redirectOldArticleSlug } from './hooks/redirectOldArticleSlug'
import { releaseArticleImages } from './hooks/releaseArticleImages'
import { setBodyImages } from './hooks/setBodyImages'
import { setAuthor } from './hooks/setAuthor'
import { setPublishedAt } from './hooks/setPublishedAt'
import { setSearchText } from './hooks/setSearchText'
import { showScheduleFailure } from './hooks/showScheduleFailure'
import { stampRevision } from './hooks/stampRevision'

export const HEADLINE_MAX_LENGTH = 160
export const MAX_VERSIONS_PER_ARTICLE = 50

export const Articles: CollectionConfig = {
  slug: 'articles',
  admin: {
    useAsTitle: 'headline',
    defaultColumns: ['headline', '_status', 'publishedAt', 'author', 'updatedAt'],
    listSearchableFields: ['headline', 'slug'],
    description: 'Drafts autosave and never reach readers until published. Every save is kept in Versions.',
    preview: (doc, { req }) => (typeof doc.slug === 'string' && doc.slug ? previewUrl(req.payload.config.secret, doc.slug) : null),
    livePreview: {
      url: ({ data, req }) => (typeof data.slug === 'string' && data.slug ? previewUrl(req.payload.config.secret, data.slug) : '/'),
    },
  },
  access: {
    read: canReadArticle,
    create: canCreateArticle,
    update: canUpdateArticle,
    delete: canDeleteArticle,
    readVersions: canReadArticleVersions,
  },
  endpoints: [searchArticlesEndpoint],
  // Every public list filters on the status and reads in date order. `_status` sits after the
  // body in the row, so a filter that reads it from the row follows the body's overflow pages:
  // these indexes answer the filter, the order, the offset and the count without opening a row.
  indexes: [{ fields: ['section', 'publishedAt'] }, { fields: ['_status', 'publishedAt'] }, { fields: ['section', '_status', 'publishedAt'] }, { fields: ['heroImage', '_status', 'publishedAt'] }],
  versions: {
    // Minute steps: news is scheduled to the minute, and a 24-hour clock avoids am/pm slips.
    drafts: { autosave: { interval: 1500 }, schedulePublish: { timeIntervals: 1, timeFormat: 'HH:mm' } },
    maxPerDoc: MAX_VERSIONS_PER_ARTICLE,
  },
  hooks: {
    beforeChange: [setBodyImages, setAuthor, preventContributorPublishing, setPublishedAt, stampRevision, enforceImageLicense, rememberLiveArticle, setSearchText],
    // The images are released before the purge, so readers never get a page whose image is still private.
    afterChange: [releaseArticleImages, redirectOldArticleSlug, purgeArticleAfterChange],
    afterDelete: [purgeArticleAfterDelete],
  },
  fields: [
    {
      name: 'scheduleFailure',
      label: 'Scheduled publish failed',
      type: 'textarea',
      virtual: true,
      access: { read: isAuthenticatedField, create: () => false, update: () => false },
      hooks: { afterRead: [showScheduleFailure] },
      admin: { readOnly: true, condition: (data) => Boolean(data?.scheduleFailure), description: 'Fix the cause, then publish or schedule again.' },
    },
    {
      name: 'headline',
      type: 'text',
      required: true,
      maxLength: HEADLINE_MAX_LENGTH,
      admin: { description: `What readers see first; up to ${HEADLINE_MAX_LENGTH} characters.` },
      validate: (value: unknown) =>
        typeof value === 'string' && value.trim() !== ''
          ? value.length <= HEADLINE_MAX_LENGTH || `Keep the headline to ${HEADLINE_MAX_LENGTH} characters or fewer.`
          : 'A headline is required.',
    },
    publicSlugField('headline', 'The article’s address: /articles/<slug>. A published article’s old address answers with a permanent redirect.'),
    { name: 'standfirst', type: 'textarea', maxLength: 320, admin: { description: 'One or two sentences under the headline; also the page description.' } },
    { name: 'heroImage', label: 'Image', type: 'upload', relationTo: 'media', admin: { description: 'Its credit and license come from the image record (Media).' } },
    {
      name: 'creditPreview',
      type: 'ui',
      admin: { components: { Field: '/components/admin/CreditPreview.client#CreditPreview' } },
    },
    { name: 'body', type: 'richText', required: true, admin: { description: 'Images placed here follow the same license rules, credit and release as the lead image.' } },
    {
      // The images placed in the body, kept by hooks/setBodyImages.ts so queries and rules find them on any database.
      name: 'bodyImages',
      type: 'relationship',
      relationTo: 'media',
      hasMany: true,
      maxDepth: 0,
      access: { create: () => false, update: () => false },
      admin: { hidden: true },
    },
    {
      name: 'corrections',
      type: 'array',
      admin: { description: 'Each correction is shown to readers in a notice under the article, and marks it as updated.' },
      labels: { singular: 'Correction', plural: 'Corrections' },
      fields: [
        { name: 'date', type: 'date', required: true, defaultValue: () => new Date().toISOString(), admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'text', type: 'textarea', required: true, maxLength: 1000, admin: { description: 'What was wrong and what is right now.' } },
      ],
    },
    {
      name: 'section',
      type: 'relationship',
      relationTo: 'sections',
      index: true,
      admin: { position: 'sidebar', description: 'Where the article belongs: it shows on the section’s page and in its feeds.' },
    },
    {
      name: 'authors',
      type: 'relationship',
      relationTo: 'authors',
      hasMany: true,
      index: true,
      admin: { position: 'sidebar', description: 'Who wrote it: the byline links to each profile.' },
    },
    {
      name: 'byline',
      type: 'text',
      maxLength: 120,
      admin: { position: 'sidebar', description: 'Free text for copy without an author profile, e.g. "By Reuters staff". Shown when no author is chosen.' },
    },
    {
      name: 'author',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      access: { read: isAuthenticatedField, update: canSetAuthor },
      admin: { position: 'sidebar', description: 'The account responsible. Set to whoever creates the article.' },
    },
    {
      name: 'publishedAt',
      type: 'date',
      index: true,
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' }, description: 'Set on first publish if left empty.' },
    },
    {
      name: 'revisedAt',
      label: 'Updated at',
      type: 'date',
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: 'Set it when a published article is materially revised: readers see "Updated <date>". Corrections set it too.',
      },
    },
    // What the search index reads (hooks/setSearchText.ts): never shown, never sent by the APIs
    // (nor described in their contract: the OpenAPI document leaves out fields with read access).
    ...SEARCH_TEXT_FIELDS.map((name): TextareaField => ({ name, type: 'textarea', hidden: true, access: { read: () => false } })),
  ],
}
