import type { PageMeta } from '@/lib/seo/metadata'

/** The `<head>` tags of a public page (title, canonical, feeds, cards, TDM), from its PageMeta. */
export function HeadTags({ meta }: { meta: PageMeta }) {
  const { openGraph: og, twitter } = meta
  return (
    <>
      <title>{meta.title}</title>
      <meta name="description" content={meta.description} />
      <meta name="application-name" content={meta.applicationName} />
      {meta.robots ? <meta name="robots" content={meta.robots} /> : null}
      {Object.entries(meta.other).map(([name, content]) => (
        <meta key={name} name={name} content={content} />
      ))}
      {meta.canonical ? <link rel="canonical" href={meta.canonical} /> : null}
      {meta.feeds.map((feed) => (
        <link key={feed.href} rel="alternate" type={feed.type} href={feed.href} title={feed.title} />
      ))}
      <meta property="og:title" content={og.title} />
      <meta property="og:description" content={og.description} />
      {og.url ? <meta property="og:url" content={og.url} /> : null}
      <meta property="og:site_name" content={og.siteName} />
      <meta property="og:locale" content={og.locale} />
      <meta property="og:image" content={og.image.url} />
      <meta property="og:image:width" content={String(og.image.width)} />
      <meta property="og:image:height" content={String(og.image.height)} />
      <meta property="og:image:alt" content={og.image.alt} />
      <meta property="og:type" content={og.type} />
      {og.publishedTime ? <meta property="article:published_time" content={og.publishedTime} /> : null}
      {og.modifiedTime ? <meta property="article:modified_time" content={og.modifiedTime} /> : null}
      {og.authors.map((author) => (
        <meta key={author} property="article:author" content={author} />
      ))}
      <meta name="twitter:card" content={twitter.card} />
      <meta name="twitter:title" content={twitter.title} />
      <meta name="twitter:description" content={twitter.description} />
      <meta name="twitter:image" content={twitter.image.url} />
      <meta name="twitter:image:alt" content={twitter.image.alt} />
      <link rel="icon" href="/icon.svg" type="image/svg+xml" sizes="any" />
    </>
  )
}
