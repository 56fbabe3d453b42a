import path from 'node:path'

/** Which engine Payload talks to, decided from `DATABASE_URI` alone. */
export type DatabaseChoice =
  | { engine: 'sqlite'; url: string; filePath: string }
  | { engine: 'mongodb'; url: string }
  | { engine: 'postgres'; url: string }

type ChooseDatabaseArgs = {
  databaseUri?: string | undefined
  nodeEnv?: string | undefined
  cwd: string
}

const MONGODB_SCHEMES = ['mongodb://', 'mongodb+srv://']
const POSTGRES_SCHEMES = ['postgres://', 'postgresql://']

/**
 * The embedded default keeps development and production in separate files: a database that
 * development mode has schema-pushed makes `payload migrate` stop and ask about data loss.
 */
export function defaultSqlitePath(cwd: string, nodeEnv: string | undefined): string {
  const name = nodeEnv === 'production' ? 'publication.db' : 'publication-dev.db'
  return path.join(cwd, 'data', name)
}

export function chooseDatabase({ databaseUri, nodeEnv, cwd }: ChooseDatabaseArgs): DatabaseChoice {
  const uri = databaseUri?.trim()
  if (!uri) {
    const filePath = defaultSqlitePath(cwd, nodeEnv)
    return { engine: 'sqlite', url: `file:${filePath}`, filePath }
  }
  if (MONGODB_SCHEMES.some((scheme) => uri.startsWith(scheme))) {
    return { engine: 'mongodb', url: uri }
  }
  if (POSTGRES_SCHEMES.some((scheme) => uri.startsWith(scheme))) {
    return { engine: 'postgres', url: uri }
  }
  if (uri.startsWith('file:')) {
    const filePath = path.resolve(cwd, uri.slice('file:'.length))
    return { engine: 'sqlite', url: `file:${filePath}`, filePath }
  }
  throw new Error(
    `DATABASE_URI must start with postgres://, postgresql://, mongodb://, mongodb+srv:// or file: (got "${redactUri(uri)}"). ` +
      'Leave it unset to use the embedded SQLite database under data/.',
  )
}

/** Hides credentials so a bad URI can be echoed in an error message safely. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//***@')
}

const ENGINE_NAMES: Record<DatabaseChoice['engine'], string> = { sqlite: 'SQLite', postgres: 'PostgreSQL', mongodb: 'MongoDB' }

/**
 * The database for a log line: the engine and its file, or the engine and its address without the
 * user, password or options (a query string may carry a password too).
 */
export function describeDatabase(choice: DatabaseChoice): string {
  if (choice.engine === 'sqlite') return `SQLite ${choice.filePath}`
  return `${ENGINE_NAMES[choice.engine]} ${choice.url.replace(/\/\/[^@/]*@/, '//').replace(/[?#].*$/, '')}`
}
