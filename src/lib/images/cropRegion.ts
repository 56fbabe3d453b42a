/** A rectangle in pixels of the kept upload (after EXIF orientation is applied). */
export type Region = { left: number; top: number; width: number; height: number }

/** A crop from the admin's image editor: position in percent of the current image, size in pixels. */
export type CropEdit = { x: number; y: number; widthInPixels: number; heightInPixels: number }

/**
 * Where a crop of the current image lies in the kept upload. The current image is the upload cut
 * to `previous` (or the whole upload), so crops compose; rewrites then cut the untouched upload
 * once instead of cropping an already re-encoded file. Positions round down as Payload's cropper does.
 */
export function composeCrop(previous: Region | null, current: { width: number; height: number }, edit: CropEdit): Region {
  const left = Math.floor((edit.x / 100) * current.width)
  const top = Math.floor((edit.y / 100) * current.height)
  const width = Math.min(Math.round(edit.widthInPixels), current.width - left)
  const height = Math.min(Math.round(edit.heightInPixels), current.height - top)
  if (!(width > 0 && height > 0 && left >= 0 && top >= 0)) throw new RangeError('The crop lies outside the image')
  return { left: (previous?.left ?? 0) + left, top: (previous?.top ?? 0) + top, width, height }
}

/** The stored region of a media document, or null when the whole upload is used. */
export function toRegion(stored: { left?: number | null; top?: number | null; width?: number | null; height?: number | null } | null | undefined): Region | null {
  if (stored?.left == null || stored.top == null || !stored.width || !stored.height) return null
  return { left: stored.left, top: stored.top, width: stored.width, height: stored.height }
}
