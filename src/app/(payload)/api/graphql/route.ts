import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { withGraphQLWhereChecks } from '@/server/api/graphqlWhere'
import { withGraphQLLoginLimit } from '@/server/api/loginLimit'
import { DEFAULT_MAX_JSON_BYTES, DEFAULT_MAX_JSON_DEPTH, withBodyChecks } from '@/server/api/requestBody'
import { withGraphQLStatus } from '@/server/api/withGraphQLStatus'

// GraphQL takes JSON only: Payload's GraphQL route has no uploads.
const bodyChecked = (handler: (request: Request) => Promise<Response>) =>
  withBodyChecks(handler, { maxJsonBytes: DEFAULT_MAX_JSON_BYTES, maxJsonDepth: DEFAULT_MAX_JSON_DEPTH, maxMultipartBytes: 0 }, { multipart: false, urlEncoded: false })

export const POST = withGraphQLStatus(bodyChecked(withGraphQLLoginLimit(withGraphQLWhereChecks(GRAPHQL_POST(config), config), config)))
export const OPTIONS = REST_OPTIONS(config)
