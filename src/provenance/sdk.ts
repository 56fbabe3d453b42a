import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

import { initSync } from '@contentauth/c2pa-wasm'

/**
 * The Content Authenticity Initiative's SDK (c2pa-rs compiled to WebAssembly), made usable in
 * Node. Its builder was written for a browser worker: it reads the asset through
 * `FileReaderSync`, which Node lacks, so the asset is handed over as a BytesBlob whose bytes a
 * small FileReaderSync stand-in returns synchronously.
 */
export class BytesBlob extends Blob {
  readonly held: Uint8Array

  constructor(held: Uint8Array) {
    // The Blob itself holds nothing: a copy of a camera photo's 8 MB for each signature adds up.
    // Its size and bytes come from `held` (below).
    super()
    this.held = held
  }

  // The SDK reads its input in slices; each slice keeps its bytes readable the same way.
  override slice(start = 0, end = this.held.length): BytesBlob {
    return new BytesBlob(this.held.subarray(start, end))
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(ownBuffer(this.held))
  }
}

// Blob declares `size` as a property; its value comes from the held bytes.
Object.defineProperty(BytesBlob.prototype, 'size', {
  get(this: BytesBlob) {
    return this.held.byteLength
  },
})

/** The bytes as an ArrayBuffer of their own: the one they are in when they fill it, else a copy. */
function ownBuffer(held: Uint8Array): ArrayBuffer {
  // A SharedArrayBuffer never reaches here: every caller passes a Buffer or the SDK's bytes.
  const buffer = held.buffer as ArrayBuffer
  return held.byteOffset === 0 && held.byteLength === buffer.byteLength ? buffer : buffer.slice(held.byteOffset, held.byteOffset + held.byteLength)
}

class BytesBlobReaderSync {
  readAsArrayBuffer(blob: Blob): ArrayBuffer {
    if (!(blob instanceof BytesBlob)) throw new TypeError('Only a BytesBlob can be read synchronously in Node')
    return ownBuffer(blob.held)
  }
}

let ready = false

/** Compiles the SDK's WebAssembly once per process (about 9 MB) and installs the shim. */
export function ensureC2paSdk(): void {
  if (ready) return
  const global = globalThis as { FileReaderSync?: unknown }
  global.FileReaderSync ??= BytesBlobReaderSync
  // Resolved from the project, not from this file: a bundler moves this file, not node_modules.
  const wasm = createRequire(path.join(process.cwd(), 'package.json')).resolve('@contentauth/c2pa-wasm/c2pa.wasm')
  initSync({ module: readFileSync(wasm) })
  ready = true
}
