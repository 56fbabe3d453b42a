import { describe, expect, it } from '@jest/globals'
import fs from 'node:fs'
import path from 'node:path'

/**
 * What the production build must not carry into the server's memory (README, "Why the server
 * build has no source maps"). The http project's global setup has just built `.next/`.
 */
const serverDir = path.resolve('.next/server')
const serverFiles = (fs.readdirSync(serverDir, { recursive: true }) as string[]).map((file) => path.join(serverDir, file))

describe('the production server build', () => {
  it('was found', () => {
    expect(serverFiles.filter((file) => file.endsWith('.js')).length).toBeGreaterThan(10)
  })

  it('has no source maps: with them, Node keeps every chunk map and the sources inside it once per route', () => {
    expect(serverFiles.filter((file) => file.endsWith('.map'))).toEqual([])
  })

  it('leaves the C2PA SDK in node_modules, so the process compiles its WebAssembly once, not once per route', () => {
    const bundlingTheSdk = serverFiles.filter((file) => file.endsWith('.js') && fs.readFileSync(file, 'latin1').includes('__wbg_wasmbuilder_free'))
    expect(bundlingTheSdk).toEqual([])
  })
})
