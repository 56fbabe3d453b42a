import type { Media } from '@/payload-types'

/** One stored file of an image: the original or one of the variants Payload made from it. */
export type ImageFile = { url: string; width: number; height: number; mimeType: string; filesize: number | null }

type FileFields = { url?: string | null; width?: number | null; height?: number | null; mimeType?: string | null; filesize?: number | null }

function toImageFile(file: FileFields | null | undefined, fallbackMimeType: string | null | undefined): ImageFile | null {
  if (!file?.url || !file.width || !file.height) return null
  const mimeType = file.mimeType ?? fallbackMimeType
  return mimeType ? { url: file.url, width: file.width, height: file.height, mimeType, filesize: file.filesize ?? null } : null
}

/** Every file of the image as the document lists them (its own `sizes`), narrowest first. */
export function listImageFiles(media: Media): ImageFile[] {
  const files = [media, ...Object.values(media.sizes ?? {})].map((file) => toImageFile(file, media.mimeType))
  return files.filter((file): file is ImageFile => file !== null).sort((a, b) => a.width - b.width)
}

/**
 * The narrowest real file at least `minWidth` wide (feeds and link previews ask for about
 * 1200 px), else the widest there is. Null when the document has no usable file.
 */
export function pickImageFile(media: Media, minWidth: number): ImageFile | null {
  const files = listImageFiles(media)
  return files.find((file) => file.width >= minWidth) ?? files.at(-1) ?? null
}
