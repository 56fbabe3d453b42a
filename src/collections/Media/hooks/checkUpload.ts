import fs from 'node:fs/promises'

import { fileTypeFromBuffer } from 'file-type'
import { APIError, type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'
import sharp from 'sharp'

import { safeUploadFilename } from '@/lib/images/safeFilename'
import { checkUploadContent, MIME_TYPES, UploadRefused, type UploadFacts } from '@/lib/images/uploadContent'
import { maxPixelsOf } from '../files/collectionFiles'

/** Set on the request when it carried a real upload (not a crop or focal-point edit Payload reprocesses). */
export const NEW_UPLOAD = 'mediaNewUpload'

type UploadedFile = NonNullable<PayloadRequest['file']>

async function factsOf(file: UploadedFile, bytes: Buffer): Promise<UploadFacts> {
  const metadata = await sharp(bytes).metadata().catch(() => undefined)
  return {
    declaredMimeType: file.mimetype,
    detectedMimeType: (await fileTypeFromBuffer(bytes))?.mime,
    decodedFormat: metadata?.format,
    compression: metadata?.compression,
    width: metadata?.width,
    height: metadata?.height,
  }
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
  try {
    const format = checkUploadContent(bytes, await factsOf(file, bytes), maxPixelsOf(req))
    file.name = safeUploadFilename(file.name, format)
    file.mimetype = MIME_TYPES[format]
  } catch (error) {
    if (error instanceof UploadRefused) throw new APIError(error.message, 400, null, true)
    throw error
  }
  req.context[NEW_UPLOAD] = true
  return args
}
