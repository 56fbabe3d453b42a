import { getSettings } from '@/config/settings'
import { toOpenApiDocument } from '@/lib/openapi/document'
import { publicSchemasFromConfig } from '@/lib/openapi/fromPayloadConfig'
import { getPayloadClient } from './payload'
import { getSiteIdentity } from './site'

/** The public API contract from the running Payload config and Site settings. */
export async function getOpenApiDocument(): Promise<Record<string, unknown>> {
  const [payload, site] = await Promise.all([getPayloadClient(), getSiteIdentity()])
  return toOpenApiDocument(publicSchemasFromConfig(payload.config), { origin: getSettings().serverUrl, site })
}
