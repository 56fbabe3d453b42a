import type { CollectionBeforeChangeHook } from 'payload'

import type { Media } from '@/payload-types'

type Crop = { width?: number; height?: number }

/**
 * A crop in the admin's image editor changes the work: record it (CC BY asks for changes to be
 * marked, and no-derivatives licenses forbid it) unless the editor already wrote a note.
 */
export const noteCrop: CollectionBeforeChangeHook<Media> = ({ data, req }) => {
  const crop = (req.query?.uploadEdits as { crop?: Crop } | undefined)?.crop
  const cropped = Boolean(crop) && ((crop?.width ?? 100) < 100 || (crop?.height ?? 100) < 100)
  if (cropped && !data.changes?.trim()) return { ...data, changes: 'Cropped from original' }
  return data
}
