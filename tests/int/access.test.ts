import { describe, expect, it, beforeAll } from '@jest/globals'
import type { Payload, RequiredDataFromCollectionSlug } from 'payload'

import { paragraphsToLexical } from '../../src/lib/richText'
import type { Article, User } from '../../src/payload-types'
import { usePayload } from '../support/usePayload'

const payload = usePayload()
const body = paragraphsToLexical(['Body.'])

/** The slug is left out on purpose: the slug field's hook makes it from the headline. */
const articleData = (data: Partial<Article>) => ({ body, ...data }) as RequiredDataFromCollectionSlug<'articles'>

async function makeUser(p: Payload, email: string): Promise<User> {
  return p.create({ collection: 'users', data: { email, password: 'correct horse battery staple', role: 'editor' } })
}

describe('users and roles', () => {
  let admin: User
  let editor: User

  beforeAll(async () => {
    admin = await makeUser(payload(), 'first@example.com')
    editor = await makeUser(payload(), 'second@example.com')
  })

  it('makes the first account an admin and later ones editors', () => {
    expect(admin.role).toBe('admin')
    expect(editor.role).toBe('editor')
  })

  it('lets only admins manage users, and nobody promote themselves', async () => {
    await expect(
      payload().create({ collection: 'users', data: { email: 'x@example.com', password: 'pw-pw-pw-pw', role: 'editor' }, user: editor, overrideAccess: false }),
    ).rejects.toThrow(/not allowed/i)
    const updated = await payload().update({ collection: 'users', id: editor.id, data: { role: 'admin' }, user: editor, overrideAccess: false })
    expect(updated.role).toBe('editor')
    const { docs } = await payload().find({ collection: 'users', user: editor, overrideAccess: false })
    expect(docs.map((user) => user.email)).toEqual(['second@example.com'])
  })

  it('hides drafts from anonymous readers but not from editors', async () => {
    const draft = await payload().create({ collection: 'articles', data: articleData({ headline: 'Secret draft' }), draft: true, user: editor, overrideAccess: false })
    expect(draft._status).toBe('draft')
    const anonymous = await payload().find({ collection: 'articles', where: { id: { equals: draft.id } }, overrideAccess: false })
    expect(anonymous.totalDocs).toBe(0)
    const anonymousDraft = await payload().find({ collection: 'articles', where: { id: { equals: draft.id } }, overrideAccess: false, draft: true })
    expect(anonymousDraft.totalDocs).toBe(0)
    const asEditor = await payload().find({ collection: 'articles', where: { id: { equals: draft.id } }, overrideAccess: false, user: editor, draft: true })
    expect(asEditor.docs[0]?.headline).toBe('Secret draft')
  })

  it('refuses writes from anonymous users', async () => {
    await expect(payload().create({ collection: 'articles', data: articleData({ headline: 'Nope' }), overrideAccess: false })).rejects.toThrow(/not allowed/i)
    await expect(
      payload().create({ collection: 'licenses', data: { name: 'X', shortName: 'X', spdxId: 'LicenseRef-X' }, overrideAccess: false }),
    ).rejects.toThrow(/not allowed/i)
  })
})

describe('articles', () => {
  it('generates a URL-safe slug from the headline and keeps it unique', async () => {
    const first = await payload().create({ collection: 'articles', data: articleData({ headline: 'Путин и Си: «встреча» в Пекине!', _status: 'published' }) })
    expect(first.slug).toBe('putin-i-si-vstrecha-v-pekine')
    expect(first.publishedAt).toBeTruthy()
    await expect(
      payload().create({ collection: 'articles', data: { headline: 'Another', slug: first.slug, body, _status: 'published' } }),
    ).rejects.toThrow(/slug/i)
  })

  it('rejects a published article without a headline, naming the field', async () => {
    await expect(payload().create({ collection: 'articles', data: articleData({ headline: '   ', _status: 'published' }) })).rejects.toMatchObject({
      data: { errors: expect.arrayContaining([expect.objectContaining({ path: 'headline', message: 'A headline is required.' })]) },
    })
  })

  it('normalises an editor-typed slug to a URL-safe one', async () => {
    const doc = await payload().create({
      collection: 'articles',
      data: articleData({ headline: 'Fine', slug: 'Not A Slug!', generateSlug: false, _status: 'published' }),
    })
    expect(doc.slug).toBe('not-a-slug')
  })
})
