import path from 'node:path'
import { GENEROUS_RATE_LIMITS, startServer, stopServer } from './lib/serverProcess'
import { connect, measureSearch } from './lib/searchBench'
const dir = '/work/tmp-archive/probe'
const uri = `file:${path.join(dir, 'archive.db')}`
const server = await startServer({ DATABASE_URI: uri, MEDIA_DIR: '/work/tmp-archive/kept/media', PAYLOAD_SECRET_FILE: path.join(dir, 'secret'), LOG_LEVEL: 'warn', ...GENEROUS_RATE_LIMITS })
const connection = await connect(uri)
try { await measureSearch({ baseUrl: server.baseUrl, runner: connection.runner, seconds: Number(process.env.S ?? 10), articles: 100000 }) }
finally { await connection.close(); await stopServer(server.child) }
