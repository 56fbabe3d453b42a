import Link from 'next/link'

export default function NotFound() {
  return (
    <section className="not-found">
      <h1>Page not found</h1>
      <p>There is no article at this address. It may have been moved or unpublished.</p>
      <p>
        <Link href="/">Go to the front page</Link>
      </p>
    </section>
  )
}
