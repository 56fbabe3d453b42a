import { spawn, type ChildProcess } from 'node:child_process'

export type ScriptRun = { status: number | null; stdout: string; stderr: string; output: string }

/**
 * Runs `npm run <script> -- <args>` as an operator would, with the given environment on top of
 * this one. Jest's NODE_ENV and NODE_OPTIONS are left out, so the script's own defaults apply.
 * Asynchronous: load running in this process (a newsroom writing) carries on meanwhile.
 */
export function runNpmScript(script: string, env: Record<string, string>, args: string[] = [], timeoutMs = 240_000): Promise<ScriptRun> {
  // Undefined values are left out of the child's environment. (Next's types make NODE_ENV required.)
  const childEnv = { ...process.env, NODE_ENV: undefined, NODE_OPTIONS: undefined, ...env } as unknown as NodeJS.ProcessEnv
  const child: ChildProcess = spawn('npm', ['run', '--silent', script, '--', ...args], { cwd: process.cwd(), env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (status) => {
      clearTimeout(timer)
      resolve({ status, stdout, stderr, output: `${stdout}${stderr}` })
    })
  })
}
