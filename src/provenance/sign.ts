import { WasmBuilder } from '@contentauth/c2pa-wasm'

import { makeCoseSigner, type SignerDefinition } from './coseSigner'
import type { SigningCredentials } from './credentials'
import { type FileProvenance, toManifestPlan, UPLOAD_INGREDIENT } from './manifest'
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

/**
 * Returns the file with a signed C2PA manifest embedded (JPEG, PNG, WebP, AVIF): the SDK builds
 * and embeds the manifest; the publication's key signs it. Any manifest the bytes already carry
 * is replaced, never stacked: a re-signed file holds one manifest of the publication's.
 */
export async function signImage(bytes: Uint8Array, file: FileProvenance, credentials: SigningCredentials): Promise<Uint8Array> {
  ensureC2paSdk()
  const plan = toManifestPlan(file)
  const builder = WasmBuilder.fromJson(JSON.stringify(plan.definition), BUILDER_CONTEXT)
  try {
    builder.addIngredient(JSON.stringify({ title: file.upload.title, format: file.upload.mimeType, relationship: 'parentOf', label: UPLOAD_INGREDIENT }))
    for (const action of plan.actions) builder.addAction(action)
    for (const { label, data } of plan.assertions) builder.addAssertion(label, data)
    return await builder.sign(signerFor(credentials), [], file.mimeType, new BytesBlob(bytes))
  } finally {
    builder.free()
  }
}
