// The local-only routes around the API: demo staff, signed dev tokens, the sidebar preview, and
// whatever else the local stack adds (the partner forms).
// Used by `npm start` and the browser tests; the deployed functions never include them.
import type { HttpFunction, Request, Response } from '@google-cloud/functions-framework';
import { signIdToken, type DevSigner } from './tokens.ts';

export interface DemoPerson {
  agencyId: string;
  email: string;
  role: string;
  name: string;
}

export interface DevRoutes {
  api: HttpFunction;
  signer: Pick<DevSigner, 'kid' | 'privateKeyPem'>;
  audience: string;
  people: DemoPerson[];
  /** Serves the sidebar preview under /preview (sheets-addon/preview). */
  preview?: HttpFunction;
  /** More local routes (the partner forms' /dev/forms); true when it answered. */
  extra?: (req: Request, res: Response) => Promise<boolean>;
}

export function createDevHandler(r: DevRoutes): HttpFunction {
  const token = (req: Request, res: Response) => {
    const email = String(req.query.email ?? '').toLowerCase();
    if (!r.people.some((p) => p.email === email)) {
      res.status(404).json({ error: { code: 'NOT_FOUND', message: `Pegawai demo ${email || '(kosong)'} tidak ada. Lihat GET /dev/staff.` } });
      return;
    }
    res.json({ token: signIdToken(r.signer, { email, audience: r.audience, expiresIn: 12 * 3600 }), expiresInSeconds: 12 * 3600 });
  };
  return async (req, res) => {
    if (req.path === '/dev/token') return token(req, res);
    if (req.path === '/dev/staff') return void res.json({ staff: r.people });
    if (r.preview && (req.path === '/preview' || req.path.startsWith('/preview/'))) return r.preview(req, res);
    if (r.extra && req.path.startsWith('/dev/') && (await r.extra(req, res))) return;
    return r.api(req, res);
  };
}
