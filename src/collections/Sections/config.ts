import type { CollectionConfig } from 'payload'

import { publicReadNewsroomWrite } from '@/access/publicReadNewsroomWrite'
import { publicSlugField } from '@/fields/publicSlug'
import { refuseDeleteWhilePublished } from '../hooks/refuseDeleteWhilePublished'
import { redirectOldSlug } from '../hooks/redirectOldSlug'
import { purgeSection } from './hooks/purgeSection'

export const Sections: CollectionConfig = {
  slug: 'sections',
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'slug', 'updatedAt'],
    description: 'Where articles belong (World, Politics, …). Each has a page, /sections/<slug>, and its own feeds.',
  },
  access: publicReadNewsroomWrite,
  defaultSort: 'name',
  hooks: {
    beforeDelete: [refuseDeleteWhilePublished('section', 'section')],
    afterChange: [redirectOldSlug('sections'), purgeSection],
    afterDelete: [purgeSection],
  },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, maxLength: 60, admin: { description: 'As readers see it in the navigation and on each article.' } },
    publicSlugField('name', 'The section’s address: /sections/<slug>. The old address answers with a permanent redirect after a change.'),
    { name: 'description', type: 'textarea', maxLength: 300, admin: { description: 'One sentence under the section’s name; also its page description.' } },
  ],
}
