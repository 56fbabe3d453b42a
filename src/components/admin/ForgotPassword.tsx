import type { AdminViewServerProps } from 'payload'

import { RESETS_OFF_MESSAGE } from '@/collections/Users/passwordResets'
import { getSettings } from '@/config/settings'

import { ForgotPasswordForm } from './ForgotPasswordForm.client'

/**
 * The admin's "forgot password" screen (replacing Payload's): without a mail server it says resets
 * are off instead of offering to send; with one, a form that reports a refusal (a rate limit) as
 * one, where Payload's own form reports any answer as "e-mail sent".
 */
export function ForgotPassword({ initPageResult }: AdminViewServerProps) {
  const { routes, admin } = initPageResult.req.payload.config
  const loginUrl = `${routes.admin.replace(/\/$/, '')}${admin.routes.login}`
  if (!getSettings().mail) {
    return (
      <div className="forgot-password">
        <h1>Password resets are off</h1>
        <p>{RESETS_OFF_MESSAGE}</p>
        <a href={loginUrl}>Back to login</a>
      </div>
    )
  }
  return <ForgotPasswordForm action={`${routes.api}/${admin.user}/forgot-password`} loginUrl={loginUrl} />
}
