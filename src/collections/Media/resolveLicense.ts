import type { PayloadRequest } from 'payload'

import type { License, Media } from '@/payload-types'

type LicenseId = Exclude<Media['license'], License> | string

/** One lookup per license per request: a media list computes two virtual fields per document. */
const lookups = new WeakMap<PayloadRequest, Map<LicenseId, Promise<License | null>>>()

async function findLicense(id: LicenseId, req: PayloadRequest): Promise<License | null> {
  try {
    return await req.payload.findByID({ collection: 'licenses', id, depth: 0, req })
  } catch (error) {
    if (error instanceof Error && error.name === 'NotFound') return null
    throw error
  }
}

/** The license record behind a media document's `license`, whether populated or an id. */
export function resolveLicense(license: Media['license'] | null | undefined, req: PayloadRequest): Promise<License | null> {
  if (license === null || license === undefined) return Promise.resolve(null)
  if (typeof license === 'object') return Promise.resolve(license)
  const forRequest = lookups.get(req) ?? new Map<LicenseId, Promise<License | null>>()
  lookups.set(req, forRequest)
  const known = forRequest.get(license)
  if (known) return known
  const lookup = findLicense(license, req)
  forRequest.set(license, lookup)
  return lookup
}
