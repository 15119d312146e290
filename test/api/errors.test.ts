// Every error code through the real HTTP stack: status, stable code, Indonesian message naming
// the field, and nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDevSigner, signIdToken } from '../../functions/src/dev/tokens.ts';
import { AUDIENCE, startStack, type Stack } from '../support/stack.ts';
import { fullInput, stepOf } from '../../functions/src/dev/sample-input.ts';
import { catalogById } from '../../functions/src/sop/catalog/index.ts';

let s: Stack;
const pusling = catalogById('pusling');
const A = '/v1/agencies/balangan';
let kasi: string, kabid: string, petugas: string;
let caseId: string;

async function countDocs(): Promise<{ events: number; idem: number; cases: number }> {
  const agency = s.db.collection('agencies').doc('balangan');
  const [cases, idem] = await Promise.all([agency.collection('cases').get(), agency.collection('idempotency').get()]);
  let events = 0;
  for (const c of cases.docs) events += (await c.ref.collection('events').get()).size;
  return { events, idem: idem.size, cases: cases.size };
}

beforeAll(async () => {
  s = await startStack();
  kasi = s.who('balangan', 'kasi_layanan');
  kabid = s.who('balangan', 'kabid_perpustakaan');
  petugas = s.who('balangan', 'petugas_pusling');
  const r = await s.call('POST', `${A}/cases`, { as: kasi, body: { sop: 'pusling', partner: { name: 'SDN 1 Paringin', email: 'sdn1@example.org' } } });
  expect(r.status).toBe(201);
  caseId = r.body.state.id;
});
afterAll(async () => s?.close());

describe('authentication', () => {
  const other = createDevSigner();
  const rows: { name: string; token: () => string | null; message: RegExp }[] = [
    { name: 'no token', token: () => null, message: /Authorization/ },
    { name: 'expired token', token: () => s.token(kasi, { expiresIn: -3600 }), message: /kedaluwarsa/ },
    { name: 'wrong audience', token: () => s.token(kasi, { audience: 'someone-else.apps.googleusercontent.com' }), message: /tidak sah/ },
    { name: 'wrong issuer', token: () => s.token(kasi, { issuer: 'https://evil.example' }), message: /tidak sah/ },
    { name: 'unverified e-mail', token: () => s.token(kasi, { emailVerified: false }), message: /terverifikasi/ },
    { name: 'signed by an untrusted key', token: () => signIdToken(other, { email: kasi, audience: AUDIENCE }), message: /tidak sah/ },
    { name: 'garbage', token: () => 'abc.def.ghi', message: /tidak sah/ },
  ];
  for (const row of rows) {
    it(`${row.name} -> 401 UNAUTHENTICATED`, async () => {
      const r = await s.call('GET', `${A}/tasks`, { token: row.token() });
      expect(r.status).toBe(401);
      expect(r.body.error).toMatchObject({ code: 'UNAUTHENTICATED', path: 'Authorization' });
      expect(r.body.error.message).toMatch(row.message);
    });
  }

  it('a verified Google user who is not staff -> 403 NOT_STAFF', async () => {
    const r = await s.call('GET', `${A}/tasks`, { as: 'orang.lain@gmail.com' });
    expect(r).toMatchObject({ status: 403, body: { error: { code: 'NOT_STAFF' } } });
  });

  it('staff of another agency -> 403 NOT_STAFF', async () => {
    const r = await s.call('GET', `${A}/cases/${caseId}`, { as: s.who('sukoharjo', 'kasi_layanan') });
    expect(r).toMatchObject({ status: 403, body: { error: { code: 'NOT_STAFF' } } });
  });

  it('roles in the request body are ignored: only the directory counts', async () => {
    const r = await s.call('POST', `${A}/cases`, { as: petugas, body: { sop: 'pusling', roles: ['kasi_layanan'] } });
    expect(r.status).toBe(400);
    expect(r.body.error.fields.map((f: { path: string }) => f.path)).toContain('roles');
    const r2 = await s.call('POST', `${A}/cases`, { as: petugas, body: { sop: 'pusling' } });
    expect(r2).toMatchObject({ status: 403, body: { error: { code: 'WRONG_ROLE' } } });
  });
});

