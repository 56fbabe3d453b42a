/** Whether a WebP file holds a lossless (VP8L) bitstream: re-encoding it lossy would degrade it. */
export function isLosslessWebp(webp: Uint8Array): boolean {
  if (ascii(webp, 0, 4) !== 'RIFF' || ascii(webp, 8, 4) !== 'WEBP') return false
  return riffChunks(webp).some((chunk) => chunk.fourcc === 'VP8L')
}

export type RiffChunk = { fourcc: string; start: number; end: number }

/** The top-level chunks of a WebP file (each with its header and padding). */
export function riffChunks(webp: Uint8Array): RiffChunk[] {
  const chunks: RiffChunk[] = []
  let offset = 12
  while (offset + 8 <= webp.length) {
    const size = new DataView(webp.buffer, webp.byteOffset + offset + 4, 4).getUint32(0, true)
    const end = Math.min(webp.length, offset + 8 + size + (size % 2))
    chunks.push({ fourcc: ascii(webp, offset, 4), start: offset, end })
    offset = end
  }
  return chunks
}

export function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length))
}
