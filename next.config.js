import { createRequire } from 'node:module'

import { withPayload } from '@payloadcms/next/withPayload'

const require = createRequire(import.meta.url)
const widths = require('./src/lib/images/widths.json')

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // One copy of Payload for the whole process. Bundled, the site's pages and the API routes each
  // get their own copy sharing one cached instance, and errors thrown by one copy fail the other's
  // instanceof checks (REST validation errors then lose their field list).
  serverExternalPackages: ['payload', '@payloadcms/db-sqlite', '@payloadcms/db-postgres', '@payloadcms/db-mongodb', '@payloadcms/drizzle', '@payloadcms/graphql'],
  reactStrictMode: true,
  experimental: {
    // The database is the source of truth. A page cache kept on disk would outlive changes made
    // while the server was down (seed, restore, another database), so it lives in memory only:
    // each start renders a page once on first request, then serves it until a hook expires it.
    isrFlushToDisk: false,
  },
  images: {
    // Payload already made every width (with the credit in the file); see src/lib/images/mediaLoader.ts.
    loader: 'custom',
    loaderFile: './src/lib/images/mediaLoader.ts',
    imageSizes: widths.imageSizes,
    deviceSizes: widths.deviceSizes,
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
