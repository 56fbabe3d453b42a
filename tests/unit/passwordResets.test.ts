import { describe, expect, it } from '@jest/globals'
import type { Payload, PayloadRequest } from 'payload'

import { resetEmailHtml, resetLink, withPasswordResets, RESETS_OFF_MESSAGE } from '../../src/collections/Users/passwordResets'
import { createEmailAdapter, mailServerOf, RESETS_OFF_LOG, sendOrLog } from '../../src/config/email'

const req = { payload: { config: { routes: { admin: '/admin' }, admin: { routes: { reset: '/reset' } } } } } as unknown as Pick<PayloadRequest, 'payload'>

function recordingLogger() {
  const lines: Array<{ level: string; args: unknown[] }> = []
  const at = (level: string) => (...args: unknown[]) => void lines.push({ level, args })
  return { lines, logger: { info: at('info'), warn: at('warn'), error: at('error') } }
}

describe('password reset e-mail', () => {
  it('links to the admin reset screen on SERVER_URL', () => {
    expect(resetLink('https://news.example', req, 'abc123')).toBe('https://news.example/admin/reset/abc123')
    expect(resetLink('http://127.0.0.1:3000', req, 'a/b')).toBe('http://127.0.0.1:3000/admin/reset/a%2Fb')
  })

  it('escapes what it shows', () => {
    const html = resetEmailHtml('https://news.example/admin/reset/t?a=1&b=2', '"<x>"@example.com')
    expect(html).toContain('href="https://news.example/admin/reset/t?a=1&amp;b=2"')
    expect(html).toContain('&quot;&lt;x&gt;&quot;@example.com')
    expect(html).not.toContain('<x>')
  })

  it('refuses forgot-password without mail, and only then', async () => {
    const hooksOf = (mailOn: boolean) => withPasswordResets({ slug: 'users', auth: { maxLoginAttempts: 5 }, fields: [] }, { serverUrl: 'https://news.example', mailOn }).hooks?.beforeOperation ?? []
    expect(hooksOf(true)).toHaveLength(0)
    const [refuse] = hooksOf(false)
    const run = (operation: string, args: object) => (refuse as unknown as (a: object) => unknown)({ args, operation })
    expect(() => run('forgotPassword', {})).toThrow(RESETS_OFF_MESSAGE)
    expect(run('forgotPassword', { disableEmail: true })).toEqual({ disableEmail: true })
    expect(run('login', { data: {} })).toEqual({ data: {} })
  })

  it('keeps the collection’s own auth settings', () => {
    const auth = withPasswordResets({ slug: 'users', auth: { maxLoginAttempts: 5, lockTime: 600_000 }, fields: [] }, { serverUrl: 'https://news.example', mailOn: true }).auth
    expect(auth).toMatchObject({ maxLoginAttempts: 5, lockTime: 600_000, forgotPassword: { expiration: 3_600_000 } })
  })
})

describe('e-mail adapter', () => {
  it('without a mail server: says once that resets are off, and sends nothing', async () => {
    const { lines, logger } = recordingLogger()
    const adapter = (await createEmailAdapter(undefined))({ payload: { logger } as unknown as Payload })
    expect(lines).toEqual([{ level: 'warn', args: [RESETS_OFF_LOG] }])
    await expect(adapter.sendEmail({ to: 'a@example.com', subject: 'x' })).rejects.toThrow(/sends no e-mail/)
  })

  it('logs a failed send without the credentials and answers as if sent', async () => {
    const { lines, logger } = recordingLogger()
    const send = sendOrLog(async () => Promise.reject(new Error('connection refused')), logger, mailServerOf('smtp://user:secret@mail.example:587'))
    await expect(send({})).resolves.toBeUndefined()
    expect(lines).toHaveLength(1)
    expect(JSON.stringify(lines[0]!.args[0])).toContain('mail.example:587')
    expect(JSON.stringify(lines)).not.toContain('secret')
    await expect(sendOrLog(async (message: string) => `sent ${message}`, logger, 'x')('hi')).resolves.toBe('sent hi')
  })
})
