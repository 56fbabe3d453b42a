/**
 * The `sizes` attribute of each place a photo appears: the width it is laid out at, so that the
 * browser fetches the smallest variant that stays sharp. They mirror styles.css: `main` is at most
 * 60rem wide with 1rem padding, an article 42rem (`--measure`), the front page's lead card splits
 * 3fr:2fr with a 2rem gap from 48rem, and the other cards fill 18rem columns with a 2rem gap.
 * tests/e2e/readerLayout.test.ts checks them against the rendered widths.
 */
export const IMAGE_SIZES = {
  article: '(min-width: 44rem) 42rem, calc(100vw - 2rem)',
  leadCard: '(min-width: 60rem) 33.6rem, (min-width: 48rem) calc((100vw - 4rem) * 0.6), calc(100vw - 2rem)',
  card: '(min-width: 60rem) 18rem, (min-width: 40rem) calc(50vw - 2rem), calc(100vw - 2rem)',
} as const
