import { WasmBuilder } from '@contentauth/c2pa-wasm'

import { makeCoseSigner, type SignerDefinition } from './coseSigner'
import type { SigningCredentials } from './credentials'
import { type FileProvenance, toManifestPlan, UPLOAD_INGREDIENT } from './manifest'
import { ARCHIVED_INGREDIENT_ID, LOCATION_REDACTION_REASON, type ParentManifest } from './parent'
import { BytesBlob, ensureC2paSdk } from './sdk'

/** The builder's settings: no thumbnail (a small AVIF must not double in size for a preview of itself). */
const BUILDER_CONTEXT = JSON.stringify({ builder: { thumbnail: { enabled: false } } })

const signers = new WeakMap<SigningCredentials, SignerDefinition>()

function signerFor(credentials: SigningCredentials): SignerDefinition {
  let signer = signers.get(credentials)
  if (!signer) {
    signer = makeCoseSigner(credentials)
    signers.set(credentials, signer)
  }
  return signer
}

/** A builder holding the upload as its parent ingredient, and the id the actions refer to it by. */
function builderWithUpload(file: FileProvenance, definition: Record<string, unknown>, parent: ParentManifest | null): { builder: WasmBuilder; ingredientId: string } {
  if (!parent) {
    const builder = WasmBuilder.fromJson(JSON.stringify(definition), BUILDER_CONTEXT)
    builder.addIngredient(JSON.stringify({ title: file.upload.title, format: file.upload.mimeType, relationship: 'parentOf', label: UPLOAD_INGREDIENT }))
    return { builder, ingredientId: UPLOAD_INGREDIENT }
  }
  const builder = WasmBuilder.fromArchive(new BytesBlob(parent.archive), BUILDER_CONTEXT)
  for (const property of ['title', 'format'] as const) builder.updateManifestProperty(property, definition[property])
  return { builder, ingredientId: ARCHIVED_INGREDIENT_ID }
}

/**
 * Returns the file with a signed C2PA manifest embedded (JPEG, PNG, WebP, AVIF): the SDK builds
 * and embeds the manifest; the publication's key signs it. Any manifest of the publication's the
 * bytes already carry is replaced, never stacked; the upload's own manifest (`parent`) is kept as
 * the parent ingredient with its location assertions redacted.
 */
export async function signImage(bytes: Uint8Array, file: FileProvenance, credentials: SigningCredentials, parent: ParentManifest | null = null): Promise<Uint8Array> {
  ensureC2paSdk()
  const plan = toManifestPlan({ ...file, digitalSourceType: file.digitalSourceType ?? parent?.digitalSourceType ?? null })
  const { builder, ingredientId } = builderWithUpload(file, plan.definition, parent)
  try {
    const [opened, ...edits] = plan.actions
    builder.addAction({ ...opened, parameters: { ingredientIds: [ingredientId] } })
    // Each redaction adds its own c2pa.redacted action: after the opening, as C2PA requires.
    for (const uri of parent?.redactions ?? []) builder.addRedaction(uri, LOCATION_REDACTION_REASON)
    for (const action of edits) builder.addAction(action)
    for (const { label, data } of plan.assertions) builder.addAssertion(label, data)
    return await builder.sign(signerFor(credentials), [], file.mimeType, new BytesBlob(bytes))
  } finally {
    builder.free()
  }
}
