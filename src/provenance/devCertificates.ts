import 'reflect-metadata'

import * as x509 from '@peculiar/x509'

/**
 * A development certificate chain: a root CA (the trust anchor) and a signing certificate it
 * issued, shaped as c2pa-rs's certificate profile check demands (`certificate_profile.rs`): X.509
 * v3, ECDSA P-256 with SHA-256, a critical digitalSignature key usage, the documentSigning and
 * emailProtection extended key usages (never "any"), authority and subject key identifiers, and
 * an end-entity certificate that is not a CA. Validators trust it only where the root is
 * configured as a trust anchor: it is for development and tests.
 */

const EC_P256 = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const
const ID_KP_DOCUMENT_SIGNING = '1.3.6.1.5.5.7.3.36'
const ID_KP_EMAIL_PROTECTION = '1.3.6.1.5.5.7.3.4'

export type DevChain = { rootPem: string; chainPem: string; keyPem: string }

function serialNumber(): string {
  // Positive (high bit clear), 16 random bytes, as RFC 5280 recommends.
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[0] = bytes[0]! & 0x7f
  return Buffer.from(bytes).toString('hex')
}

export async function createDevChain({ organisation, days = 3650 }: { organisation: string; days?: number }): Promise<DevChain> {
  x509.cryptoProvider.set(crypto)
  const notBefore = new Date(Date.now() - 60_000)
  const notAfter = new Date(Date.now() + days * 86_400_000)
  const o = organisation.replace(/[,=+<>#;"\\]/g, ' ')
  const rootKeys = await crypto.subtle.generateKey(EC_P256, true, ['sign', 'verify'])
  const root = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name: `CN=${o} development root (not trusted), O=${o}`,
    notBefore,
    notAfter,
    keys: rootKeys,
    signingAlgorithm: EC_P256,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(rootKeys.publicKey),
    ],
  })
  const signerKeys = await crypto.subtle.generateKey(EC_P256, true, ['sign', 'verify'])
  const signer = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: `CN=${o} development signer (not trusted), O=${o}`,
    issuer: root.subject,
    notBefore,
    notAfter,
    signingKey: rootKeys.privateKey,
    publicKey: signerKeys.publicKey,
    signingAlgorithm: EC_P256,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([ID_KP_DOCUMENT_SIGNING, ID_KP_EMAIL_PROTECTION]),
      await x509.AuthorityKeyIdentifierExtension.create(root),
      await x509.SubjectKeyIdentifierExtension.create(signerKeys.publicKey),
    ],
  })
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', signerKeys.privateKey)
  return {
    rootPem: root.toString('pem'),
    chainPem: signer.toString('pem'),
    keyPem: x509.PemConverter.encode(pkcs8, 'PRIVATE KEY'),
  }
}
