import slugifyText from 'slugify'

export const SLUG_MAX_LENGTH = 80
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** URL-safe slug: lower-case ASCII words joined by hyphens; Cyrillic and accents are transliterated. */
export function toSlug(text: string, maxLength = SLUG_MAX_LENGTH): string {
  const slug = slugifyText(text, { lower: true, strict: true, trim: true, locale: 'en' })
  if (slug.length <= maxLength) return slug
  const cut = slug.slice(0, maxLength)
  // Prefer ending on a whole word.
  const lastHyphen = cut.lastIndexOf('-')
  return (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '')
}

export function validateSlug(value: unknown): true | string {
  if (typeof value !== 'string' || value === '') return 'A slug is required: it is the page’s address.'
  if (value.length > SLUG_MAX_LENGTH) return `Keep the slug to ${SLUG_MAX_LENGTH} characters or fewer.`
  if (!SLUG_PATTERN.test(value)) return 'Use lower-case letters, digits and single hyphens only, e.g. "xi-and-putin-meet".'
  return true
}
