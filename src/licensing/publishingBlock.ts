import type { LicenseViolation } from './permissions'

/**
 * The one message an editor (in the admin) and an API client (in the 400) both get when an
 * article cannot be published because of its image; null when nothing blocks publishing.
 */
export function formatPublishingBlock(image: { alt?: string | null; filename?: string | null }, violations: readonly LicenseViolation[]): string | null {
  if (violations.length === 0) return null
  const name = [image.alt?.trim() ? `“${image.alt.trim()}”` : null, image.filename ? `(${image.filename})` : null].filter(Boolean).join(' ') || 'without a name'
  return `This article cannot be published: its image ${name} may not be used here. ${violations.map((violation) => violation.message).join(' ')} You can still save it as a draft.`
}
