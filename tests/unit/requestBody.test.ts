import { describe, expect, it } from '@jest/globals'

import { findBodyProblem, jsonDepth, withBodyChecks } from '../../src/server/api/requestBody'
import { withGraphQLStatus } from '../../src/server/api/withGraphQLStatus'

const limits = { maxJsonBytes: 1000, maxMultipartBytes: 5000, maxJsonDepth: 10 }
const rest = { multipart: true, urlEncoded: false }
const post = (body: BodyInit | null, contentType?: string, method = 'POST') =>
  new Request('http://x/api/articles', { method, body, headers: contentType ? { 'content-type': contentType } : {} })

describe('findBodyProblem', () => {
  it('passes well-formed JSON and leaves the body for Payload to read', async () => {
    const request = post('{"headline":"A"}', 'application/json')
    expect(await findBodyProblem(request, limits, rest)).toBeNull()
    expect(await request.json()).toEqual({ headline: 'A' })
  })

  it('refuses malformed and truncated JSON with a 400 naming the problem', async () => {
    for (const body of ['{bad', '{"headline":"A"', '[1,2', '']) {
      const problem = await findBodyProblem(post(body, 'application/json'), limits, rest)
      if (body === '') expect(problem).toBeNull()
      else expect(problem).toEqual({ status: 400, message: expect.stringMatching(/^The request body is not valid JSON: /) })
    }
  })

  it('refuses JSON nested deeper than the limit', async () => {
    expect(await findBodyProblem(post('['.repeat(11) + ']'.repeat(11), 'application/json'), limits, rest)).toEqual({ status: 400, message: 'The request body nests arrays and objects deeper than 10 levels.' })
    expect(await findBodyProblem(post('['.repeat(10) + ']'.repeat(10), 'application/json'), limits, rest)).toBeNull()
  })

  it('refuses bodies that are not UTF-8', async () => {
    const bytes = Buffer.concat([Buffer.from('{"headline":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')])
    expect(await findBodyProblem(post(bytes, 'application/json'), limits, rest)).toEqual({ status: 400, message: 'The request body is not valid UTF-8.' })
  })

  it('refuses bodies over the limit with a 413, whether or not the length is declared', async () => {
    expect(await findBodyProblem(post('x'.repeat(1001), 'application/json'), limits, rest)).toMatchObject({ status: 413 })
    const stream = new ReadableStream({ start: (controller) => { controller.enqueue(new TextEncoder().encode(`"${'x'.repeat(2000)}"`)); controller.close() } })
    const chunked = new Request('http://x/api/articles', { method: 'POST', body: stream, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit)
    expect(await findBodyProblem(chunked, limits, rest)).toMatchObject({ status: 413 })
  })

  it('refuses a body with a wrong or missing content type (415), not an empty one', async () => {
    expect(await findBodyProblem(post('{"a":1}', 'text/plain'), limits, rest)).toMatchObject({ status: 415, message: expect.stringContaining('"text/plain"') })
    expect(await findBodyProblem(post('{"a":1}', 'Application/JSON'), limits, rest)).toMatchObject({ status: 415 })
    expect(await findBodyProblem(new Request('http://x/', { method: 'POST', body: new Uint8Array([1, 2]) }), limits, rest)).toMatchObject({ status: 415, message: expect.stringContaining('missing') })
    expect(await findBodyProblem(post(null), limits, rest)).toBeNull()
    expect(await findBodyProblem(post('{"a":1}', 'multipart/form-data; boundary=x'), limits, { multipart: false, urlEncoded: false })).toMatchObject({ status: 415 })
  })

  it('refuses a truncated or broken multipart form, and a _payload that is not JSON', async () => {
    expect(await findBodyProblem(post('--x\r\nbroken', 'multipart/form-data; boundary=x'), limits, rest)).toMatchObject({ status: 400, message: expect.stringContaining('multipart/form-data') })
    expect(await findBodyProblem(post(new Uint8Array(0), 'multipart/form-data; boundary=x'), limits, rest)).toEqual({ status: 400, message: 'The multipart/form-data body is empty.' })
    expect(await findBodyProblem(post('--x\r\n', 'multipart/form-data'), limits, rest)).toMatchObject({ status: 400 })
    // Where forms are not taken (GraphQL), an empty one is refused all the same: Payload would still try to parse it.
    expect(await findBodyProblem(post(new Uint8Array(0), 'multipart/form-data; boundary=x'), limits, { multipart: false, urlEncoded: false })).toMatchObject({ status: 415 })
    expect(await findBodyProblem(post(new Uint8Array(0), 'multipart/mixed; boundary=x'), limits, rest)).toMatchObject({ status: 415 })
    const form = new FormData()
    form.append('_payload', '{"alt":"A"}')
    form.append('file', new Blob([new Uint8Array(100)]), 'a.png')
    const whole = new Request('http://x/api/media', { method: 'POST', body: form })
    const contentType = whole.headers.get('content-type')!
    const bytes = Buffer.from(await whole.clone().arrayBuffer())
    expect(await findBodyProblem(post(bytes, contentType), limits, rest)).toBeNull()
    expect(await findBodyProblem(post(bytes.subarray(0, bytes.length - 30), contentType), limits, rest)).toMatchObject({ status: 400 })
    const badFields = new FormData()
    badFields.append('_payload', '{"alt":')
    const bad = new Request('http://x/api/media', { method: 'POST', body: badFields })
    expect(await findBodyProblem(bad, limits, rest)).toMatchObject({ status: 400, message: expect.stringMatching(/^The _payload field is not valid JSON/) })
  })

  it('checks an upload’s form as it streams past, without holding its file', async () => {
    const boundary = 'bench-boundary'
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{"alt":"A"}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    )
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
    // 48 MB of file in one reused 64 KB chunk: whatever the check holds or copies shows in arrayBuffers.
    const chunk = new Uint8Array(64 * 1024)
    const parts = [head, ...Array.from({ length: 768 }, () => chunk), tail]
    const before = process.memoryUsage().arrayBuffers
    let most = 0
    const sample = () => (most = Math.max(most, process.memoryUsage().arrayBuffers - before))
    const sampler = setInterval(sample, 1)
    const body = new ReadableStream<Uint8Array>({
      pull: (controller) => {
        sample()
        const next = parts.shift()
        if (next) controller.enqueue(next)
        else controller.close()
      },
    })
    const request = new Request('http://x/api/media', { method: 'POST', body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, duplex: 'half' } as RequestInit)
    const check = findBodyProblem(request, { ...limits, maxMultipartBytes: 64 * 1024 * 1024 }, rest)
    // Payload reads the request meanwhile, as it does after the check: neither branch of the copy waits for the other.
    const reader = request.body!.getReader()
    while (!(await reader.read()).done);
    expect(await check).toBeNull()
    clearInterval(sampler)
    sample()
    expect(most).toBeLessThan(8 * 1024 * 1024)
  })

  it('ignores methods without a body', async () => {
    expect(await findBodyProblem(new Request('http://x/api/articles', { method: 'GET' }), limits, rest)).toBeNull()
  })
})

