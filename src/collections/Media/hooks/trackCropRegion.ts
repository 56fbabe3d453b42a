import type { CollectionBeforeChangeHook } from 'payload'

import { composeCrop, toRegion } from '@/lib/images/cropRegion'
import type { Media } from '@/payload-types'
import { NEW_UPLOAD } from './checkUpload'

type UploadEdits = { crop?: { x?: number | string; y?: number | string }; widthInPixels?: number | string; heightInPixels?: number | string }

const NO_REGION = { left: null, top: null, width: null, height: null }

/**
 * Payload crops the served file, which already went through one encoding. Recording where the
 * crop lies in the kept upload lets every rewrite cut the upload itself instead.
 */
export const trackCropRegion: CollectionBeforeChangeHook<Media> = ({ data, originalDoc, operation, req }) => {
  if (req.context[NEW_UPLOAD]) return operation === 'update' ? { ...data, sourceCrop: NO_REGION } : data
  const edits = req.query?.uploadEdits as UploadEdits | undefined
  if (operation !== 'update' || !edits?.crop || !originalDoc?.width || !originalDoc.height) return data
  const current = { width: originalDoc.width, height: originalDoc.height }
  const size = { widthInPixels: Number(edits.widthInPixels), heightInPixels: Number(edits.heightInPixels) }
  // Payload leaves the image alone when the crop keeps its size.
  if (size.widthInPixels === current.width && size.heightInPixels === current.height) return data
  const region = composeCrop(toRegion(originalDoc.sourceCrop), current, { x: Number(edits.crop.x ?? 0), y: Number(edits.crop.y ?? 0), ...size })
  return { ...data, sourceCrop: region }
}
