import config from '@payload-config'
import '@payloadcms/next/css'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'

import { getSettings } from '@/config/settings'
import { withLoginLimit } from '@/server/api/loginLimit'
import { withPublicCors } from '@/server/api/withPublicCors'
import { withRequestChecks } from '@/server/api/withRequestChecks'

const { trustedOrigins } = getSettings()
const checked = (handler: Parameters<typeof withRequestChecks>[0]) => withPublicCors(withRequestChecks(handler, config), trustedOrigins)

export const GET = checked(REST_GET(config))
export const POST = checked(withLoginLimit(REST_POST(config), config))
export const DELETE = checked(REST_DELETE(config))
export const PATCH = checked(REST_PATCH(config))
export const PUT = checked(REST_PUT(config))
export const OPTIONS = withPublicCors(REST_OPTIONS(config), trustedOrigins)
