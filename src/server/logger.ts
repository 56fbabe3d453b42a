import { pino, type Logger } from 'pino'

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: 'publication' },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[redacted]' },
  })
}
