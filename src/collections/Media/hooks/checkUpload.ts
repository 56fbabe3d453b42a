import fs from 'node:fs/promises'

import { fileTypeFromBuffer } from 'file-type'
import { APIError, type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'
import sharp from 'sharp'

import { safeUploadFilename } from '@/lib/images/safeFilename'
import { checkUploadContent, MIME_TYPES, UploadRefused } from '@/lib/images/uploadContent'
import { maxPixelsOf } from '../files/collectionFiles'

/**
 * The upload exactly as received, with its upright size. Kept on the request for the later hooks:
 * Payload re-encodes some formats (WebP) before storing them, and the kept original must be
 * the upload itself. Absent when Payload only reprocesses the stored file (crop, focal point).
 */
export type NewUpload = { bytes: Buffer; width: number; height: number }
const NEW_UPLOAD = 'mediaNewUpload'

export function newUploadOf(req: PayloadRequest): NewUpload | undefined {
  return req.context[NEW_UPLOAD] as NewUpload | undefined
}

export function forgetNewUpload(req: PayloadRequest): void {
  delete req.context[NEW_UPLOAD]
}

/**
 * Before Payload touches an upload: refuse anything that is not the image it claims to be, or
 * that would take more memory to decode than the limit allows, with a 400 saying why; give it a
 * safe name whose extension matches its content.
 */
export const checkUpload: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  const file = req.file
  if (!file || (operation !== 'create' && operation !== 'update')) return args
  const bytes = file.data.length > 0 || !file.tempFilePath ? file.data : await fs.readFile(file.tempFilePath)
  // Only the header is read here, so no pixel limit: the check below says how big the image is.
  const metadata = await sharp(bytes, { limitInputPixels: false }).metadata().catch(() => undefined)
  try {
    const format = checkUploadContent(
      bytes,
      {
        declaredMimeType: file.mimetype,
        detectedMimeType: (await fileTypeFromBuffer(bytes))?.mime,
        decodedFormat: metadata?.format,
        compression: metadata?.compression,
        width: metadata?.width,
        height: metadata?.height,
      },
      maxPixelsOf(req),
    )
    file.name = safeUploadFilename(file.name, format)
    file.mimetype = MIME_TYPES[format]
  } catch (error) {
    if (error instanceof UploadRefused) throw new APIError(error.message, 400, null, true)
    throw error
  }
  const upright = metadata!.autoOrient
  req.context[NEW_UPLOAD] = { bytes, width: upright.width, height: upright.height } satisfies NewUpload
  return args
}
