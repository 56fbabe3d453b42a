import type { ArticleView as Article } from '@/lib/data/views'
import { sectionPath } from '@/lib/urls'
import { ArticleBody } from './ArticleBody'
import { ArticleFigure } from './ArticleFigure'
import { Byline } from './Byline'
import { CorrectionsNotice } from './CorrectionsNotice'
import { IMAGE_SIZES } from './imageSizes'
import { PublishedDate } from './PublishedDate'

/** The article as readers see it; the public page and the editors' preview both render this. */
export function ArticleView({ article, origin, timeZone, children }: { article: Article; origin: string; timeZone: string; children?: React.ReactNode }) {
  return (
    <article className="article">
      {children}
      <header className="article__header">
        {article.section ? (
          <p className="kicker">
            <a href={sectionPath(article.section.slug)}>{article.section.name}</a>
          </p>
        ) : null}
        <h1>{article.headline}</h1>
        {article.standfirst ? <p className="standfirst">{article.standfirst}</p> : null}
        <p className="meta">
          <Byline article={article} />
          <PublishedDate iso={article.publishedAt} timeZone={timeZone} linked />
          {article.revisedAt ? <PublishedDate iso={article.revisedAt} timeZone={timeZone} prefix="Updated " /> : null}
        </p>
      </header>
      {article.image ? <ArticleFigure image={article.image} origin={origin} sizes={IMAGE_SIZES.article} priority /> : null}
      <ArticleBody body={article.body} origin={origin} />
      <CorrectionsNotice corrections={article.corrections} timeZone={timeZone} />
    </article>
  )
}
