import { describe, expect, it } from '@jest/globals'

import { adminToken, authHeaders, baseUrl, get, getJson, pngBlob, tokenFor, uploadForm } from '../support/http'

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

  it('runs them as one of the server’s own runs: asked again and again while uploads queue image jobs, every run succeeds', async () => {
    // Run beside the server's runner, both claimed the same job and the second failed (a 500 on PostgreSQL).
    const token = await adminToken()
    const { body } = await getJson<{ docs: Array<{ id: number | string }> }>('/api/licenses?limit=1', { headers: authHeaders(token) })
    let uploading = true
    const uploads = (async () => {
      for (let index = 0; index < 8; index += 1) {
        const form = uploadForm(await pngBlob(640 + index, 480), `job-run-${index}.png`, { alt: 'Queued', creator: 'A photographer', license: body.docs[0]!.id })
        expect((await fetch(`${baseUrl()}/api/media`, { method: 'POST', headers: authHeaders(token), body: form })).status).toBe(201)
      }
      uploading = false
    })()
    const statuses: number[] = []
    while (uploading) statuses.push((await get(path, { headers: authHeaders(token) })).status)
    await uploads
    expect(statuses.length).toBeGreaterThan(1)
    expect(statuses.filter((status) => status !== 200)).toEqual([])
  }, 120_000)
})
