import { originalsDir } from '@/collections/Media/files/keptOriginal'
import type { Settings } from '@/config/settings'

/** Where a running site keeps what a backup must hold. */
export type DataLocations = { databaseFile: string; mediaDir: string; originalsDir: string }

/** The locations from the settings; a backup of a MongoDB database is mongodump's job. */
export function dataLocations(settings: Pick<Settings, 'database' | 'mediaDir'>): DataLocations {
  if (settings.database.engine !== 'sqlite') {
    const tool = settings.database.engine === 'mongodb' ? 'mongodump' : 'pg_dump'
    throw new Error(
      `npm run backup copies the embedded SQLite database. This site uses ${settings.database.engine}: back it up with ${tool} ` +
        '(and copy MEDIA_DIR and its -originals folder), or move content with npm run export.',
    )
  }
  return { databaseFile: settings.database.filePath, mediaDir: settings.mediaDir, originalsDir: originalsDir(settings.mediaDir) }
}
