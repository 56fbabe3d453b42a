import { APIError, type CollectionBeforeOperationHook, type CollectionConfig, type PayloadRequest } from 'payload'

import { escapeHtml } from '@/licensing/escape'

/** What forgot-password answers (403) when the site sends no e-mail; the admin's forgot screen says the same. */
export const RESETS_OFF_MESSAGE = 'Password resets are off: this site has no mail server, so it cannot send a reset link. Ask an admin to set a new password for you.'

const LINK_LIFETIME_MS = 60 * 60 * 1000

/**
 * The link in the e-mail: the admin's reset screen on the public origin (SERVER_URL), never one
 * built from the request's Host header, which a caller chooses.
 */
export function resetLink(serverUrl: string, req: Pick<PayloadRequest, 'payload'>, token: string): string {
  const { routes, admin } = req.payload.config
  return new URL(`${routes.admin.replace(/\/$/, '')}${admin.routes.reset}/${encodeURIComponent(token)}`, serverUrl).toString()
}

export function resetEmailHtml(link: string, email: string): string {
  const href = escapeHtml(link)
  return [
    `<p>Someone, probably you, asked for a new password for the account ${escapeHtml(email)}.</p>`,
    `<p><a href="${href}">Choose a new password</a></p>`,
    `<p>Or open this address: ${href}</p>`,
    `<p>The link works once, within an hour. If you did not ask, ignore this e-mail: your password stays as it is.</p>`,
  ].join('\n')
}

/** Without a mail server, forgot-password would store a token and report success while nobody is told. */
const refuseWithoutMail: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation === 'forgotPassword' && !(args as { disableEmail?: boolean }).disableEmail) throw new APIError(RESETS_OFF_MESSAGE, 403, null, true)
  return args
}

/**
 * Password resets for an auth collection: the e-mail links to SERVER_URL's admin reset screen;
 * without mail, forgot-password is refused. Limits per address and per account: src/server/rateLimit.
 */
export function withPasswordResets(collection: CollectionConfig, { serverUrl, mailOn }: { serverUrl: string; mailOn: boolean }): CollectionConfig {
  const auth = typeof collection.auth === 'object' ? collection.auth : {}
  return {
    ...collection,
    auth: {
      ...auth,
      forgotPassword: {
        ...auth.forgotPassword,
        expiration: LINK_LIFETIME_MS,
        generateEmailSubject: () => 'Choose a new password',
        generateEmailHTML: (args) => {
          if (!args?.req || !args.token) throw new Error('a reset e-mail needs the request and the token')
          return resetEmailHtml(resetLink(serverUrl, args.req, args.token), String((args.user as { email?: unknown } | undefined)?.email ?? ''))
        },
      },
    },
    hooks: { ...collection.hooks, beforeOperation: [...(collection.hooks?.beforeOperation ?? []), ...(mailOn ? [] : [refuseWithoutMail])] },
  }
}
