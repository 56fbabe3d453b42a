/**
 * What an engine does for one ranking: the matches fall into tiers (headline, else standfirst,
 * else body only), in order; `count` says how many matches a tier holds (from the index), `rank`
 * gives a slice of one tier, best first.
 */
export type TierRanker<Id> = {
  tiers: number
  count: (tier: number) => Promise<number>
  rank: (tier: number, limit: number, offset: number) => Promise<Id[]>
}

/**
 * One page of ids across the tiers: only the tiers the page reaches are ranked. A tier the page
 * starts in is ranked straight away: a full slice ends the page, and a short one says the tier's
 * size. Only a tier the page may skip whole is counted first, and the last tier's size is what
 * the others leave of `totalDocs`. Ranking a common word's first page so costs its headline
 * matches, not all of its matches, and no count but the total.
 */
export async function pageAcrossTiers<Id>(ranker: TierRanker<Id>, totalDocs: number, { limit, offset }: { limit: number; offset: number }): Promise<Id[]> {
  const ids: Id[] = []
  let skip = offset
  let counted = 0
  for (let tier = 0; tier < ranker.tiers; tier += 1) {
    if (ids.length === limit || counted + skip >= totalDocs) break
    if (skip === 0) {
      const slice = await ranker.rank(tier, limit - ids.length, 0)
      ids.push(...slice)
      counted += slice.length
      continue
    }
    const size = tier === ranker.tiers - 1 ? totalDocs - counted : await ranker.count(tier)
    counted += size
    if (skip >= size) {
      skip -= size
      continue
    }
    ids.push(...(await ranker.rank(tier, limit - ids.length, skip)))
    skip = 0
  }
  return ids
}
