import { describe, expect, it } from '@jest/globals'
import { isAllRightsReserved } from '../../../src/licensing/classify'
import { ALL_RIGHTS_RESERVED, LICENSE_CATALOG } from '../../../src/licensing/catalog'
import { describePermissions, findLicenseViolations } from '../../../src/licensing/permissions'
import type { IntendedUse } from '../../../src/licensing/permissions'
import type { CreditSubject, LicenseFacts } from '../../../src/licensing/types'
import { firstPhoto, license } from './fixtures'

const COMMERCIAL_CROPPED: IntendedUse = { commercial: true, modified: true }
const COMMERCIAL_AS_IS: IntendedUse = { commercial: true, modified: false }
const NONCOMMERCIAL_AS_IS: IntendedUse = { commercial: false, modified: false }
const NONCOMMERCIAL_CROPPED: IntendedUse = { commercial: false, modified: true }

const rules = (subject: CreditSubject, use: IntendedUse): string[] =>
  findLicenseViolations(subject, use).map((v) => v.rule)
const credited = (l: LicenseFacts | null): CreditSubject => ({ creator: 'Jane Doe', license: l })

describe('findLicenseViolations', () => {
  it('allows the first photo (CC BY 4.0, credited) for commercial, cropped use', () => {
    expect(findLicenseViolations(firstPhoto, COMMERCIAL_CROPPED)).toEqual([])
  })

  it('rejects an image with no license, with an editor-readable message', () => {
    expect(findLicenseViolations({ creator: 'Jane Doe' }, NONCOMMERCIAL_AS_IS)).toEqual([
      {
        rule: 'no-license',
        message: 'No license is recorded for this image. Choose its license, or a grant, before publishing it.',
      },
    ])
    expect(rules({ creator: 'Jane Doe', license: null }, COMMERCIAL_CROPPED)).toEqual(['no-license'])
  })

  describe('non-commercial', () => {
    it.each(['CC-BY-NC-4.0', 'CC-BY-NC-SA-4.0', 'CC-BY-NC-ND-4.0'])('denies commercial use of %s', (id) => {
      expect(rules(credited(license(id)), COMMERCIAL_AS_IS)).toEqual(['non-commercial'])
    })

    it('names the license in the message', () => {
      expect(findLicenseViolations(credited(license('CC-BY-NC-4.0')), COMMERCIAL_AS_IS)).toEqual([
        {
          rule: 'non-commercial',
          message: "The image's license (CC BY-NC 4.0) forbids commercial use, and this publication is commercial.",
        },
      ])
    })

    it.each(['CC-BY-NC-4.0', 'CC-BY-NC-SA-4.0', 'CC-BY-NC-ND-4.0'])('allows non-commercial use of %s', (id) => {
      expect(rules(credited(license(id)), NONCOMMERCIAL_AS_IS)).toEqual([])
    })

    it.each(['CC0-1.0', 'CC-BY-4.0', 'CC-BY-SA-4.0', 'CC-BY-ND-4.0'])('allows commercial use of %s', (id) => {
      expect(rules(credited(license(id)), COMMERCIAL_AS_IS)).toEqual([])
    })
  })

  describe('no-derivatives', () => {
    it.each(['CC-BY-ND-4.0', 'CC-BY-NC-ND-4.0'])('denies a cropped image under %s', (id) => {
      expect(rules(credited(license(id)), NONCOMMERCIAL_CROPPED)).toEqual(['no-derivatives'])
    })

    it('names the license and says resizing is fine', () => {
      const [violation] = findLicenseViolations(credited(license('CC-BY-ND-4.0')), COMMERCIAL_CROPPED)
      expect(violation?.rule).toBe('no-derivatives')
      expect(violation?.message).toBe(
        "The image's license (CC BY-ND 4.0) forbids modified versions, and this image is marked as modified (for example cropped). Use the uncropped original; resizing is allowed.",
      )
    })

    it.each(['CC-BY-ND-4.0', 'CC-BY-NC-ND-4.0'])('allows the unmodified image under %s', (id) => {
      expect(rules(credited(license(id)), NONCOMMERCIAL_AS_IS)).toEqual([])
    })

    it.each(['CC0-1.0', 'CC-BY-4.0', 'CC-BY-SA-4.0', 'CC-BY-NC-4.0'])('allows cropping under %s', (id) => {
      expect(rules(credited(license(id)), NONCOMMERCIAL_CROPPED)).toEqual([])
    })

    it('reports every broken rule at once', () => {
      expect(rules({ license: license('CC-BY-NC-ND-4.0') }, COMMERCIAL_CROPPED)).toEqual([
        'non-commercial',
        'no-derivatives',
        'missing-creator',
      ])
    })
  })

  describe('all rights reserved', () => {
    it('denies use without a recorded permission', () => {
      for (const permissionNote of [undefined, null, '', '   \n ']) {
        expect(findLicenseViolations({ creator: 'Reuters', license: ALL_RIGHTS_RESERVED, permissionNote }, NONCOMMERCIAL_AS_IS)).toEqual([
          {
            rule: 'all-rights-reserved-without-permission',
            message:
              'The image is not under a public license (All rights reserved), and no permission from the rights holder is recorded. Record the grant in the permission note, or choose another image.',
          },
        ])
      }
    })

    it('allows use, including commercial and cropped, once a grant is recorded', () => {
      const subject = { creator: 'Reuters', license: ALL_RIGHTS_RESERVED, permissionNote: 'Licensed by Reuters, invoice 2024-117' }
      expect(findLicenseViolations(subject, COMMERCIAL_CROPPED)).toEqual([])
    })

    it('still needs a creator to credit', () => {
      expect(rules({ license: ALL_RIGHTS_RESERVED, permissionNote: 'Grant on file' }, NONCOMMERCIAL_AS_IS)).toEqual([
        'missing-creator',
      ])
    })

    it('recognises custom records: null SPDX id, LicenseRef- id, or no deed and nothing allowed', () => {
      const base = { ...ALL_RIGHTS_RESERVED, name: 'Agency terms', shortName: 'Agency terms' }
      const custom: LicenseFacts[] = [
        { ...base, spdxId: null, deedUrl: 'https://agency.example/terms' },
        { ...base, spdxId: 'LicenseRef-Agency', deedUrl: 'https://agency.example/terms', allowsCommercialUse: true },
        { ...base, spdxId: undefined, deedUrl: undefined },
      ]
      for (const l of custom) {
        expect(rules({ creator: 'Agency', license: l }, NONCOMMERCIAL_AS_IS)).toEqual([
          'all-rights-reserved-without-permission',
        ])
      }
    })

    it('does not treat a CC license as all rights reserved', () => {
      expect(rules({ creator: 'Jane', license: license('CC-BY-NC-ND-4.0') }, NONCOMMERCIAL_AS_IS)).toEqual([])
    })
  })

  describe('missing-creator', () => {
    it.each(LICENSE_CATALOG.filter((l) => l.requiresAttribution && !isAllRightsReserved(l)).map((l) => [l.shortName, l] as const))(
      'denies %s without a creator',
      (_, l) => {
        const violations = findLicenseViolations({ creator: '  ', license: l }, NONCOMMERCIAL_AS_IS)
        expect(violations).toEqual([
          {
            rule: 'missing-creator',
            message: `The image's license (${l.shortName}) requires crediting the creator, and no creator is recorded.`,
          },
        ])
      },
    )

    it('allows CC0 without a creator (credit is good practice, not required)', () => {
      expect(rules({ license: license('CC0-1.0') }, COMMERCIAL_CROPPED)).toEqual([])
    })

    it('accepts a creator in any script', () => {
      for (const creator of ['Официальный веб-сайт Президента Российской Федерации', '新华社', 'وكالة الأنباء السعودية']) {
        expect(rules({ creator, license: license('CC-BY-4.0') }, NONCOMMERCIAL_AS_IS)).toEqual([])
      }
    })
  })
})

