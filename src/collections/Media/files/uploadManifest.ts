import fs from 'node:fs/promises'

import type { PayloadRequest } from 'payload'
import sharp from 'sharp'

import { writeAtomically } from '@/lib/files/atomicWrite'
import { toImageFormat } from '@/lib/images/encoding'
import { MIME_TYPES } from '@/lib/images/uploadContent'
import { captureParentManifest, type ParentManifest, parseParent, serializeParent } from '@/provenance/parent'
import { getSigningCredentials } from '@/provenance/processCredentials'
import { keptOriginalPath } from './keptOriginal'

/** Beside the kept upload, outside the served folder: the upload's own Content Credentials. */
const parentPath = (staticDir: string, filename: string) => `${keptOriginalPath(staticDir, filename)}.c2pa-parent.json`

async function parentOf(filename: string, upload: Buffer, req: Pick<PayloadRequest, 'payload'>): Promise<ParentManifest | null> {
  const format = toImageFormat((await sharp(upload).metadata()).format)
  if (!format) return null
  const credentials = await getSigningCredentials(req.payload.logger)
  try {
    return await captureParentManifest({ bytes: upload, mimeType: MIME_TYPES[format], title: filename, trustAnchorsPem: credentials.trustAnchorsPem })
  } catch (error) {
    // A manifest the SDK cannot read is no history to keep; the image itself is still good.
    req.payload.logger.warn({ filename, error: String(error) }, 'upload carries Content Credentials that cannot be read; signing without a parent')
    return null
  }
}

/** Keeps the Content Credentials an upload arrived with (none: any earlier record is removed). */
export async function keepUploadManifest(staticDir: string, filename: string, upload: Buffer, req: Pick<PayloadRequest, 'payload'>): Promise<void> {
  const parent = await parentOf(filename, upload, req)
  if (parent) await writeAtomically(parentPath(staticDir, filename), Buffer.from(serializeParent(parent)))
  else await removeUploadManifest(staticDir, filename)
}

export async function readUploadManifest(staticDir: string, filename: string): Promise<ParentManifest | null> {
  try {
    return parseParent(await fs.readFile(parentPath(staticDir, filename), 'utf8'))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

export async function removeUploadManifest(staticDir: string, filename: string | null | undefined): Promise<void> {
  if (filename) await fs.rm(parentPath(staticDir, filename), { force: true })
}
