import type { CollectionAfterReadHook } from 'payload'

import { withFileUrls } from '@/lib/images/fileUrls'
import { pictureSources } from '@/lib/images/pictureSources'
import type { Media } from '@/payload-types'

/**
 * File URLs as the API shows them: same-origin (Payload would prefix `serverURL`, breaking every
 * image under another host name) and versioned, so the files can be cached as immutable; and the
 * `<picture>` sources built from those URLs.
 */
export function withServedFiles(doc: Media): Media {
  const served = withFileUrls(doc)
  return { ...served, sources: pictureSources(served.sizes) }
}

export const versionFileUrls: CollectionAfterReadHook<Media> = ({ doc }) => withServedFiles(doc)
