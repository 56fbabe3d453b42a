import { redirectsPlugin } from '@payloadcms/plugin-redirects'

import { isEditorOrAdmin } from '@/access/isEditorOrAdmin'

/**
 * Old addresses of articles, sections and authors, kept by hooks when a slug changes
 * (src/domain/redirects/slugMoves.ts) and answered with a 301. Editors may add their own. Read by
 * the newsroom only: a redirect may point at an article readers cannot see, and the site resolves
 * the target as a reader would.
 */
export const slugRedirects = redirectsPlugin({
  collections: ['articles', 'sections', 'authors'],
  overrides: {
    admin: { group: 'Settings', description: 'Old addresses and where they now lead. Kept automatically when a slug changes.' },
    access: { read: isEditorOrAdmin, create: isEditorOrAdmin, update: isEditorOrAdmin, delete: isEditorOrAdmin },
  },
})
