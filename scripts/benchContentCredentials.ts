/**
 * `npm run bench:c2pa`: what Content Credentials cost, as figures (not pass/fail).
 * 1. Per served file (the sizes and formats the media collection makes from a 2400 × 1600 photo):
 *    the milliseconds signing adds (median of BENCH_C2PA_REPEATS) and the bytes the manifest adds.
 * 2. A credit or license change: the rewrite of one image's 16 files from its kept upload
 *    (re-encoding, XMP/EXIF and signing), timed with and without signing on BENCH_C2PA_IMAGES
 *    images, and the time for 1,000 images extrapolated from them (one at a time, as jobs run).
 * 3. A change of the site's mining terms: re-signing the served files as they are (checked, then
 *    signed again, no re-encoding), actually run on BENCH_C2PA_ARCHIVE (1,000) images' 16 files,
 *    copies of section 2's signed files, one image at a time as the job runner does.
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
import { resignServedFiles } from '@/provenance/resign'
import { recordedFilesOf } from '@/provenance/servedFiles'
import { signImage } from '@/provenance/sign'
import { mediaFileVersion } from '@/lib/images/fileUrls'
import type { Media } from '@/payload-types'

const REPEATS = Number(process.env.BENCH_C2PA_REPEATS ?? 5)
const IMAGES = Number(process.env.BENCH_C2PA_IMAGES ?? 5)
const ARCHIVE = Number(process.env.BENCH_C2PA_ARCHIVE ?? 1000)
const MAX_PIXELS = 50_000_000
const credit = { title: 'Harbour', creator: 'Jane Doe', creatorUrl: 'https://jane.example/', license: CC_BY_4_0 }

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/**
 * A photo-like picture: detail at every scale, as a photograph has (noise from 1/96 of the width
 * up to single pixels, each layer scaled up smoothly and summed), so the small sizes keep detail
 * too and encoders do real work at every width.
 */
async function photo(seed: number): Promise<Buffer> {
  const width = 2400
  const height = 1600
  let state = seed * 7919 + 1
  const random = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff
  const octaves = [
    { across: 25, weight: 0.45 },
    { across: 100, weight: 0.25 },
    { across: 400, weight: 0.15 },
    { across: 1200, weight: 0.1 },
    { across: 2400, weight: 0.05 },
  ]
  const pixels = new Float32Array(width * height * 3)
  for (const { across, weight } of octaves) {
    const down = Math.round((across * height) / width)
    const noise = Buffer.alloc(across * down * 3)
    for (let i = 0; i < noise.length; i++) noise[i] = Math.floor(random() * 256)
    const layer = await sharp(noise, { raw: { width: across, height: down, channels: 3 } }).resize(width, height, { kernel: 'cubic' }).raw().toBuffer()
    for (let i = 0; i < pixels.length; i++) pixels[i]! += layer[i]! * weight
  }
  return sharp(Buffer.from(Uint8Array.from(pixels, (value) => Math.min(255, Math.round(value)))), { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 88 })
    .toBuffer()
}

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'publication-bench-c2pa-'))
const quiet = { warn: () => {}, info: () => {} }
const credentials = await loadSigningCredentials({ devDir: path.join(dir, 'c2pa') }, quiet)

