import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { withGraphQLWhereChecks } from '@/server/api/graphqlWhere'
import { withGraphQLLoginLimit } from '@/server/api/loginLimit'
import { withGraphQLStatus } from '@/server/api/withGraphQLStatus'

export const POST = withGraphQLStatus(withGraphQLLoginLimit(withGraphQLWhereChecks(GRAPHQL_POST(config), config), config))
export const OPTIONS = REST_OPTIONS(config)
