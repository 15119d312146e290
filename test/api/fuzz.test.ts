// 10,000 seeded requests over every route, as an attacker and a careless client would send them:
// random shapes, wrong types, huge and deep bodies, reserved and path-like ids, lone surrogates,
// prototype keys, path traversal, missing or foreign tokens, forged status-page tokens; the Bimtek
// programme's staff routes and its public pages (/v/ certificate numbers, /r/ status and /h/
// check-in tokens: forged, of the other kind, truncated). Every POST is invalid by construction.
// Asserted: no answer >= 500, none slower than 2 s, and the project's documents exactly as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullInput, stepOf } from '../../functions/src/dev/sample-input.ts';
import { sampleAnswers } from '../../functions/src/dev/sample-answers.ts';
import { formById } from '../../functions/src/forms/index.ts';
import { createRefs } from '../../functions/src/forms/refs.ts';
import { catalogById } from '../../functions/src/sop/catalog/index.ts';
import { OWNER_AGENCY, smallProgramme } from '../../functions/src/programme/demo.ts';
import { seedProgrammeDemo } from '../../functions/src/programme/demo-seed.ts';
import { eventById } from '../../functions/src/programme/events.ts';
import { junkObject, junkValue, mutate, NASTY_IDS, NASTY_STRINGS, pick, prng, type Rand } from '../support/fuzz-gen.ts';
import { snapshotProject } from '../support/snapshot.ts';
import { FORMS_SECRET, startStack, type Stack } from '../support/stack.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const WIDTH = 8;

let s: Stack;
const A = '/v1/agencies/balangan';
const tokens = new Map<string, string>();
const tokenOf = (email: string) => tokens.get(email) ?? (tokens.set(email, s.token(email)), tokens.get(email)!);

interface Fixture {
  caseAt1: string;
  caseAt2: string;
  /** Submissions that can never become a case: one accepted (it has one), one answering a step. */
  accepted: string;
  answering: string;
  statusToken: string;
  kasi: string;
  kabid: string;
  petugas: string;
  outsider: string;
  /** The Bimtek programme: a registered participant of babel-1 and one of kalsel-1, links and a certificate. */
  prog: {
    owner: string;
    host: string;
    babel1: string;
    kalsel1: string;
    /** Two trainers of kalsel-1, whose dates are babel-1's. */
    busy: string[];
    statusToken: string;
    checkInToken: string;
    certificate: string;
  };
}
let f: Fixture;

beforeAll(async () => {
  s = await startStack();
  const kasi = s.who('balangan', 'kasi_layanan');
  const mk = async () => (await s.call('POST', `${A}/cases`, { as: kasi, body: { sop: 'pusling', partner: { name: 'SDN 1 Paringin', email: 'sdn1@example.org' } } })).body.state.id as string;
  const caseAt1 = await mk();
  const caseAt2 = await mk();
  const r = await s.call('POST', `${A}/cases/${caseAt2}/actions`, { as: kasi, body: { type: 'complete', step: 1, ...fullInput(stepOf(catalogById('pusling'), 1)) } });
  expect(r.status).toBe(200);
  const submit = (formId: string, answers: Record<string, string[]>) =>
    s.app.forms!.receive('balangan', { formId, responseId: `fuzz-${formId}`, submittedAt: new Date().toISOString(), respondentEmail: null, answers });
  const accepted = (await submit('pusling_permintaan', sampleAnswers(formById('pusling_permintaan')!))).submission;
  const answering = (await submit('pusling_konfirmasi', { ...sampleAnswers(formById('pusling_konfirmasi')!), kode_kasus: ['palsu'] })).submission;
  expect([accepted.status, answering.status]).toEqual(['accepted', 'rejected']);
  const statusToken = createRefs(FORMS_SECRET).sign({ k: 'status', a: 'balangan', c: accepted.caseId!, e: 4_102_444_800 });
  // The small programme of `npm start`, and a certificate for one babel-1 participant who attended every session.
  const pp = s.app.programme!;
  const seeded = await seedProgrammeDemo({ setup: s.app.store, programmes: pp.programmes, registration: pp.registration }, smallProgramme(), { trainers: 12, participants: 120, spread: 'quota', attendance: { event: 'babel-1', sessions: 3 } });
  const p = seeded.programme;
  const inEvent = async (ev: string) => (await pp.programmes.participants(p.id, { eventId: ev, status: 'registered' })).map((x) => x.id).sort();
  const [babel1, kalsel1] = [(await inEvent('babel-1'))[0]!, (await inEvent('kalsel-1'))[0]!];
  for (const session of [4, 5]) await pp.programmes.markAttendance(p.id, 'babel-1', [babel1], session, { at: new Date().toISOString(), via: 'petugas', by: 'fuzz' });
  const issued = await pp.service.issue(p, eventById(p, 'babel-1')!);
  expect(issued.issued).toBeGreaterThan(0);
  const busy = (await pp.programmes.trainers(p.id)).filter((t) => t.assignments.some((a) => a.eventId === 'kalsel-1')).map((t) => t.id);
  const token = (url: string) => url.split('/').pop()!;
  f = {
    caseAt1, caseAt2, accepted: accepted.id, answering: answering.id, statusToken, kasi, kabid: s.who('balangan', 'kabid_perpustakaan'), petugas: s.who('balangan', 'petugas_sirkulasi'), outsider: s.who('sukoharjo', 'kasi_layanan'),
    prog: { owner: `panitia@${OWNER_AGENCY}.demo.perpustakaan.id`, host: 'panitia@babel.demo.perpustakaan.id', babel1, kalsel1, busy, statusToken: token(pp.registration.statusUrl(p, babel1, new Date())), checkInToken: token(pp.service.checkInUrl(p, babel1, 2)), certificate: issued.certificates[0]!.number },
  };
}, 120_000);
afterAll(async () => s?.close());

