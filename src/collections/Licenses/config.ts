import type { CollectionConfig } from 'payload'

import { publicReadNewsroomWrite } from '@/access/publicReadNewsroomWrite'
import { validateOptionalHttpUrl } from '@/lib/validation/url'
import { applyLicenseChange, purgeLicenseAfterDelete } from './hooks/applyLicenseChange'
import { guardLicenseChange } from './hooks/guardLicenseChange'
import { guardLicenseDelete } from './hooks/guardLicenseDelete'

/** SPDX ids, or SPDX's LicenseRef- form for licenses SPDX does not list (e.g. all rights reserved). */
const SPDX_ID = /^(LicenseRef-[A-Za-z0-9.-]+|[A-Za-z0-9][A-Za-z0-9.+-]*)$/

export const Licenses: CollectionConfig = {
  slug: 'licenses',
  admin: {
    useAsTitle: 'shortName',
    defaultColumns: ['shortName', 'spdxId', 'allowsCommercialUse', 'allowsModification'],
    description: 'The terms images are used under. Credits and publishing checks read these fields.',
  },
  access: publicReadNewsroomWrite,
  hooks: {
    beforeChange: [guardLicenseChange],
    afterChange: [applyLicenseChange],
    beforeDelete: [guardLicenseDelete],
    afterDelete: [purgeLicenseAfterDelete],
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 200, admin: { description: 'Full name, e.g. "Creative Commons Attribution 4.0 International".' } },
    { name: 'shortName', type: 'text', required: true, maxLength: 60, admin: { description: 'Shown in credits, e.g. "CC BY 4.0".' } },
    {
      name: 'spdxId',
      label: 'SPDX id',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      maxLength: 100,
      validate: (value: unknown) =>
        typeof value === 'string' && SPDX_ID.test(value)
          ? true
          : 'Use an SPDX license id such as CC-BY-4.0, or LicenseRef-<name> for licenses SPDX does not list.',
      admin: { description: 'From spdx.org/licenses, e.g. CC-BY-4.0.' },
    },
    { name: 'deedUrl', label: 'Deed URL', type: 'text', validate: validateOptionalHttpUrl, admin: { description: 'The human-readable license page the credit links to.' } },
    {
      type: 'row',
      fields: [
        { name: 'requiresAttribution', type: 'checkbox', defaultValue: true },
        { name: 'allowsCommercialUse', type: 'checkbox', defaultValue: false },
        { name: 'allowsModification', type: 'checkbox', defaultValue: false, admin: { description: 'Crops and other adaptations.' } },
        { name: 'requiresShareAlike', type: 'checkbox', defaultValue: false },
      ],
    },
  ],
}
