import type { ImageFormat } from './encoding'

/** Names Windows refuses for a file, whatever the extension (a backup copied there must restore). */
const RESERVED_NAMES = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i
/** Characters no file system or shell should see in a name: separators and wildcards. */
const UNSAFE_CHARACTERS = /[/\\:*?"<>|]/g
/** Control characters, and format characters such as right-to-left overrides that disguise an extension. */
const INVISIBLE_CHARACTERS = /[\p{Cc}\p{Cf}]/gu
const MAX_BYTES = 180

export const FORMAT_EXTENSIONS: Record<ImageFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', avif: 'avif' }

function truncateToBytes(text: string, maxBytes: number): string {
  let result = ''
  for (const character of text) {
    if (Buffer.byteLength(result + character) > maxBytes) break
    result += character
  }
  return result
}

/**
 * A name safe to store and serve, in any script: `Фото Кремля.JPG` stays readable, while path
 * parts, `..`, control and bidi characters, reserved device names and a misleading extension do
 * not survive. The extension always names the format the content really is.
 */
export function safeUploadFilename(name: string, format: ImageFormat): string {
  const lastPart = name.normalize('NFC').split(/[/\\]/).pop() ?? ''
  const stem = lastPart.replace(/\.[^.]*$/, '') || lastPart
  const cleaned = stem
    .replace(INVISIBLE_CHARACTERS, '')
    .replace(UNSAFE_CHARACTERS, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.-]+|[\s.]+$/g, '')
  const safeStem = truncateToBytes(RESERVED_NAMES.test(cleaned) ? `${cleaned}-image` : cleaned, MAX_BYTES).trim() || 'image'
  return `${safeStem}.${FORMAT_EXTENSIONS[format]}`
}
