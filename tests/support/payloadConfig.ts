import type { getPayload as GetPayload, SanitizedConfig } from 'payload'

/**
 * Payload and the project's config, imported one after the other: jest's ESM loader loses
 * modules when two imports link at once and one of them waits at a top-level await
 * (payload.config loads its database adapter so). Imported late, so a test sets the environment first.
 */
export async function importPayloadAndConfig(): Promise<{ getPayload: typeof GetPayload; config: Promise<SanitizedConfig> }> {
  const { getPayload } = await import('payload')
  const { default: config } = await import('../../payload.config')
  return { getPayload, config }
}
