import sharp from 'sharp'

/**
 * A stand-in for a photo straight from a press camera: 6000 × 4000 (24 megapixels), photo-like
 * detail (blurred noise, which JPEG cannot squeeze much), quality 92, about 8 MB, with the GPS
 * position and camera model a camera writes into EXIF. Made with sharp, so no sample file is needed.
 */
export async function cameraPhoto({ width = 6000, height = 4000, seed = 0 } = {}): Promise<Buffer> {
  const noise = await sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128 + (seed % 16), sigma: 30 } } }).raw().toBuffer()
  return sharp(noise, { raw: { width, height, channels: 3 } })
    .blur(0.8)
    .withExif({
      IFD0: { Make: 'Stand-in', Model: 'Press camera 24' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '55/1 45/1 7/1', GPSLongitudeRef: 'E', GPSLongitude: '37/1 37/1 3/1' },
    })
    .jpeg({ quality: 92 })
    .toBuffer()
}
