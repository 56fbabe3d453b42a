import type { PayloadRequest } from 'payload'

import { describePermissions, formatCreditText, renderCreditHtml, toCreditSubject, type CreditRecord, type PermissionSummary } from '@/licensing'
import type { CreditSubject } from '@/licensing/types'
import type { Media } from '@/payload-types'
import { rememberFor } from '../requestMemo'
import { getLicense } from './license'

export type MediaCredit = { subject: CreditSubject; text: string; html: string; permissions: PermissionSummary }

/** Everything the credit of one image says, from the one attribution model. */
export function describeCredit(subject: CreditSubject, imageUrl: string): MediaCredit {
  return {
    subject,
    text: formatCreditText(subject),
    html: renderCreditHtml(subject, { imageUrl }),
    permissions: describePermissions(subject.license),
  }
}

type CreditSource = CreditRecord & Pick<Media, 'license' | 'url'> & Partial<Pick<Media, 'id' | 'updatedAt'>>

/**
 * The credit of a media document, computed once per document per request: its virtual fields
 * (`credit`, `licensePermissions`) and the file metadata all read it from here. The key holds
 * both records' `updatedAt`, so a change made earlier in the same request is never hidden.
 */
export async function getMediaCredit(media: CreditSource, req: PayloadRequest): Promise<MediaCredit> {
  const license = await getLicense(media.license, req)
  const compute = () => describeCredit(toCreditSubject(media, license), media.url ?? '')
  if (media.id === undefined || media.id === null) return compute()
  const key = [media.id, media.updatedAt, license?.id, license?.updatedAt, media.url].join('|')
  return rememberFor(req, 'credit', key, compute)
}
