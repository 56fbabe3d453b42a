import type { Payload } from 'payload'

import { ensureMongoSearchIndex } from './mongo'
import { searchEngineOf } from './sqlRunner'

/** MongoDB has no migrations: its text index is created (if missing) when Payload starts. */
export async function prepareSearchIndex(payload: Payload): Promise<void> {
  if (searchEngineOf(payload) === 'mongodb') await ensureMongoSearchIndex(payload)
}
