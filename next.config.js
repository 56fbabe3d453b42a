import { createRequire } from 'node:module'

import { withPayload } from '@payloadcms/next/withPayload'

const require = createRequire(import.meta.url)
const widths = require('./src/lib/images/widths.json')

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  images: {
    // Payload already made every width (with the credit in the file); see src/lib/images/mediaLoader.ts.
    loader: 'custom',
    loaderFile: './src/lib/images/mediaLoader.ts',
    imageSizes: widths.imageSizes,
    deviceSizes: widths.deviceSizes,
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
