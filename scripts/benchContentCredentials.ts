/**
 * `npm run bench:c2pa`: what Content Credentials cost, as figures (not pass/fail).
 * 1. Per served file (the sizes and formats the media collection makes from a 2400 × 1600 photo):
 *    the milliseconds signing adds (median of BENCH_C2PA_REPEATS) and the bytes the manifest adds.
 * 2. Re-signing the archive (what a change of the site's mining terms queues): the rewrite of one
 *    image's 16 files, timed with and without signing on BENCH_C2PA_IMAGES images, and the time
 *    for 1,000 images extrapolated from them (one rewrite at a time, as the job runner does).
 * Development chain in a throwaway folder; no database (the jobs' own bookkeeping is not counted).
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import sharp from 'sharp'

import { embedCreditInFiles, type FileSet } from '@/collections/Media/files/embedCredit'
import type { SignServedFile } from '@/collections/Media/files/contentCredentials'
import { keepUpload } from '@/collections/Media/files/keptOriginal'
import { CC_BY_4_0 } from '@/licensing'
import { decideEncodeOptions, readSourceFidelity, type ImageFormat } from '@/lib/images/encoding'
import { MIME_TYPES } from '@/lib/images/uploadContent'
import { MODERN_FORMATS, VARIANT_WIDTHS } from '@/lib/images/variants'
import { loadSigningCredentials } from '@/provenance/credentials'
import { signImage } from '@/provenance/sign'

const REPEATS = Number(process.env.BENCH_C2PA_REPEATS ?? 5)
const IMAGES = Number(process.env.BENCH_C2PA_IMAGES ?? 5)
const MAX_PIXELS = 50_000_000
const credit = { title: 'Harbour', creator: 'Jane Doe', creatorUrl: 'https://jane.example/', license: CC_BY_4_0 }

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/** A photo-like picture: smooth gradients with noise, so encoders do real work. */
async function photo(seed: number): Promise<Buffer> {
  const width = 2400
  const height = 1600
  const pixels = Buffer.alloc(width * height * 3)
  let state = seed * 7919 + 1
  for (let i = 0; i < pixels.length; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff
    const x = (i / 3) % width
    pixels[i] = Math.min(255, Math.floor((x / width) * 200) + (state % 48))
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 88 }).toBuffer()
}

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'publication-bench-c2pa-'))
const quiet = { warn: () => {}, info: () => {} }
const credentials = await loadSigningCredentials({ devDir: path.join(dir, 'c2pa') }, quiet)

const upload = await photo(1)
const fidelity = readSourceFidelity(upload, await sharp(upload).metadata())
const provenance = (format: ImageFormat, width: number | null) => ({
  title: `bench.${format}`,
  mimeType: MIME_TYPES[format],
  upload: { title: 'bench.jpg', mimeType: 'image/jpeg' },
  cropped: false,
  resizedToWidth: width,
  credit,
  miningReserved: true,
  digitalSourceType: null,
  when: new Date().toISOString(),
})

// Warm the SDK (compiling its WebAssembly) outside the figures.
await signImage(await sharp(upload).resize({ width: 64 }).jpeg().toBuffer(), provenance('jpeg', 64), credentials)

console.log('1. Per served file (from a 2400 × 1600 JPEG upload)')
console.log('file                 bytes      signed     added   +%     signing ms (median)')
const targets: Array<{ width: number | null; format: ImageFormat }> = [
  { width: null, format: 'jpeg' },
  { width: null, format: 'png' },
  ...VARIANT_WIDTHS.flatMap((width) => (['jpeg', ...MODERN_FORMATS] as ImageFormat[]).map((format) => ({ width, format }))),
]
for (const { width, format } of targets) {
  let image = sharp(upload)
  if (width) image = image.resize({ width })
  const { format: sharpFormat, options } = decideEncodeOptions(format, fidelity)
  const bytes = await image.toFormat(sharpFormat, options).toBuffer()
  const times: number[] = []
  let signed: Uint8Array = new Uint8Array()
  for (let i = 0; i < REPEATS; i++) {
    const started = performance.now()
    signed = await signImage(bytes, provenance(format, width), credentials)
    times.push(performance.now() - started)
  }
  const added = signed.length - bytes.length
  const name = `${width ? `w${width}` : 'original'} ${format}`
  console.log(`${name.padEnd(20)} ${String(bytes.length).padStart(9)} ${String(signed.length).padStart(10)} ${String(added).padStart(9)} ${((added / bytes.length) * 100).toFixed(1).padStart(5)}%  ${median(times).toFixed(1)}`)
}

console.log(`\n2. Re-signing the archive: rewriting all 16 files of an image (${IMAGES} images, 2400 × 1600)`)
const staticDir = path.join(dir, 'media')
await fs.mkdir(staticDir, { recursive: true })
const fileSets: FileSet[] = []
for (let i = 0; i < IMAGES; i++) {
  const filename = `photo-${i}.jpg`
  await keepUpload(staticDir, filename, await photo(i + 2))
  fileSets.push({ filename, sourceCrop: undefined })
}
const unsigned: SignServedFile = async (bytes) => bytes
const signing: SignServedFile = async (bytes, served) => Buffer.from(await signImage(bytes, provenance(served.format, served.width), credentials))
const perImage: Record<'unsigned' | 'signed', number[]> = { unsigned: [], signed: [] }
for (const media of fileSets) {
  for (const [label, sign] of [['unsigned', unsigned], ['signed', signing]] as const) {
    const started = performance.now()
    await embedCreditInFiles({ media, subject: credit, staticDir, maxPixels: MAX_PIXELS, sign })
    perImage[label].push(performance.now() - started)
  }
}
const plain = median(perImage.unsigned)
const signed = median(perImage.signed)
console.log(`rewrite without signing: ${plain.toFixed(0)} ms per image (median)`)
console.log(`rewrite with signing:    ${signed.toFixed(0)} ms per image (median); signing adds ${(signed - plain).toFixed(0)} ms (${(((signed - plain) / plain) * 100).toFixed(0)} %)`)
console.log(`1,000 images, one rewrite at a time: ${((signed * 1000) / 60_000).toFixed(1)} min (of which signing ${(((signed - plain) * 1000) / 60_000).toFixed(1)} min), extrapolated from ${IMAGES} images`)
await fs.rm(dir, { recursive: true, force: true })
