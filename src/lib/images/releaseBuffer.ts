/**
 * Gives a large buffer's memory back now instead of at V8's next full collection. An upload's
 * copies (8 MB each for a camera photo) outlive a few young-generation collections, so they sit in
 * the old generation, dead but counted, until a full collection: through a burst of uploads that
 * was 60–100 MB of the server's memory. Transferring the bytes away detaches the buffer (it reads
 * as empty from then on) and leaves them in a new, unreferenced ArrayBuffer, which the next young
 * collection frees. Only a buffer that is the whole of its ArrayBuffer is released: a slice of
 * Node's shared pool, or a view into someone else's bytes, is left alone.
 */
export function releaseBuffer(bytes: Uint8Array): void {
  const buffer = bytes.buffer
  if (!(buffer instanceof ArrayBuffer) || buffer.byteLength === 0) return
  if (bytes.byteOffset !== 0 || bytes.byteLength !== buffer.byteLength) return
  structuredClone(buffer, { transfer: [buffer] })
}

/**
 * Once a new upload is stored and kept: the upload as received and the copy kept without its
 * location (`kept`, the same buffer when there was nothing to strip). The upload is released only
 * when Payload parsed it from a request; a Local API caller's buffer is the caller's to keep using.
 */
export function releaseUploadCopies(payloadAPI: string, upload: Buffer, kept: Buffer): void {
  if (kept !== upload) releaseBuffer(kept)
  if (payloadAPI !== 'local') releaseBuffer(upload)
}
