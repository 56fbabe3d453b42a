import { isPublicDomain, licenseShortName } from './classify'
import { formatCopyrightNotice } from './copyrightNotice'
import { formatCreditText } from './creditText'
import { escapeXml } from './escape'
import { toSafeHttpUrl } from './safeUrl'
import { cleanText } from './text'
import type { CreditSubject, LicenseFacts } from './types'

const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dc: 'http://purl.org/dc/elements/1.1/',
  xmpRights: 'http://ns.adobe.com/xap/1.0/rights/',
  photoshop: 'http://ns.adobe.com/photoshop/1.0/',
  plus: 'http://ns.useplus.org/ldf/xmp/1.0/',
} as const

/** "Creative Commons Attribution 4.0 International (CC BY 4.0): https://…/by/4.0/" */
function usageTerms(license: LicenseFacts): string {
  const name = cleanText(license.name)
  const short = licenseShortName(license)
  const label = name && name !== short ? `${name} (${short})` : short
  const deed = toSafeHttpUrl(license.deedUrl)
  return deed ? `${label}: ${deed}` : label
}

const simple = (tag: string, value: string | null | undefined): string[] =>
  value ? [`   <${tag}>${escapeXml(value)}</${tag}>`] : []

const langAlt = (tag: string, value: string | null | undefined): string[] =>
  value
    ? [
        `   <${tag}>`,
        '    <rdf:Alt>',
        `     <rdf:li xml:lang="x-default">${escapeXml(value)}</rdf:li>`,
        '    </rdf:Alt>',
        `   </${tag}>`,
      ]
    : []

/**
 * A complete XMP packet with the IPTC licensing fields Google reads (developers.google.com/search/docs/appearance/structured-data/image-license-metadata):
 * WebStatement = deed, Licensor URL = source, Credit Line, Creator, Copyright Notice, Usage Terms.
 * Returned as a JS string; write it as UTF-8 (sharp's withXmp does), so non-Latin names stay as
 * characters. Pass to sharp's `withXmp()`.
 */
export function buildXmpPacket(subject: CreditSubject): string {
  const license = subject.license ?? null
  const creator = cleanText(subject.creator)
  const sourceUrl = toSafeHttpUrl(subject.sourceUrl)
  const deedUrl = license ? toSafeHttpUrl(license.deedUrl) : null
  // Marked=False states public domain; with no license recorded the status is unknown, so omit it.
  const marked = license ? (isPublicDomain(license) ? 'False' : 'True') : null

  const licensor =
    creator || sourceUrl
      ? [
          '   <plus:Licensor>',
          '    <rdf:Seq>',
          '     <rdf:li rdf:parseType="Resource">',
          ...(creator ? [`      <plus:LicensorName>${escapeXml(creator)}</plus:LicensorName>`] : []),
          ...(sourceUrl ? [`      <plus:LicensorURL>${escapeXml(sourceUrl)}</plus:LicensorURL>`] : []),
          '     </rdf:li>',
          '    </rdf:Seq>',
          '   </plus:Licensor>',
        ]
      : []

  const creatorSeq = creator
    ? ['   <dc:creator>', '    <rdf:Seq>', `     <rdf:li>${escapeXml(creator)}</rdf:li>`, '    </rdf:Seq>', '   </dc:creator>']
    : []

  const namespaces = Object.entries(NS)
    .filter(([prefix]) => prefix !== 'rdf')
    .map(([prefix, uri]) => `\n    xmlns:${prefix}="${uri}"`)
    .join('')

  return [
    // U+FEFF in `begin` marks the packet as UTF-8 (XMP spec part 1, 7.3.2); the id is fixed.
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    ` <rdf:RDF xmlns:rdf="${NS.rdf}">`,
    `  <rdf:Description rdf:about=""${namespaces}>`,
    ...langAlt('dc:title', cleanText(subject.title)),
    ...creatorSeq,
    ...langAlt('dc:rights', formatCopyrightNotice(subject)),
    ...simple('photoshop:Credit', formatCreditText(subject)),
    ...simple('xmpRights:Marked', marked),
    ...simple('xmpRights:WebStatement', deedUrl),
    ...langAlt('xmpRights:UsageTerms', license ? usageTerms(license) : null),
    ...licensor,
    '  </rdf:Description>',
    ' </rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n')
}

// EXIF copies live in their own file; re-exported here because they travel with the packet.
export { toExifCredit } from './exif'
export type { ExifCredit } from './exif'
