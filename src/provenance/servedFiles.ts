import { toRegion } from '@/lib/images/cropRegion'
import { type ImageFormat, toImageFormat } from '@/lib/images/encoding'
import type { Media } from '@/payload-types'

/** One file the site serves for a media document, as its record lists it. */
export type RecordedFile = {
  file: string
  format: ImageFormat
  /** Null for the original. */
  width: number | null
  /** The `sizes` names this file stands for (a WebP upload's own-format and WebP sizes share one). */
  sizeNames: string[]
}

export type RecordedFiles = { files: RecordedFile[]; uploadFormat: ImageFormat; cropped: boolean }

const formatOf = (mimeType: string | null | undefined) => toImageFormat(mimeType?.replace(/^image\//, ''))

/**
 * The files a media document's record says are served: the original and every size written so
 * far. Re-signing works on these files as they are, so it takes them from the record rather
 * than from the naming scheme. Null when the record has no usable original.
 */
export function recordedFilesOf(media: Pick<Media, 'filename' | 'mimeType' | 'sizes' | 'sourceCrop'>): RecordedFiles | null {
  const uploadFormat = formatOf(media.mimeType)
  if (!media.filename || !uploadFormat) return null
  const byFile = new Map<string, RecordedFile>([[media.filename, { file: media.filename, format: uploadFormat, width: null, sizeNames: [] }]])
  for (const [name, size] of Object.entries(media.sizes ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    const format = formatOf(size?.mimeType) ?? uploadFormat
    if (!size?.filename || !size.width) continue
    const recorded = byFile.get(size.filename) ?? { file: size.filename, format, width: size.width, sizeNames: [] }
    recorded.sizeNames.push(name)
    byFile.set(size.filename, recorded)
  }
  return { files: [...byFile.values()], uploadFormat, cropped: toRegion(media.sourceCrop) !== null }
}
