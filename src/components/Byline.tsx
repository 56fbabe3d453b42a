import type { ArticleView } from '@/lib/data/views'
import { authorPath } from '@/lib/urls'

/** "By A, B and C", each linking to the author's page; the free-text byline (agency copy) when there are no profiles. */
export function Byline({ article }: { article: Pick<ArticleView, 'authors' | 'byline'> }) {
  if (article.authors.length === 0) return article.byline ? <span className="byline">By {article.byline}</span> : null
  return (
    <span className="byline">
      By{' '}
      {article.authors.map((author, index) => (
        <span key={author.slug}>
          {index === 0 ? null : index === article.authors.length - 1 ? ' and ' : ', '}
          <a href={authorPath(author.slug)}>{author.name}</a>
        </span>
      ))}
    </span>
  )
}
