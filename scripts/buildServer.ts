/** `npm start`'s first step: compiles the server it then runs (scripts/lib/buildServer.ts). */
import { buildServer } from './lib/buildServer'

await buildServer()
