import { findLicenseViolations, toCreditSubject, type LicenseViolation } from '@/licensing'
import type { License, Media } from '@/payload-types'
import { articlePath } from '@/lib/urls'

export type RuleImage = Pick<Media, 'alt' | 'filename' | 'title' | 'creator' | 'creatorUrl' | 'sourceUrl' | 'changes' | 'permissionNote'>

/** Why this image may not appear in a published article under this license on this site ([] when it may). */
export function findImageViolations(image: RuleImage, license: License | null, site: { commercial: boolean }): LicenseViolation[] {
  const subject = { ...toCreditSubject(image, license), permissionNote: image.permissionNote }
  return findLicenseViolations(subject, { commercial: site.commercial, modified: Boolean(image.changes?.trim()) })
}

export type LiveUseConflict = {
  image: Pick<Media, 'alt' | 'filename'>
  violations: readonly LicenseViolation[]
  articles: ReadonlyArray<{ headline: string; slug: string }>
}

function nameOf(image: LiveUseConflict['image']): string {
  return [image.alt?.trim() ? `“${image.alt.trim()}”` : null, image.filename ? `(${image.filename})` : null].filter(Boolean).join(' ') || 'without a name'
}

/**
 * The one message an editor (in the admin) and an API client (in the 400) get when a change to
 * an image or a license would break the license of published articles; null when nothing does.
 */
export function formatLiveUseBlock(conflicts: readonly LiveUseConflict[]): string | null {
  const real = conflicts.filter((conflict) => conflict.violations.length > 0 && conflict.articles.length > 0)
  if (real.length === 0) return null
  const parts = real.map((conflict) => {
    const articles = conflict.articles.map((article) => `“${article.headline}” (${articlePath(article.slug)})`).join(', ')
    return `The image ${nameOf(conflict.image)} is used by published articles: ${articles}. ${conflict.violations.map((violation) => violation.message).join(' ')}`
  })
  return `This change is refused: it would break the license of published articles. ${parts.join(' ')} Unpublish those articles or give them another image first.`
}
