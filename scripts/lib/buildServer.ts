/**
 * Compiles the server (src/server.ts and what it imports from this project; packages stay in
 * node_modules) into one JavaScript module, `.server/server.mjs`, which `npm start`, the tests and
 * the benchmarks run with plain Node. Run with tsx, the server carried tsx's module hooks, which
 * Node 20 runs on a thread of their own with esbuild loaded, and the source maps tsx turns on for
 * every module loaded: about 55 MB of a fresh server's memory. esbuild (what tsx compiles with)
 * takes about 0.2 s, so every start compiles afresh and never runs stale code.
 *
 * `npm run dev` still runs the sources through tsx.
 */
import fs from 'node:fs'
import path from 'node:path'

import { build } from 'esbuild'

/** Where the compiled server is written, relative to the project: packages resolve from here as from src/. */
export const SERVER_BUNDLE = path.join('.server', 'server.mjs')

/**
 * Compiles the server into `<cwd>/.server/server.mjs`. The file is written whole and then renamed
 * into place, so a server starting meanwhile (tests start several at once) reads either the old
 * file or the new one, never a part.
 */
export async function buildServer(cwd = process.cwd()): Promise<string> {
  const result = await build({
    absWorkingDir: cwd,
    entryPoints: ['src/server.ts'],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    tsconfig: 'tsconfig.json',
    write: false,
    outfile: SERVER_BUNDLE,
    logLevel: 'warning',
  })
  const [output] = result.outputFiles
  const target = path.join(cwd, SERVER_BUNDLE)
  fs.mkdirSync(path.dirname(target), { recursive: true })
  const partial = `${target}.${process.pid}.${Date.now()}.tmp`
  fs.writeFileSync(partial, output!.contents)
  fs.renameSync(partial, target)
  return target
}
