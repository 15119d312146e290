// The `api` HTTP function: routing, request schemas and error-to-status mapping. Thin: every
// decision is the engine's, every write the store's.
import type { Request, Response } from '@google-cloud/functions-framework';
import { z } from 'zod';
import type { CaseService, Caller } from '../cases/service.ts';
import type { Agency } from '../store/firestore.ts';
import type { DeskService } from '../desk/service.ts';
import { stepInputSchema, type Action } from '../sop/engine.ts';
import { DomainFailure, domainError, type DomainError, type ErrorCode, type FieldProblem } from '../sop/errors.ts';
import type { TokenVerifier } from '../auth/verify.ts';
import { requestHash } from '../store/firestore.ts';

// Validation messages users read are in Bahasa Indonesia.
z.config(z.locales.id());

export const STATUS: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  MISSING_KELENGKAPAN: 400,
  UNAUTHENTICATED: 401,
  NOT_STAFF: 403,
  WRONG_ROLE: 403,
  NOT_FOUND: 404,
  NOT_CURRENT_STEP: 409,
  CASE_CLOSED: 409,
  VERSION_CONFLICT: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
};

const partnerSchema = z.strictObject({
  name: z.string().trim().min(1).max(300),
  email: z.email().optional(),
  phone: z.string().trim().max(50).optional(),
  address: z.string().trim().max(500).optional(),
});

const createCaseBody = z.strictObject({
  sop: z.string().min(1),
  title: z.string().trim().max(300).optional(),
  partner: partnerSchema.optional(),
});

const stepBody = stepInputSchema.extend({
  type: z.enum(['complete', 'decide']),
  step: z.number().int().positive(),
  decision: z.enum(['yes', 'no']).optional(),
  expectedVersion: z.number().int().positive().optional(),
});

const cancelBody = z.strictObject({
  reason: z.string().trim().min(1).max(2000),
  expectedVersion: z.number().int().positive().optional(),
});

const idemKeySchema = z.string().regex(/^[A-Za-z0-9_.:-]{8,200}$/);

function fieldsOf(error: z.ZodError, prefix = ''): FieldProblem[] {
  return error.issues.flatMap((i) => {
    if (i.code === 'unrecognized_keys') {
      return i.keys.map((k) => ({ path: [prefix, ...i.path.map(String), k].filter(Boolean).join('.'), message: `Isian "${k}" tidak dikenal.` }));
    }
    const path = [prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(body)';
    return [{ path, message: i.message }];
  });
}

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success) {
    const fields = fieldsOf(r.error);
    throw new DomainFailure(domainError('INVALID_INPUT', `${what} tidak valid: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`, fields));
  }
  return r.data;
}

function idempotency(req: Request, body: unknown, route: string) {
  const key = req.get('Idempotency-Key');
  if (!idemKeySchema.safeParse(key).success) {
    const message = 'Header Idempotency-Key wajib diisi (8–200 karakter huruf, angka, "-", "_", ".", ":"), satu kunci baru untuk setiap tindakan.';
    throw new DomainFailure(domainError('INVALID_INPUT', message, [{ path: 'Idempotency-Key', message }]));
  }
  return { key: key!, requestHash: requestHash([route, body]) };
}

export interface HandlerContext {
  req: Request;
  params: string[];
  /** Verified e-mail of the caller. */
  email: string;
  agency: Agency;
  /** Staff record and roles, read on demand: transitions read them inside their transaction instead. */
  caller(): Promise<Caller>;
}
type Handler = (ctx: HandlerContext) => Promise<{ status?: number; body: unknown }>;

interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  handler: Handler;
}

export interface ApiDeps {
  cases: CaseService;
  desk: DeskService;
  verify: TokenVerifier;
}

