import type { PayloadRequest } from 'payload'

import type { Id } from '@/lib/id'
import type { License, Media } from '@/payload-types'
import { rememberFor, requestMemo } from '../requestMemo'

const MEMO = 'license'

type LicenseRef = Media['license'] | string | null | undefined

/** The id behind a relationship value, populated or not (numbers in SQL, strings in MongoDB). */
export function idOf(value: { id: Id } | Id | null | undefined): Id | null {
  if (value === null || value === undefined) return null
  return typeof value === 'object' ? value.id : value
}

async function findLicense(id: Id, req: PayloadRequest): Promise<License | null> {
  const { docs } = await req.payload.find({ collection: 'licenses', where: { id: { equals: id } }, depth: 0, limit: 1, pagination: false, req, overrideAccess: true })
  return docs[0] ?? null
}

/** The license record behind a media document's `license`, read once per request. */
export function getLicense(license: LicenseRef, req: PayloadRequest): Promise<License | null> {
  if (license === null || license === undefined) return Promise.resolve(null)
  if (typeof license === 'object') return Promise.resolve(license)
  return rememberFor(req, MEMO, String(license), () => findLicense(license, req))
}

/** After a license record changes within a request, later reads must see the new terms. */
export function forgetLicense(req: PayloadRequest, id: Id): void {
  requestMemo(req, MEMO).delete(String(id))
}
