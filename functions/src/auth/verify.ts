// Verifies `Authorization: Bearer <Google ID token>` (the add-on sends ScriptApp.getIdentityToken()):
// signature, issuer, audience, expiry and a verified e-mail. The e-mail is all we take from the
// token; roles come from the staff directory.
import { OAuth2Client } from 'google-auth-library';
import { DomainFailure, domainError } from '../sop/errors.ts';

export const GOOGLE_ISSUERS = ['https://accounts.google.com', 'accounts.google.com'];

const EMAIL = /^[A-Za-z0-9._%+'-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** kid -> PEM public key or certificate. */
export type PublicKeys = Record<string, string>;

export interface VerifierOptions {
  audience: string | string[];
  /**
   * Where signing keys come from. Default: Google's published certificates. A fixed key set is
   * for the local emulator stack and tests, whose tokens are signed by a key generated there.
   */
  keys?: () => Promise<PublicKeys>;
  issuers?: string[];
}

export interface VerifiedIdentity {
  email: string;
  subject: string;
}

export type TokenVerifier = (authorization: string | undefined) => Promise<VerifiedIdentity>;

function unauthenticated(message: string): DomainFailure {
  return new DomainFailure(domainError('UNAUTHENTICATED', message, [{ path: 'Authorization', message }]));
}

export function createTokenVerifier(opts: VerifierOptions): TokenVerifier {
  const client = new OAuth2Client();
  const keys = opts.keys ?? (async () => (await client.getFederatedSignonCertsAsync()).certs as PublicKeys);
  const issuers = opts.issuers ?? GOOGLE_ISSUERS;
  return async (authorization) => {
    const m = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)\s*$/.exec(authorization ?? '');
    if (!m) throw unauthenticated('Header Authorization wajib berisi "Bearer <token identitas Google>".');
    let payload;
    try {
      const ticket = await client.verifySignedJwtWithCertsAsync(m[1]!, await keys(), opts.audience, issuers);
      payload = ticket.getPayload();
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      const expired = /expired|too late/i.test(reason);
      throw unauthenticated(expired ? 'Token identitas sudah kedaluwarsa; muat ulang panel.' : `Token identitas tidak sah (${reason}).`);
    }
    if (!payload?.email) throw unauthenticated('Token identitas tidak memuat alamat e-mail (scope userinfo.email diperlukan).');
    // The e-mail names the staff record; one that cannot be an address names nothing.
    if (payload.email.length > 254 || !EMAIL.test(payload.email)) throw unauthenticated('Alamat e-mail pada token identitas tidak valid.');
    if (payload.email_verified !== true) throw unauthenticated(`Alamat e-mail ${payload.email} belum terverifikasi oleh Google.`);
    return { email: payload.email.toLowerCase(), subject: payload.sub };
  };
}
