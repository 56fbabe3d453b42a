import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import nodemailer from 'nodemailer'
import type { EmailAdapter, Payload } from 'payload'

import type { MailSettings } from './settings'

/** Said once at start-up when there is no mail server: resets need one. */
export const RESETS_OFF_LOG = 'password resets are off: SMTP_URL is not set, so this site sends no e-mail (an admin sets new passwords in /admin)'

type Logger = Pick<Payload['logger'], 'info' | 'warn' | 'error'>

/** `next build` loads the config too; what follows is for the running server (as Payload does for its own warning). */
const isBuilding = () => process.env.NEXT_PHASE === 'phase-production-build'

/** The mail server's host and port, for the log: never the credentials in the URL. */
export function mailServerOf(smtpUrl: string): string {
  return new URL(smtpUrl).host
}

/**
 * Payload's e-mail. With SMTP_URL: Payload's official nodemailer adapter. Without: an adapter that
 * sends nothing and says so once, instead of Payload's "written to console" stand-in (the users
 * collection then refuses forgot-password, see src/collections/Users/passwordResets.ts).
 */
export async function createEmailAdapter(mail: MailSettings | undefined): Promise<EmailAdapter> {
  if (!mail) return noMail
  const transport = nodemailer.createTransport(mail.smtpUrl)
  // The adapter's own check would hold up start-up for as long as an unreachable server takes to time out.
  const official = await nodemailerAdapter({ transport, defaultFromAddress: mail.fromAddress, defaultFromName: mail.fromName, skipVerify: true })
  const server = mailServerOf(mail.smtpUrl)
  return ({ payload }) => {
    const adapter = official({ payload })
    if (isBuilding()) return adapter
    transport.verify().then(
      () => payload.logger.info({ mailServer: server }, 'mail server answered: password reset e-mails are on'),
      (error: unknown) => payload.logger.error({ err: error, mailServer: server }, 'mail server did not answer: password reset e-mails fail until it does'),
    )
    return { ...adapter, sendEmail: sendOrLog(adapter.sendEmail, payload.logger, server) }
  }
}

/**
 * A failed send is logged, not answered: forgot-password then answers as it does for an address
 * with no account, so its answer never tells whether an account exists.
 */
export function sendOrLog<Message, Result>(send: (message: Message) => Promise<Result>, logger: Logger, server: string): (message: Message) => Promise<Result | undefined> {
  return async (message) => {
    try {
      return await send(message)
    } catch (error) {
      logger.error({ err: error, mailServer: server }, 'could not send an e-mail')
      return undefined
    }
  }
}

const noMail: EmailAdapter = ({ payload }) => {
  if (!isBuilding()) payload.logger.warn(RESETS_OFF_LOG)
  return {
    name: 'none',
    defaultFromAddress: 'nobody@invalid',
    defaultFromName: 'nobody',
    sendEmail: async () => {
      throw new Error('this site sends no e-mail: SMTP_URL is not set')
    },
  }
}
