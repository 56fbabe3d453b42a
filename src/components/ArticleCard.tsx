
import type { ArticleSummary } from '@/lib/data/views'
import { articlePath } from '@/lib/urls'
import { ArticleFigure } from './ArticleFigure'
import { PublishedDate } from './PublishedDate'

export function ArticleCard({ article, origin, lead }: { article: ArticleSummary; origin: string; lead: boolean }) {
  return (
    <article className={lead ? 'card card--lead' : 'card'}>
      {article.image ? (
        <ArticleFigure
          image={article.image}
          origin={origin}
          sizes={lead ? '(min-width: 60rem) 56rem, 100vw' : '(min-width: 60rem) 28rem, 100vw'}
          priority={lead}
          showCaption={false}
        />
      ) : null}
      <h2 className="card__headline">
        <a href={articlePath(article.slug)}>{article.headline}</a>
      </h2>
      {article.standfirst ? <p className="standfirst">{article.standfirst}</p> : null}
      <p className="meta">
        <PublishedDate iso={article.publishedAt} />
      </p>
    </article>
  )
}
