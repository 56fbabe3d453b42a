// Public API of image crediting and licensing: pure functions, no framework imports.
export type { CreditSubject, LicenseFacts } from './types'
export type { CatalogLicense } from './catalog'
export {
  ALL_RIGHTS_RESERVED,
  CC0_1_0,
  CC_BY_4_0,
  CC_BY_ND_4_0,
  CC_BY_NC_4_0,
  CC_BY_NC_ND_4_0,
  CC_BY_NC_SA_4_0,
  CC_BY_SA_4_0,
  LICENSE_CATALOG,
  findLicenseBySpdxId,
} from './catalog'
export { isAllRightsReserved, isPublicDomain } from './classify'
export { toSafeHttpUrl } from './safeUrl'
export { formatCreditText } from './creditText'
export { renderCreditHtml } from './creditHtml'
export type { CreditHtmlOptions } from './creditHtml'
export { formatCopyrightNotice } from './copyrightNotice'
export { describePermissions, findLicenseViolations } from './permissions'
export type { IntendedUse, LicenseViolation, LicenseViolationRule, PermissionSummary } from './permissions'
export { toImageObject } from './imageObject'
export type { ImageObjectOptions } from './imageObject'
export { buildXmpPacket } from './xmp'
export { toExifCredit } from './exif'
export type { ExifCredit } from './exif'
export { formatPublishingBlock } from './publishingBlock'
export { toCreditSubject, toLicenseFacts } from './subject'
export type { CreditRecord, LicenseRecord, LicenseRef } from './subject'