const upload = await photo(1)
const fidelity = readSourceFidelity(upload, await sharp(upload).metadata())
const provenance = (format: ImageFormat, width: number | null, miningReserved = true) => ({
  title: `bench.${format}`,
  mimeType: MIME_TYPES[format],
  upload: { title: 'bench.jpg', mimeType: 'image/jpeg' },
  cropped: false,
  resizedToWidth: width,
  credit,
  miningReserved,
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
  // The upload's own format (JPEG here, PNG for a PNG upload), then AVIF and WebP.
  ...VARIANT_WIDTHS.flatMap((width) => (['jpeg', 'png', ...MODERN_FORMATS] as ImageFormat[]).map((format) => ({ width, format }))),
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

console.log(`\n2. A credit or license change: rewriting all 16 files of an image from its kept upload (${IMAGES} images, 2400 × 1600)`)
const staticDir = path.join(dir, 'media')
await fs.mkdir(staticDir, { recursive: true })
const fileSets: FileSet[] = []
for (let i = 0; i < IMAGES; i++) {
  const filename = `photo-${i}.jpg`
  await keepUpload(staticDir, filename, await photo(i + 2))
  fileSets.push({ filename, sourceCrop: undefined })
}
// Without signing, the time from one file to the next is that file's encoding (and writing):
// summed by format, it shows what a rewrite spends where (the first file also reads the upload).
const encodeMs: Partial<Record<ImageFormat, number>> = {}
let lastFile = 0
const unsigned: SignServedFile = async (bytes, served) => {
  const now = performance.now()
  encodeMs[served.format] = (encodeMs[served.format] ?? 0) + now - lastFile
  lastFile = now
  return bytes
}
const signing: SignServedFile = async (bytes, served) => Buffer.from(await signImage(bytes, provenance(served.format, served.width), credentials))
const perImage: Record<'unsigned' | 'signed', number[]> = { unsigned: [], signed: [] }
/** The signed images as their records list them: the archive of section 3 is made of copies. */
const written: Array<Pick<Media, 'filename' | 'sizes'>> = []
for (const media of fileSets) {
  for (const [label, sign] of [['unsigned', unsigned], ['signed', signing]] as const) {
    const started = performance.now()
    lastFile = started
    const result = await embedCreditInFiles({ media, subject: credit, staticDir, maxPixels: MAX_PIXELS, sign })
    perImage[label].push(performance.now() - started)
    if (label === 'signed') written.push({ filename: media.filename, sizes: result!.sizes })
  }
}
const plain = median(perImage.unsigned)
const signed = median(perImage.signed)
console.log(`rewrite without signing: ${plain.toFixed(0)} ms per image (median)`)
console.log(`  of which encoding, by format (mean per image): ${Object.entries(encodeMs).map(([format, ms]) => `${format} ${(ms / IMAGES).toFixed(0)} ms`).join(', ')}`)
console.log(`rewrite with signing:    ${signed.toFixed(0)} ms per image (median); signing adds ${(signed - plain).toFixed(0)} ms (${(((signed - plain) / plain) * 100).toFixed(0)} %)`)
console.log(`1,000 images, one rewrite at a time: ${((signed * 1000) / 60_000).toFixed(1)} min (of which signing ${(((signed - plain) * 1000) / 60_000).toFixed(1)} min), EXTRAPOLATED from ${IMAGES} images`)

/** Section 3; BENCH_C2PA_ARCHIVE=0 skips it. */
async function resignArchive(): Promise<void> {
  console.log(`\n3. A change of the mining terms: re-signing ${ARCHIVE} images' 16 files as they are (MEASURED, not extrapolated)`)
  // The archive: copies of section 2's signed files under other names, with the records that list them.
  const archive: Array<Pick<Media, 'filename' | 'mimeType' | 'sizes' | 'sourceCrop'>> = []
  for (let i = 0; i < ARCHIVE; i++) {
    const template = written[i % written.length]!
    const rename = (file: string) => file.replace(/^photo-\d+/, `archive-${i}`)
    for (const file of new Set([template.filename!, ...Object.values(template.sizes ?? {}).map((size) => size!.filename!)])) {
      await fs.copyFile(path.join(staticDir, file), path.join(staticDir, rename(file)))
    }
    const sizes = Object.fromEntries(Object.entries(template.sizes ?? {}).map(([name, size]) => [name, { ...size, filename: rename(size!.filename!) }]))
    archive.push({ filename: rename(template.filename!), mimeType: 'image/jpeg', sizes } as Pick<Media, 'filename' | 'mimeType' | 'sizes'>)
  }
  const archiveBytes = (await fs.readdir(staticDir)).filter((name) => name.startsWith('archive-'))
  const resignNewTerms: SignServedFile = async (bytes, served) => Buffer.from(await signImage(bytes, provenance(served.format, served.width, false), credentials))
  const perResign: number[] = []
  const resignStarted = performance.now()
  for (const [index, record] of archive.entries()) {
    const started = performance.now()
    const resigned = await resignServedFiles({ staticDir, recorded: recordedFilesOf(record)!, credentials, sign: resignNewTerms })
    mediaFileVersion(resigned.map(({ bytes }) => bytes))
    perResign.push(performance.now() - started)
    if ((index + 1) % 100 === 0) console.log(`  ${index + 1} images re-signed, ${((performance.now() - resignStarted) / 1000).toFixed(0)} s so far`)
  }
  const resignTotal = performance.now() - resignStarted
  console.log(`${ARCHIVE} images (${archiveBytes.length} files) re-signed in ${(resignTotal / 60_000).toFixed(1)} min: ${median(perResign).toFixed(0)} ms per image (median), ${(resignTotal / ARCHIVE).toFixed(0)} ms (mean)`)
  console.log(`versus re-encoding them (section 2): ${((signed * ARCHIVE) / 60_000).toFixed(1)} min, ${(signed / (resignTotal / ARCHIVE)).toFixed(0)} × longer`)
}
if (ARCHIVE > 0) await resignArchive()
await fs.rm(dir, { recursive: true, force: true })
