/**
 * A value shared by every module graph of this process. Next's bundle and the server's own
 * modules load separate copies of a module, so a module-level variable the server sets is not
 * seen by code running in a Next route: the value lives on globalThis, under a registered symbol.
 */
export function processSlot<T>(name: string): { get: () => T | null; set: (value: T | null) => void } {
  const key = Symbol.for(`publication.${name}`)
  const slots = globalThis as unknown as Record<symbol, T | undefined>
  return {
    get: () => slots[key] ?? null,
    set: (value) => {
      if (value === null) delete slots[key]
      else slots[key] = value
    },
  }
}
