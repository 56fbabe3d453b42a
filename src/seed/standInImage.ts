import sharp from 'sharp'

const WIDTH = 1600
const HEIGHT = 900

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

/**
 * The original photo cannot be downloaded here, so the seed makes a JPEG that says plainly it is
 * a stand-in. The striped border marks it even where no fonts are installed to draw the words.
 */
export async function createStandInImage(lines: readonly string[]): Promise<Buffer> {
  const text = lines
    .map((line, index) => {
      const size = index === 0 ? 88 : 40
      const y = 390 + index * 80 + (index === 0 ? 0 : 30)
      return `<text x="50%" y="${y}" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="${size}" font-weight="${index === 0 ? 700 : 400}" fill="#f5f1e8">${escapeXml(line)}</text>`
    })
    .join('')
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
  <defs>
    <pattern id="stripes" width="60" height="60" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width="30" height="60" fill="#c8a000"/><rect x="30" width="30" height="60" fill="#1d1d1d"/>
    </pattern>
    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#5b2a2a"/><stop offset="1" stop-color="#2a1d3a"/>
    </linearGradient>
  </defs>
  <rect width="${WIDTH}" height="${HEIGHT}" fill="url(#stripes)"/>
  <rect x="40" y="40" width="${WIDTH - 80}" height="${HEIGHT - 80}" fill="url(#sky)"/>
  ${text}
</svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 82, mozjpeg: true }).toBuffer()
}
