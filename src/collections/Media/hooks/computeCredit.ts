import type { FieldHook } from 'payload'

import { describePermissions, formatCreditText, renderCreditHtml } from '@/licensing'
import { toCreditSubject, toLicenseFacts } from '@/lib/data/views'
import type { Media } from '@/payload-types'
import { resolveLicense } from '../resolveLicense'

/**
 * Virtual `credit` field: the credit as API consumers need it (plain text and HTML with
 * CC REL markup), from the same attribution model the site uses. Never stored.
 */
export const computeCredit: FieldHook<Media> = async ({ data, req }) => {
  if (!data) return null
  const license = await resolveLicense(data.license, req)
  const subject = toCreditSubject(data as Media, license)
  return {
    text: formatCreditText(subject),
    html: renderCreditHtml(subject, { imageUrl: data.url ?? '' }),
  }
}

/** Virtual `licensePermissions` field: what the image's license allows, in one place. */
export const computeLicensePermissions: FieldHook<Media> = async ({ data, req }) => {
  if (!data) return null
  return describePermissions(toLicenseFacts(await resolveLicense(data.license, req)))
}
