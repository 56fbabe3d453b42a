import type { Access, FieldAccess } from 'payload'

import { hasRole } from './roles'

/** Writing content (articles, media, licenses) is for the newsroom roles only. */
export const isEditorOrAdmin: Access = ({ req: { user } }) => hasRole(user, 'editor', 'admin')

export const isEditorOrAdminField: FieldAccess = ({ req: { user } }) => hasRole(user, 'editor', 'admin')
