import os from 'node:os'
import path from 'node:path'

import { LinkFeature, RelationshipFeature, UploadFeature, lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { Articles } from './src/collections/Articles/config'
import { Authors } from './src/collections/Authors/config'
import { Licenses } from './src/collections/Licenses/config'
import { Sections } from './src/collections/Sections/config'
import { createMediaCollection } from './src/collections/Media/config'
import { Users } from './src/collections/Users/config'
import { withPasswordResets } from './src/collections/Users/passwordResets'
import { SiteSettings } from './src/globals/SiteSettings'
import { slugRedirects } from './src/plugins/slugRedirects'
import { hasRole } from './src/access/roles'
import { withExclusiveRunEndpoint } from './src/jobs/exclusiveRuns'
import { rewriteMediaFilesTask } from './src/jobs/rewriteMediaFiles'
import { createDatabaseAdapter } from './src/config/databaseAdapter'
import { createEmailAdapter } from './src/config/email'
import { resolvePayloadSecret } from './src/config/secret'
import { getSettings } from './src/config/settings'
import { withAuthCookies } from './src/server/api/authCookies'
import { graphQLLimitRules } from './src/server/api/graphqlLimits'
import { graphQLWhereRule } from './src/server/api/graphqlWhere'
import { searchGraphQLQueries } from './src/domain/search/graphql'
import { refreshPlannerStatistics } from './src/domain/database/plannerStatistics'
import { prepareSearchIndex } from './src/domain/search/prepare'

const settings = getSettings()
const graphQLLimits = graphQLLimitRules({
  maxDepth: settings.apiLimits.graphQLMaxDepth,
  maxAliases: settings.apiLimits.graphQLMaxAliases,
  maxLimit: settings.apiLimits.maxLimit,
})
const { secret } = resolvePayloadSecret({ fromEnv: process.env.PAYLOAD_SECRET, filePath: settings.secretFile })

export default buildConfig({
  // No serverURL: Payload then builds upload URLs and the admin's API calls relative to the page,
  // so the admin and every image work under any host name (127.0.0.1, a LAN address, a proxy).
  // SERVER_URL is used only where a standard needs an absolute URL (JSON-LD, Open Graph, feeds).
  secret,
  admin: {
    user: Users.slug,
    importMap: { baseDir: path.resolve(process.cwd(), 'src') },
    meta: { titleSuffix: ' · Publication admin' },
    // Gravatar would send a hash of each editor's e-mail to a third party on every admin page.
    avatar: 'default',
    // Says when resets are off, and reports a refused request as refused (src/components/admin/ForgotPassword.tsx).
    components: { views: { forgot: { Component: '/components/admin/ForgotPassword#ForgotPassword' } } },
  },
  collections: [
    Articles,
    Sections,
    Authors,
    createMediaCollection({ staticDir: settings.mediaDir, maxPixels: settings.uploadMaxPixels }),
    Licenses,
    withAuthCookies(withPasswordResets(Users, { serverUrl: settings.serverUrl, mailOn: Boolean(settings.mail) }), { secure: settings.isHttps }),
  ],
  plugins: [slugRedirects],
  // Credentialed requests only from the site itself and the configured extra origins; public
  // reads from anywhere get `*` from the REST route (src/server/api/withPublicCors.ts).
  cors: settings.trustedOrigins,
  csrf: settings.trustedOrigins,
  globals: [SiteSettings],
  // The body may point only at what the site renders: images from Media (figure with credit,
  // same rules as the lead image) and other articles (same-origin links).
  editor: lexicalEditor({
    features: ({ defaultFeatures }) =>
      defaultFeatures.map((feature) => {
        if (feature.key === 'link') return LinkFeature({ enabledCollections: ['articles'] })
        if (feature.key === 'relationship') return RelationshipFeature({ enabledCollections: ['articles'] })
        if (feature.key === 'upload') return UploadFeature({ enabledCollections: ['media'] })
        return feature
      }),
  }),
  // Password reset e-mails through SMTP_URL; none without it (resets are then off, said once at start).
  email: createEmailAdapter(settings.mail),
  db: await createDatabaseAdapter(settings.database, { schema: settings.databaseSchema }),
  sharp,
  upload: {
    limits: { fileSize: settings.uploadMaxBytes },
    // An upload streams to a temporary file rather than into memory: a camera photo is read into
    // memory once, by the upload check, instead of several times over while Payload parses and stores it.
    useTempFiles: true,
    tempFileDir: path.join(os.tmpdir(), 'publication-uploads'),
  },
  // Replaces Payload's `jobs:run`: the same command, whose purges reach the running servers.
  bin: [{ key: 'jobs:run', scriptPath: path.resolve(process.cwd(), 'src/jobs/runJobsCommand.ts') }],
  jobs: {
    // The server runs due jobs in-process (src/server/jobRunner.ts); over HTTP only an admin may,
    // and an outside scheduler uses `npm run payload -- jobs:run` instead.
    access: { run: ({ req }) => hasRole(req.user, 'admin') },
    tasks: [rewriteMediaFilesTask],
    // Lets one image's file rewrites run one at a time (see src/jobs/rewriteMediaFiles.ts).
    enableConcurrencyControl: true,
    jobsCollectionOverrides: ({ defaultJobsCollection }) => withExclusiveRunEndpoint(defaultJobsCollection),
  },
  graphQL: {
    // Bounds the cost of one query; the site itself never uses GraphQL.
    maxComplexity: settings.apiLimits.graphQLMaxComplexity,
    queries: searchGraphQLQueries,
    validationRules: (args) => [
      ...graphQLLimits(args),
      // The REST where checks, for GraphQL's where arguments.
      graphQLWhereRule(args),
    ],
  },
  typescript: {
    outputFile: path.resolve(process.cwd(), 'src/payload-types.ts'),
    // Type generation spawns a child on every dev start; `npm run generate:types` does it on purpose.
    autoGenerate: false,
  },
  // Production logs are JSON lines like the server's own (pino); development keeps Payload's pretty output.
  logger: settings.isProduction ? { options: { level: settings.logLevel, base: { app: 'publication', component: 'payload' } }, destination: process.stdout } : undefined,
  // The SQL engines get their search index from the migrations; MongoDB's text index is made here.
  // SQLite's planner statistics are refreshed when missing or stale (src/domain/database/plannerStatistics.ts).
  onInit: async (payload) => {
    await prepareSearchIndex(payload)
    await refreshPlannerStatistics(payload)
  },
  telemetry: false,
})
