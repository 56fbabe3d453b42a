/** A document id as the database adapter gives it: numbers in SQL (SQLite, PostgreSQL), strings in MongoDB. */
export type Id = number | string
