import type { KeyObject } from 'node:crypto'

import { Algorithms, Headers, ProtectedHeaders, Sign1 } from '@auth0/cose'
import type { WasmBuilder } from '@contentauth/c2pa-wasm'

/**
 * The signer the SDK's WebAssembly builder calls. Unlike c2pa-rs's own signers, the wasm signer
 * hands the whole COSE structure to its callback (c2pa-js `wasm_signer.rs`:
 * `direct_cose_handling() -> true`, `certs() -> []`): it passes the claim bytes and embeds
 * whatever comes back, unchanged, in a box of exactly `reserveSize` bytes. So the callback
 * returns a C2PA claim signature as c2pa-rs would make it (c2pa-rs `crypto/cose/sign.rs`): a
 * tagged COSE_Sign1 with the algorithm and the certificate chain (`x5chain`) in the protected
 * header, the claim as detached payload, and zero padding in an unprotected `pad` header to fill
 * the box. The COSE library signs and encodes; the SDK validates the result when reading.
 */
export type SignerDefinition = Parameters<WasmBuilder['sign']>[0]

export type SigningAlgorithm = 'es256' | 'es384' | 'ed25519'

const COSE_ALGORITHM: Record<SigningAlgorithm, Algorithms> = { es256: Algorithms.ES256, es384: Algorithms.ES384, ed25519: Algorithms.EdDSA }

/** Signature lengths (ECDSA in IEEE P1363 form, as COSE has it). */
const SIGNATURE_LENGTH: Record<SigningAlgorithm, number> = { es256: 64, es384: 96, ed25519: 64 }

/** Room for the smallest padding entry (label and length prefix) and a little slack. */
const PADDING_ROOM = 16

/** The algorithm a private key signs with; C2PA allows these for EC and Edwards keys. */
export function signingAlgorithmOf(key: KeyObject): SigningAlgorithm {
  if (key.asymmetricKeyType === 'ed25519') return 'ed25519'
  if (key.asymmetricKeyType === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve
    if (curve === 'prime256v1') return 'es256'
    if (curve === 'secp384r1') return 'es384'
  }
  throw new Error(`C2PA signing key: use an EC P-256, EC P-384 or Ed25519 key (this one is ${key.asymmetricKeyType ?? 'unknown'})`)
}

/** The unprotected header: the padding that fills the signature box, nothing else. */
function paddingHeader(length: number): Map<number, unknown> {
  // COSE allows text labels; the library's type only names the registered numeric ones.
  return new Map<string, Uint8Array>([['pad', new Uint8Array(length)]]) as unknown as Map<number, unknown>
}

/** Encodes a signed COSE_Sign1 with a detached payload and padding bringing it to `size` bytes. */
function padToSize(encodedProtected: Uint8Array, signature: Uint8Array, size: number): Uint8Array {
  const encode = (padLength: number) => new Sign1(encodedProtected, paddingHeader(padLength), null as unknown as Uint8Array, signature).encode()
  const bare = encode(0).length
  // The pad's own length prefix grows with it: a few tries find the exact fit.
  for (let padLength = Math.max(0, size - bare - 8); padLength <= size - bare; padLength++) {
    const encoded = encode(padLength)
    if (encoded.length === size) return new Uint8Array(encoded)
  }
  throw new Error(`C2PA signature does not fit its reserved ${size} bytes`)
}

export function makeCoseSigner({ key, chainDer }: { key: KeyObject; chainDer: Uint8Array[] }): SignerDefinition {
  const alg = signingAlgorithmOf(key)
  const protectedHeaders = ProtectedHeaders.from([
    [Headers.Algorithm, COSE_ALGORITHM[alg]],
    [Headers.X5Chain, chainDer],
  ])
  const encodedProtected = protectedHeaders.encode()
  // Every part but the padding has a fixed size, so the box is sized to the signature exactly.
  const reserveSize = new Sign1(encodedProtected, new Map(), null as unknown as Uint8Array, new Uint8Array(SIGNATURE_LENGTH[alg])).encode().length + PADDING_ROOM
  return {
    alg,
    reserveSize,
    sign: async (claim) => {
      const signed = await Sign1.sign(protectedHeaders, undefined, claim, key)
      return padToSize(encodedProtected, signed.signature, reserveSize) as Uint8Array<ArrayBuffer>
    },
  }
}
