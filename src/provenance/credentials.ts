import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import type { ContentCredentialSettings } from '@/config/settings'
import { createDevChain } from './devCertificates'

/** What signing and validating need: the key, the chain it signs with, and the roots to trust. */
export type SigningCredentials = {
  key: KeyObject
  /** DER certificates, signer first, without the root. */
  chainDer: Uint8Array[]
  /** PEM roots a manifest must chain to be called trusted; null: no anchors configured. */
  trustAnchorsPem: string | null
  /** The self-made development chain: validators elsewhere do not trust it. */
  development: boolean
  signerName: string
}

type Logger = { warn: (object: object, message: string) => void; info: (object: object, message: string) => void }

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g

/** A setting holding either PEM text itself or the path of a file with it. */
export async function pemOrFile(value: string, cwd = process.cwd()): Promise<string> {
  return value.includes('-----BEGIN ') ? value : fs.readFile(path.resolve(cwd, value), 'utf8')
}

export function certificatesOf(pem: string): X509Certificate[] {
  return (pem.match(PEM_CERTIFICATE) ?? []).map((block) => new X509Certificate(block))
}

/** Checks a key and chain belong together and turns them into what the signer takes. */
export function toSigningCredentials({ keyPem, chainPem, trustAnchorsPem, development }: { keyPem: string; chainPem: string; trustAnchorsPem: string | null; development: boolean }): SigningCredentials {
  const key = createPrivateKey(keyPem)
  const chain = certificatesOf(chainPem)
  const signer = chain[0]
  if (!signer) throw new Error('C2PA_CERTIFICATE_CHAIN holds no PEM certificate')
  if (!signer.checkPrivateKey(key)) throw new Error('C2PA_SIGNING_KEY does not belong to the first certificate of C2PA_CERTIFICATE_CHAIN')
  // A self-signed root is a trust anchor, never part of the chain C2PA embeds.
  const embedded = chain.filter((cert, index) => index === 0 || cert.subject !== cert.issuer)
  return { key, chainDer: embedded.map((cert) => new Uint8Array(cert.raw)), trustAnchorsPem, development, signerName: signer.subject.split('\n').find((part) => part.startsWith('CN='))?.slice(3) ?? signer.subject }
}

const DEV_FILES = { root: 'dev-root.pem', chain: 'dev-signer-chain.pem', key: 'dev-signer.key' } as const

/** Reads the development chain, making it on first start (one process wins a race; the others read its files). */
async function devChainFiles(dir: string, organisation: string, logger: Logger): Promise<{ rootPem: string; chainPem: string; keyPem: string }> {
  const read = async () => ({
    rootPem: await fs.readFile(path.join(dir, DEV_FILES.root), 'utf8'),
    chainPem: await fs.readFile(path.join(dir, DEV_FILES.chain), 'utf8'),
    keyPem: await fs.readFile(path.join(dir, DEV_FILES.key), 'utf8'),
  })
  try {
    return await read()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  const made = await createDevChain({ organisation })
  const staging = `${dir}.${process.pid}.${Date.now()}.tmp`
  await fs.mkdir(staging, { recursive: true, mode: 0o700 })
  await fs.writeFile(path.join(staging, DEV_FILES.root), made.rootPem)
  await fs.writeFile(path.join(staging, DEV_FILES.chain), made.chainPem)
  await fs.writeFile(path.join(staging, DEV_FILES.key), made.keyPem, { mode: 0o600 })
  try {
    await fs.mkdir(path.dirname(dir), { recursive: true })
    await fs.rename(staging, dir)
    logger.warn({ dir }, 'Content Credentials: made a development certificate chain; manifests signed with it are not trusted by any validator (set C2PA_SIGNING_KEY and C2PA_CERTIFICATE_CHAIN)')
  } catch {
    await fs.rm(staging, { recursive: true, force: true })
  }
  return read()
}

/** The configured key and chain, or the development chain under `devDir`. */
export async function loadSigningCredentials(settings: ContentCredentialSettings, logger: Logger, organisation = 'Publication'): Promise<SigningCredentials> {
  const anchors = settings.trustAnchors ? await pemOrFile(settings.trustAnchors) : null
  if (settings.signingKey && settings.certificateChain) {
    return toSigningCredentials({ keyPem: await pemOrFile(settings.signingKey.reveal()), chainPem: await pemOrFile(settings.certificateChain), trustAnchorsPem: anchors, development: false })
  }
  const dev = await devChainFiles(settings.devDir, organisation, logger)
  logger.info({ dir: settings.devDir }, 'Content Credentials: signing with the development certificate chain, which validators do not trust')
  return toSigningCredentials({ keyPem: dev.keyPem, chainPem: dev.chainPem, trustAnchorsPem: anchors ?? dev.rootPem, development: true })
}
