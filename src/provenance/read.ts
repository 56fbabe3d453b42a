import { WasmReader } from '@contentauth/c2pa-wasm'

import { ensureC2paSdk } from './sdk'

/** What a reader of the file learns from its Content Credentials, as the SDK validated them. */
export type ContentCredentialSummary = {
  /** The active manifest's label (a URN). */
  label: string
  signer: { name: string | null; issuer: string | null }
  /** The time the publication's actions record (a time stamp, where an authority added one). */
  signedAt: string | null
  /** Trusted: intact and chains to a trust anchor; Valid: intact; Invalid: altered or broken. */
  validationState: 'Trusted' | 'Valid' | 'Invalid'
  valid: boolean
  actions: Array<{ action: string; when: string | null; description: string | null }>
  /** Validation failure codes, e.g. `assertion.dataHash.mismatch`. */
  failures: string[]
  /** Labels of the assertions the manifest carries, and their data (for tests and the API). */
  assertions: Array<{ label: string; data: unknown }>
  ingredients: Array<{ title: string | null; relationship: string | null; activeManifest: string | null }>
  /** Manifests in the file's store: the active one plus any kept from its ingredients. */
  manifestCount: number
}

type Validation = { code: string }
type StoreJson = {
  active_manifest?: string
  manifests?: Record<string, unknown>
  validation_state?: 'Trusted' | 'Valid' | 'Invalid'
  validation_results?: { activeManifest?: { failure?: Validation[] } }
}
type ManifestJson = {
  label?: string
  signature_info?: { common_name?: string; issuer?: string; time?: string }
  assertions?: Array<{ label: string; data: unknown }>
  ingredients?: Array<{ title?: string; relationship?: string; active_manifest?: string }>
}
type ActionsData = { actions?: Array<{ action: string; when?: string; description?: string }> }

/** The reader's settings: validate the signer against these roots, when there are any. */
export function readerContext(trustAnchorsPem: string | null): string {
  return JSON.stringify(trustAnchorsPem ? { trust: { trust_anchors: trustAnchorsPem }, verify: { verify_trust: true } } : { verify: { verify_trust: false } })
}

function isMissingManifest(error: unknown): boolean {
  return /JumbfNotFound|ProvenanceMissing|JumbfBoxNotFound/.test(String(error))
}

/** Reads and validates a file's manifest; null when it carries none. */
export async function readContentCredentials(bytes: Uint8Array, mimeType: string, trustAnchorsPem: string | null): Promise<ContentCredentialSummary | null> {
  ensureC2paSdk()
  let reader: WasmReader
  try {
    reader = await WasmReader.fromBytes(mimeType, bytes, readerContext(trustAnchorsPem))
  } catch (error) {
    if (isMissingManifest(error)) return null
    throw error
  }
  try {
    const store = JSON.parse(reader.json()) as StoreJson
    const label = reader.activeLabel() ?? store.active_manifest ?? ''
    const manifest = (store.manifests?.[label] ?? {}) as ManifestJson
    const assertions = manifest.assertions ?? []
    const actions = assertions.filter((assertion) => assertion.label.startsWith('c2pa.actions')).flatMap((assertion) => (assertion.data as ActionsData).actions ?? [])
    const whens = actions.map((action) => action.when).filter((when): when is string => Boolean(when))
    const state = store.validation_state ?? 'Invalid'
    return {
      label,
      signer: { name: manifest.signature_info?.common_name ?? null, issuer: manifest.signature_info?.issuer ?? null },
      signedAt: manifest.signature_info?.time ?? whens.sort().at(-1) ?? null,
      validationState: state,
      valid: state !== 'Invalid',
      actions: actions.map((action) => ({ action: action.action, when: action.when ?? null, description: action.description ?? null })),
      failures: (store.validation_results?.activeManifest?.failure ?? []).map((failure) => failure.code),
      assertions,
      ingredients: (manifest.ingredients ?? []).map((ingredient) => ({ title: ingredient.title ?? null, relationship: ingredient.relationship ?? null, activeManifest: ingredient.active_manifest ?? null })),
      manifestCount: Object.keys(store.manifests ?? {}).length,
    }
  } finally {
    reader.free()
  }
}
