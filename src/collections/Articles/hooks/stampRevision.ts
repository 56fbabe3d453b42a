import type { CollectionBeforeChangeHook } from 'payload'

import type { Article } from '@/payload-types'

/** A correction is a revision readers must see: "Updated" follows the newest correction. */
export const stampRevision: CollectionBeforeChangeHook<Article> = ({ data }) => {
  const newest = (data.corrections ?? []).map((correction) => correction.date).filter(Boolean).sort().at(-1)
  if (newest && (!data.revisedAt || newest > data.revisedAt)) return { ...data, revisedAt: newest }
  return data
}
