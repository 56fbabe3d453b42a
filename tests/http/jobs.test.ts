import { describe, expect, it } from '@jest/globals'

import { adminToken, authHeaders, get, tokenFor } from '../support/http'

/** The server runs due jobs in-process; over HTTP only an admin may ask for a run. */
describe('the job endpoint', () => {
  const path = '/api/payload-jobs/run?allQueues=true'

  it('refuses anonymous callers, made-up tokens and the newsroom below admin', async () => {
    expect([401, 403]).toContain((await get(path)).status)
    expect([401, 403]).toContain((await get(path, { headers: { authorization: 'Bearer not-a-token' } })).status)
    const editor = await tokenFor('editor', 'jobs-editor@example.com')
    expect([401, 403]).toContain((await get(path, { headers: authHeaders(editor.token) })).status)
  })

  it('runs due jobs for an admin', async () => {
    const response = await get(path, { headers: authHeaders(await adminToken()) })
    expect(response.status).toBe(200)
  })
})
