/**
 * Compiles the server (src/server.ts and what it imports from this project; packages stay in
 * node_modules) into one JavaScript module, `.server/server.mjs`, which `npm start`, the tests and
 * the benchmarks run with plain Node, and each worker's entry into a CommonJS script beside it
 * (src/lib/workerEntry.ts). Run with tsx, the server carried tsx's module hooks, which Node 20
 * runs on a thread of their own with esbuild loaded, and the source maps tsx turns on for every
 * module loaded: about 55 MB of a fresh server's memory. esbuild (what tsx compiles with) takes
 * about 0.3 s, so every start compiles afresh and never runs stale code.
 *
 * `npm run dev` still runs the sources through tsx.
 */
import fs from 'node:fs'
import path from 'node:path'

import { build, type BuildOptions } from 'esbuild'

import { WORKER_ENTRIES } from '../../src/lib/workerEntry'

const OUT_DIR = '.server'
/** Where the compiled server is written, relative to the project: packages resolve from here as from src/. */
export const SERVER_BUNDLE = path.join(OUT_DIR, 'server.mjs')

const SHARED: BuildOptions = { bundle: true, packages: 'external', platform: 'node', target: 'node20', tsconfig: 'tsconfig.json', write: false, logLevel: 'warning' }

/**
 * Compiles into `<cwd>/.server/`. Each file is written whole and then renamed into place, the
 * workers before the server, so a server starting meanwhile (tests start several at once) reads
 * either the old files or the new ones, never a part.
 */
export async function buildServer(cwd = process.cwd()): Promise<string> {
  const [workers, server] = await Promise.all([
    build({ ...SHARED, absWorkingDir: cwd, entryPoints: Object.values(WORKER_ENTRIES), format: 'cjs', outdir: OUT_DIR, entryNames: '[name]', outExtension: { '.js': '.cjs' } }),
    build({ ...SHARED, absWorkingDir: cwd, entryPoints: ['src/server.ts'], format: 'esm', outfile: SERVER_BUNDLE }),
  ])
  fs.mkdirSync(path.join(cwd, OUT_DIR), { recursive: true })
  for (const output of [...(workers.outputFiles ?? []), ...(server.outputFiles ?? [])]) {
    const partial = `${output.path}.${process.pid}.tmp`
    fs.writeFileSync(partial, output.contents)
    fs.renameSync(partial, output.path)
  }
  return path.join(cwd, SERVER_BUNDLE)
}
