/**
 * Makes the publication's built-in logo: public/logo.svg and its 512 × 512 PNG (what search
 * engines and feed readers take). Run after changing the design: `npx tsx scripts/makeLogo.ts`.
 * The PNG is committed, so the site never needs fonts or sharp at run time for it.
 */
import fs from 'node:fs'
import path from 'node:path'

import sharp from 'sharp'

import { BUILT_IN_LOGO, siteDefaults } from '../src/lib/site'

const SIZE = BUILT_IN_LOGO.width
const RED = '#8a1c1c'
const PAPER = '#fdfcf9'

// Same mark as the favicon (src/app/(frontend)/icon.svg), with the name under it.
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}" role="img" aria-label="${siteDefaults.name}">
  <rect width="${SIZE}" height="${SIZE}" rx="64" fill="${RED}"/>
  <text x="256" y="300" text-anchor="middle" font-family="Georgia, 'DejaVu Serif', serif" font-size="300" font-weight="700" fill="${PAPER}">D</text>
  <text x="256" y="430" text-anchor="middle" font-family="Georgia, 'DejaVu Serif', serif" font-size="62" fill="${PAPER}">${siteDefaults.name}</text>
</svg>
`

const publicDir = path.resolve(process.cwd(), 'public')
fs.mkdirSync(publicDir, { recursive: true })
fs.writeFileSync(path.join(publicDir, 'logo.svg'), svg)
await sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toFile(path.join(publicDir, path.basename(BUILT_IN_LOGO.url)))
console.log(`wrote public/logo.svg and public${BUILT_IN_LOGO.url}`)
