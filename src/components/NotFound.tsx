/** The site's 404 page body. */
export function NotFound() {
  return (
    <section className="not-found">
      <h1>Page not found</h1>
      <p>There is no article at this address. It may have been moved or unpublished.</p>
      <p>
        <a href="/">Go to the front page</a>
      </p>
    </section>
  )
}
