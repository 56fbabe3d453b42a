/** The roles a user can hold; the first entry is the default for new accounts. */
export const ROLES = ['editor', 'admin'] as const
export type Role = (typeof ROLES)[number]

type MaybeUser = { role?: string | null } | null | undefined

export function hasRole(user: MaybeUser, ...roles: Role[]): boolean {
  return Boolean(user?.role && (roles as string[]).includes(user.role))
}
