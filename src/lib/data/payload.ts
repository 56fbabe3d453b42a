import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

/** The site's Payload instance (Local API, no HTTP hop). */
export function getPayloadClient(): Promise<Payload> {
  return getPayload({ config })
}
