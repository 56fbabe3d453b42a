import { describe, expect, it } from '@jest/globals'

import { chooseDatabase, describeDatabase, redactUri } from '../../src/config/database'

const cwd = '/srv/app'

describe('chooseDatabase', () => {
  it('uses the embedded SQLite file under data/ when DATABASE_URI is unset or blank', () => {
    expect(chooseDatabase({ cwd, nodeEnv: 'production' })).toEqual({
      engine: 'sqlite',
      url: 'file:/srv/app/data/publication.db',
      filePath: '/srv/app/data/publication.db',
    })
    expect(chooseDatabase({ cwd, databaseUri: '   ', nodeEnv: 'production' }).engine).toBe('sqlite')
  })

  it('keeps the development database apart from the production one', () => {
    const dev = chooseDatabase({ cwd, nodeEnv: 'development' })
    const prod = chooseDatabase({ cwd, nodeEnv: 'production' })
    expect(dev.engine === 'sqlite' && dev.filePath).toBe('/srv/app/data/publication-dev.db')
    expect(dev.url).not.toBe(prod.url)
  })

  it.each(['mongodb://localhost:27017/news', 'mongodb+srv://user:pw@cluster0.example.net/news'])('picks MongoDB for %s', (uri) => {
    expect(chooseDatabase({ cwd, databaseUri: uri })).toEqual({ engine: 'mongodb', url: uri })
  })

  it.each(['postgres://news:pw@db.example.net:5432/news', 'postgresql://localhost/news'])('picks PostgreSQL for %s', (uri) => {
    expect(chooseDatabase({ cwd, databaseUri: uri })).toEqual({ engine: 'postgres', url: uri })
  })

  it('resolves a file: URI against the working directory', () => {
    expect(chooseDatabase({ cwd, databaseUri: 'file:./tmp/x.db' })).toEqual({
      engine: 'sqlite',
      url: 'file:/srv/app/tmp/x.db',
      filePath: '/srv/app/tmp/x.db',
    })
  })

  it('rejects other schemes with a message that says what is accepted, without leaking the password', () => {
    expect(() => chooseDatabase({ cwd, databaseUri: 'mysql://admin:hunter2@db/news' })).toThrow(
      /DATABASE_URI must start with postgres:\/\/, postgresql:\/\/, mongodb:\/\/, mongodb\+srv:\/\/ or file:.*mysql:\/\/\*\*\*@db\/news/,
    )
    expect(() => chooseDatabase({ cwd, databaseUri: 'mysql://admin:hunter2@db/news' })).not.toThrow(/hunter2/)
  })

  it('redacts credentials', () => {
    expect(redactUri('mongodb://u:p@h/db')).toBe('mongodb://***@h/db')
    expect(redactUri('mongodb://h/db')).toBe('mongodb://h/db')
  })
})

describe('describeDatabase', () => {
  it('names the engine and the file, or the host and database without user, password or options', () => {
    expect(describeDatabase(chooseDatabase({ cwd, nodeEnv: 'production' }))).toBe('SQLite /srv/app/data/publication.db')
    expect(describeDatabase(chooseDatabase({ cwd, databaseUri: 'postgres://news:s3cret@db.example.net:5432/news?sslmode=require&password=s3cret' }))).toBe('PostgreSQL postgres://db.example.net:5432/news')
    expect(describeDatabase(chooseDatabase({ cwd, databaseUri: 'mongodb+srv://user:pw@cluster0.example.net/news' }))).toBe('MongoDB mongodb+srv://cluster0.example.net/news')
  })
})
