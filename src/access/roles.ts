/**
 * The roles a user can hold, least privilege first:
 * contributor — writes and edits their own drafts and uploads images; cannot publish or delete published work;
 * editor — writes, publishes and deletes any content;
 * admin — everything, including users and site settings.
 */
export const ROLES = ['contributor', 'editor', 'admin'] as const
export type Role = (typeof ROLES)[number]

type MaybeUser = { role?: string | null } | null | undefined

export function hasRole(user: MaybeUser, ...roles: Role[]): boolean {
  return Boolean(user?.role && (roles as string[]).includes(user.role))
}