interface Req {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  token?: string | null;
  idem?: string | null;
  label: string;
}

const pusling = catalogById('pusling');
const P = `/v1/agencies/${OWNER_AGENCY}/programmes/spptikdemo`;
const PH = '/v1/agencies/babel/programmes/spptikdemo';

/** Valid bodies of each POST route, for `mutate` to break. */
function validPosts(r: Rand): { path: string; body: Record<string, unknown>; as: string }[] {
  return [
    { path: `${A}/cases`, body: { sop: 'pusling', title: 'Kunjungan', partner: { name: 'SD', email: 'a@b.id' } }, as: f.kasi },
    { path: `${A}/cases/${f.caseAt1}/actions`, body: { type: 'complete', step: 1, ...fullInput(stepOf(pusling, 1)) }, as: f.kasi },
    { path: `${A}/cases/${f.caseAt2}/actions`, body: { type: 'complete', step: 2, ...fullInput(stepOf(pusling, 2)) }, as: f.kasi },
    { path: `${A}/cases/${pick(r, [f.caseAt1, f.caseAt2])}/cancel`, body: { reason: 'Mitra membatalkan' }, as: f.kabid },
    { path: `${A}/desk/visits`, body: { name: 'Siti', institution: 'SMAN 1', category: 'pelajar', purpose: 'Membaca' }, as: f.petugas },
    { path: `${A}/desk/reads`, body: { title: 'Laskar Pelangi', callNumber: '899.221 HIR l', classification: '899.221', copies: 2 }, as: f.petugas },
    { path: `${A}/submissions/${f.accepted}/case`, body: { answers: { email: ['benar@example.org'] } }, as: f.kasi },
    { path: `${A}/submissions/${f.answering}/case`, body: { answers: { keputusan: ['yes'] } }, as: f.kasi },
    // The programme's staff routes (the owner's and a host's view).
    { path: `${pick(r, [P, PH])}/participants/${f.prog.babel1}/withdraw`, body: {}, as: f.prog.host },
    { path: `${P}/attendance`, body: { event: 'babel-1', session: 4, participants: [f.prog.babel1] }, as: f.prog.owner },
    { path: `${PH}/certificates`, body: { event: 'babel-1' }, as: f.prog.host },
    { path: `${P}/mailings`, body: { kind: 'sertifikat', event: 'babel-1' }, as: f.prog.owner },
    { path: `${P}/trainers`, body: { event: 'babel-2', trainers: ['pelatih-011', 'pelatih-012'] }, as: f.prog.owner },
  ];
}

