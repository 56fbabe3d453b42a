import type { PayloadRequest } from 'payload'

import type { License, Media } from '@/payload-types'

/** The license record behind a media document's `license`, whether populated or an id. */
export async function resolveLicense(license: Media['license'] | null | undefined, req: PayloadRequest): Promise<License | null> {
  if (license === null || license === undefined) return null
  if (typeof license === 'object') return license
  try {
    return await req.payload.findByID({ collection: 'licenses', id: license, depth: 0, req })
  } catch (error) {
    if (error instanceof Error && error.name === 'NotFound') return null
    throw error
  }
}
