import type { GlobalConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { isAdmin } from '@/access/isAdmin'
import { siteDefaults } from '@/lib/site'
import { DEFAULT_TIME_ZONE, isTimeZone } from '@/lib/timeZone'
import { validateOptionalHttpUrl } from '@/lib/validation/url'
import { guardSiteUse } from './hooks/guardSiteUse'
import { purgeSiteAfterChange } from './hooks/purgeSiteAfterChange'
import { releaseLogo } from './hooks/releaseLogo'
import { resignOnMiningChange } from './hooks/resignOnMiningChange'

export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  label: 'Site settings',
  admin: { group: 'Admin' },
  access: { read: anyone, update: isAdmin },
  hooks: { beforeChange: [guardSiteUse], afterChange: [releaseLogo, purgeSiteAfterChange, resignOnMiningChange] },
  fields: [
    {
      type: 'collapsible',
      label: 'Identity',
      fields: [
        { name: 'name', label: 'Publication name', type: 'text', required: true, maxLength: 80, defaultValue: siteDefaults.name },
        {
          name: 'description',
          type: 'textarea',
          required: true,
          maxLength: 300,
          defaultValue: siteDefaults.description,
          admin: { description: 'One sentence: the front page description, feeds and search results.' },
        },
        {
          name: 'logo',
          type: 'upload',
          relationTo: 'media',
          admin: { description: 'Shown to search engines and feed readers (at least 112 × 112 pixels). Empty: the built-in logo.' },
        },
      ],
    },
    {
      name: 'commercial',
      label: 'This publication is commercial',
      type: 'checkbox',
      defaultValue: true,
      admin: {
        description: 'Ads, subscriptions or any other income. While on, articles with images under non-commercial (NC) licenses cannot be published.',
      },
    },
    {
      name: 'timeZone',
      label: 'Time zone',
      type: 'text',
      defaultValue: DEFAULT_TIME_ZONE,
      maxLength: 64,
      validate: (value: unknown) =>
        value === null || value === undefined || value === '' || (typeof value === 'string' && isTimeZone(value)) || 'Use an IANA time zone name, e.g. UTC, Europe/Moscow or Asia/Shanghai.',
      admin: { description: 'The publication’s own: the date archive (/archive/<year>/<month>) files articles by the month here. IANA name, e.g. Europe/Moscow.' },
    },
    {
      name: 'feedContent',
      label: 'Feeds carry',
      type: 'select',
      required: true,
      defaultValue: siteDefaults.feedContent,
      options: [
        { label: 'The standfirst only (readers click through)', value: 'summary' },
        { label: 'The full text of each article', value: 'full' },
      ],
    },
    {
      type: 'collapsible',
      label: 'Text and data mining, AI training',
      fields: [
        {
          name: 'tdm',
          label: 'Text and data mining and AI training',
          type: 'select',
          required: true,
          defaultValue: siteDefaults.tdm,
          options: [
            { label: 'Reserved: machines may not mine or train on our articles without a licence', value: 'reserved' },
            { label: 'Allowed', value: 'allowed' },
          ],
          admin: {
            description:
              'Reserved: robots.txt turns away the common AI crawlers, every page carries the TDMRep reservation, /.well-known/tdmrep.json says so, and feeds and the API document link the policy. Every image file\'s Content Credentials state the choice (all images are signed again in the background when it changes). Image credits and licenses are unaffected.',
          },
        },
        {
          name: 'tdmPolicyUrl',
          label: 'Licensing policy URL',
          type: 'text',
          validate: validateOptionalHttpUrl,
          admin: {
            condition: (data) => data?.tdm === 'reserved',
            description: 'Where machines learn how to obtain a licence (TDMRep tdm-policy). Empty: the reservation alone.',
          },
        },
      ],
    },
  ],
}
