import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import sharp from 'sharp'
import { ALL_RIGHTS_RESERVED } from '../../../src/licensing/catalog'
import { toExifCredit } from '../../../src/licensing/exif'
import { buildXmpPacket, toExifCredit as toExifCreditViaXmp } from '../../../src/licensing/xmp'
import { KREMLIN_CREATOR, KREMLIN_SOURCE, firstPhoto, license } from './fixtures'
import { readIfd0Text } from './exifReader'
import { exiftool } from '../../support/images'
import { assertBalanced } from './markup'

const FIRST_PHOTO_PACKET = `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/"
    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
    xmlns:plus="http://ns.useplus.org/ldf/xmp/1.0/">
   <dc:creator>
    <rdf:Seq>
     <rdf:li>Официальный веб-сайт Президента Российской Федерации</rdf:li>
    </rdf:Seq>
   </dc:creator>
   <dc:rights>
    <rdf:Alt>
     <rdf:li xml:lang="x-default">© Официальный веб-сайт Президента Российской Федерации</rdf:li>
    </rdf:Alt>
   </dc:rights>
   <photoshop:Credit>Photo: Официальный веб-сайт Президента Российской Федерации, CC BY 4.0</photoshop:Credit>
   <xmpRights:Marked>True</xmpRights:Marked>
   <xmpRights:WebStatement>https://creativecommons.org/licenses/by/4.0/</xmpRights:WebStatement>
   <xmpRights:UsageTerms>
    <rdf:Alt>
     <rdf:li xml:lang="x-default">Creative Commons Attribution 4.0 International (CC BY 4.0): https://creativecommons.org/licenses/by/4.0/</rdf:li>
    </rdf:Alt>
   </xmpRights:UsageTerms>
   <plus:Licensor>
    <rdf:Seq>
     <rdf:li rdf:parseType="Resource">
      <plus:LicensorName>Официальный веб-сайт Президента Российской Федерации</plus:LicensorName>
      <plus:LicensorURL>http://en.kremlin.ru/events/president/news/74050</plus:LicensorURL>
     </rdf:li>
    </rdf:Seq>
   </plus:Licensor>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`

async function writeJpeg(packet: string, exif: Record<string, string>): Promise<Buffer> {
  return sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } })
    .jpeg()
    .withXmp(packet)
    .withExif({ IFD0: exif })
    .toBuffer()
}

describe('buildXmpPacket', () => {
  it('builds the exact packet for the first photo', () => {
    expect(buildXmpPacket(firstPhoto)).toBe(FIRST_PHOTO_PACKET)
  })

  it('is well-formed', () => {
    assertBalanced(buildXmpPacket(firstPhoto))
    assertBalanced(buildXmpPacket({}))
  })

  it('adds a title and marks CC0 as not copyrighted, without a copyright notice', () => {
    const packet = buildXmpPacket({ title: 'Sunset', creator: 'Jane Doe', license: license('CC0-1.0') })
    expect(packet).toContain('<xmpRights:Marked>False</xmpRights:Marked>')
    expect(packet).toContain('<xmpRights:WebStatement>https://creativecommons.org/publicdomain/zero/1.0/</xmpRights:WebStatement>')
    expect(packet).toContain('<rdf:li xml:lang="x-default">Sunset</rdf:li>')
    expect(packet).toContain('<rdf:li xml:lang="x-default">CC0 1.0 Universal (CC0 1.0): https://creativecommons.org/publicdomain/zero/1.0/</rdf:li>')
    expect(packet).not.toContain('dc:rights')
  })

  it('describes all rights reserved without a web statement, and never leaks the permission note', () => {
    const packet = buildXmpPacket({ creator: 'Reuters', license: ALL_RIGHTS_RESERVED, permissionNote: 'Invoice 117' })
    expect(packet).toContain('<xmpRights:Marked>True</xmpRights:Marked>')
    expect(packet).toContain('<rdf:li xml:lang="x-default">© Reuters. All rights reserved.</rdf:li>')
    expect(packet).toContain('<rdf:li xml:lang="x-default">All rights reserved</rdf:li>')
    expect(packet).not.toContain('WebStatement')
    expect(packet).not.toContain('Invoice')
  })

  it('omits what is unknown: no license, no creator, unsafe source', () => {
    const packet = buildXmpPacket({ title: 'x', sourceUrl: 'javascript:alert(1)' })
    for (const absent of ['Marked', 'WebStatement', 'UsageTerms', 'dc:creator', 'plus:Licensor', 'dc:rights', 'javascript']) {
      expect(packet).not.toContain(absent)
    }
    expect(packet).toContain('<photoshop:Credit>“x”</photoshop:Credit>')
  })

  it('writes the licensor URL even without a creator', () => {
    const packet = buildXmpPacket({ sourceUrl: KREMLIN_SOURCE, license: license('CC0-1.0') })
    expect(packet).toContain(`<plus:LicensorURL>${KREMLIN_SOURCE}</plus:LicensorURL>`)
    expect(packet).not.toContain('LicensorName')
  })

  it('escapes XML and strips characters XML cannot hold', () => {
    const packet = buildXmpPacket({ creator: 'A & B <x> "q" \'s\'\u0001\u0008', license: license('CC-BY-4.0') })
    expect(packet).toContain('<rdf:li>A &amp; B &lt;x&gt; &quot;q&quot; &#39;s&#39;</rdf:li>')
    // No control character but the whitespace XML 1.0 allows.
    expect(packet).not.toMatch(/(?![\t\n\r])\p{Cc}/u)
    assertBalanced(packet)
  })

  it('keeps Chinese and Arabic names as characters', () => {
    expect(buildXmpPacket({ creator: '新华社', license: license('CC-BY-4.0') })).toContain('<rdf:li>新华社</rdf:li>')
    expect(buildXmpPacket({ creator: 'وكالة الأنباء السعودية', license: license('CC-BY-4.0') })).toContain(
      '<plus:LicensorName>وكالة الأنباء السعودية</plus:LicensorName>',
    )
  })
})

