// The routes of the `api` function under /v1/agencies/{agency}, each answering with a body of the
// API contract (functions/src/contract.ts).
import type * as Api from '../contract.ts';
import type { Action } from '../sop/engine.ts';
import { DomainFailure, domainError } from '../sop/errors.ts';
import type { ApiDeps, HandlerContext, Route } from './api.ts';
import { SUBMISSION_LIST } from '../forms/review.ts';
import { queryWords, wholeNumber } from '../model/search.ts';
import { ID } from './boundary.ts';
import { decodePageToken, encodePageToken, tokenScope } from './page-token.ts';
import { cancelBody, casesQuery, createCaseBody, idempotency, LIST_LIMITS, parse, readBody, recapQuery, stepBody, submissionCaseBody, submissionsQuery, tasksQuery, visitBody } from './requests.ts';

/**
 * A route under /v1/agencies/:agency whose answer is typed by the contract. `:case`, `:sop` and
 * `:submission` match any one segment; the API checks each against its id pattern before the handler runs.
 */
export function route<T>(method: Route['method'], path: string, handler: (ctx: HandlerContext) => Promise<{ status?: number; body: T }>): Route {
  const params = ['agency', ...[...path.matchAll(/:(\w+)/g)].map((m) => m[1]!)] as Route['params'];
  return { method, pattern: new RegExp(`^/v1/agencies/([^/]+)${path.replace(/:\w+/g, '([^/]+)')}$`), params, handler };
}

function stepAction(b: ReturnType<typeof stepBody.parse>): Action {
  const input = { ...(b.data ? { data: b.data } : {}), ...(b.checklist ? { checklist: b.checklist } : {}), ...(b.documents ? { documents: b.documents } : {}), ...(b.note ? { note: b.note } : {}) };
  const ver = b.expectedVersion !== undefined ? { expectedVersion: b.expectedVersion } : {};
  if (b.type === 'decide') {
    if (!b.decision) throw new DomainFailure(domainError('INVALID_INPUT', 'Keputusan wajib diisi: "yes" (ya/setuju) atau "no" (tidak).', [{ path: 'decision', message: 'Keputusan wajib diisi.' }]));
    return { type: 'decide', step: b.step, decision: b.decision, input, ...ver };
  }
  if (b.decision) throw new DomainFailure(domainError('INVALID_INPUT', 'Keputusan hanya dikirim dengan type "decide".', [{ path: 'decision', message: 'Gunakan type "decide" untuk keputusan.' }]));
  return { type: 'complete', step: b.step, input, ...ver };
}

