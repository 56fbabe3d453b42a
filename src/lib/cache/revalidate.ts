import { purgeTags } from './purge'
import { cacheTags } from './tags'

type Logger = { info: (obj: object, msg: string) => void; error: (obj: object, msg: string) => void }

/**
 * Purges the tagged pages now, plus the credits page and the public API reads, which the
 * hooks calling this do not name yet. Replaced by exact tags per change in the collection hooks.
 */
export async function revalidateTags(tags: Iterable<string>, logger: Logger): Promise<void> {
  await purgeTags([...tags, cacheTags.credits, cacheTags.api('articles'), cacheTags.api('media'), cacheTags.api('licenses')], logger)
}
