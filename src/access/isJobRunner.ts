import { timingSafeEqual } from 'node:crypto'

import type { PayloadRequest } from 'payload'

import { deriveJobRunnerToken } from '@/config/secret'
import { hasRole } from './roles'

/** Jobs run when the server's own runner asks (bearer token) or an admin does. */
export function isJobRunner({ req }: { req: PayloadRequest }): boolean {
  if (hasRole(req.user, 'admin')) return true
  const given = Buffer.from(req.headers.get('authorization') ?? '')
  const expected = Buffer.from(`Bearer ${deriveJobRunnerToken(req.payload.secret)}`)
  return given.length === expected.length && timingSafeEqual(given, expected)
}
