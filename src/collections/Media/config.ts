import type { CollectionConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { isEditorOrAdmin } from '@/access/isEditorOrAdmin'
import { IMAGE_MIME_TYPES, VARIANT_WIDTHS, variantFilename, variantName } from '@/lib/images/variants'
import { validateOptionalHttpUrl } from '@/lib/validation/url'
import { revalidateAfterMediaChange } from './hooks/revalidateAfterMediaChange'

export function createMediaCollection({ staticDir }: { staticDir: string }): CollectionConfig {
  return {
    slug: 'media',
    labels: { singular: 'Image', plural: 'Media' },
    admin: {
      useAsTitle: 'alt',
      defaultColumns: ['filename', 'alt', 'creator', 'license'],
      description: 'Images with their credit and license. Every image needs alt text and a license.',
    },
    access: {
      read: anyone,
      create: isEditorOrAdmin,
      update: isEditorOrAdmin,
      delete: isEditorOrAdmin,
    },
    hooks: {
      afterChange: [revalidateAfterMediaChange],
    },
    upload: {
      staticDir,
      mimeTypes: [...IMAGE_MIME_TYPES],
      focalPoint: true,
      crop: true,
      adminThumbnail: variantName(VARIANT_WIDTHS[0]!),
      // Small originals are enlarged so every width the site asks for exists (see mediaLoader).
      imageSizes: VARIANT_WIDTHS.map((width) => ({
        name: variantName(width),
        width,
        withoutEnlargement: false,
        generateImageName: ({ originalName, extension }) => variantFilename(originalName, width, extension),
      })),
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
        ],
      },
    ],
  }
}
