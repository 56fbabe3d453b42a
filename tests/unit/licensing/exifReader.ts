// Minimal reader for IFD0 text tags in the EXIF buffer sharp's metadata() returns,
// so tests can assert exactly what was written without another dependency.

const TAGS: Record<number, string> = { 0x013b: 'Artist', 0x8298: 'Copyright', 0x9c9d: 'XPAuthor' }
const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8 }

export function readIfd0Text(exif: Buffer): Record<string, string> {
  const tiff = exif.subarray(exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? 6 : 0)
  const little = tiff.toString('latin1', 0, 2) === 'II'
  const u16 = (at: number): number => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at))
  const u32 = (at: number): number => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at))
  const ifd = u32(4)
  const out: Record<string, string> = {}
  for (let i = 0; i < u16(ifd); i++) {
    const entry = ifd + 2 + i * 12
    const name = TAGS[u16(entry)]
    if (!name) continue
    const type = u16(entry + 2)
    const length = u32(entry + 4) * (TYPE_SIZE[type] ?? 1)
    const start = length <= 4 ? entry + 8 : u32(entry + 8)
    const bytes = tiff.subarray(start, start + length)
    // ASCII is NUL-terminated; XP* tags are UTF-16LE bytes, NUL-terminated.
    out[name] = (name.startsWith('XP') ? bytes.toString('utf16le') : bytes.toString('latin1')).replace(/\0+$/, '')
  }
  return out
}
