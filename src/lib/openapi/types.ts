/** A JSON Schema (2020-12, which OpenAPI 3.1 uses) as plain data. */
export type JsonSchema = {
  type?: string | string[]
  title?: string
  description?: string
  properties?: Record<string, JsonSchema>
  required?: string[]
  readOnly?: boolean
  $ref?: string
  [keyword: string]: unknown
}

export type PublicCollection = 'articles' | 'media' | 'licenses' | 'sections' | 'authors'

export type PublicSchemas = {
  idType: 'number' | 'string'
  /** Where Payload serves REST, normally "/api". */
  apiRoute: string
  schemas: Record<PublicCollection, JsonSchema>
}
