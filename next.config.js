import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // One copy of Payload for the whole process. Bundled, the site's pages and the API routes each
  // get their own copy sharing one cached instance, and errors thrown by one copy fail the other's
  // instanceof checks (REST validation errors then lose their field list).
  serverExternalPackages: ['payload', '@payloadcms/db-sqlite', '@payloadcms/db-postgres', '@payloadcms/db-mongodb', '@payloadcms/drizzle', '@payloadcms/graphql'],
  reactStrictMode: true,
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
