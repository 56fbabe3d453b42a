import { formatCopyrightNotice } from './copyrightNotice'
import { formatCreditText } from './creditText'
import { toSafeHttpUrl } from './safeUrl'
import { cleanText } from './text'
import type { CreditSubject } from './types'

export type ImageObjectOptions = {
  /** Absolute URL of the image file as served. Omitted from the output if not absolute http(s). */
  contentUrl: string
  width?: number | null
  height?: number | null
  caption?: string | null
  /**
   * schema.org type of the creator. Defaults to Organization: credits here are usually
   * agencies or sites (e.g. kremlin.ru), and a person cannot be told apart from a name.
   */
  creatorType?: 'Person' | 'Organization'
}

const positiveInteger = (value: number | null | undefined): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined

/** Drops undefined, null and '' values, so consumers never see empty keys. */
function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== undefined && value !== null && value !== ''),
  )
}

/**
 * schema.org ImageObject with Google's image-license fields (its image license metadata guide). Carries its own
 * @context so it can stand alone in a <script type="application/ld+json">; nested in a
 * NewsArticle the repeated @context is harmless.
 */
export function toImageObject(subject: CreditSubject, options: ImageObjectOptions): Record<string, unknown> {
  const contentUrl = toSafeHttpUrl(options.contentUrl)
  const deedUrl = toSafeHttpUrl(subject.license?.deedUrl)
  const creatorName = cleanText(subject.creator)
  const creator = creatorName
    ? compact({
        '@type': options.creatorType ?? 'Organization',
        name: creatorName,
        url: toSafeHttpUrl(subject.creatorUrl),
      })
    : undefined

  return compact({
    '@context': 'https://schema.org',
    '@type': 'ImageObject',
    contentUrl,
    url: contentUrl,
    name: cleanText(subject.title),
    caption: cleanText(options.caption),
    width: positiveInteger(options.width),
    height: positiveInteger(options.height),
    license: deedUrl,
    // Where a reader can learn how to use the image: the original's page, else the deed.
    acquireLicensePage: toSafeHttpUrl(subject.sourceUrl) ?? deedUrl,
    creditText: formatCreditText(subject),
    creator,
    copyrightNotice: formatCopyrightNotice(subject),
  })
}
