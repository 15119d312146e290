// Signed tokens of the programme, with the forms secret and a domain of their own (so no token of
// one kind is ever accepted as another, nor as a partner form reference): the registrant's status
// link (/r/<token>), a participant's check-in link per session (/h/<token>), the short check-in
// code printed on a session's daftar hadir (/h/<programme>/<code>), and the check characters of a
// certificate number (SPPTIK24-000123-K7QF), which make a forged or altered number invalid before
// any register lookup. HMAC-SHA256, compared in constant time.
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
      return crockford(mac('certificate', body), 4);
    },
    /**
     * A participant's check-in code for one session, short enough to print on one line of a
     * daftar hadir and to type: the first 6 characters of their id (hex, as the store makes ids)
     * and 6 check characters (30 bits) of an HMAC of the programme, the whole id and the session:
     * "3F9A2C-K7QF9Z". The id part only finds the participant (two who share it are both tried);
     * the check makes a code for another person or session, or a guessed one, fail (one chance in
     * 10^9 per try).
     */
    checkInCode(programmeId: string, participantId: string, session: number): string {
      return `${participantId.slice(0, 6).toUpperCase()}-${checkInCheck(programmeId, participantId, session)}`;
    },
    /** Whether `check` (from parseCheckInCode) is this participant's for this session. */
    checkInMatches(programmeId: string, participantId: string, session: number, check: string): boolean {
      return sameText(check, checkInCheck(programmeId, participantId, session));
    },
  };

  function checkInCheck(programmeId: string, participantId: string, session: number): string {
    return crockford(mac('checkin', `${programmeId}\n${participantId}\n${session}`), 6);
  }
}

/** Whether two check strings are equal, compared in constant time. */
function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `n` Crockford base32 characters from the low 5 bits of the first `n` bytes. */
function crockford(bytes: Buffer, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += CROCKFORD[bytes[i]! & 31];
  return out;
}

/**
 * A check-in code as typed: case, spaces and dashes ignored, O read as 0 and I or L as 1 (the id
 * part is hex and the check part Crockford base32, so neither holds those letters). The id part
 * comes back lower case, as ids are stored.
 */
export function parseCheckInCode(code: string): { prefix: string; check: string } | null {
  const c = code.replace(/[\s-]/g, '').toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
  const m = /^([0-9A-F]{6})([0-9A-HJKMNP-TV-Z]{6})$/.exec(c);
  return m ? { prefix: m[1]!.toLowerCase(), check: m[2]! } : null;
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
  return !!m && sameText(m[3]!, tokens.checkOf(`${m[1]}-${m[2]}`));
}
