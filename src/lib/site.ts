/** Facts about the publication itself, used by the layout, metadata and structured data. */
export const site = {
  name: 'The Dispatch',
  description: 'World news, with every image credited and licensed.',
  locale: 'en',
} as const
