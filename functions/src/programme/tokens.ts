// Signed tokens of the programme, with the forms secret and a domain of their own (so no token of
// one kind is ever accepted as another, nor as a partner form reference): the registrant's status
// link (/r/<token>), a participant's check-in link per session (/h/<token>), and the check
// characters of a certificate number (SPPTIK24-000123-K7QF), which make a forged or altered number
// invalid before any register lookup. HMAC-SHA256, compared in constant time.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

const claimsSchema = z.strictObject({
  /** r: registration status; h: check-in (hadir) at session s. */
  k: z.enum(['r', 'h']),
  p: z.string().regex(/^[a-z][a-z0-9]{1,31}$/),
  i: z.string().regex(/^[a-z0-9]{8,40}$/),
  s: z.number().int().min(1).max(50).optional(),
  /** Expiry, seconds since the epoch. */
  e: z.number().int().positive(),
});
export type ProgrammeClaims = z.infer<typeof claimsSchema>;

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export type ProgrammeTokens = ReturnType<typeof createProgrammeTokens>;

export function createProgrammeTokens(secret: string) {
  if (secret.length < 32) throw new Error('FORMS_SECRET must be at least 32 characters');
  const mac = (domain: string, payload: string) => createHmac('sha256', secret).update(`bimtek:${domain}\n${payload}`).digest();
  return {
    sign(claims: ProgrammeClaims): string {
      const payload = Buffer.from(JSON.stringify(claimsSchema.parse(claims))).toString('base64url');
      return `${payload}.${mac('token', payload).subarray(0, 18).toString('base64url')}`;
    },
    verify(token: string, now: Date): { ok: true; claims: ProgrammeClaims } | { ok: false; problem: 'malformed' | 'forged' | 'expired' } {
      const m = /^([A-Za-z0-9_-]{1,400})\.([A-Za-z0-9_-]{24})$/.exec(token);
      if (!m) return { ok: false, problem: 'malformed' };
      const given = Buffer.from(m[2]!, 'base64url');
      const expected = mac('token', m[1]!).subarray(0, 18);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, problem: 'forged' };
      let parsed;
      try {
        parsed = claimsSchema.safeParse(JSON.parse(Buffer.from(m[1]!, 'base64url').toString('utf8')));
      } catch {
        return { ok: false, problem: 'malformed' };
      }
      if (!parsed.success) return { ok: false, problem: 'malformed' };
      if (parsed.data.e * 1000 < now.getTime()) return { ok: false, problem: 'expired' };
      return { ok: true, claims: parsed.data };
    },
    /** Four check characters (Crockford base32, 20 bits) of a certificate number's body. */
    checkOf(body: string): string {
      const d = mac('certificate', body);
      let out = '';
      for (let i = 0; i < 4; i++) out += CROCKFORD[d[i]! & 31];
      return out;
    },
  };
}

/** SPPTIK24-000123-K7QF: prefix, serial (6 digits or more), check characters. */
export const CERTIFICATE_NUMBER = /^([A-Z0-9]{2,12})-(\d{6,9})-([0-9A-HJKMNP-TV-Z]{4})$/;

export function certificateNumber(tokens: ProgrammeTokens, prefix: string, serial: number): string {
  const body = `${prefix}-${String(serial).padStart(6, '0')}`;
  return `${body}-${tokens.checkOf(body)}`;
}

/** Whether a number is well formed and its check characters are ours (no Firestore read for a forgery). */
export function certificateNumberGenuine(tokens: ProgrammeTokens, number: string): boolean {
  const m = CERTIFICATE_NUMBER.exec(number);
  if (!m) return false;
  const a = Buffer.from(m[3]!);
  const b = Buffer.from(tokens.checkOf(`${m[1]}-${m[2]}`));
  return a.length === b.length && timingSafeEqual(a, b);
}
