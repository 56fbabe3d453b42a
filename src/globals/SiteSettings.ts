import type { GlobalConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { isAdmin } from '@/access/isAdmin'
import { guardSiteUse } from './hooks/guardSiteUse'
import { purgeSiteAfterChange } from './hooks/purgeSiteAfterChange'

export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  label: 'Site settings',
  admin: { group: 'Admin' },
  access: { read: anyone, update: isAdmin },
  hooks: { beforeChange: [guardSiteUse], afterChange: [purgeSiteAfterChange] },
  fields: [
    {
      name: 'commercial',
      label: 'This publication is commercial',
      type: 'checkbox',
      defaultValue: true,
      admin: {
        description: 'Ads, subscriptions or any other income. While on, articles with images under non-commercial (NC) licenses cannot be published.',
      },
    },
  ],
}
