import { afterAll, beforeAll } from '@jest/globals'
import type { Payload } from 'payload'

import { removeDir } from './env'
import { importPayloadAndConfig } from './payloadConfig'

/** Boots Payload on the test file's throwaway database once, and tears it down after. */
export function usePayload(): () => Payload {
  let payload: Payload | undefined
  beforeAll(async () => {
    const { getPayload, config } = await importPayloadAndConfig()
    payload = await getPayload({ config })
  })
  afterAll(async () => {
    await payload?.destroy()
    if (process.env.THROWAWAY_DIR) removeDir(process.env.THROWAWAY_DIR)
  })
  return () => {
    if (!payload) throw new Error('Payload is not ready: call the getter inside a test or hook')
    return payload
  }
}
