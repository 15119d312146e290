// Signed references: what a prefilled form link or a status link carries so a partner without an
// account can act on their own case and nobody else's. HMAC-SHA256 over the claims with a secret
// from configuration, compared in constant time; a form reference names the agency, the case, the
// step and the case's version when it was sent (so it works once), and expires.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

const claimsSchema = z.strictObject({
  /** What the reference is for: answering a form at a step, reading the status page, or the IKM survey of a closed case. */
  k: z.enum(['form', 'status', 'survei']),
  a: z.string().regex(/^[a-z0-9-]{2,64}$/),
  c: z.string().regex(/^[A-Za-z0-9]{1,64}$/),
  /** The step the form answers, and the case version it was issued at (form references). */
  s: z.number().int().positive().optional(),
  v: z.number().int().positive().optional(),
  /** Expiry, seconds since the epoch. */
  e: z.number().int().positive(),
});
export type RefClaims = z.infer<typeof claimsSchema>;

/** malformed: not a reference at all; forged: the signature does not match (tampered, or another secret); expired. */
export type RefProblem = 'malformed' | 'forged' | 'expired';

export type RefCheck = { ok: true; claims: RefClaims } | { ok: false; reason: string; problem: RefProblem };

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url');

export type Refs = ReturnType<typeof createRefs>;

export function createRefs(secret: string) {
  if (secret.length < 32) throw new Error('FORMS_SECRET must be at least 32 characters');
  const mac = (payload: string) => createHmac('sha256', secret).update(payload).digest();
  return {
    sign(claims: RefClaims): string {
      const payload = b64(JSON.stringify(claimsSchema.parse(claims)));
      return `${payload}.${b64(mac(payload))}`;
    },
    /** The claims of a genuine, unexpired reference; a forged, tampered or expired one gets a reason in Indonesian. */
    verify(token: string, now: Date): RefCheck {
      const m = /^([A-Za-z0-9_-]{1,800})\.([A-Za-z0-9_-]{43})$/.exec(token);
      if (!m) return { ok: false, reason: 'Kode kasus tidak dikenali.', problem: 'malformed' };
      const given = Buffer.from(m[2]!, 'base64url');
      const expected = mac(m[1]!);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'Kode kasus tidak sah (tanda tangan tidak cocok).', problem: 'forged' };
      let claims: RefClaims;
      try {
        const parsed = claimsSchema.safeParse(JSON.parse(Buffer.from(m[1]!, 'base64url').toString('utf8')));
        if (!parsed.success) return { ok: false, reason: 'Kode kasus tidak dikenali.', problem: 'malformed' };
        claims = parsed.data;
      } catch {
        return { ok: false, reason: 'Kode kasus tidak dikenali.', problem: 'malformed' };
      }
      if (claims.e * 1000 < now.getTime()) return { ok: false, reason: 'Tautan formulir sudah kedaluwarsa; minta tautan baru kepada petugas.', problem: 'expired' };
      return { ok: true, claims };
    },
  };
}