describe('toExifCredit', () => {
  it('keeps a Cyrillic creator only in UTF-16 XPAuthor, and an ASCII Copyright', () => {
    expect(toExifCredit(firstPhoto)).toEqual({ XPAuthor: KREMLIN_CREATOR, Copyright: 'CC BY 4.0' })
  })

  it('fills Artist and "(C) name, license" for ASCII creators', () => {
    expect(toExifCredit({ creator: 'Jane Doe', license: license('CC-BY-NC-4.0') })).toEqual({
      Artist: 'Jane Doe',
      XPAuthor: 'Jane Doe',
      Copyright: '(C) Jane Doe, CC BY-NC 4.0',
    })
  })

  it('handles CC0, all rights reserved and missing data', () => {
    expect(toExifCredit({})).toEqual({})
    expect(toExifCredit({ creator: 'Jane Doe', license: license('CC0-1.0') })).toEqual({
      Artist: 'Jane Doe',
      XPAuthor: 'Jane Doe',
      Copyright: 'CC0 1.0 (public domain)',
    })
    expect(toExifCredit({ creator: 'Reuters', license: ALL_RIGHTS_RESERVED })).toEqual({
      Artist: 'Reuters',
      XPAuthor: 'Reuters',
      Copyright: '(C) Reuters. All rights reserved.',
    })
    expect(toExifCredit({ creator: '新华社', license: ALL_RIGHTS_RESERVED })).toEqual({
      XPAuthor: '新华社',
      Copyright: 'All rights reserved.',
    })
    expect(toExifCredit({ creator: 'José Martí' })).toEqual({ XPAuthor: 'José Martí' })
  })

  it('is also exported from xmp', () => {
    expect(toExifCreditViaXmp).toBe(toExifCredit)
  })
})

describe('with sharp', () => {
  it('writes a JPEG whose XMP and EXIF read back intact, Cyrillic included', async () => {
    const packet = buildXmpPacket(firstPhoto)
    const jpeg = await writeJpeg(packet, toExifCredit(firstPhoto))
    const metadata = await sharp(jpeg).metadata()

    expect(metadata.format).toBe('jpeg')
    const xmp = metadata.xmp?.toString('utf8') ?? ''
    expect(xmp).toBe(packet)
    expect(xmp).toContain('<xmpRights:WebStatement>https://creativecommons.org/licenses/by/4.0/</xmpRights:WebStatement>')
    expect(xmp).toContain(`<plus:LicensorURL>${KREMLIN_SOURCE}</plus:LicensorURL>`)
    expect(xmp).toContain(`<photoshop:Credit>Photo: ${KREMLIN_CREATOR}, CC BY 4.0</photoshop:Credit>`)
    expect(xmp).toContain(`<rdf:li>${KREMLIN_CREATOR}</rdf:li>`)

    expect(readIfd0Text(metadata.exif ?? Buffer.alloc(0))).toEqual({ XPAuthor: KREMLIN_CREATOR, Copyright: 'CC BY 4.0' })
  })

  it('writes ASCII EXIF Artist and Copyright exactly', async () => {
    const subject = { creator: 'Jane Doe', license: license('CC-BY-4.0') }
    const metadata = await sharp(await writeJpeg(buildXmpPacket(subject), toExifCredit(subject))).metadata()
    expect(readIfd0Text(metadata.exif ?? Buffer.alloc(0))).toEqual({
      Artist: 'Jane Doe',
      XPAuthor: 'Jane Doe',
      Copyright: '(C) Jane Doe, CC BY 4.0',
    })
  })

  // Why toExifCredit never puts non-ASCII text in Artist: libvips would write question marks.
  it('confirms libvips transliterates EXIF ASCII fields', async () => {
    const metadata = await sharp(await writeJpeg(buildXmpPacket({}), { Artist: 'Официальный' })).metadata()
    expect(readIfd0Text(metadata.exif ?? Buffer.alloc(0)).Artist).toBe('???????????')
  })

  // An independent reader, required like every exiftool test (.ci/run installs it): without it this fails, naming the package.
  it('reads back with exiftool', async () => {
    const jpeg = await writeJpeg(buildXmpPacket(firstPhoto), toExifCredit(firstPhoto))
    const dir = mkdtempSync(join(tmpdir(), 'licensing-xmp-'))
    try {
      const file = join(dir, 'photo.jpg')
      writeFileSync(file, jpeg)
      const tags = exiftool(file, ['-charset', 'exif=utf8', '-XMP:all', '-EXIF:XPAuthor', '-EXIF:Copyright'])
      expect(String(tags.Marked)).toMatch(/^true$/i)
      expect(tags).toMatchObject({
        WebStatement: 'https://creativecommons.org/licenses/by/4.0/',
        Credit: `Photo: ${KREMLIN_CREATOR}, CC BY 4.0`,
        Creator: KREMLIN_CREATOR,
        Rights: `© ${KREMLIN_CREATOR}`,
        LicensorURL: KREMLIN_SOURCE,
        LicensorName: KREMLIN_CREATOR,
        XPAuthor: KREMLIN_CREATOR,
        Copyright: 'CC BY 4.0',
      })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
