/**
 * What every operations command says about the database it works on, so a run against the wrong
 * one (the development file, because NODE_ENV was unset) shows in its first line, not afterwards.
 */
import { describeDatabase } from '@/config/database'
import type { Settings } from '@/config/settings'

export type DatabaseSource = Pick<Settings, 'database' | 'nodeEnv'> & {
  /** Whether DATABASE_URI chose the database; otherwise NODE_ENV chose the embedded file. */
  databaseUriSet: boolean
}

export function databaseSource(settings: Pick<Settings, 'database' | 'nodeEnv'>, env: Record<string, string | undefined> = process.env): DatabaseSource {
  return { database: settings.database, nodeEnv: settings.nodeEnv, databaseUriSet: Boolean(env.DATABASE_URI?.trim()) }
}

/** `export: reads SQLite /srv/app/data/publication.db (the embedded database for NODE_ENV=production; …)`. */
export function databaseNotice(command: string, verb: 'reads' | 'writes', source: DatabaseSource): string {
  const how = source.databaseUriSet ? 'from DATABASE_URI' : `the embedded database for NODE_ENV=${source.nodeEnv}; DATABASE_URI chooses another`
  return `${command}: ${verb} ${describeDatabase(source.database)} (${how})`
}

export type ContentCounts = { articles: number; media: number }

/**
 * A warning when the source holds no articles and no images: nothing a backup or export is for.
 * It names the database, and when NODE_ENV chose it, how to choose the other one.
 */
export function emptySourceWarning(command: string, counts: ContentCounts, source: DatabaseSource): string | null {
  if (counts.articles > 0 || counts.media > 0) return null
  const hint = source.databaseUriSet ? 'Check DATABASE_URI.' : `NODE_ENV=${source.nodeEnv} chose this file: the site's own database is the one for the NODE_ENV it runs with (npm start: production), or set DATABASE_URI.`
  return `WARNING: ${describeDatabase(source.database)} holds no articles and no images; this ${command} has nothing of the site's content. ${hint}`
}
