import { variantUrl } from './variants'

/**
 * next/image loader: serves the variant Payload already made (and that carries the credit
 * metadata) instead of re-encoding through Next's optimizer.
 */
export default function mediaLoader({ src, width }: { src: string; width: number }): string {
  return variantUrl(src, width)
}
