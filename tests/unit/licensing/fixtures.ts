// Shared test subjects. Facts of the first article's photo, as in src/seed/fixtures/firstArticle.ts.
import { findLicenseBySpdxId } from '../../../src/licensing/catalog'
import type { CreditSubject, LicenseFacts } from '../../../src/licensing/types'

export function license(spdxId: string): LicenseFacts {
  const found = findLicenseBySpdxId(spdxId)
  if (!found) throw new Error(`missing ${spdxId}`)
  return found
}

export const KREMLIN_CREATOR = 'Официальный веб-сайт Президента Российской Федерации'
export const KREMLIN_SOURCE = 'http://en.kremlin.ru/events/president/news/74050'
export const IMAGE_URL = 'https://news.example/media/putin-xi-beijing.jpg'

/** The first article's photo: no title, CC BY 4.0. */
export const firstPhoto: CreditSubject = {
  title: null,
  creator: KREMLIN_CREATOR,
  creatorUrl: 'http://en.kremlin.ru/',
  sourceUrl: KREMLIN_SOURCE,
  changes: null,
  license: license('CC-BY-4.0'),
}
