'use client'

import { EmailField, Form, FormSubmit } from '@payloadcms/ui'
import { useState } from 'react'

type Props = { action: string; loginUrl: string }

/** The first error message of a Payload error answer. */
function messageOf(body: unknown): string {
  const message = (body as { errors?: Array<{ message?: unknown }> } | null)?.errors?.[0]?.message
  return typeof message === 'string' ? message : 'The request was refused; try again later.'
}

/** Asks for a reset link; "sent" only when the API accepted the request. */
export function ForgotPasswordForm({ action, loginUrl }: Props) {
  const [sent, setSent] = useState(false)
  if (sent) {
    return (
      <div className="forgot-password">
        <h1>Check your e-mail</h1>
        <p>If an account uses this address, a link to choose a new password is on its way. It works once, within an hour.</p>
        <a href={loginUrl}>Back to login</a>
      </div>
    )
  }
  return (
    <Form
      action={action}
      method="POST"
      className="forgot-password"
      handleResponse={(res, _successToast, errorToast) => {
        res
          .json()
          .then((body: unknown) => (res.ok ? setSent(true) : errorToast(messageOf(body))))
          .catch(() => errorToast('The server did not answer; try again later.'))
      }}
    >
      <h1>Forgot password</h1>
      <p>Enter your account’s e-mail address: we send a link to choose a new password.</p>
      <EmailField field={{ name: 'email', label: 'Email', required: true, admin: { autoComplete: 'email' } }} path="email" />
      <FormSubmit size="large">Send the link</FormSubmit>
      <p>
        <a href={loginUrl}>Back to login</a>
      </p>
    </Form>
  )
}
