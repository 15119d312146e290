// The `api` HTTP function: routing and error-to-status mapping. Thin: every decision is the
// engine's, every write the store's; bodies are checked in requests.ts and typed by the contract.
import type { Request, Response } from '@google-cloud/functions-framework';
import type { ErrorBody, HealthResponse, MembershipsResponse } from '../contract.ts';
import type { Agency } from '../model/records.ts';
import type { CaseService, Caller } from '../cases/service.ts';
import type { DeskService } from '../desk/service.ts';
import { DomainFailure, domainError, type DomainError, type ErrorCode } from '../sop/errors.ts';
import type { TokenVerifier } from '../auth/verify.ts';
import type { SubmissionReview } from '../forms/review.ts';
import type { SopImportService } from '../sopadmin/service.ts';
import type { StatusPages } from '../forms/status.ts';
import { PAGE_CSP, renderErrorPage } from '../forms/status-page.ts';
import { checkedBody, checkedValue, ID } from './boundary.ts';
import { routesOf } from './routes.ts';
import { standardsRoutesOf } from './standards-routes.ts';
import type { StandardsService } from '../standards/service.ts';

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
  SUBMISSION_HANDLED: 409,
  SUBMISSION_NOT_OPENABLE: 409,
  TOO_LARGE: 413,
  BUSY: 503,
  INTERNAL: 500,
};

export interface HandlerContext {
  req: Request;
  /** The path's ids, each checked against its pattern: [agency, case, sop or submission]. */
  params: string[];
  /** The JSON body, checked at the boundary (size, depth, Unicode) and NFC-normalised; {} for GET. */
  body: unknown;
  /** The query, checked the same way. */
  query: unknown;
  /** Verified e-mail of the caller. */
  email: string;
  agency: Agency;
  /** Staff record and roles, read on demand: transitions read them inside their transaction instead. */
  caller(): Promise<Caller>;
}

export interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  /** What each captured segment is, in order. */
  params: ('agency' | 'case' | 'sop' | 'submission' | 'programme' | 'participant' | 'mailing' | 'document')[];
  handler: (ctx: HandlerContext) => Promise<{ status?: number; body: unknown }>;
}

export interface ApiDeps {
  cases: CaseService;
  desk: DeskService;
  review: SubmissionReview;
  /** Importing and publishing SOP tables (issue 14); without it the routes are absent. */
  sopImports?: SopImportService;
  /** The partners' status pages (/p/<token>), signed with the forms secret. */
  statusPages: StatusPages;
  verify: TokenVerifier;
  /** Reminders settings, the SOP performance reports, the IKM and complaints (issue 13). */
  standards?: StandardsService;
  /** Bimtek programmes: their staff routes, and the public pages /v/, /r/, /h/ (programme/). */
  programmeRoutes?: Route[];
  programmePages?: { handle(req: Request, res: Response, path: string): Promise<boolean> };
}

/** A path id that does not match its pattern names nothing that can exist. */
const UNKNOWN: Record<Route['params'][number], { field: string; message: (id: string) => string }> = {
  agency: { field: 'agencyId', message: (id) => `Instansi "${id.slice(0, 80)}" tidak terdaftar.` },
  sop: { field: 'sopId', message: (id) => `SOP "${id.slice(0, 80)}" tidak ditemukan.` },
  case: { field: 'caseId', message: (id) => `Kasus ${id.slice(0, 80)} tidak ditemukan.` },
  submission: { field: 'submissionId', message: (id) => `Kiriman ${id.slice(0, 80)} tidak ditemukan.` },
  programme: { field: 'programmeId', message: (id) => `Program ${id.slice(0, 80)} tidak ditemukan.` },
  participant: { field: 'participantId', message: (id) => `Peserta ${id.slice(0, 80)} tidak ditemukan.` },
  mailing: { field: 'mailingId', message: (id) => `Pengiriman ${id.slice(0, 80)} tidak ditemukan.` },
  document: { field: 'entry', message: (id) => `Dokumen ${id.slice(0, 80)} tidak ditemukan.` },
};