describe('jsonDepth', () => {
  it('counts nesting without recursing (100 000 levels)', () => {
    expect(jsonDepth(1)).toBe(0)
    expect(jsonDepth({ a: [1, { b: {} }] })).toBe(4)
    expect(jsonDepth(JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)))).toBe(100_000)
  })
})

describe('GraphQL route wrappers', () => {
  it('answer malformed JSON with a 400 before Payload sees it', async () => {
    let called = false
    const handler = withGraphQLStatus(withBodyChecks(async () => ((called = true), Response.json({ data: {} })), limits, { multipart: false, urlEncoded: false }))
    const response = await handler(new Request('http://x/api/graphql', { method: 'POST', body: '{bad', headers: { 'content-type': 'application/json' } }))
    expect(response.status).toBe(400)
    expect(((await response.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toMatch(/not valid JSON/)
    expect(called).toBe(false)
  })

  it('answer a client error thrown by the handler as JSON with its status', async () => {
    const thrown = Object.assign(new Error('Invalid JSON'), { status: 400 })
    const response = await withGraphQLStatus(async () => Promise.reject(thrown))(new Request('http://x/api/graphql', { method: 'POST' }))
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ errors: [{ message: 'Invalid JSON' }] })
    await expect(withGraphQLStatus(async () => Promise.reject(new Error('boom')))(new Request('http://x/'))).rejects.toThrow('boom')
  })
})
