import type { ArticleSummary } from '@/lib/data/views'
import { articlePath } from '@/lib/urls'
import { ArticleFigure } from './ArticleFigure'
import { IMAGE_SIZES } from './imageSizes'
import { PublishedDate } from './PublishedDate'

export function ArticleCard({ article, origin, timeZone, lead }: { article: ArticleSummary; origin: string; timeZone: string; lead: boolean }) {
  return (
    <article className={lead ? 'card card--lead' : 'card'}>
      {article.image ? (
        <ArticleFigure
          image={article.image}
          origin={origin}
          sizes={lead ? IMAGE_SIZES.leadCard : IMAGE_SIZES.card}
          priority={lead}
          showCaption={false}
        />
      ) : null}
      <h2 className="card__headline">
        <a href={articlePath(article.slug)}>{article.headline}</a>
      </h2>
      {article.standfirst ? <p className="standfirst">{article.standfirst}</p> : null}
      <p className="meta">
        <PublishedDate iso={article.publishedAt} timeZone={timeZone} />
      </p>
    </article>
  )
}
