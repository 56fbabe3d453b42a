import type { FieldAccess } from 'payload'

export const isAuthenticatedField: FieldAccess = ({ req: { user } }) => Boolean(user)