describe('request errors change nothing', () => {
  const input1 = () => fullInput(stepOf(pusling, 1));
  const rows: { name: string; method: string; path: () => string; as: () => string; body?: unknown; idem?: string | null; status: number; code: string; field?: string }[] = [
    { name: 'unknown agency', method: 'GET', path: () => '/v1/agencies/tidakada/tasks', as: () => kasi, status: 404, code: 'NOT_FOUND', field: 'agencyId' },
    { name: 'unknown case', method: 'GET', path: () => `${A}/cases/tidakada123`, as: () => kasi, status: 404, code: 'NOT_FOUND' },
    { name: 'unknown route', method: 'GET', path: () => `${A}/apaini`, as: () => kasi, status: 404, code: 'NOT_FOUND' },
    { name: 'unknown SOP', method: 'POST', path: () => `${A}/cases`, as: () => kasi, body: { sop: 'tidakada' }, status: 404, code: 'NOT_FOUND', field: 'sop' },
    { name: 'partner without a name', method: 'POST', path: () => `${A}/cases`, as: () => kasi, body: { sop: 'pusling', partner: { email: 'x@example.org' } }, status: 400, code: 'INVALID_INPUT', field: 'partner.name' },
    { name: 'missing idempotency key', method: 'POST', path: () => `${A}/cases`, as: () => kasi, body: { sop: 'pusling' }, idem: null, status: 400, code: 'INVALID_INPUT', field: 'Idempotency-Key' },
    { name: 'step is not a number', method: 'POST', path: () => `${A}/cases/${caseId}/actions`, as: () => kasi, body: { type: 'complete', step: 'satu' }, status: 400, code: 'INVALID_INPUT', field: 'step' },
    { name: 'unknown action type', method: 'POST', path: () => `${A}/cases/${caseId}/actions`, as: () => kasi, body: { type: 'lompat', step: 1 }, status: 400, code: 'INVALID_INPUT', field: 'type' },
    { name: 'wrong role', method: 'POST', path: () => `${A}/cases/${caseId}/actions`, as: () => petugas, body: { type: 'complete', step: 1, ...input1() }, status: 403, code: 'WRONG_ROLE' },
    { name: 'skipping a step', method: 'POST', path: () => `${A}/cases/${caseId}/actions`, as: () => kasi, body: { type: 'complete', step: 2, ...fullInput(stepOf(pusling, 2)) }, status: 409, code: 'NOT_CURRENT_STEP', field: 'step' },
    { name: 'stale version', method: 'POST', path: () => `${A}/cases/${caseId}/actions`, as: () => kasi, body: { type: 'complete', step: 1, expectedVersion: 9, ...input1() }, status: 409, code: 'VERSION_CONFLICT' },
    { name: 'decide without a decision', method: 'POST', path: () => `${A}/cases/${caseId}/actions`, as: () => kasi, body: { type: 'decide', step: 1 }, status: 400, code: 'INVALID_INPUT', field: 'decision' },
    { name: 'field the step does not ask for', method: 'POST', path: () => `${A}/cases/${caseId}/actions`, as: () => kasi, body: { type: 'complete', step: 1, data: { bukan_isian: 'x' } }, status: 400, code: 'INVALID_INPUT', field: 'data.bukan_isian' },
    { name: 'cancel without the role', method: 'POST', path: () => `${A}/cases/${caseId}/cancel`, as: () => petugas, body: { reason: 'tidak jadi' }, status: 403, code: 'WRONG_ROLE' },
    { name: 'cancel without a reason', method: 'POST', path: () => `${A}/cases/${caseId}/cancel`, as: () => kabid, body: { reason: '' }, status: 400, code: 'INVALID_INPUT', field: 'reason' },
  ];
  for (const row of rows) {
    it(`${row.name} -> ${row.status} ${row.code}`, async () => {
      const before = await countDocs();
      const r = await s.call(row.method, row.path(), { as: row.as(), ...(row.body !== undefined ? { body: row.body } : {}), ...(row.idem !== undefined ? { idem: row.idem } : {}) });
      expect(r.status).toBe(row.status);
      expect(r.body.error.code).toBe(row.code);
      expect(r.body.error.message).toMatch(/\S{3,}/);
      if (row.field) expect(r.body.error.fields.map((f: { path: string }) => f.path)).toContain(row.field);
      expect(await countDocs()).toEqual(before);
    });
  }

  it('malformed JSON is refused with 400 before the function runs, and changes nothing', async () => {
    // The functions-framework body parser rejects it (its own plain-text reply, not our JSON).
    const before = await countDocs();
    const r = await s.call('POST', `${A}/cases`, { as: kasi, body: '{"sop": "pusl' });
    expect(r.status).toBe(400);
    expect(await countDocs()).toEqual(before);
  });

  it('missing kelengkapan lists every missing field -> 400 MISSING_KELENGKAPAN', async () => {
    const fo = s.who('balangan', 'front_office');
    const c = await s.call('POST', `${A}/cases`, { as: fo, body: { sop: 'kunjungan', partner: { name: 'SMAN 1 Paringin' } } });
    expect(c.status).toBe(201);
    const step1 = stepOf(catalogById('kunjungan'), 1);
    const required = step1.kelengkapan.filter((k) => (k.type === 'data' && !k.optional) || k.type === 'checklist' || (k.type === 'document' && k.source === 'input'));
    expect(required.length).toBeGreaterThanOrEqual(2);
    const before = await countDocs();
    const r = await s.call('POST', `${A}/cases/${c.body.state.id}/actions`, { as: fo, body: { type: 'complete', step: 1 } });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('MISSING_KELENGKAPAN');
    expect(r.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(
      required.map((k) => `${k.type === 'document' ? 'documents' : k.type}.${k.id}`).sort(),
    );
    expect(await countDocs()).toEqual(before);
  });
});
