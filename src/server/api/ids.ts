/**
 * Document ids as the database adapter stores them: numbers in SQL, ObjectIds in MongoDB
 * (or text for collections with custom ids). A value of the wrong shape makes the database
 * query fail with a 500, so it is refused first.
 */
export type IdType = 'number' | 'ObjectID' | 'text'

const OBJECT_ID = /^[0-9a-f]{24}$/i
const CONTROL_CHARACTERS = /\p{Cc}/u

const DESCRIPTIONS: Record<IdType, string> = {
  number: 'ids here are whole numbers',
  ObjectID: 'ids here are 24 hexadecimal characters',
  text: 'ids here are text without control characters',
}

export function isValidId(value: string, idType: IdType): boolean {
  if (idType === 'number') return /^-?\d{1,15}$/.test(value.trim())
  if (idType === 'ObjectID') return OBJECT_ID.test(value)
  return value !== '' && !CONTROL_CHARACTERS.test(value)
}

/** A message when `value` cannot be an id of this type, naming where it was found. */
export function idProblem(value: string, idType: IdType, where: string): string | null {
  return isValidId(value, idType) ? null : `${where}: "${value}" is not an id (${DESCRIPTIONS[idType]}).`
}
