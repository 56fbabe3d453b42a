import { removeDir } from './env'
import type { HttpTestState } from './httpGlobalSetup'
import { stopServer } from '../../scripts/lib/serverProcess'

/** Stops the server with SIGTERM; a shutdown that is not clean fails the run. */
export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as { __httpTestState?: HttpTestState }).__httpTestState
  if (!state) return
  const code = await stopServer(state.server.child)
  removeDir(state.dir)
  if (code !== 0) throw new Error(`server did not shut down cleanly (exit ${code}):\n${state.server.output().slice(-4000)}`)
}
