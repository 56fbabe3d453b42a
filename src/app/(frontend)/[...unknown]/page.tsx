import { notFound } from 'next/navigation'

/** Any other path gets the site's own 404 page (with status 404) inside the site layout. */
export default function UnknownPage(): never {
  notFound()
}
