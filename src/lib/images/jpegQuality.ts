/**
 * Estimates the quality a JPEG was saved at from its luminance quantization table, the way
 * ImageMagick and libjpeg's own `-quality` scaling do: libjpeg scales one standard table by a
 * factor derived from the quality, so the table's sum against the standard's gives the factor back.
 * Null when the file has no 8-bit luminance table (not a baseline/progressive libjpeg-style JPEG).
 */
const STANDARD_LUMINANCE_SUM = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62, 18, 22,
  37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
].reduce((sum, value) => sum + value, 0)

const SOI = 0xd8
const SOS = 0xda
const DQT = 0xdb

/** The 64 entries of quantization table 0 (luminance), or null. */
export function readLuminanceTable(jpeg: Uint8Array): number[] | null {
  if (jpeg[0] !== 0xff || jpeg[1] !== SOI) return null
  let offset = 2
  while (offset + 4 <= jpeg.length) {
    if (jpeg[offset] !== 0xff) return null
    const marker = jpeg[offset + 1]!
    if (marker === 0xff) {
      offset += 1
      continue
    }
    if (marker === SOS) return null
    const length = (jpeg[offset + 2]! << 8) | jpeg[offset + 3]!
    if (marker === DQT) {
      let table = offset + 4
      const end = offset + 2 + length
      while (table < end) {
        const precision = jpeg[table]! >> 4
        const id = jpeg[table]! & 0x0f
        const size = precision === 0 ? 64 : 128
        if (id === 0 && precision === 0) return Array.from(jpeg.subarray(table + 1, table + 1 + size))
        table += 1 + size
      }
    }
    offset += 2 + length
  }
  return null
}

/** 1–100, or null when it cannot be read. */
export function estimateJpegQuality(jpeg: Uint8Array): number | null {
  const table = readLuminanceTable(jpeg)
  if (!table || table.length !== 64) return null
  // Quality 100 clamps every entry to 1, which the scaling cannot tell from 99.
  if (table.every((value) => value === 1)) return 100
  const scale = (100 * table.reduce((sum, value) => sum + value, 0)) / STANDARD_LUMINANCE_SUM
  const quality = scale <= 100 ? (200 - scale) / 2 : 5000 / scale
  return Math.min(100, Math.max(1, Math.round(quality)))
}
