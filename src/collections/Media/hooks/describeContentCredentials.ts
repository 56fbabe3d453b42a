import fs from 'node:fs/promises'
import path from 'node:path'

import { LRUCache } from 'lru-cache'
import type { FieldHook } from 'payload'

import type { Media } from '@/payload-types'
import { getSigningCredentials } from '@/provenance/processCredentials'
import { type ContentCredentialSummary, readContentCredentials } from '@/provenance/read'
import { staticDirOf } from '../files/collectionFiles'

export type ContentCredentialsField = Pick<ContentCredentialSummary, 'label' | 'signedAt' | 'validationState' | 'valid' | 'actions'> & { signedBy: string | null; signerIssuer: string | null }

export function toContentCredentialsField(summary: ContentCredentialSummary): ContentCredentialsField {
  const { label, signedAt, validationState, valid, actions, signer } = summary
  return { label, signedBy: signer.name, signerIssuer: signer.issuer, signedAt, validationState, valid, actions }
}

/** A file without a manifest (or not yet written): every entry empty. */
export const NO_CONTENT_CREDENTIALS: { [K in keyof ContentCredentialsField]: null } = { label: null, signedBy: null, signerIssuer: null, signedAt: null, validationState: null, valid: null, actions: null }

/** Validated once per file version: a file's bytes change only with its version. */
const validated = new LRUCache<string, ContentCredentialsField | typeof NO_CONTENT_CREDENTIALS>({ max: 5000 })

/**
 * Virtual `contentCredentials` field: the served original's C2PA manifest as the SDK validates it
 * (label, signer, time, actions, and whether it is intact and trusted); all empty for a file
 * without one. Never stored.
 */
export const describeContentCredentials: FieldHook<Media> = async ({ data, req }) => {
  const media = data as Partial<Media> | undefined
  // No file version: the original is not written with its credit yet (a new upload, whose job
  // writes it). The file by its name is then the upload as Payload stored it, about to be
  // removed; reading it would copy a camera photo into the SDK's memory, which never shrinks.
  if (!media?.filename || !media.mimeType || !media.fileVersion) return NO_CONTENT_CREDENTIALS
  const key = `${media.filename}|${media.fileVersion ?? ''}`
  const known = validated.get(key)
  if (known) return known
  let bytes: Buffer
  try {
    bytes = await fs.readFile(path.join(staticDirOf(req), media.filename))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return NO_CONTENT_CREDENTIALS
    throw error
  }
  const { trustAnchorsPem } = await getSigningCredentials(req.payload.logger)
  const summary = await readContentCredentials(bytes, media.mimeType, trustAnchorsPem)
  const field = summary ? toContentCredentialsField(summary) : NO_CONTENT_CREDENTIALS
  validated.set(key, field)
  return field
}
