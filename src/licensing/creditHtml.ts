import { toCreditSegments } from './creditSegments'
import type { CreditSegment } from './creditSegments'
import type { CreditParts } from './creditParts'
import { escapeHtml } from './escape'
import type { CreditSubject } from './types'

export type CreditHtmlOptions = {
  /** The image being credited; becomes the RDFa subject (`about`). */
  imageUrl: string
}

/** RDFa 1.1 prefix declarations: HTML5 has no xmlns:* attributes (the Nu checker rejects them). */
const RDFA_PREFIXES = 'cc: http://creativecommons.org/ns# dct: http://purl.org/dc/terms/'

/**
 * An absolute http(s) URL or a root-relative path (resolved against the page, as RDFa does),
 * without its query: a file's `?v=` version changes with every rewrite, the image it names does not.
 */
function aboutValue(imageUrl: string): string | null {
  const trimmed = imageUrl.trim().replace(/[?#].*$/, '')
  if (/^\/(?!\/)/.test(trimmed) && !/\s/.test(trimmed)) return trimmed
  try {
    const url = new URL(trimmed)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

type Attrs = Record<string, string | null>

/** Renders attributes, dropping null ones, so no element gets an empty or unsafe href. */
function renderAttrs(attrs: Attrs): string {
  return Object.entries(attrs)
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('')
}

function element(tag: 'a' | 'span', attrs: Attrs, text: string): string {
  return `<${tag}${renderAttrs(attrs)}>${escapeHtml(text)}</${tag}>`
}

/*
 * RDFa notes (RDFa 1.1 Core §7.5):
 * - A plain <a href> makes its href the subject of nested properties, and @property on an
 *   <a href> without @rel takes the href as value. So the title literal sits on a <span
 *   property="dct:title"> around the link, and the creator link carries @rel with @property
 *   (then @property takes the text, as in CC's own markup).
 * - No target="_blank", hence no need for rel="noopener"; and extra rel tokens like
 *   "noopener"/"nofollow" would be read as RDFa terms, so rel holds RDFa values only.
 * - dir="auto" isolates each name (Arabic/Hebrew) so it cannot reorder the punctuation
 *   and license name around it, without adding invisible characters to the text.
 */
function renderSegment(segment: CreditSegment, parts: CreditParts): string {
  const sourceRel = parts.changes ? 'dct:source' : null
  switch (segment.kind) {
    case 'literal':
      return escapeHtml(segment.text)
    case 'untitled':
      return parts.sourceUrl
        ? element('a', { href: parts.sourceUrl, rel: sourceRel }, segment.text)
        : escapeHtml(segment.text)
    case 'title': {
      const inner = parts.sourceUrl
        ? element('a', { href: parts.sourceUrl, rel: sourceRel }, segment.text)
        : escapeHtml(segment.text)
      return `<span property="dct:title" dir="auto">${inner}</span>`
    }
    case 'creator':
      return parts.creatorUrl
        ? element(
            'a',
            {
              href: parts.creatorUrl,
              property: 'cc:attributionName',
              rel: 'cc:attributionURL dct:creator',
              dir: 'auto',
            },
            segment.text,
          )
        : element('span', { property: 'cc:attributionName', dir: 'auto' }, segment.text)
    case 'license':
      return parts.deedUrl
        ? element('a', { href: parts.deedUrl, rel: 'license' }, segment.text)
        : element('span', { property: 'dct:rights' }, segment.text)
  }
}

/**
 * The credit as an HTML fragment with CC REL RDFa (licensing.md §1). Its visible text equals
 * formatCreditText(subject). Every text and attribute value is escaped; unsafe or missing URLs
 * degrade to plain text. Returns '' when there is nothing to credit.
 */
export function renderCreditHtml(subject: CreditSubject, options: CreditHtmlOptions): string {
  const { parts, segments } = toCreditSegments(subject)
  if (segments.length === 0) return ''
  const body = segments.map((segment) => renderSegment(segment, parts)).join('')
  const root = renderAttrs({ about: aboutValue(options.imageUrl), prefix: RDFA_PREFIXES })
  return `<span${root}>${body}</span>`
}
