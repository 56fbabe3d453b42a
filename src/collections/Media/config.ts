import type { CollectionConfig, Field } from 'payload'

import { isAuthenticatedField } from '@/access/isAuthenticated'
import { isEditorOrAdmin, isEditorOrAdminField } from '@/access/isEditorOrAdmin'
import { isNewsroomMember } from '@/access/isNewsroomMember'
import { canReadMedia } from '@/access/mediaAccess'
import { mediaFileUrl } from '@/lib/images/fileUrls'
import { IMAGE_MIME_TYPES, THUMBNAIL_VARIANT, VARIANT_NAMES } from '@/lib/images/variants'
import type { Media } from '@/payload-types'
import { validateOptionalHttpUrl } from '@/lib/validation/url'
import { checkUpload } from './hooks/checkUpload'
import { computeCredit, computeLicensePermissions } from './hooks/computeCredit'
import { describeContentCredentials } from './hooks/describeContentCredentials'
import { embedCreditAfterChange, removeKeptOriginalAfterDelete } from './hooks/embedCredit'
import { guardLiveUse } from './hooks/guardLiveUse'
import { noteCrop } from './hooks/noteCrop'
import { purgeMediaAfterChange, purgeMediaAfterDelete, rememberPagesShowingMedia } from './hooks/purgeMedia'
import { trackCropRegion } from './hooks/trackCropRegion'
import { versionFileUrls } from './hooks/versionFileUrls'

/**
 * The sizes' records, in the shape Payload gives `imageSizes` (and so the same columns). Payload
 * does not make them: it would decode and encode all 15 in parallel inside the upload request.
 * The credited files are written by files/embedCredit.ts, the thumbnail at once, the rest in a job.
 */
const sizesField: Field = {
  name: 'sizes',
  type: 'group',
  admin: { hidden: true },
  access: { create: () => false, update: () => false },
  fields: VARIANT_NAMES.map((name) => ({
    name,
    type: 'group' as const,
    admin: { hidden: true },
    fields: [
      { name: 'url', label: 'URL', type: 'text' as const },
      { name: 'width', type: 'number' as const },
      { name: 'height', type: 'number' as const },
      { name: 'mimeType', type: 'text' as const },
      { name: 'filesize', type: 'number' as const },
      // Payload's file route and the public file check find an image by any of its files' names.
      { name: 'filename', type: 'text' as const, index: true },
    ],
  })),
}

/** The admin shows the smallest size, written with the credit inside the upload request. */
const adminThumbnail = ({ doc }: { doc: Record<string, unknown> }): string | null => {
  const thumbnail = (doc as Pick<Media, 'sizes' | 'fileVersion'>).sizes?.[THUMBNAIL_VARIANT as keyof NonNullable<Media['sizes']>]
  return thumbnail?.filename ? mediaFileUrl(thumbnail.filename, (doc as Pick<Media, 'fileVersion'>).fileVersion) : null
}

