import { describe, expect, it } from '@jest/globals'

import { withGraphQLStatus } from '../../src/server/api/withGraphQLStatus'

const respond = (body: unknown, status = 200) => async () => Response.json(body, { status })
const request = new Request('http://x/api/graphql', { method: 'POST' })

describe('withGraphQLStatus', () => {
  it('turns errors without data into a 400, keeping the body', async () => {
    const response = await withGraphQLStatus(respond({ errors: [{ message: 'Cannot query field "x"' }] }))(request)
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ errors: [{ message: 'Cannot query field "x"' }] })
  })

  it('keeps 200 for data, and for partial data with errors', async () => {
    expect((await withGraphQLStatus(respond({ data: { a: 1 } }))(request)).status).toBe(200)
    expect((await withGraphQLStatus(respond({ data: { a: null }, errors: [{ message: 'denied' }] }))(request)).status).toBe(200)
  })

  it('passes other statuses through', async () => {
    expect((await withGraphQLStatus(respond({ errors: [] }, 403))(request)).status).toBe(403)
  })
})
