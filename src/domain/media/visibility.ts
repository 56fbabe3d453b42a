import type { Payload, PayloadRequest, Where } from 'payload'

import { VARIANT_NAMES } from '@/lib/images/variants'

/**
 * An image becomes public when an article using it is published, or when an editor marks it
 * public (for example for reuse). Until then only the newsroom sees its record and its files,
 * so an embargoed story's photo cannot be found by guessing its name.
 */
export const PUBLIC_MEDIA: Where = { public: { equals: true } }

/** Matches the media document owning `filename`, as its original or as any of its sizes. */
export function fileNameWhere(filename: string, sizeNames: readonly string[]): Where {
  return { or: [{ filename: { equals: filename } }, ...sizeNames.map((name) => ({ [`sizes.${name}.filename`]: { equals: filename } }))] }
}

/**
 * Whether an anonymous reader may fetch this file (the original or any size). Any server path
 * that serves media files without Payload's file route must ask this first.
 */
export async function isPublicMediaFile(payload: Payload, filename: string, req?: PayloadRequest): Promise<boolean> {
  const { totalDocs } = await payload.count({ collection: 'media', where: { and: [fileNameWhere(filename, VARIANT_NAMES), PUBLIC_MEDIA] }, overrideAccess: true, req })
  return totalDocs > 0
}

/** Publishing an article releases its image; an image once public stays public. */
export async function releaseImage(id: number | string, req: PayloadRequest): Promise<void> {
  const { totalDocs } = await req.payload.count({ collection: 'media', where: { and: [{ id: { equals: id } }, PUBLIC_MEDIA] }, overrideAccess: true, req })
  if (totalDocs > 0) return
  await req.payload.update({ collection: 'media', id, data: { public: true }, depth: 0, overrideAccess: true, req })
}
