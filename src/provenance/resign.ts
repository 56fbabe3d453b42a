import fs from 'node:fs/promises'
import path from 'node:path'

import type { ServedFile, SignServedFile } from '@/collections/Media/files/contentCredentials'
import { writeAtomically } from '@/lib/files/atomicWrite'
import { MIME_TYPES } from '@/lib/images/uploadContent'
import type { SigningCredentials } from './credentials'
import { readContentCredentials } from './read'
import type { RecordedFile, RecordedFiles } from './servedFiles'

export type Resigned = { file: RecordedFile; bytes: Buffer }

/** Why the served files cannot be re-signed as they are (then they are written afresh from the kept upload). */
export class NotResignable extends Error {}

async function readServed(staticDir: string, file: string): Promise<Buffer> {
  try {
    return await fs.readFile(path.join(staticDir, file))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new NotResignable(`${file} is missing`)
    throw error
  }
}

/**
 * Only a file whose manifest is the publication's own and still intact is re-signed as it is:
 * signing again whatever lies on disk would vouch for bytes the publication never wrote.
 */
async function checkOwnIntact(bytes: Buffer, file: RecordedFile, credentials: SigningCredentials): Promise<void> {
  const read = await readContentCredentials(bytes, MIME_TYPES[file.format], credentials.trustAnchorsPem)
  if (!read) throw new NotResignable(`${file.file} carries no Content Credentials`)
  if (!read.valid) throw new NotResignable(`${file.file} no longer validates (${read.failures.join(', ')})`)
  if (read.signer.name !== credentials.signerName) throw new NotResignable(`${file.file} was signed by ${read.signer.name ?? 'an unknown signer'}`)
}

/**
 * Signs the served files again without touching their pixels or XMP/EXIF: the SDK replaces the
 * file's manifest store with the new manifest (the old one is not kept; the upload's own
 * manifest comes back as the parent ingredient through `sign`). Every file is read and checked
 * before any is written, so a refusal leaves all of them as they were.
 */
export async function resignServedFiles({ staticDir, recorded, credentials, sign }: { staticDir: string; recorded: RecordedFiles; credentials: SigningCredentials; sign: SignServedFile }): Promise<Resigned[]> {
  const current: Resigned[] = []
  for (const file of recorded.files) {
    const bytes = await readServed(staticDir, file.file)
    await checkOwnIntact(bytes, file, credentials)
    current.push({ file, bytes })
  }
  const resigned: Resigned[] = []
  for (const { file, bytes } of current) {
    const served: ServedFile = { file: file.file, format: file.format, width: file.width, cropped: recorded.cropped, uploadFormat: recorded.uploadFormat }
    const signed = await sign(bytes, served)
    await writeAtomically(path.join(staticDir, file.file), signed)
    resigned.push({ file, bytes: signed })
  }
  return resigned
}
