import { slugField, type Field, type TextField } from 'payload'

import { toSlug, validateSlug } from '@/lib/slug'

/**
 * The slug a public address is built from: made from `from` as the editor types, checked with
 * the site's rules, described with the address it makes.
 */
export function publicSlugField(from: string, description: string): Field {
  return slugField({
    useAsSlug: from,
    slugify: ({ valueToSlugify }) => (typeof valueToSlugify === 'string' ? toSlug(valueToSlugify) : undefined),
    overrides: (row) => ({
      ...row,
      fields: row.fields.map((field) => ('name' in field && field.name === 'slug' ? ({ ...field, validate: validateSlug, admin: { ...field.admin, description } } as TextField) : field)),
    }),
  })
}
