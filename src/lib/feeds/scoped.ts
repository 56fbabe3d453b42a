import { getSettings } from '@/config/settings'
import { listKey, type ArticleList } from '@/domain/articles/lists'
import { cacheTags } from '@/lib/cache/tags'
import { getFeedChannel } from '@/lib/data/feeds'
import { documentNotFound, publicDocument } from '@/lib/seo/responses'
import { absoluteUrl, machinePaths } from '@/lib/urls'
import { ATOM_CONTENT_TYPE, renderAtom } from './atom'
import type { FeedScope } from './feedItem'
import { JSON_FEED_CONTENT_TYPE, toJsonFeed } from './jsonFeed'
import { RSS_CONTENT_TYPE, renderRss } from './rss'

/** The three feed files every section and author page offers, by the last segment of their path. */
export const FEED_FILES = { 'feed.xml': 'rss', 'atom.xml': 'atom', 'feed.json': 'json' } as const
export type FeedFile = keyof typeof FEED_FILES

export function isFeedFile(name: string): name is FeedFile {
  return Object.hasOwn(FEED_FILES, name)
}

/** A page's feeds sit beside it: `/sections/world/feed.xml`, `/authors/li-wei/atom.xml`. */
export function feedScope(title: string, description: string | null, homePath: string): FeedScope {
  return { title, description, homePath, paths: { rss: `${homePath}/feed.xml`, atom: `${homePath}/atom.xml`, json: `${homePath}/feed.json` } }
}

/** One section's or author's feed: its newest articles, purged with its list and its profile. */
export async function scopedFeedResponse(file: FeedFile, list: ArticleList, scope: FeedScope, profileTag: string): Promise<Response> {
  const channel = await getFeedChannel(list, scope)
  const tags = [cacheTags.listHead(listKey(list)), profileTag, cacheTags.site]
  switch (FEED_FILES[file]) {
    case 'rss':
      return publicDocument(renderRss(channel), RSS_CONTENT_TYPE, tags)
    case 'atom':
      return publicDocument(renderAtom(channel), ATOM_CONTENT_TYPE, tags)
    case 'json': {
      const creditAbout = absoluteUrl(machinePaths.credits, getSettings().serverUrl)
      return publicDocument(JSON.stringify(toJsonFeed(channel, { creditAbout }), null, 2), JSON_FEED_CONTENT_TYPE, tags)
    }
  }
}

export const feedNotFound = (): Response => documentNotFound('No such feed.')
