import { getSettings } from '@/config/settings'
import { loadSigningCredentials, type SigningCredentials } from './credentials'

type Logger = Parameters<typeof loadSigningCredentials>[1]

let loading: Promise<SigningCredentials> | undefined

/** The process's signing credentials, loaded (or, in development, made) once. */
export function getSigningCredentials(logger: Logger): Promise<SigningCredentials> {
  loading ??= loadSigningCredentials(getSettings().contentCredentials, logger).catch((error: unknown) => {
    loading = undefined
    throw error
  })
  return loading
}
