import { beforeAll, describe, expect, it } from '@jest/globals'
import { createLocalReq } from 'payload'

import { getMediaCredit } from '../../src/domain/media/credit'
import type { Media } from '../../src/payload-types'
import { createImage, createLicenses } from '../support/content'
import { usePayload } from '../support/usePayload'

const payload = usePayload()
let image: Media
let licenseId: number

beforeAll(async () => {
  licenseId = (await createLicenses(payload())).get('CC-BY-4.0')!
  image = await payload().findByID({ collection: 'media', id: (await createImage(payload(), licenseId)).id, depth: 0 })
})

describe('the credit of an image', () => {
  it('is computed once per document per request, and afresh in the next request', async () => {
    const req = await createLocalReq({}, payload())
    const first = await getMediaCredit(image, req)
    expect(await getMediaCredit({ ...image }, req)).toBe(first)
    expect(first.text).toBe('Photo: Jane Doe, CC BY 4.0')
    expect(await getMediaCredit(image, await createLocalReq({}, payload()))).not.toBe(first)
  })

  it('follows a change to its license made earlier in the same request', async () => {
    const req = await createLocalReq({}, payload())
    expect((await getMediaCredit(image, req)).text).toBe('Photo: Jane Doe, CC BY 4.0')
    await payload().update({ collection: 'licenses', id: licenseId, data: { shortName: 'CC BY 4.0 Intl' }, req })
    expect((await getMediaCredit(image, req)).text).toBe('Photo: Jane Doe, CC BY 4.0 Intl')
  })
})