export function routesOf({ cases, desk, review }: Pick<ApiDeps, 'cases' | 'desk' | 'review'>): Route[] {
  return [
    route<Api.AgencyMeResponse>('GET', '/me', async ({ caller }) => {
      const c = await caller();
      const { id, name, shortName, timeZone } = c.agency;
      return { body: { agency: { id, name, shortName, timeZone }, staff: c.actor } };
    }),
    route<Api.SopListResponse>('GET', '/sops', async ({ caller }) => ({ body: { sops: await cases.listSops(await caller()) } })),
    route<Api.SopDescription>('GET', '/sops/:sop', async ({ caller, params }) => ({ body: await cases.getSop(await caller(), params[1]!) })),
    route<Api.CaseListResponse>('GET', '/cases', async ({ query, caller, agency }) => {
      const q = parse(casesQuery, query, 'Parameter daftar kasus');
      const words = queryWords(q.q ?? '');
      const order = q.order ?? 'newest';
      const scope = tokenScope('cases', agency.id, order, q.status ?? null, words);
      const after = decodePageToken(q.pageToken, scope, ID.case);
      const limit = q.limit ? Number(q.limit) : LIST_LIMITS.cases.defaultLimit;
      const nomor = wholeNumber(q.q ?? '');
      const page = await cases.listCases(await caller(), { words, order, limit, ...(nomor ? { nomor } : {}), ...(q.status ? { status: q.status } : {}), ...(after ? { after } : {}) });
      return { body: { cases: page.rows, limit, nextPageToken: encodePageToken(scope, page.next), total: page.total } };
    }),
    route<Api.TaskListResponse>('GET', '/tasks', async ({ query, caller, agency, email }) => {
      const q = parse(tasksQuery, query, 'Parameter daftar tugas');
      const scope = tokenScope('tasks', agency.id, email);
      const after = decodePageToken(q.pageToken, scope, ID.case);
      const limit = q.limit ? Number(q.limit) : LIST_LIMITS.tasks.defaultLimit;
      const page = await cases.tasks(await caller(), { limit, ...(after ? { after } : {}) });
      return { body: { tasks: page.tasks, limit, nextPageToken: encodePageToken(scope, page.next), total: page.total, overdue: page.overdue } };
    }),
    route<Api.CaseRow>('GET', '/cases/:case/row', async ({ caller, params }) => ({ body: await cases.row(await caller(), params[1]!) })),
    route<Api.TransitionResponse>('POST', '/cases', async ({ req, body: raw, caller, agency }) => {
      const body = parse(createCaseBody, raw, 'Data kasus baru');
      const r = await cases.create(await caller(), body, idempotency(req, body, `create:${agency.id}`));
      return { status: r.replayed ? 200 : 201, body: { ...r.value, replayed: r.replayed } };
    }),
    route<Api.CaseDetail>('GET', '/cases/:case', async ({ caller, params }) => ({ body: await cases.get(await caller(), params[1]!) })),
    route<Api.TransitionResponse>('POST', '/cases/:case/actions', async ({ req, body, agency, email, params }) => {
      const b = parse(stepBody, body, 'Tindakan langkah');
      const r = await cases.act(agency, email, params[1]!, stepAction(b), idempotency(req, b, `act:${agency.id}:${params[1]}`));
      return { body: { ...r.value, replayed: r.replayed } };
    }),
    route<Api.TransitionResponse>('POST', '/cases/:case/cancel', async ({ req, body, agency, email, params }) => {
      const b = parse(cancelBody, body, 'Pembatalan');
      const action: Action = { type: 'cancel', reason: b.reason, ...(b.expectedVersion !== undefined ? { expectedVersion: b.expectedVersion } : {}) };
      const r = await cases.act(agency, email, params[1]!, action, idempotency(req, b, `cancel:${agency.id}:${params[1]}`));
      return { body: { ...r.value, replayed: r.replayed } };
    }),
    route<Api.DeskVisitResponse>('POST', '/desk/visits', async ({ req, body, caller }) => {
      const b = parse(visitBody, body, 'Buku tamu');
      const c = await caller();
      return desk.recordVisit(c, b, idempotency(req, b, `visit:${c.agency.id}`));
    }),
    route<Api.DeskReadResponse>('POST', '/desk/reads', async ({ req, body, caller }) => {
      const b = parse(readBody, body, 'Rekap buku dibaca');
      const c = await caller();
      return desk.recordRead(c, b, idempotency(req, b, `read:${c.agency.id}`));
    }),
    route<Api.DeskRecap>('GET', '/desk/recap', async ({ query, caller }) => {
      const q = parse(recapQuery, query, 'Parameter rekap');
      return { body: await desk.recap(await caller(), q.month) };
    }),
    // Kiriman mitra: partner form submissions, and cases staff open from them.
    route<Api.SubmissionListResponse>('GET', '/submissions', async ({ query, caller, agency }) => {
      const q = parse(submissionsQuery, query, 'Parameter daftar kiriman');
      const scope = tokenScope('submissions', agency.id, q.status ?? null);
      const after = decodePageToken(q.pageToken, scope, ID.submission);
      const limit = q.limit ? Number(q.limit) : SUBMISSION_LIST.defaultLimit;
      const page = await review.list(await caller(), { ...(q.status ? { status: q.status } : {}), limit, ...(after ? { after } : {}) });
      return { body: { ...page.body, nextPageToken: encodePageToken(scope, page.next) } };
    }),
    route<Api.SubmissionView>('GET', '/submissions/:submission', async ({ caller, params }) => ({ body: await review.get(await caller(), params[1]!) })),
    route<Api.TransitionResponse>('POST', '/submissions/:submission/case', async ({ req, body, caller, agency, params }) => {
      const b = parse(submissionCaseBody, body, 'Kasus dari kiriman');
      const r = await review.openCase(await caller(), params[1]!, b.answers ?? {}, idempotency(req, b, `submission-case:${agency.id}:${params[1]}`));
      return { status: r.replayed ? 200 : 201, body: { ...r.value, replayed: r.replayed } };
    }),
    route<Api.PartnerLinkResponse>('GET', '/cases/:case/partner-link', async ({ caller, params }) => ({ body: await review.partnerLink(await caller(), params[1]!) })),
  ];
}
