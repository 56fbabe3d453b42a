import { LRUCache } from 'lru-cache'

/** One finished response, kept in every encoding a client may ask for. */
export type CachedResponse = {
  status: number
  /** Headers to replay (hop-by-hop, cookies, lengths and encodings removed). */
  headers: Record<string, string | string[]>
  bodies: { identity: Buffer; gzip: Buffer; br: Buffer }
  /** Strong ETags, one per encoding (a compressed body is a different representation). */
  etags: { identity: string; gzip: string; br: string }
  tags: string[]
  storedAt: number
  /** How long a shared cache may keep it (`s-maxage`), when the response limits that itself. */
  maxAgeMs?: number
}

export type CacheStats = {
  entries: number
  bytes: number
  maxBytes: number
  hits: number
  misses: number
  bypasses: number
  /** Requests answered with the render another request made (coalesced misses), not from a stored entry. */
  handedOn: number
  stores: number
  /** Entries dropped to make room (the byte bound), as opposed to purged. */
  evictions: number
  purges: number
  purgedEntries: number
}

const HEADER_OVERHEAD_BYTES = 512

function sizeOf(entry: CachedResponse): number {
  return entry.bodies.identity.length + entry.bodies.gzip.length + entry.bodies.br.length + HEADER_OVERHEAD_BYTES
}

/**
 * A byte-bounded LRU of finished responses with a tag index, so a purge removes exactly the
 * entries carrying a tag. A purge counter lets a miss that started before a purge refuse to store
 * what it rendered (it may show the purged state).
 */
export class ResponseStore {
  private readonly lru: LRUCache<string, CachedResponse>
  private readonly keysByTag = new Map<string, Set<string>>()
  private generation = 0
  readonly counters = { hits: 0, misses: 0, bypasses: 0, handedOn: 0, stores: 0, evictions: 0, purges: 0, purgedEntries: 0 }

  constructor(readonly maxBytes: number) {
    this.lru = new LRUCache<string, CachedResponse>({
      maxSize: maxBytes,
      sizeCalculation: sizeOf,
      dispose: (entry, key, reason) => {
        this.unindex(key, entry.tags)
        if (reason === 'evict') this.counters.evictions += 1
      },
    })
  }

  get(key: string): CachedResponse | undefined {
    return this.lru.get(key)
  }

  /** The purge generation now; pass it back to `set` to store only if nothing was purged since. */
  currentGeneration(): number {
    return this.generation
  }

  set(key: string, entry: CachedResponse, generationAtStart: number): boolean {
    if (generationAtStart !== this.generation || sizeOf(entry) > this.maxBytes) return false
    this.lru.set(key, entry, entry.maxAgeMs ? { ttl: entry.maxAgeMs } : {})
    if (!this.lru.has(key)) return false
    for (const tag of entry.tags) {
      let keys = this.keysByTag.get(tag)
      if (!keys) this.keysByTag.set(tag, (keys = new Set()))
      keys.add(key)
    }
    this.counters.stores += 1
    return true
  }

  /** Removes every entry carrying one of the tags; returns how many went. */
  purge(tags: Iterable<string>): number {
    this.generation += 1
    this.counters.purges += 1
    let removed = 0
    for (const tag of tags) {
      for (const key of [...(this.keysByTag.get(tag) ?? [])]) {
        if (this.lru.delete(key)) removed += 1
      }
    }
    this.counters.purgedEntries += removed
    return removed
  }

  stats(): CacheStats {
    return { entries: this.lru.size, bytes: this.lru.calculatedSize, maxBytes: this.maxBytes, ...this.counters }
  }

  private unindex(key: string, tags: string[]): void {
    for (const tag of tags) {
      const keys = this.keysByTag.get(tag)
      keys?.delete(key)
      if (keys?.size === 0) this.keysByTag.delete(tag)
    }
  }
}
