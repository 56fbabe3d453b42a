import type { CollectionConfig } from 'payload'

import { anyone } from './anyone'
import { isEditorOrAdmin } from './isEditorOrAdmin'

/** Reference content (licenses): anyone reads it, the newsroom writes it. */
export const publicReadNewsroomWrite: NonNullable<CollectionConfig['access']> = {
  read: anyone,
  create: isEditorOrAdmin,
  update: isEditorOrAdmin,
  delete: isEditorOrAdmin,
}
