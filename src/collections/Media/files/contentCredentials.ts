import type { PayloadRequest } from 'payload'

import type { CreditSubject } from '@/licensing/types'
import type { ImageFormat } from '@/lib/images/encoding'
import { MIME_TYPES } from '@/lib/images/uploadContent'
import { toSiteIdentity } from '@/lib/site'
import type { Media } from '@/payload-types'
import { getSigningCredentials } from '@/provenance/processCredentials'
import { signImage } from '@/provenance/sign'
import { readUploadManifest } from './uploadManifest'

/** One file about to be served, as the rewrite made it. */
export type ServedFile = { file: string; format: ImageFormat; width: number | null; cropped: boolean; uploadFormat: ImageFormat }

export type SignServedFile = (bytes: Buffer, served: ServedFile) => Promise<Buffer>

/**
 * Signs the files of one media document with the publication's Content Credentials: its credit,
 * the site's mining terms, and the upload's own manifest as parent, all read once per rewrite.
 */
export async function contentCredentialSigner(media: Pick<Media, 'filename'>, credit: CreditSubject, staticDir: string, req: PayloadRequest): Promise<SignServedFile> {
  const credentials = await getSigningCredentials(req.payload.logger)
  const site = toSiteIdentity(await req.payload.findGlobal({ slug: 'site-settings', depth: 0, req, overrideAccess: true }))
  const parent = media.filename ? await readUploadManifest(staticDir, media.filename) : null
  const when = new Date().toISOString()
  return async (bytes, served) => {
    const signed = await signImage(
      bytes,
      {
        title: served.file,
        mimeType: MIME_TYPES[served.format],
        upload: { title: media.filename ?? served.file, mimeType: MIME_TYPES[served.uploadFormat] },
        cropped: served.cropped,
        resizedToWidth: served.width,
        credit,
        miningReserved: site.tdm.reserved,
        digitalSourceType: null,
        when,
      },
      credentials,
      parent,
    )
    return Buffer.from(signed)
  }
}
