import { describe, expect, it } from '@jest/globals'

import { findImageViolations, formatLiveUseBlock } from '../../../src/domain/articles/imageRules'
import { CC_BY_4_0 } from '../../../src/licensing/catalog'
import type { License } from '../../../src/payload-types'

/** A license record as Payload stores it: the catalog's CC BY 4.0 with the given changes. */
const license = (overrides: Partial<License>): License => ({ id: 1, ...CC_BY_4_0, updatedAt: '', createdAt: '', ...overrides })

const image = { alt: 'Two leaders', filename: 'leaders.jpg', creator: 'Jane Doe', changes: null, permissionNote: null, title: null, creatorUrl: null, sourceUrl: null }

describe('findImageViolations', () => {
  it('finds nothing for a credited CC BY image', () => {
    expect(findImageViolations(image, license({}), { commercial: true })).toEqual([])
  })

  it('finds a non-commercial license on a commercial site, and not on a non-commercial one', () => {
    const nc = license({ shortName: 'CC BY-NC 4.0', spdxId: 'CC-BY-NC-4.0', allowsCommercialUse: false })
    expect(findImageViolations(image, nc, { commercial: true }).map((violation) => violation.rule)).toEqual(['non-commercial'])
    expect(findImageViolations(image, nc, { commercial: false })).toEqual([])
  })

  it('finds a recorded change under a no-derivatives license', () => {
    const nd = license({ shortName: 'CC BY-ND 4.0', spdxId: 'CC-BY-ND-4.0', allowsModification: false })
    expect(findImageViolations({ ...image, changes: 'Cropped from original' }, nd, { commercial: true }).map((violation) => violation.rule)).toEqual(['no-derivatives'])
  })

  it('finds all rights reserved without a permission note', () => {
    const arr = license({ shortName: 'All rights reserved', spdxId: 'LicenseRef-All-Rights-Reserved', deedUrl: null, allowsCommercialUse: false, allowsModification: false })
    expect(findImageViolations(image, arr, { commercial: true }).map((violation) => violation.rule)).toEqual(['all-rights-reserved-without-permission'])
    expect(findImageViolations({ ...image, permissionNote: 'Agency e-mail, 3 May' }, arr, { commercial: true })).toEqual([])
  })
})

describe('formatLiveUseBlock', () => {
  const violations = [{ rule: 'non-commercial' as const, message: "The image's license (CC BY-NC 4.0) forbids commercial use, and this publication is commercial." }]

  it('names the image, every published article using it and the rule', () => {
    expect(
      formatLiveUseBlock([{ image, violations, articles: [{ headline: 'First story', slug: 'first-story' }, { headline: 'Second', slug: 'second' }] }]),
    ).toBe(
      'This change is refused: it would break the license of published articles. The image “Two leaders” (leaders.jpg) is used by published articles: ' +
        '“First story” (/articles/first-story), “Second” (/articles/second). ' +
        "The image's license (CC BY-NC 4.0) forbids commercial use, and this publication is commercial. Unpublish those articles or give them another image first.",
    )
  })

  it('is null when the broken image is in no published article, or nothing breaks', () => {
    expect(formatLiveUseBlock([{ image, violations, articles: [] }])).toBeNull()
    expect(formatLiveUseBlock([{ image, violations: [], articles: [{ headline: 'A', slug: 'a' }] }])).toBeNull()
  })
})
