import type { PayloadRequest } from 'payload'

import type { CreditSubject } from '@/licensing/types'
import type { ImageFormat } from '@/lib/images/encoding'
import { MIME_TYPES } from '@/lib/images/uploadContent'
import { toSiteIdentity } from '@/lib/site'
import type { Media } from '@/payload-types'
import type { SigningCredentials } from '@/provenance/credentials'
import type { ParentManifest } from '@/provenance/parent'
import { getSigningCredentials } from '@/provenance/processCredentials'
import { signImage } from '@/provenance/sign'
import { readUploadManifest } from './uploadManifest'

/** One file about to be served, as the rewrite made it. */
export type ServedFile = { file: string; format: ImageFormat; width: number | null; cropped: boolean; uploadFormat: ImageFormat }

export type SignServedFile = (bytes: Buffer, served: ServedFile) => Promise<Buffer>

/**
 * What the files of one media document are signed with: its credit, the site's mining terms and
 * the upload's own manifest as parent, read once per rewrite. Plain data, so that the image
 * worker (`imageWorker.ts`) can sign with it in its own process.
 */
export type SigningPlan = { upload: string | null; credit: CreditSubject; miningReserved: boolean; parent: ParentManifest | null; when: string }

export async function signingPlanFor(media: Pick<Media, 'filename'>, credit: CreditSubject, staticDir: string, req: PayloadRequest): Promise<SigningPlan> {
  const site = toSiteIdentity(await req.payload.findGlobal({ slug: 'site-settings', depth: 0, req, overrideAccess: true }))
  const parent = media.filename ? await readUploadManifest(staticDir, media.filename) : null
  return { upload: media.filename ?? null, credit, miningReserved: site.tdm.reserved, parent, when: new Date().toISOString() }
}

/** Signs each file with the publication's Content Credentials, as the plan says. */
export function signerFor(plan: SigningPlan, credentials: SigningCredentials): SignServedFile {
  return async (bytes, served) => {
    const signed = await signImage(
      bytes,
      {
        title: served.file,
        mimeType: MIME_TYPES[served.format],
        upload: { title: plan.upload ?? served.file, mimeType: MIME_TYPES[served.uploadFormat] },
        cropped: served.cropped,
        resizedToWidth: served.width,
        credit: plan.credit,
        miningReserved: plan.miningReserved,
        digitalSourceType: null,
        when: plan.when,
      },
      credentials,
      plan.parent,
    )
    // The signed bytes as they are, not copied again.
    return Buffer.from(signed.buffer, signed.byteOffset, signed.byteLength)
  }
}

/** Signs the files of one media document in this process. */
export async function contentCredentialSigner(media: Pick<Media, 'filename'>, credit: CreditSubject, staticDir: string, req: PayloadRequest): Promise<SignServedFile> {
  return signerFor(await signingPlanFor(media, credit, staticDir, req), await getSigningCredentials(req.payload.logger))
}