describe('describePermissions', () => {
  it('describes CC BY 4.0', () => {
    expect(describePermissions(license('CC-BY-4.0'))).toEqual({
      commercialUse: true,
      modification: true,
      attributionRequired: true,
      shareAlike: false,
      summary: 'CC BY 4.0: commercial use allowed; changes allowed (mark them); credit the creator.',
    })
  })

  it('describes share-alike, no-derivatives and non-commercial licenses', () => {
    expect(describePermissions(license('CC-BY-NC-SA-4.0'))).toEqual({
      commercialUse: false,
      modification: true,
      attributionRequired: true,
      shareAlike: true,
      summary:
        'CC BY-NC-SA 4.0: no commercial use; changes allowed; adapted versions must use the same license; credit the creator.',
    })
    expect(describePermissions(license('CC-BY-ND-4.0')).summary).toBe(
      'CC BY-ND 4.0: commercial use allowed; no changes beyond resizing or format conversion; credit the creator.',
    )
  })

  it('describes CC0', () => {
    expect(describePermissions(license('CC0-1.0'))).toEqual({
      commercialUse: true,
      modification: true,
      attributionRequired: false,
      shareAlike: false,
      summary: 'CC0 1.0: commercial use allowed; changes allowed (mark them); credit not required (good practice).',
    })
  })

  it('allows nothing under all rights reserved without a grant', () => {
    expect(describePermissions(ALL_RIGHTS_RESERVED)).toEqual({
      commercialUse: false,
      modification: false,
      attributionRequired: true,
      shareAlike: false,
      summary: 'All rights reserved: use only under a separate grant from the rights holder, on the terms agreed.',
    })
  })

  it('allows nothing without a license', () => {
    expect(describePermissions(null)).toMatchObject({ commercialUse: false, modification: false })
    expect(describePermissions(undefined).summary).toBe('No license recorded: do not use without finding out the terms.')
  })

  it('agrees with the catalog flags for every license', () => {
    for (const l of LICENSE_CATALOG) {
      const d = describePermissions(l)
      expect([d.commercialUse, d.modification, d.attributionRequired, d.shareAlike]).toEqual([
        l.allowsCommercialUse,
        l.allowsModification,
        l.requiresAttribution,
        l.requiresShareAlike,
      ])
    }
  })
})
