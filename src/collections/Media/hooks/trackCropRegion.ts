import type { CollectionBeforeChangeHook } from 'payload'

import { composeCrop, toRegion } from '@/lib/images/cropRegion'
import type { Media } from '@/payload-types'
import { newUploadOf } from './checkUpload'

type UploadEdits = { crop?: { x?: number | string; y?: number | string }; widthInPixels?: number | string; heightInPixels?: number | string }

const NO_REGION = { left: null, top: null, width: null, height: null }

/**
 * Payload crops the served file, which already went through one encoding. Recording where the
 * crop lies in the kept upload lets every rewrite cut the upload itself instead.
 */
export const trackCropRegion: CollectionBeforeChangeHook<Media> = ({ data, originalDoc, operation, req }) => {
  const upload = newUploadOf(req)
  const edits = req.query?.uploadEdits as UploadEdits | undefined
  if (!edits?.crop) return upload && operation === 'update' ? { ...data, sourceCrop: NO_REGION } : data
  // A crop sent with a new file cuts that file; a crop of a stored image cuts what is shown now.
  const current = upload ?? (originalDoc?.width && originalDoc.height ? { width: originalDoc.width, height: originalDoc.height } : null)
  if (!current) return data
  const size = { widthInPixels: Number(edits.widthInPixels), heightInPixels: Number(edits.heightInPixels) }
  // Payload leaves the image alone when the crop keeps its size.
  if (size.widthInPixels === current.width && size.heightInPixels === current.height) return data
  const previous = upload ? null : toRegion(originalDoc?.sourceCrop)
  return { ...data, sourceCrop: composeCrop(previous, current, { x: Number(edits.crop.x ?? 0), y: Number(edits.crop.y ?? 0), ...size }) }
}
