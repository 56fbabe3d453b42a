import { withPayload } from "@payloadcms/next/withPayload";

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // One copy of Payload for the whole process. Bundled, the site's pages and the API routes each
  // get their own copy sharing one cached instance, and errors thrown by one copy fail the other's
  // instanceof checks (REST validation errors then lose their field list). The C2PA SDK likewise:
  // bundled, every route group compiles its own 9 MB of WebAssembly.
  serverExternalPackages: [
    "payload",
    "@payloadcms/db-sqlite",
    "@payloadcms/db-postgres",
    "@payloadcms/db-mongodb",
    "@payloadcms/drizzle",
    "@payloadcms/graphql",
    "@contentauth/c2pa-wasm",
  ],
  reactStrictMode: true,
  // tsx turns Node's source maps on for the whole process, and Node then keeps the map of every
  // server chunk it loads, with the sources inside, once per route group: 130 MB of a 600 MB budget.
  experimental: { serverSourceMaps: false },
  // Metadata always in <head>, for every reader: streamed metadata lands in <body> when a page
  // renders slowly (seen on PostgreSQL), which is invalid HTML and hides it from some consumers.
  htmlLimitedBots: /.*/,
};

export default withPayload(nextConfig, { devBundleServerPackages: false });