/** A token or number with one character changed, cut short, or its signature dropped. */
const forge = (r: Rand, t: string) => pick(r, [`${t.slice(0, -2)}${t.endsWith('AA') ? 'BB' : 'AA'}`, t.slice(0, -1), t.split('.')[0]!, `${t}x`, t.toLowerCase()]);
const PROGRAMME_IDS = ['spptikdemo', 'spptik2024', 'tidakada', ...NASTY_IDS];

/** encodeURIComponent, except that a lone surrogate goes out as the bytes a broken client would send. */
const encodeQuery = (x: string) => (x.isWellFormed() ? encodeURIComponent(x) : '%ED%A0%80');

const GET_PATHS = (r: Rand) => [
  '/health',
  '/v1/me',
  `${A}/me`,
  `${A}/sops`,
  `${A}/sops/${pick(r, ['pusling', 'pks', 'tidak_ada', ...NASTY_IDS])}`,
  `${A}/cases`,
  `${A}/tasks`,
  `${A}/cases/${pick(r, [f.caseAt1, f.caseAt2, 'TidakAda123', ...NASTY_IDS])}`,
  `${A}/desk/recap?month=${encodeQuery(pick(r, ['2026-11', '2026-13', '', 'x', ...NASTY_STRINGS.slice(0, 8)]))}`,
  `${A}/desk/recap?month[a]=b&month=2026-01`,
  `/v1/agencies/${pick(r, ['sukoharjo', 'tidak-ada', ...NASTY_IDS])}/tasks`,
  `/v1/${pick(r, ['', 'agencies', 'agencies/balangan', 'x/y/z', '..%2F..%2Fetc'])}`,
  `${A}/cases/${f.caseAt1}/events/${pick(r, ['000001', ...NASTY_IDS])}`,
  `${A}/submissions?${pick(r, ['status=rejected', 'status=held&limit=3', 'limit=0', 'limit=999', 'status=semua', 'status[a]=b', `limit=${encodeQuery(pick(r, NASTY_STRINGS))}`])}`,
  `${A}/submissions/${pick(r, [f.accepted, f.answering, 'pusling_permintaan-TidakAda', ...NASTY_IDS])}`,
  `${A}/cases/${pick(r, [f.caseAt1, f.caseAt2, ...NASTY_IDS])}/partner-link`,
  `/p/${pick(r, [f.statusToken, `${f.statusToken.slice(0, -2)}AA`, f.statusToken.split('.')[0]!, 'abc', '', '%00', ...NASTY_IDS])}`,
  `/v1/agencies/${pick(r, [OWNER_AGENCY, 'babel', 'balangan', ...NASTY_IDS])}/programmes`,
  `/v1/agencies/${pick(r, [OWNER_AGENCY, 'babel', 'sukoharjo'])}/programmes/${pick(r, PROGRAMME_IDS)}`,
  `${pick(r, [P, PH])}/participants?${pick(r, ['event=babel-1', 'event=kalsel-1', 'status=waiting', 'status=semua', 'event=babel-1&status=registered', 'event[a]=b', 'x=1', `event=${encodeQuery(pick(r, NASTY_STRINGS))}`, `status=${encodeQuery(pick(r, NASTY_STRINGS))}`])}`,
  `/v1/agencies/${OWNER_AGENCY}/programmes/${pick(r, PROGRAMME_IDS)}/participants`,
  `${pick(r, [P, PH])}/mailings/${pick(r, ['tidakada', '0123456789abcdef0123', ...NASTY_IDS])}`,
];

/** The public pages: GET anything; POST (withdraw, check in) only what must be refused. */
function publicPage(r: Rand): Req {
  const page = pick(r, ['v', 'r', 'h'] as const);
  const own = { v: f.prog.certificate, r: f.prog.statusToken, h: f.prog.checkInToken }[page];
  const other = page === 'r' ? f.prog.checkInToken : f.prog.statusToken;
  const refused = pick(r, [forge(r, own), forge(r, own), other, f.statusToken, 'abc', '', '%00', '%E0%A4%A', 'A'.repeat(700), encodeQuery(pick(r, NASTY_STRINGS)), ...NASTY_IDS]);
  // The genuine status link posted without {"konfirmasi": "ya"} only asks; it withdraws nobody.
  if (page === 'r' && r() < 0.15) return { method: 'POST', path: `/r/${own}`, body: pick(r, [undefined, {}, { konfirmasi: 'tidak' }, { konfirmasi: ['ya'] }, junkObject(r)]), token: null, idem: null, label: 'unconfirmed POST to /r/' };
  if (page !== 'v' && r() < 0.5) return { method: 'POST', path: `/${page}/${refused}`, body: pick(r, [undefined, {}, junkObject(r)]), token: null, idem: null, label: `forged POST to /${page}/` };
  const key = r() < 0.3 ? own : refused;
  return { method: 'GET', path: `/${page}/${key}`, token: null, idem: null, label: `GET /${page}/` };
}

