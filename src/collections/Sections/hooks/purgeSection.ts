import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { tagsForProfileChange } from '@/lib/cache/changeTags'
import { purgeChange } from '@/lib/cache/purge'
import type { Section } from '@/payload-types'

/** A section's name or address appears on its pages, on its articles and in every page's navigation. */
export const purgeSection: CollectionAfterChangeHook<Section> & CollectionAfterDeleteHook<Section> = async ({ doc, req }) => {
  await purgeChange(req, tagsForProfileChange('section', doc.id))
  return doc
}
