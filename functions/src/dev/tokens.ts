// Local-only ID tokens: an RS256 key pair generated for the emulator stack or a test run, and
// tokens shaped like Google's (iss, aud, sub, email, email_verified, iat, exp). The API verifies
// them exactly as it verifies Google's, because it is configured to trust this key.
import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import type { PublicKeys } from '../auth/verify.ts';

export interface DevSigner {
  kid: string;
  publicKeys: PublicKeys;
  privateKeyPem: string;
}

export function createDevSigner(): DevSigner {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = `dev-${randomUUID().slice(0, 8)}`;
  return {
    kid,
    publicKeys: { [kid]: publicKey.export({ type: 'spki', format: 'pem' }).toString() },
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

const b64url = (x: string | Buffer) => Buffer.from(x).toString('base64url');

export interface TokenClaims {
  email: string;
  audience: string;
  emailVerified?: boolean;
  issuer?: string;
  /** Seconds from now; negative for an already expired token. */
  expiresIn?: number;
}

export function signIdToken(signer: Pick<DevSigner, 'kid' | 'privateKeyPem'>, c: TokenClaims): string {
  const now = Math.floor(Date.now() / 1000);
  const exp = now + (c.expiresIn ?? 3600);
  const header = { alg: 'RS256', typ: 'JWT', kid: signer.kid };
  const payload = {
    iss: c.issuer ?? 'https://accounts.google.com',
    aud: c.audience,
    sub: `dev-${Buffer.from(c.email).toString('hex').slice(0, 20)}`,
    email: c.email,
    email_verified: c.emailVerified ?? true,
    iat: Math.min(now, exp - 60),
    exp,
  };
  const body = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  const sig = createSign('RSA-SHA256').update(body).sign(signer.privateKeyPem);
  return `${body}.${b64url(sig)}`;
}
