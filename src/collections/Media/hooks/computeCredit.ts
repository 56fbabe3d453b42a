import type { FieldHook } from 'payload'

import { getMediaCredit } from '@/domain/media/credit'
import type { Media } from '@/payload-types'

/**
 * Virtual `credit` field: the credit as API consumers need it (plain text and HTML with
 * CC REL markup), from the same attribution model the site uses. Never stored.
 */
export const computeCredit: FieldHook<Media> = async ({ data, req }) => {
  if (!data) return null
  const { text, html } = await getMediaCredit(data as Media, req)
  return { text, html }
}

/** Virtual `licensePermissions` field: what the image's license allows, in one place. */
export const computeLicensePermissions: FieldHook<Media> = async ({ data, req }) => {
  if (!data) return null
  return (await getMediaCredit(data as Media, req)).permissions
}
