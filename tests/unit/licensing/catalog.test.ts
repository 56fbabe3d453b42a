import { describe, expect, it } from '@jest/globals'
import { ALL_RIGHTS_RESERVED, LICENSE_CATALOG, findLicenseBySpdxId } from '../../../src/licensing/catalog'

describe('LICENSE_CATALOG', () => {
  it('holds the seven CC licenses and all rights reserved, in order', () => {
    expect(LICENSE_CATALOG.map((l) => l.spdxId)).toEqual([
      'CC0-1.0',
      'CC-BY-4.0',
      'CC-BY-SA-4.0',
      'CC-BY-ND-4.0',
      'CC-BY-NC-4.0',
      'CC-BY-NC-SA-4.0',
      'CC-BY-NC-ND-4.0',
      'LicenseRef-All-Rights-Reserved',
    ])
  })

  it('has the official names, short names and deeds', () => {
    expect(LICENSE_CATALOG.map((l) => [l.name, l.shortName, l.deedUrl])).toEqual([
      ['CC0 1.0 Universal', 'CC0 1.0', 'https://creativecommons.org/publicdomain/zero/1.0/'],
      ['Creative Commons Attribution 4.0 International', 'CC BY 4.0', 'https://creativecommons.org/licenses/by/4.0/'],
      [
        'Creative Commons Attribution-ShareAlike 4.0 International',
        'CC BY-SA 4.0',
        'https://creativecommons.org/licenses/by-sa/4.0/',
      ],
      [
        'Creative Commons Attribution-NoDerivatives 4.0 International',
        'CC BY-ND 4.0',
        'https://creativecommons.org/licenses/by-nd/4.0/',
      ],
      [
        'Creative Commons Attribution-NonCommercial 4.0 International',
        'CC BY-NC 4.0',
        'https://creativecommons.org/licenses/by-nc/4.0/',
      ],
      [
        'Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International',
        'CC BY-NC-SA 4.0',
        'https://creativecommons.org/licenses/by-nc-sa/4.0/',
      ],
      [
        'Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 International',
        'CC BY-NC-ND 4.0',
        'https://creativecommons.org/licenses/by-nc-nd/4.0/',
      ],
      ['All rights reserved', 'All rights reserved', null],
    ])
  })

  it('matches the permission table (commercial, modify, credit, share-alike)', () => {
    const table = Object.fromEntries(
      LICENSE_CATALOG.map((l) => [
        l.shortName,
        [l.allowsCommercialUse, l.allowsModification, l.requiresAttribution, l.requiresShareAlike],
      ]),
    )
    expect(table).toEqual({
      'CC0 1.0': [true, true, false, false],
      'CC BY 4.0': [true, true, true, false],
      'CC BY-SA 4.0': [true, true, true, true],
      'CC BY-ND 4.0': [true, false, true, false],
      'CC BY-NC 4.0': [false, true, true, false],
      'CC BY-NC-SA 4.0': [false, true, true, true],
      'CC BY-NC-ND 4.0': [false, false, true, false],
      'All rights reserved': [false, false, true, false],
    })
  })

  it('cannot be mutated by a caller', () => {
    expect(Object.isFrozen(LICENSE_CATALOG)).toBe(true)
    expect(LICENSE_CATALOG.every((l) => Object.isFrozen(l))).toBe(true)
  })
})

describe('findLicenseBySpdxId', () => {
  it('finds a license by exact id', () => {
    expect(findLicenseBySpdxId('CC-BY-4.0')?.shortName).toBe('CC BY 4.0')
    expect(findLicenseBySpdxId('CC0-1.0')?.name).toBe('CC0 1.0 Universal')
  })

  it('matches case-insensitively and ignores surrounding spaces, as SPDX ids do', () => {
    expect(findLicenseBySpdxId(' cc-by-nc-sa-4.0 ')?.shortName).toBe('CC BY-NC-SA 4.0')
  })

  it('returns undefined for unknown, empty or missing ids (never all rights reserved by accident)', () => {
    expect(findLicenseBySpdxId('MIT')).toBeUndefined()
    expect(findLicenseBySpdxId('CC-BY-3.0')).toBeUndefined()
    expect(findLicenseBySpdxId('')).toBeUndefined()
    expect(findLicenseBySpdxId(null)).toBeUndefined()
    expect(findLicenseBySpdxId(undefined)).toBeUndefined()
  })

  it('exposes all rights reserved as a constant', () => {
    expect(ALL_RIGHTS_RESERVED).toMatchObject({ spdxId: 'LicenseRef-All-Rights-Reserved', deedUrl: null, allowsCommercialUse: false })
  })
})