function checkedParams(route: Route, path: string): string[] {
  const values = route.pattern.exec(path)!.slice(1);
  values.forEach((v, i) => {
    const kind = route.params[i]!;
    if (!ID[kind].test(v)) {
      const u = UNKNOWN[kind];
      throw new DomainFailure(domainError('NOT_FOUND', u.message(v), [{ path: u.field, message: 'Tidak ada dengan pengenal ini.' }]));
    }
  });
  return values;
}

/**
 * GET /p/<token>: a partner's status page, HTML, outside /v1 and without a Google token (the
 * signed token is the key). Refusals are pages too, 4xx; only our own failure is a 500.
 */
async function statusPage(pages: StatusPages, token: string, res: Response): Promise<void> {
  res.set({ 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PAGE_CSP, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'X-Robots-Tag': 'noindex, nofollow' });
  try {
    const page = await pages.page(token);
    res.status(page.status).send(page.html);
  } catch (err) {
    console.error(JSON.stringify({ severity: 'ERROR', message: 'status page: unexpected error', error: err instanceof Error ? err.stack : String(err) }));
    res.status(500).send(renderErrorPage('Terjadi kesalahan', 'Halaman status tidak dapat ditampilkan saat ini. Coba lagi beberapa saat lagi.'));
  }
}

export function createApi(deps: ApiDeps): (req: Request, res: Response) => Promise<void> {
  const { cases, verify } = deps;
  const routes = [...routesOf(deps), ...(deps.standards ? standardsRoutesOf(deps.standards) : []), ...(deps.programmeRoutes ?? [])];

  return async (req, res) => {
    res.set('Cache-Control', 'no-store');
    try {
      const path = req.path.replace(/\/+$/, '') || '/';
      if (req.method === 'GET' && path === '/health') {
        res.status(200).json({ ok: true } satisfies HealthResponse);
        return;
      }
      if ((req.method === 'GET' || req.method === 'HEAD') && (path === '/p' || path.startsWith('/p/'))) {
        await statusPage(deps.statusPages, path.slice('/p/'.length), res);
        return;
      }
      if (deps.programmePages && /^\/[vrh]\//.test(path) && (await deps.programmePages.handle(req, res, path))) return;
      if (req.method === 'GET' && path === '/v1/me') {
        const who = await verify(req.get('Authorization'));
        res.status(200).json({ email: who.email, memberships: await cases.memberships(who.email) } satisfies MembershipsResponse);
        return;
      }
      const matches = routes.filter((r) => r.pattern.test(path));
      const route = matches.find((r) => r.method === req.method);
      if (!route) {
        throw new DomainFailure(domainError('NOT_FOUND', matches.length ? `Metode ${req.method} tidak didukung untuk ${path}.` : `Alamat ${path} tidak dikenal.`));
      }
      const body = req.method === 'POST' ? checkedBody(req.rawBody, req.body) : {};
      const query = checkedValue(req.query ?? {}, '(query)');
      const params = checkedParams(route, path);
      const who = await verify(req.get('Authorization'));
      const agency = await cases.agency(params[0]!);
      let resolved: Promise<Caller> | undefined;
      const caller = () => (resolved ??= cases.caller(agency, who.email));
      const out = await route.handler({ req, params, body, query, email: who.email, agency, caller });
      res.status(out.status ?? 200).json(out.body);
    } catch (err) {
      if (err instanceof DomainFailure) {
        if (err.error.code === 'INTERNAL') console.error(JSON.stringify({ severity: 'ERROR', message: 'api: internal error', error: err.error, path: req.path }));
        res.status(STATUS[err.error.code]).json({ error: err.error } satisfies ErrorBody);
        return;
      }
      console.error(JSON.stringify({ severity: 'ERROR', message: 'api: unexpected error', error: err instanceof Error ? err.stack : String(err), path: req.path }));
      const error: DomainError = { code: 'INTERNAL', message: 'Terjadi kesalahan pada server. Coba lagi; jika berulang, hubungi admin.' };
      res.status(500).json({ error } satisfies ErrorBody);
    }
  };
}
