type Logger = { info: (obj: object, msg: string) => void; debug: (obj: object, msg: string) => void }

const OUTSIDE_NEXT = 'static generation store missing'

/**
 * Expires the tagged pages and data now (not stale-while-revalidate), so the next reader gets the
 * change. Payload also runs outside Next (seed script, Express start-up, tests), where there is
 * no page cache to clear; that case is logged, not an error.
 */
export async function revalidateTags(tags: Iterable<string>, logger: Logger): Promise<void> {
  const unique = [...new Set(tags)]
  // Loaded on use: importing next/cache before Next has set up its runtime (the Express server
  // loads this config first) breaks Next's AsyncLocalStorage.
  const { revalidateTag } = await import('next/cache')
  try {
    for (const tag of unique) revalidateTag(tag, { expire: 0 })
    logger.info({ tags: unique }, 'revalidated pages')
  } catch (error) {
    if (error instanceof Error && error.message.includes(OUTSIDE_NEXT)) {
      logger.debug({ tags: unique }, 'not inside Next: no page cache to revalidate')
      return
    }
    throw error
  }
}
