import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'

import { registerPurgeTarget } from '../../src/lib/cache/purge'
import { createImage, createLicenses } from '../support/content'
import { usePayload } from '../support/usePayload'

const payload = usePayload()
let purged: string[] = []
let unregister: () => void
let licenses: Map<string, number>

beforeAll(async () => {
  unregister = registerPurgeTarget('test-recorder', (tags) => void purged.push(...tags))
  licenses = await createLicenses(payload())
})
afterAll(() => unregister())
beforeEach(() => {
  purged = []
})

describe('the site logo is on every page', () => {
  it('purges every page (the site tag) when the logo image changes, its license changes or it is deleted; not for another image', async () => {
    const license = licenses.get('CC-BY-4.0')!
    const logo = await createImage(payload(), license)
    const other = await createImage(payload(), license)
    await payload().updateGlobal({ slug: 'site-settings', data: { logo: logo.id } })

    purged = []
    await payload().update({ collection: 'media', id: other.id, data: { alt: 'Another image' } })
    expect(purged).not.toContain('site')

    purged = []
    await payload().update({ collection: 'media', id: logo.id, data: { alt: 'The new logo' } })
    expect(purged).toEqual(expect.arrayContaining([`media:${logo.id}`, 'site']))

    purged = []
    await payload().update({ collection: 'licenses', id: license, data: { shortName: 'CC BY 4.0 (renamed)' } })
    expect(purged).toEqual(expect.arrayContaining([`license:${license}`, 'site']))

    purged = []
    await payload().delete({ collection: 'media', id: logo.id })
    expect(purged).toEqual(expect.arrayContaining([`media:${logo.id}`, 'site']))
  })
})

describe('deleting a license', () => {
  it('is refused with a 409 naming the images under it, and nothing is deleted', async () => {
    const license = licenses.get('CC-BY-SA-4.0')!
    const image = await createImage(payload(), license, { alt: 'A photo under BY-SA' })
    await expect(payload().delete({ collection: 'licenses', id: license })).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining('"A photo under BY-SA"'),
    })
    expect((await payload().findByID({ collection: 'licenses', id: license })).id).toBe(license)
    expect((await payload().findByID({ collection: 'media', id: image.id, depth: 0 })).license).toBe(license)
  })

  it('goes through for a license no image uses', async () => {
    const unused = licenses.get('CC-BY-ND-4.0')!
    await payload().delete({ collection: 'licenses', id: unused })
    expect(await payload().count({ collection: 'licenses', where: { id: { equals: unused } } })).toEqual({ totalDocs: 0 })
  })
})
