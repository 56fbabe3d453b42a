import type { ListPageData } from '@/lib/pages/listPages'
import type { PageProps } from '@/lib/pages/props'
import { AroundNav } from './AroundNav'
import { ArticleCard } from './ArticleCard'
import { ArticleFigure } from './ArticleFigure'
import { ImageDetails } from './ImageDetails'
import { IMAGE_SIZES } from './imageSizes'
import { JsonLd } from './JsonLd'

/** A list page: heading (and an author's profile), cards newest first, and the way to newer and older pages. */
export function ListPageView({ page, origin, timeZone, headingHidden = false }: { page: ListPageData; origin: string; timeZone: string; headingHidden?: boolean }) {
  return (
    <section className="front" aria-labelledby="list-title">
      <JsonLd data={page.jsonLd} />
      {page.image ? (
        <header>
          <h1 id="list-title">{page.name}</h1>
          <ImageDetails image={page.image} origin={origin} timeZone={timeZone} />
          <h2>Published articles using this image</h2>
        </header>
      ) : page.profile ? (
        <header className="profile">
          {page.profile.photo ? <ArticleFigure image={page.profile.photo} origin={origin} sizes={IMAGE_SIZES.card} priority showCaption={false} /> : null}
          <div>
            <h1 id="list-title">{page.name}</h1>
            {page.profile.bio ? <p className="standfirst">{page.profile.bio}</p> : null}
          </div>
        </header>
      ) : headingHidden ? (
        // Out of the grid's flow (absolutely placed): the masthead already shows the name.
        <h1 id="list-title" className="visually-hidden">
          {page.name}
        </h1>
      ) : (
        <header>
          <h1 id="list-title">{page.name}</h1>
          {page.description ? <p className="standfirst">{page.description}</p> : null}
        </header>
      )}
      {page.position ? <p className="meta">{page.position}</p> : null}
      {page.articles.length === 0 ? <p>No articles have been published here yet.</p> : null}
      {page.articles.map((article, index) => (
        <ArticleCard key={article.slug} article={article} origin={origin} timeZone={timeZone} lead={index === 0 && page.position === null} />
      ))}
      {page.newer || page.older ? (
        <nav className="pager" aria-label="More articles">
          {page.newer ? (
            <a href={page.newer} rel="prev">
              ← Newer articles
            </a>
          ) : (
            <span />
          )}
          {page.older ? (
            <a href={page.older} rel="next">
              Older articles →
            </a>
          ) : null}
        </nav>
      ) : null}
      {page.months ? <AroundNav label="Other months" later={page.months.later} earlier={page.months.earlier} up={page.months.year} /> : null}
    </section>
  )
}

/** The default export of every list page file in src/pages. */
export function ListPage({ page, origin, site }: PageProps<ListPageData>) {
  return <ListPageView page={page} origin={origin} timeZone={site.timeZone} />
}

/** The front page keeps the site's name as its visible heading (the masthead). */
export function FrontPage({ page, origin, site }: PageProps<ListPageData>) {
  return <ListPageView page={page} origin={origin} timeZone={site.timeZone} headingHidden />
}