export function createMediaCollection({ staticDir, maxPixels }: { staticDir: string; maxPixels: number }): CollectionConfig {
  return {
    slug: 'media',
    labels: { singular: 'Image', plural: 'Media' },
    admin: {
      useAsTitle: 'alt',
      defaultColumns: ['filename', 'alt', 'creator', 'license'],
      description: 'Images with their credit and license. Every image needs alt text and a license.',
    },
    // Contributors upload images for their drafts; changing or removing them is for editors.
    access: { read: canReadMedia, create: isNewsroomMember, update: isEditorOrAdmin, delete: isEditorOrAdmin },
    versions: { maxPerDoc: 20 },
    // The largest image decoded, in pixels: checkUpload refuses bigger uploads (decompression bombs)
    // and every rewrite passes it to sharp. Not Payload's `constructorOptions`: any of those makes
    // Payload re-encode the upload at sharp's default quality before the original is kept.
    custom: { maxPixels },
    hooks: {
      beforeOperation: [checkUpload],
      beforeChange: [noteCrop, trackCropRegion, guardLiveUse],
      afterRead: [versionFileUrls],
      afterChange: [embedCreditAfterChange, purgeMediaAfterChange],
      beforeDelete: [rememberPagesShowingMedia],
      afterDelete: [removeKeptOriginalAfterDelete, purgeMediaAfterDelete],
    },
    upload: {
      staticDir,
      mimeTypes: [...IMAGE_MIME_TYPES],
      focalPoint: true,
      crop: true,
      adminThumbnail,
    },
    fields: [
      {
        name: 'alt',
        label: 'Alt text',
        type: 'text',
        required: true,
        maxLength: 300,
        admin: { description: 'What the image shows, for readers who cannot see it.' },
      },
      { name: 'caption', type: 'textarea', maxLength: 600, admin: { description: 'Shown under the image, before the credit.' } },
      {
        name: 'public',
        label: 'Public',
        type: 'checkbox',
        defaultValue: false,
        index: true,
        access: { create: isEditorOrAdminField, update: isEditorOrAdminField },
        admin: {
          position: 'sidebar',
          description: 'Readers can see the image and its files. Set when an article using it is published; tick it earlier to make it available for reuse.',
        },
      },
      {
        name: 'seedKey',
        type: 'text',
        unique: true,
        index: true,
        access: { read: isAuthenticatedField, create: () => false, update: () => false },
        admin: { hidden: true },
      },
      {
        type: 'collapsible',
        label: 'Credit and license',
        fields: [
          { name: 'title', label: 'Title of the work', type: 'text', maxLength: 300 },
          {
            type: 'row',
            fields: [
              { name: 'creator', type: 'text', maxLength: 300, admin: { description: 'As the creator writes it, in any script.' } },
              { name: 'creatorUrl', label: 'Creator URL', type: 'text', validate: validateOptionalHttpUrl },
            ],
          },
          { name: 'sourceUrl', label: 'Source URL', type: 'text', validate: validateOptionalHttpUrl, admin: { description: 'Where the original is published.' } },
          { name: 'license', type: 'relationship', relationTo: 'licenses', required: true },
          {
            name: 'changes',
            label: 'Changes made',
            type: 'text',
            maxLength: 300,
            admin: { description: 'How this copy differs from the original, e.g. "Cropped from original". Resizing needs no note.' },
          },
          {
            name: 'permissionNote',
            type: 'textarea',
            maxLength: 1000,
            // The terms of a private grant are the newsroom's business, not the public API's.
            access: { read: isAuthenticatedField },
            admin: { description: 'For images under "All rights reserved": who granted permission, when, and on what terms. Not shown publicly.' },
          },
        ],
      },
      {
        name: 'credit',
        type: 'group',
        virtual: true,
        admin: { readOnly: true, position: 'sidebar', description: 'As readers and API consumers see it. Computed; not stored.' },
        hooks: { afterRead: [computeCredit] },
        fields: [
          { name: 'text', type: 'text', admin: { readOnly: true } },
          { name: 'html', type: 'text', admin: { readOnly: true } },
        ],
      },
      {
        name: 'contentCredentials',
        label: 'Content Credentials',
        type: 'group',
        virtual: true,
        admin: {
          readOnly: true,
          position: 'sidebar',
          description: 'The C2PA manifest signed into the original file, as a validator reads it. Computed; not stored.',
        },
        hooks: { afterRead: [describeContentCredentials] },
        fields: [
          { name: 'label', type: 'text', admin: { readOnly: true, description: 'The active manifest (a URN).' } },
          { name: 'signedBy', type: 'text', admin: { readOnly: true, description: 'Common name of the signing certificate.' } },
          { name: 'signerIssuer', type: 'text', admin: { readOnly: true, description: 'Organisation that issued the signing certificate.' } },
          { name: 'signedAt', type: 'text', admin: { readOnly: true, description: 'When the publication signed the file (ISO 8601).' } },
          {
            name: 'validationState',
            type: 'select',
            options: ['Trusted', 'Valid', 'Invalid'],
            admin: { readOnly: true, description: 'Trusted: intact and signed by a certificate chaining to a configured trust anchor. Valid: intact. Invalid: altered or broken.' },
          },
          { name: 'valid', type: 'checkbox', admin: { readOnly: true, description: 'The manifest validates (Trusted or Valid).' } },
          {
            name: 'actions',
            type: 'json',
            admin: { readOnly: true, description: 'What the manifest records was done: [{ action, when, description }].' },
            jsonSchema: {
              uri: 'https://publication.invalid/schemas/c2pa-actions.json',
              fileMatch: [],
              schema: {
                type: 'array',
                items: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['action', 'when', 'description'],
                  properties: { action: { type: 'string' }, when: { type: ['string', 'null'] }, description: { type: ['string', 'null'] } },
                },
              },
            },
          },
        ],
      },
      {
        name: 'fileVersion',
        type: 'text',
        admin: { hidden: true },
        // Changes whenever the files' bytes do; file URLs carry it (see hooks/versionFileUrls.ts).
        access: { create: () => false, update: () => false },
      },
      {
        name: 'sourceCrop',
        type: 'group',
        admin: { hidden: true },
        // Where the editor's crops lie in the kept upload (see hooks/trackCropRegion.ts).
        access: { read: isAuthenticatedField, create: () => false, update: () => false },
        fields: ['left', 'top', 'width', 'height'].map((name) => ({ name, type: 'number' as const })),
      },
      {
        name: 'sources',
        type: 'json',
        virtual: true,
        admin: { hidden: true },
        // `<picture>` sources per format (AVIF, WebP, the upload's own), each a srcset over every
        // width; filled in with the versioned URLs by hooks/versionFileUrls.ts.
      },
      {
        name: 'licensePermissions',
        type: 'group',
        virtual: true,
        admin: { hidden: true },
        hooks: { afterRead: [computeLicensePermissions] },
        fields: [
          { name: 'commercialUse', type: 'checkbox' },
          { name: 'modification', type: 'checkbox' },
          { name: 'attributionRequired', type: 'checkbox' },
          { name: 'shareAlike', type: 'checkbox' },
          { name: 'summary', type: 'text' },
        ],
      },
      sizesField,
    ],
  }
}
