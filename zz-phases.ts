import { getPayload } from 'payload'
import config from './payload.config'
import { rankFromIndex } from './src/domain/search/rankedIds'
import { sqlRunnerOf } from './src/domain/search/sqlRunner'
import { parseQuery } from './src/lib/search/query'
import { buildExcerpt } from './src/lib/search/excerpt'
import { lexicalToPlainText } from './src/lib/search/plainText'
import fs from 'node:fs'
const payload = await getPayload({ config })
const runner = sqlRunnerOf(payload)!
const paths = fs.readFileSync('/tmp/x/api-paths-5.txt', 'utf8').trim().split('\n').slice(0, 300)
const queries = paths.map((p) => (parseQuery(new URLSearchParams(p.split('?')[1]).get('q')!) as any).query)
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000 }
const t = { rank: 0, find: 0, excerpt: 0, json: 0 }
const w = { rank: 0, find: 0 }
for (const [i, query] of queries.entries()) {
  let c = cpu(); let s = performance.now()
  const ranked = await rankFromIndex(runner, query, { limit: 10, offset: 0 })
  if (i >= 20) { t.rank += cpu() - c; w.rank += performance.now() - s }
  c = cpu(); s = performance.now()
  const { docs } = await payload.find({ collection: 'articles', where: { and: [{ id: { in: ranked.ids } }, { _status: { equals: 'published' } }] }, draft: false, overrideAccess: false, user: null, depth: 0, pagination: false, select: { searchHeadline: false, searchStandfirst: false, searchBody: false } as never })
  if (i >= 20) { t.find += cpu() - c; w.find += performance.now() - s }
  c = cpu()
  const results = docs.map((doc) => ({ ...doc, excerpt: buildExcerpt(lexicalToPlainText(doc.body as never), query.highlights) }))
  if (i >= 20) t.excerpt += cpu() - c
  c = cpu()
  JSON.stringify({ docs: results })
  if (i >= 20) t.json += cpu() - c
}
const n = queries.length - 20
console.log('node CPU ms per request:', Object.fromEntries(Object.entries(t).map(([k, v]) => [k, (v / n).toFixed(2)])), 'wall ms:', Object.fromEntries(Object.entries(w).map(([k, v]) => [k, (v / n).toFixed(2)])))
process.exit(0)
