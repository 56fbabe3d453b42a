import path from 'node:path'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { Articles } from './src/collections/Articles/config'
import { Licenses } from './src/collections/Licenses/config'
import { createMediaCollection } from './src/collections/Media/config'
import { Users } from './src/collections/Users/config'
import { SiteSettings } from './src/globals/SiteSettings'
import { isJobRunner } from './src/access/isJobRunner'
import { rewriteMediaFilesTask } from './src/jobs/rewriteMediaFiles'
import { createDatabaseAdapter } from './src/config/databaseAdapter'
import { resolvePayloadSecret } from './src/config/secret'
import { getSettings } from './src/config/settings'

const settings = getSettings()
const { secret } = resolvePayloadSecret({ fromEnv: process.env.PAYLOAD_SECRET, filePath: settings.secretFile })

export default buildConfig({
  serverURL: settings.serverUrl,
  secret,
  admin: {
    user: Users.slug,
    importMap: { baseDir: path.resolve(process.cwd(), 'src') },
    meta: { titleSuffix: ' · Publication admin' },
    // Gravatar would send a hash of each editor's e-mail to a third party on every admin page.
    avatar: 'default',
  },
  collections: [Articles, createMediaCollection({ staticDir: settings.mediaDir, maxPixels: settings.uploadMaxPixels }), Licenses, Users],
  globals: [SiteSettings],
  editor: lexicalEditor(),
  db: createDatabaseAdapter(settings.database),
  sharp,
  upload: {
    limits: { fileSize: settings.uploadMaxBytes },
  },
  jobs: {
    // Scheduled publishing adds its task; the server's runner (src/server/jobRunner.ts) runs them.
    access: { run: isJobRunner },
    tasks: [rewriteMediaFilesTask],
    // Lets one image's file rewrites run one at a time (see src/jobs/rewriteMediaFiles.ts).
    enableConcurrencyControl: true,
  },
  graphQL: {
    // Bounds the cost of one query; the site itself never uses GraphQL.
    maxComplexity: 1000,
  },
  typescript: {
    outputFile: path.resolve(process.cwd(), 'src/payload-types.ts'),
    // Type generation spawns a child on every dev start; `npm run generate:types` does it on purpose.
    autoGenerate: false,
  },
  // Production logs are JSON lines like the server's own (pino); development keeps Payload's pretty output.
  logger: settings.isProduction ? { options: { level: settings.logLevel, base: { app: 'publication', component: 'payload' } }, destination: process.stdout } : undefined,
  telemetry: false,
})