function request(r: Rand, i: number): Req {
  const roll = r();
  if (roll < 0.06) return publicPage(r);
  if (roll < 0.3) {
    const path = pick(r, GET_PATHS(r));
    const tok = r() < 0.85 ? tokenOf(pick(r, [f.kasi, f.kabid, f.petugas, f.outsider])) : pick(r, [null, 'abc.def.ghi', 'Bearer', 'x'.repeat(5000)]);
    return { method: pick(r, ['GET', 'GET', 'GET', 'POST']) as 'GET', path, token: tok, idem: null, label: `GET ${path.slice(0, 60)}` };
  }
  const v = pick(r, validPosts(r));
  const kind = r();
  if (kind < 0.55) {
    const m = mutate(r, v.body);
    return { method: 'POST', path: v.path, body: m.body, token: tokenOf(v.as), label: `POST ${v.path.split('/').slice(-2).join('/')} ${m.label}` };
  }
  if (kind < 0.65) return { method: 'POST', path: v.path, body: v.body, token: tokenOf(v.as), idem: pick(r, [null, 'short', 'kunci dengan spasi', 'k'.repeat(201), 'ü-nicode-key']), label: 'bad Idempotency-Key' };
  if (kind < 0.75) return { method: 'POST', path: v.path, body: v.body, token: pick(r, [null, 'abc.def.ghi', tokenOf(f.outsider)]), label: 'no, bad or foreign token' };
  if (kind < 0.85) {
    const path = v.path
      .replace(/cases\/[A-Za-z0-9]+/, `cases/${pick(r, NASTY_IDS)}`)
      .replace('/agencies/balangan', `/agencies/${pick(r, ['balangan', ...NASTY_IDS])}`)
      .replace(/programmes\/spptikdemo(\/participants\/[a-z0-9]+)?/, (_, pt) => (pt && r() < 0.5 ? `programmes/spptikdemo/participants/${pick(r, [...NASTY_IDS, f.prog.kalsel1.toUpperCase(), 'tidakada1234'])}` : `programmes/${pick(r, ['tidakada', ...NASTY_IDS])}${pt ?? ''}`));
    return { method: 'POST', path: path === v.path ? `${A}/cases/${pick(r, NASTY_IDS)}/actions` : path, body: v.body, token: tokenOf(v.as), label: 'bad id in path' };
  }
  // A route whose valid body is {} (withdraw) would take a random empty object: it gets one with a junk key.
  if (kind < 0.92) return { method: 'POST', path: v.path, body: Object.keys(v.body).length ? (junkValue(r, 4) ?? junkObject(r)) : junkObject(r), token: tokenOf(v.as), label: `POST ${v.path.split('/').slice(-2).join('/')} random JSON value` };
  // Wrong role or wrong step: valid shape, refused by the workflow.
  const wrong = [
    { path: `${A}/cases/${f.caseAt1}/actions`, body: { type: 'complete', step: 1, ...fullInput(stepOf(pusling, 1)) }, as: f.petugas },
    { path: `${A}/cases/${f.caseAt1}/actions`, body: { type: 'complete', step: 9, ...fullInput(stepOf(pusling, 9)) }, as: f.kasi },
    { path: `${A}/cases/${f.caseAt2}/actions`, body: { type: 'decide', step: 2, decision: 'yes' }, as: f.kasi },
    { path: `${A}/cases/${f.caseAt1}/cancel`, body: { reason: 'x' }, as: f.petugas },
    { path: `${A}/cases`, body: { sop: 'tidak_ada' }, as: f.kasi },
    { path: `${A}/desk/visits`, body: { name: 'Siti' }, as: f.kabid },
    { path: `${A}/cases/${f.caseAt1}/actions`, body: { type: 'complete', step: 1, expectedVersion: 99, ...fullInput(stepOf(pusling, 1)) }, as: f.kasi },
    // The programme: another province's participant or event, a session that does not exist, a trainer already busy those dates, an outsider.
    { path: `${PH}/participants/${f.prog.kalsel1}/withdraw`, body: {}, as: f.prog.host },
    { path: `${PH}/attendance`, body: { event: 'kalsel-1', session: 1, participants: [f.prog.kalsel1] }, as: f.prog.host },
    { path: `${P}/attendance`, body: { event: 'babel-1', session: 9, participants: [f.prog.babel1] }, as: f.prog.owner },
    { path: `${P}/trainers`, body: { event: 'babel-1', trainers: f.prog.busy }, as: f.prog.owner },
    { path: `${PH}/trainers`, body: { event: 'kalsel-1', trainers: ['pelatih-011', 'pelatih-012'] }, as: f.prog.host },
    { path: `${PH}/certificates`, body: { event: 'jateng-2' }, as: f.prog.host },
    { path: `/v1/agencies/sukoharjo/programmes/spptikdemo/mailings`, body: { kind: 'sertifikat' }, as: f.outsider },
  ];
  const w = wrong[i % wrong.length]!;
  return { method: 'POST', path: w.path, body: w.body, token: tokenOf(w.as), label: 'wrong role, step or version' };
}

