import { describe, expect, it } from '@jest/globals'

import { getFeedChannel } from '../../src/lib/data/feeds'
import { createArticle, createImage, createLicenses, createUser, richText } from '../support/content'
import { usePayload } from '../support/usePayload'

const payload = usePayload()

describe('a feed reads only what its items show', () => {
  it('still carries the lead and body images with their credits, the byline, the dates and the full text', async () => {
    await createUser(payload(), 'admin')
    const licenses = await createLicenses(payload())
    const lead = await createImage(payload(), licenses.get('CC-BY-4.0')!)
    const inBody = await createImage(payload(), licenses.get('CC-BY-4.0')!)
    const article = await createArticle(payload(), {
      headline: 'Feed fields',
      standfirst: 'What the feed says first.',
      byline: 'Agency desk',
      heroImage: lead.id,
      body: richText.body(richText.paragraph('The full text.'), richText.image(inBody.id)),
      publishedAt: '2025-05-01T10:00:00.000Z',
      _status: 'published',
    })
    await payload().update({ collection: 'articles', id: article.id, data: { revisedAt: '2025-05-02T10:00:00.000Z' } })
    await payload().updateGlobal({ slug: 'site-settings', data: { feedContent: 'full' } })

    const [item] = (await getFeedChannel()).items
    expect(item).toMatchObject({ title: 'Feed fields', summary: 'What the feed says first.', author: 'Agency desk', url: expect.stringMatching(new RegExp(`/articles/${article.slug}$`)) })
    expect(item!.published.toISOString()).toBe('2025-05-01T10:00:00.000Z')
    expect(item!.updated.toISOString()).toBe('2025-05-02T10:00:00.000Z')
    expect(item!.contentHtml).toContain('The full text.')
    expect(item!.images.map((image) => image.url)).toEqual([expect.stringContaining(lead.filename!.replace(/\.[^.]+$/, '')), expect.stringContaining(inBody.filename!.replace(/\.[^.]+$/, ''))])
    expect(item!.images[0]!.creditText).toContain('CC BY 4.0')
  })
})
