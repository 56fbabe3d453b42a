import { WasmBuilder } from '@contentauth/c2pa-wasm'

import { CLAIM_GENERATOR } from './manifest'
import { readContentCredentials } from './read'
import { BytesBlob, ensureC2paSdk } from './sdk'

/**
 * An upload that already carries Content Credentials (from a camera or an editing tool) keeps
 * them as the parent ingredient of every file made from it. The SDK captures the ingredient from
 * the upload as it arrived (before its location metadata is stripped, so the parent's own hashes
 * still match) into a builder archive, kept privately beside the kept upload. Assertions of the
 * parent that hold a location are redacted (C2PA redaction) when a file is signed, so no position
 * leaks through the chain.
 */
export type ParentManifest = {
  /** The SDK's builder archive holding the ingredient. */
  archive: Uint8Array
  /** JUMBF URIs of the parent's assertions that carry a location. */
  redactions: string[]
  /** The IPTC digital source type the parent states for its creation, if any. */
  digitalSourceType: string | null
}

/** The id the SDK gives an ingredient restored from an archive (its assertion label). */
export const ARCHIVED_INGREDIENT_ID = 'c2pa.ingredient.v3'

/** Why location assertions are redacted (C2PA's reason code for personal information). */
export const LOCATION_REDACTION_REASON = 'c2pa.PII.present'

const LOCATION_KEY = /gps|latitude|longitude|location|altitude/i

function mentionsLocation(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(mentionsLocation)
  if (value && typeof value === 'object') return Object.entries(value).some(([key, inner]) => LOCATION_KEY.test(key) || mentionsLocation(inner))
  return false
}

/** Labels of the assertions whose data has a location field (EXIF GPS, IPTC or CAWG locations). */
export function locationAssertionLabels(assertions: Array<{ label: string; data: unknown }>): string[] {
  return assertions.filter(({ label, data }) => !label.startsWith('c2pa.actions') && !label.startsWith('c2pa.hash') && mentionsLocation(data)).map(({ label }) => label)
}

type CreatedAction = { action: string; digitalSourceType?: string }

const JUMBF_BOX = Buffer.from('jumb', 'latin1')

/**
 * Whether a file can hold an embedded C2PA manifest store: in every format (JPEG APP11, PNG
 * caBX, WebP C2PA chunk, HEIF/AVIF uuid box) the store is a JUMBF superbox, whose type is
 * `jumb`. Without one there is nothing to read, and the upload (a camera photo, 8 MB) need not
 * be copied into the SDK's WebAssembly memory, which never shrinks, to find that out.
 */
export function mayEmbedManifest(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(JUMBF_BOX)
}

/** The parent manifest of an upload as it arrived, or null when it carries none. */
export async function captureParentManifest({ bytes, mimeType, title, trustAnchorsPem }: { bytes: Uint8Array; mimeType: string; title: string; trustAnchorsPem: string | null }): Promise<ParentManifest | null> {
  if (!mayEmbedManifest(bytes)) return null
  const parent = await readContentCredentials(bytes, mimeType, trustAnchorsPem)
  if (!parent) return null
  ensureC2paSdk()
  // The archive carries the builder's definition too: the generator is set here, once.
  const builder = WasmBuilder.fromJson(JSON.stringify({ claim_generator_info: [CLAIM_GENERATOR], assertions: [] }))
  try {
    await builder.addIngredientFromBlob(JSON.stringify({ title, relationship: 'parentOf' }), mimeType, new BytesBlob(bytes))
    const created = parent.assertions
      .filter((assertion) => assertion.label.startsWith('c2pa.actions'))
      .flatMap((assertion) => (assertion.data as { actions?: CreatedAction[] }).actions ?? [])
      .find((action) => action.action === 'c2pa.created' && action.digitalSourceType)
    return {
      archive: builder.toArchive(),
      redactions: locationAssertionLabels(parent.assertions).map((label) => `self#jumbf=/c2pa/${parent.label}/c2pa.assertions/${label}`),
      digitalSourceType: created?.digitalSourceType ?? null,
    }
  } finally {
    builder.free()
  }
}

/** Stored as JSON beside the kept upload. */
export function serializeParent(parent: ParentManifest): string {
  return JSON.stringify({ ...parent, archive: Buffer.from(parent.archive).toString('base64') })
}

export function parseParent(text: string): ParentManifest {
  const stored = JSON.parse(text) as Omit<ParentManifest, 'archive'> & { archive: string }
  return { ...stored, archive: new Uint8Array(Buffer.from(stored.archive, 'base64')) }
}