async function send(q: Req): Promise<{ status: number; ms: number; body: string }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (q.token) headers.authorization = `Bearer ${q.token}`;
  if (q.method === 'POST' && q.idem !== null) headers['idempotency-key'] = q.idem ?? `fuzz-${Math.random().toString(36).slice(2)}-${Date.now()}`;
  const t = performance.now();
  const res = await fetch(s.url + q.path, { method: q.method, headers, ...(q.method === 'POST' && q.body !== undefined ? { body: typeof q.body === 'string' ? q.body : JSON.stringify(q.body) } : {}) });
  const body = await res.text();
  return { status: res.status, ms: performance.now() - t, body };
}

describe('fuzz: every route, hostile and careless input', () => {
  it(`${REQUESTS.toLocaleString('en')} seeded requests (seed ${SEED}): no 5xx, none slower than 2 s, no state change`, async () => {
    const before = await snapshotProject(s.db);
    const r = prng(SEED);
    const reqs = Array.from({ length: REQUESTS }, (_, i) => request(r, i));
    const serverErrors: string[] = [];
    const slow: string[] = [];
    const acceptedPosts: string[] = [];
    const byStatus: Record<number, number> = {};
    let next = 0;
    await Promise.all(
      Array.from({ length: WIDTH }, async () => {
        while (next < reqs.length) {
          const q = reqs[next++]!;
          const out = await send(q);
          byStatus[out.status] = (byStatus[out.status] ?? 0) + 1;
          if (out.status >= 500) serverErrors.push(`${out.status} ${q.label}: ${out.body.slice(0, 200)}`);
          if (out.ms > 2000) slow.push(`${Math.round(out.ms)} ms ${q.label}`);
          if (q.method === 'POST' && out.status < 400 && q.label !== 'unconfirmed POST to /r/') acceptedPosts.push(`${out.status} ${q.label}`);
        }
      }),
    );
    console.log(`fuzz seed ${SEED}: ${REQUESTS} requests, statuses ${JSON.stringify(byStatus)}`);
    expect(serverErrors).toEqual([]);
    expect(slow).toEqual([]);
    expect(acceptedPosts).toEqual([]);
    expect(await snapshotProject(s.db)).toEqual(before);
    // The seed's requests covered the kinds of hostility named above.
    const labels = new Set(reqs.map((q) => q.label.replace(/ at .*/, '').replace(/^POST \S+ /, '')));
    for (const kind of ['GET /v/', 'GET /r/', 'GET /h/', 'unconfirmed POST to /r/', 'forged POST to /r/', 'forged POST to /h/', 'lone surrogate', 'deep nesting', 'body over 256 KiB', '__proto__ key', 'bad id in path', 'wrong role, step or version', 'bad Idempotency-Key', 'no, bad or foreign token', 'not JSON']) {
      expect([...labels].some((l) => l.startsWith(kind)), kind).toBe(true);
    }
  }, 900_000);
});