export function createApi(deps: ApiDeps): (req: Request, res: Response) => Promise<void> {
  const { cases, desk, verify } = deps;
  const A = '^/v1/agencies/([a-z0-9-]{2,64})';
  const routes: Route[] = [
    { method: 'GET', pattern: new RegExp(`${A}/me$`), handler: async ({ caller }) => {
      const c = await caller();
      // Only what the sidebar shows: the Drive ids and mail settings stay server-side.
      const { id, name, shortName, timeZone } = c.agency;
      return { body: { agency: { id, name, shortName, timeZone }, staff: c.actor } };
    } },
    { method: 'GET', pattern: new RegExp(`${A}/sops$`), handler: async ({ caller }) => ({ body: { sops: await cases.listSops(await caller()) } }) },
    { method: 'GET', pattern: new RegExp(`${A}/sops/([a-z0-9_]+)$`), handler: async ({ caller, params }) => ({ body: await cases.getSop(await caller(), params[1]!) }) },
    { method: 'GET', pattern: new RegExp(`${A}/cases$`), handler: async ({ caller }) => ({ body: { cases: await cases.listCases(await caller()) } }) },
    { method: 'GET', pattern: new RegExp(`${A}/tasks$`), handler: async ({ caller }) => ({ body: { tasks: await cases.tasks(await caller()) } }) },
    {
      method: 'POST',
      pattern: new RegExp(`${A}/cases$`),
      handler: async ({ req, caller, agency }) => {
        const body = parse(createCaseBody, req.body, 'Data kasus baru');
        const r = await cases.create(await caller(), body, idempotency(req, body, `create:${agency.id}`));
        return { status: r.replayed ? 200 : 201, body: { ...r.value, replayed: r.replayed } };
      },
    },
    { method: 'GET', pattern: new RegExp(`${A}/cases/([A-Za-z0-9]+)$`), handler: async ({ caller, params }) => ({ body: await cases.get(await caller(), params[1]!) }) },
    {
      method: 'POST',
      pattern: new RegExp(`${A}/cases/([A-Za-z0-9]+)/actions$`),
      handler: async ({ req, agency, email, params }) => {
        const b = parse(stepBody, req.body, 'Tindakan langkah');
        const input = { ...(b.data ? { data: b.data } : {}), ...(b.checklist ? { checklist: b.checklist } : {}), ...(b.documents ? { documents: b.documents } : {}), ...(b.note ? { note: b.note } : {}) };
        const ver = b.expectedVersion !== undefined ? { expectedVersion: b.expectedVersion } : {};
        let action: Action;
        if (b.type === 'decide') {
          if (!b.decision) throw new DomainFailure(domainError('INVALID_INPUT', 'Keputusan wajib diisi: "yes" (ya/setuju) atau "no" (tidak).', [{ path: 'decision', message: 'Keputusan wajib diisi.' }]));
          action = { type: 'decide', step: b.step, decision: b.decision, input, ...ver };
        } else {
          if (b.decision) throw new DomainFailure(domainError('INVALID_INPUT', 'Keputusan hanya dikirim dengan type "decide".', [{ path: 'decision', message: 'Gunakan type "decide" untuk keputusan.' }]));
          action = { type: 'complete', step: b.step, input, ...ver };
        }
        const r = await cases.act(agency, email, params[1]!, action, idempotency(req, b, `act:${agency.id}:${params[1]}`));
        return { body: { ...r.value, replayed: r.replayed } };
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`${A}/cases/([A-Za-z0-9]+)/cancel$`),
      handler: async ({ req, agency, email, params }) => {
        const b = parse(cancelBody, req.body, 'Pembatalan');
        const action: Action = { type: 'cancel', reason: b.reason, ...(b.expectedVersion !== undefined ? { expectedVersion: b.expectedVersion } : {}) };
        const r = await cases.act(agency, email, params[1]!, action, idempotency(req, b, `cancel:${agency.id}:${params[1]}`));
        return { body: { ...r.value, replayed: r.replayed } };
      },
    },
    ...desk.routes(A, { parse, idempotency }),
  ];

  return async (req, res) => {
    res.set('Cache-Control', 'no-store');
    try {
      const path = req.path.replace(/\/+$/, '') || '/';
      if (req.method === 'GET' && path === '/health') {
        res.status(200).json({ ok: true });
        return;
      }
      if (req.method === 'GET' && path === '/v1/me') {
        const who = await verify(req.get('Authorization'));
        res.status(200).json({ email: who.email, memberships: await cases.memberships(who.email) });
        return;
      }
      const matches = routes.filter((r) => r.pattern.test(path));
      const route = matches.find((r) => r.method === req.method);
      if (!route) {
        throw new DomainFailure(domainError('NOT_FOUND', matches.length ? `Metode ${req.method} tidak didukung untuk ${path}.` : `Alamat ${path} tidak dikenal.`));
      }
      const params = route.pattern.exec(path)!.slice(1);
      const who = await verify(req.get('Authorization'));
      const agency = await cases.agency(params[0]!);
      let resolved: Promise<Caller> | undefined;
      const caller = () => (resolved ??= cases.caller(agency, who.email));
      const out = await route.handler({ req, params, email: who.email, agency, caller });
      res.status(out.status ?? 200).json(out.body);
    } catch (err) {
      if (err instanceof DomainFailure) {
        res.status(STATUS[err.error.code]).json({ error: err.error });
        return;
      }
      console.error(JSON.stringify({ severity: 'ERROR', message: 'api: unexpected error', error: err instanceof Error ? err.stack : String(err), path: req.path }));
      const error: DomainError = { code: 'INTERNAL' as ErrorCode, message: 'Terjadi kesalahan pada server. Coba lagi; jika berulang, hubungi admin.' };
      res.status(500).json({ error });
    }
  };
}
