import type { Access } from 'payload'

import { hasRole } from './roles'

/** Any role that writes: contributors, editors and admins. */
export const isNewsroomMember: Access = ({ req: { user } }) => hasRole(user, 'contributor', 'editor', 'admin')
