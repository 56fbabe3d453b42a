import fs from 'node:fs'

import { cameraPhoto } from '../../src/ops/load/cameraPhoto'
import { line, load, ms } from './load'

type Id = number | string

/** Resident memory of a process and all its descendants (workers are threads, children processes), in MB. */
export function treeRssMb(pid: number): number {
  const parents = new Map<number, number>()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
    } catch {
      // gone meanwhile
    }
  }
  const tree = [pid]
  for (let index = 0; index < tree.length; index += 1) for (const [child, parent] of parents) if (parent === tree[index]) tree.push(child)
  let kb = 0
  for (const member of tree) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${member}/status`, 'utf8'))?.[1] ?? 0)
    } catch {
      // gone meanwhile
    }
  }
  return Math.round(kb / 1024)
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/**
 * Camera uploads, as issue 17 measures them: the time an upload of a 24-megapixel JPEG takes
 * (median of 5, one at a time), the time until its sizes are written, and the server's memory
 * (the whole process tree) and readers' latency through a burst of 20.
 */
export async function benchUploads({ base, token, pid, articleUrl }: { base: string; token: string; pid: number; articleUrl: string }): Promise<void> {
  const fresh = treeRssMb(pid)
  const auth = { authorization: `JWT ${token}` }
  const photo = new Blob([new Uint8Array(await cameraPhoto())], { type: 'image/jpeg' })
  const license = ((await (await fetch(`${base}/api/licenses?where[spdxId][equals]=CC-BY-4.0&depth=0`)).json()) as { docs: Array<{ id: Id }> }).docs[0]!.id
  let made = 0
  const upload = async (): Promise<{ id: Id; ms: number; status: number }> => {
    made += 1
    const form = new FormData()
    form.append('file', photo, `bench-camera-${made}.jpg`)
    form.append('_payload', JSON.stringify({ alt: `Bench camera photo ${made}`, creator: 'Bench Photographer', license }))
    const started = performance.now()
    const response = await fetch(`${base}/api/media`, { method: 'POST', headers: auth, body: form })
    const body = (await response.json()) as { doc?: { id: Id } }
    return { id: body.doc?.id ?? '', ms: performance.now() - started, status: response.status }
  }
  const written = async (id: Id) => Boolean(((await (await fetch(`${base}/api/media/${id}?depth=0`, { headers: auth })).json()) as { fileVersion?: string | null }).fileVersion)
  const untilWritten = async (ids: Id[], timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs
    const pending = new Set(ids)
    while (pending.size > 0 && Date.now() < deadline) {
      for (const id of [...pending]) if (await written(id)) pending.delete(id)
      if (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, 250))
    }
    return pending.size === 0
  }

  console.log(`\ncamera uploads: ${(photo.size / 1024 / 1024).toFixed(1)} MB JPEG, 6000 × 4000, with GPS`)
  const uploads: number[] = []
  const ready: number[] = []
  for (let index = 0; index < 5; index += 1) {
    const started = performance.now()
    const { id, ms: took, status } = await upload()
    if (status !== 201) throw new Error(`camera upload answered ${status}`)
    uploads.push(took)
    await untilWritten([id], 120_000)
    ready.push(performance.now() - started)
  }
  console.log(`upload returns: median ${ms(median(uploads))} of 5 (${uploads.map((value) => value.toFixed(0)).join(', ')} ms); target ≤ 1500 ms`)
  console.log(`all sizes written (from the upload's start): median ${ms(median(ready))} of 5; target ≤ 15000 ms`)

  const idle = treeRssMb(pid)
  let peak = idle
  const sampler = setInterval(() => (peak = Math.max(peak, treeRssMb(pid))), 200)
  const burstStarted = performance.now()
  // Readers meanwhile: the article page through the same load generator.
  const readers = load(articleUrl, { 'accept-encoding': 'br' })
  const burst = await Promise.all(Array.from({ length: 20 }, () => upload()))
  const burstUploaded = performance.now() - burstStarted
  const allWritten = await untilWritten(
    burst.map((result) => result.id),
    600_000,
  )
  const burstWritten = performance.now() - burstStarted
  clearInterval(sampler)
  const reading = await readers
  console.log(
    `burst of 20 camera uploads at once: all answered in ${ms(burstUploaded)} (statuses ${[...new Set(burst.map((result) => result.status))].join(', ')}), ` +
      `all sizes ${allWritten ? 'written' : 'NOT written'} after ${ms(burstWritten)}`,
  )
  console.log(`server memory (process tree): ${fresh} MB before any upload, ${idle} MB before the burst, peak ${peak} MB during, ${treeRssMb(pid)} MB after; target ≤ 600 MB`)
  console.log(line('article readers during the burst', reading))
}
