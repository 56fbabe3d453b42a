import type { Settings } from '@/config/settings'

/**
 * Which memory allocator the image worker runs with. Decoding and encoding camera photos
 * allocates and frees tens of megabytes at a time from libvips' threads; glibc's malloc keeps
 * much of that as fragments, jemalloc (Debian's libjemalloc2) gives it back. Either way the
 * allocator is told to return freed memory at once rather than keep it for later: the worker does
 * one image at a time and its peak is what counts.
 */

/** Where Debian (and Ubuntu) install jemalloc. */
export const JEMALLOC_PATHS = ['/usr/lib/x86_64-linux-gnu/libjemalloc.so.2', '/usr/lib/aarch64-linux-gnu/libjemalloc.so.2'] as const

/** One arena, no thread caches, freed pages returned immediately (no 10 s decay). */
export const JEMALLOC_CONF = 'narenas:1,tcache:false,dirty_decay_ms:0,muzzy_decay_ms:0'

/** glibc: one arena, and anything over 128 KiB mapped on its own and trimmed when freed. */
const GLIBC_ENV = { MALLOC_ARENA_MAX: '1', MALLOC_MMAP_THRESHOLD_: '131072', MALLOC_TRIM_THRESHOLD_: '131072' }

/** `auto`: jemalloc when installed, else glibc; `glibc`: never preload jemalloc. */
export type AllocatorChoice = Settings['imageWorker']['allocator']

export type WorkerAllocator = { name: 'jemalloc'; library: string; env: Record<string, string> } | { name: 'glibc'; env: Record<string, string> }

/**
 * The allocator for the worker and the environment variables that select and tune it.
 * `inherited` is the server's LD_PRELOAD, kept (jemalloc goes after it); `exists` says whether a
 * library file is there.
 */
export function chooseWorkerAllocator(choice: AllocatorChoice, exists: (file: string) => boolean, inherited?: string, candidates: readonly string[] = JEMALLOC_PATHS): WorkerAllocator {
  const library = choice === 'auto' ? candidates.find((candidate) => exists(candidate)) : undefined
  if (!library) return { name: 'glibc', env: GLIBC_ENV }
  const preload = new Set([...(inherited?.split(/[\s:]+/) ?? []), library].filter(Boolean))
  return { name: 'jemalloc', library, env: { LD_PRELOAD: [...preload].join(' '), MALLOC_CONF: JEMALLOC_CONF } }
}
