/**
 * Runs before each integration test file (before payload.config is imported): its own
 * throwaway SQLite file, uploads folder and secret. `usePayload` removes them afterwards.
 */
import { makeThrowawayEnv } from './env'

const { dir, env } = makeThrowawayEnv('int')
Object.assign(process.env, env, { NODE_ENV: 'test', SEED_ON_START: 'false', THROWAWAY_DIR: dir })
