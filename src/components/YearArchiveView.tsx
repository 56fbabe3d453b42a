import type { PageProps } from '@/lib/pages/props'
import type { YearArchiveData } from '@/lib/pages/yearArchive'
import { AroundNav } from './AroundNav'
import { JsonLd } from './JsonLd'

/** /archive/<year>: the months of the year that have articles, and the years around it. */
export function YearArchive({ page }: PageProps<YearArchiveData>) {
  return (
    <section className="front" aria-labelledby="list-title">
      <JsonLd data={page.jsonLd} />
      <header>
        <h1 id="list-title">{page.year}</h1>
        <p className="standfirst">{page.description}</p>
      </header>
      <ul className="archive-months">
        {page.months.map((month) => (
          <li key={month.path}>
            <a href={month.path}>{month.name}</a>
          </li>
        ))}
      </ul>
      <AroundNav label="Other years" later={page.later} earlier={page.earlier} />
    </section>
  )
}
