import { describe, expect, it } from '@jest/globals'

import { ALL_RIGHTS_RESERVED, CC0_1_0, CC_BY_4_0, buildXmpPacket, toImageObject } from '../../../src/licensing'
import { creativeWorkOf, type FileProvenance, toManifestPlan, trainingMiningOf } from '../../../src/provenance/manifest'
import { locationAssertionLabels } from '../../../src/provenance/parent'

const file: FileProvenance = {
  title: 'harbour-480.webp',
  mimeType: 'image/webp',
  upload: { title: 'harbour.jpg', mimeType: 'image/jpeg' },
  cropped: true,
  resizedToWidth: 480,
  credit: { title: 'Harbour', creator: 'Jane Doe', creatorUrl: 'https://jane.example/', sourceUrl: 'https://source.example/harbour', license: CC_BY_4_0 },
  miningReserved: true,
  digitalSourceType: null,
  when: '2026-11-30T10:00:00.000Z',
}

describe('the manifest of a served file', () => {
  it('lists the upload opened, then crop, resize, format change and the metadata edit', () => {
    expect(toManifestPlan(file).actions.map((action) => action.action)).toEqual(['c2pa.opened', 'c2pa.cropped', 'c2pa.resized', 'c2pa.converted', 'c2pa.edited.metadata'])
    const original = toManifestPlan({ ...file, mimeType: 'image/jpeg', cropped: false, resizedToWidth: null })
    expect(original.actions.map((action) => action.action)).toEqual(['c2pa.opened', 'c2pa.edited.metadata'])
  })

  it('puts a known digital source type on the opening action only', () => {
    const actions = toManifestPlan({ ...file, digitalSourceType: 'http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture' }).actions
    expect(actions[0]?.digitalSourceType).toMatch(/digitalCapture$/)
    expect(actions.slice(1).some((action) => action.digitalSourceType)).toBe(false)
    expect('digitalSourceType' in toManifestPlan(file).actions[0]!).toBe(false)
  })

  it('states the credit in the words of the JSON-LD ImageObject and the XMP packet', () => {
    const work = creativeWorkOf(file.credit)
    const imageObject = toImageObject(file.credit, { contentUrl: 'https://news.example/media/harbour.jpg' })
    expect(work).toMatchObject({ '@type': 'CreativeWork', name: 'Harbour', url: 'https://source.example/harbour', author: [{ '@type': 'Organization', name: 'Jane Doe', url: 'https://jane.example/' }] })
    for (const key of ['license', 'creditText', 'copyrightNotice'] as const) expect(work[key]).toBe(imageObject[key])
    const xmp = buildXmpPacket(file.credit)
    expect(xmp).toContain(String(work.creditText))
    expect(xmp).toContain(String(work.copyrightNotice))
  })

  it('leaves out what is not known, and claims no copyright for a public-domain dedication', () => {
    const dedicated = creativeWorkOf({ license: CC0_1_0 })
    expect(dedicated).toMatchObject({ '@type': 'CreativeWork', license: 'https://creativecommons.org/publicdomain/zero/1.0/' })
    expect(Object.keys(dedicated)).not.toEqual(expect.arrayContaining(['author']))
    expect(dedicated).not.toHaveProperty('copyrightNotice')
    expect(dedicated).not.toHaveProperty('name')
    expect(creativeWorkOf({ creator: 'Agency', license: ALL_RIGHTS_RESERVED }).copyrightNotice).toBe('© Agency. All rights reserved.')
  })

  it('follows the site: every AI and mining use notAllowed while reserved, allowed otherwise', () => {
    const uses = (reserved: boolean) => Object.values(trainingMiningOf(reserved).entries as Record<string, { use: string }>).map((entry) => entry.use)
    expect(uses(true)).toEqual(['notAllowed', 'notAllowed', 'notAllowed', 'notAllowed'])
    expect(uses(false)).toEqual(['allowed', 'allowed', 'allowed', 'allowed'])
    expect(toManifestPlan({ ...file, miningReserved: false }).assertions.find((assertion) => assertion.label === 'cawg.training-mining')?.data).toEqual(trainingMiningOf(false))
  })
})

describe('location assertions of an upload’s own manifest', () => {
  it('finds EXIF GPS, IPTC and CAWG locations, at any depth, and leaves the rest', () => {
    const labels = locationAssertionLabels([
      { label: 'c2pa.actions.v2', data: { actions: [{ action: 'c2pa.created', parameters: { location: 'studio' } }] } },
      { label: 'stds.exif', data: { 'exif:GPSLatitude': '39,21.102N', 'exif:Make': 'Cam' } },
      { label: 'stds.iptc', data: { 'Iptc4xmpExt:LocationCreated': [{ 'Iptc4xmpExt:City': 'Kyiv' }] } },
      { label: 'cawg.metadata', data: { nested: { list: [{ latitude: 50.45 }] } } },
      { label: 'stds.schema-org.CreativeWork', data: { author: [{ name: 'Jane' }] } },
    ])
    expect(labels).toEqual(['stds.exif', 'stds.iptc', 'cawg.metadata'])
  })
})
