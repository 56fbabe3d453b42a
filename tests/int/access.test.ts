import { describe, expect, it, beforeAll } from '@jest/globals'
import type { Payload, RequiredDataFromCollectionSlug } from 'payload'

import { paragraphsToLexical } from '../../src/lib/richText'
import type { Article, User } from '../../src/payload-types'
import { usePayload } from '../support/usePayload'

const payload = usePayload()
const body = paragraphsToLexical(['Body.'])

/** The slug is left out on purpose: the slug field's hook makes it from the headline. */
const articleData = (data: Partial<Article>) => ({ body, ...data }) as RequiredDataFromCollectionSlug<'articles'>

/** No role given: the collection decides (the first account an admin, later ones contributors). */
async function makeUser(p: Payload, email: string): Promise<User> {
  return p.create({ collection: 'users', data: { email, password: 'correct horse battery staple' } as RequiredDataFromCollectionSlug<'users'> })
}

describe('users and roles', () => {
  let admin: User
  let editor: User

  beforeAll(async () => {
    admin = await makeUser(payload(), 'first@example.com')
    const second = await makeUser(payload(), 'second@example.com')
    expect(second.role).toBe('contributor')
    editor = await payload().update({ collection: 'users', id: second.id, data: { role: 'editor' }, user: admin, overrideAccess: false })
  })

  it('makes the first account an admin and later ones contributors, whom an admin may promote', () => {
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

describe('contributors and drafts', () => {
  let alice: User
  let bob: User
  let editor: User
  let alicesDraft: Article

  beforeAll(async () => {
    const admin = (await payload().find({ collection: 'users', where: { role: { equals: 'admin' } }, limit: 1 })).docs[0]!
    const make = (email: string, role: User['role']) => payload().create({ collection: 'users', data: { email, password: 'correct horse battery staple', role }, user: admin, overrideAccess: false })
    alice = await make('alice@example.com', 'contributor')
    bob = await make('bob@example.com', 'contributor')
    editor = await make('desk@example.com', 'editor')
    alicesDraft = await payload().create({ collection: 'articles', data: articleData({ headline: 'Alice’s scoop' }), draft: true, user: alice, overrideAccess: false })
  })

  const findAs = (user: User) => payload().find({ collection: 'articles', where: { id: { equals: alicesDraft.id } }, draft: true, user, overrideAccess: false })

  it('see their own drafts and versions', async () => {
    expect((await findAs(alice)).docs.map((doc) => doc.headline)).toEqual(['Alice’s scoop'])
    const versions = await payload().findVersions({ collection: 'articles', where: { parent: { equals: alicesDraft.id } }, user: alice, overrideAccess: false })
    expect(versions.totalDocs).toBeGreaterThan(0)
  })

  it('do not see another contributor’s drafts or versions', async () => {
    expect((await findAs(bob)).totalDocs).toBe(0)
    await expect(payload().findByID({ collection: 'articles', id: alicesDraft.id, draft: true, user: bob, overrideAccess: false })).rejects.toMatchObject({ status: 404 })
    const versions = await payload().findVersions({ collection: 'articles', where: { parent: { equals: alicesDraft.id } }, user: bob, overrideAccess: false })
    expect(versions.totalDocs).toBe(0)
  })

  it('cannot edit another contributor’s draft', async () => {
    await expect(payload().update({ collection: 'articles', id: alicesDraft.id, data: { headline: 'Bob was here' }, draft: true, user: bob, overrideAccess: false })).rejects.toMatchObject({
      status: 403,
    })
    expect((await findAs(alice)).docs[0]!.headline).toBe('Alice’s scoop')
  })

  it('read published articles by anyone', async () => {
    const published = await payload().create({ collection: 'articles', data: articleData({ headline: 'Desk story', _status: 'published' }), user: editor, overrideAccess: false })
    expect((await payload().find({ collection: 'articles', where: { id: { equals: published.id } }, user: bob, overrideAccess: false })).totalDocs).toBe(1)
  })

  it('are seen in full by editors', async () => {
    expect((await findAs(editor)).totalDocs).toBe(1)
    const versions = await payload().findVersions({ collection: 'articles', where: { parent: { equals: alicesDraft.id } }, user: editor, overrideAccess: false })
    expect(versions.totalDocs).toBeGreaterThan(0)
  })
})
