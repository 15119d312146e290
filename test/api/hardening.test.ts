// The findings of the outside probe, each as a regression test: ids Firestore refuses, lone
// surrogates, deep nesting, input too large to store, a request that must not lock its case.
// Each refusal is a clear 4xx, fast, naming the field or the limit, and changes nothing.
// (Contention on shared counters: contention.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullInput, stepOf } from '../../functions/src/dev/sample-input.ts';
import { CATALOG, catalogById } from '../../functions/src/sop/catalog/index.ts';
import { loadDefinition } from '../../functions/src/sop/schema.ts';
import { startStack, type ApiResponse, type Stack } from '../support/stack.ts';
import { snapshotProject } from '../support/snapshot.ts';

/** An SOP whose every step takes a long list: what a case can accumulate over its life. */
const LISTS = loadDefinition({
  id: 'daftar_panjang',
  version: 1,
  title: 'Uji daftar panjang',
  code: 'DAFTAR',
  source: 'uji ketahanan',
  roles: [{ id: 'kasi_layanan', label: 'Kasi Layanan' }],
  startStep: 1,
  cancelRoles: ['kasi_layanan'],
  steps: [
    ...[1, 2, 3, 4, 5].map((no) => ({
      no,
      kind: 'process',
      activity: `Mencatat daftar ${no}`,
      actors: ['kasi_layanan'],
      kelengkapan: [{ type: 'data', id: `daftar_${no}`, label: `Daftar ${no}`, dataType: 'list' }],
      waktu: null,
      output: null,
      next: no + 1,
    })),
    { no: 6, kind: 'terminator', activity: 'Selesai', actors: ['kasi_layanan'], waktu: null, output: null, outcome: 'Selesai' },
  ],
});

let s: Stack;
const A = '/v1/agencies/balangan';
const pusling = catalogById('pusling');
let kasi: string;
let petugas: string;

beforeAll(async () => {
  s = await startStack({ catalog: [...CATALOG, LISTS] });
  kasi = s.who('balangan', 'kasi_layanan');
  petugas = s.who('balangan', 'petugas_sirkulasi');
});
afterAll(async () => s?.close());

async function newCase(sop = 'pusling'): Promise<string> {
  const r = await s.call('POST', `${A}/cases`, { as: kasi, body: { sop, partner: { name: 'SDN 1 Paringin' } } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.state.id;
}

/** Sends and times a request that must be refused fast with `status`, naming `path` when given, and change nothing. */
async function refused(status: number, code: string, send: () => Promise<ApiResponse>, path?: string | RegExp): Promise<ApiResponse> {
  const before = await snapshotProject(s.db);
  const t = performance.now();
  const r = await send();
  const ms = performance.now() - t;
  expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(status);
  expect(r.body.error.code).toBe(code);
  if (path !== undefined) expect(r.body.error.path).toMatch(path);
  expect(ms).toBeLessThan(2000);
  expect(await snapshotProject(s.db)).toEqual(before);
  return r;
}

describe('1. ids Firestore would refuse are answered at the boundary', () => {
  for (const id of ['__x__', '__proto__', 'a.b', 'X']) {
    it(`GET .../sops/${id} -> 404 naming sopId`, async () => {
      await refused(404, 'NOT_FOUND', () => s.call('GET', `${A}/sops/${encodeURIComponent(id)}`, { as: kasi }), 'sopId');
    });
  }

  it('a case id of 1,501 characters -> 404 naming caseId', async () => {
    await refused(404, 'NOT_FOUND', () => s.call('GET', `${A}/cases/${'a'.repeat(1501)}`, { as: kasi }), 'caseId');
    await refused(404, 'NOT_FOUND', () => s.call('POST', `${A}/cases/${'a'.repeat(1501)}/actions`, { as: kasi, body: { type: 'complete', step: 1 } }), 'caseId');
  });

  for (const sop of ['a/b', '.', '/', 'x//y', '../../etc/passwd', '__x__', '', 'a'.repeat(65)]) {
    it(`POST .../cases with sop ${JSON.stringify(sop.slice(0, 20))} -> 400 naming sop`, async () => {
      await refused(400, 'INVALID_INPUT', () => s.call('POST', `${A}/cases`, { as: kasi, body: { sop, partner: { name: 'SD' } } }), 'sop');
    });
  }
});

describe('ids from tokens and messages never name a path', () => {
  it('a token whose e-mail cannot be an address -> 401', async () => {
    for (const email of ['x/y@example.org', '__x__@example.org/..', `${'a'.repeat(250)}@example.org`]) {
      await refused(401, 'UNAUTHENTICATED', () => s.call('GET', `${A}/tasks`, { token: s.token(email) }), 'Authorization');
    }
  });

  it('an outbox message with path-like ids is acknowledged without touching the store', async () => {
    const { handleOutboxEvent } = await import('../../functions/src/outbox/pubsub.ts');
    const data = (m: unknown) => ({ message: { data: Buffer.from(JSON.stringify(m)).toString('base64') } });
    const before = await snapshotProject(s.db);
    for (const m of [{ agencyId: '../x', entryIds: ['a'] }, { agencyId: 'balangan', entryIds: ['a/b'] }, { agencyId: 'balangan', entryIds: ['__x__/y'] }]) {
      expect(await handleOutboxEvent(s.app.worker ?? (null as never), data(m))).toEqual([]);
    }
    expect(await snapshotProject(s.db)).toEqual(before);
  });
});

describe('2. a lone UTF-16 surrogate in any text field -> 400 naming the field', () => {
  const lone = 'SD \ud800';
  it('partner name, title', async () => {
    await refused(400, 'INVALID_INPUT', () => s.call('POST', `${A}/cases`, { as: kasi, body: { sop: 'pusling', partner: { name: lone } } }), 'partner.name');
    await refused(400, 'INVALID_INPUT', () => s.call('POST', `${A}/cases`, { as: kasi, body: { sop: 'pusling', title: `x\udc00y` } }), 'title');
  });

  it('step data, note, cancel reason, and a key', async () => {
    const id = await newCase();
    const step1 = fullInput(stepOf(pusling, 1));
    const key = Object.keys(step1.data ?? {})[0]!;
    await refused(400, 'INVALID_INPUT', () => s.call('POST', `${A}/cases/${id}/actions`, { as: kasi, body: { type: 'complete', step: 1, ...step1, data: { ...step1.data, [key]: lone } } }), `data.${key}`);
    await refused(400, 'INVALID_INPUT', () => s.call('POST', `${A}/cases/${id}/actions`, { as: kasi, body: { type: 'complete', step: 1, ...step1, note: lone } }), 'note');
    await refused(400, 'INVALID_INPUT', () => s.call('POST', `${A}/cases/${id}/cancel`, { as: kasi, body: { reason: lone } }), 'reason');
    await refused(400, 'INVALID_INPUT', () => s.call('POST', `${A}/cases/${id}/actions`, { as: kasi, body: { type: 'complete', step: 1, data: { ['\ud83d']: 'x' } } }), /^data/);
  });

  it('reading-desk name and title', async () => {
    await refused(400, 'INVALID_INPUT', () => s.call('POST', `${A}/desk/visits`, { as: petugas, body: { name: lone } }), 'name');
    await refused(400, 'INVALID_INPUT', () => s.call('POST', `${A}/desk/reads`, { as: petugas, body: { title: lone } }), 'title');
  });

  it('control characters are refused, and text is stored NFC-normalised', async () => {
    await refused(400, 'INVALID_INPUT', () => s.call('POST', `${A}/desk/visits`, { as: petugas, body: { name: 'Siti\u0000' } }), 'name');
    await refused(400, 'INVALID_INPUT', () => s.call('POST', `${A}/desk/visits`, { as: petugas, body: { name: 'Siti\nAminah' } }), 'name');
    const r = await s.call('POST', `${A}/desk/visits`, { as: petugas, body: { name: 'Rene\u0301' } });
    expect(r.status).toBe(201);
    expect(r.body.name).toBe('Ren\u00e9');
  });
});

describe('3. deep nesting is refused before hashing or validation', () => {
  it('data.x = 10,000 nested arrays -> 400 naming the depth limit', async () => {
    const id = await newCase();
    const deep = `{"type":"complete","step":1,"data":{"x":${'['.repeat(10_000)}${']'.repeat(10_000)}}}`;
    const r = await refused(400, 'INVALID_INPUT', () => s.call('POST', `${A}/cases/${id}/actions`, { as: kasi, body: deep }), /^data\.x/);
    expect(r.body.error.message).toMatch(/10 tingkat/);
  });
});

describe('4. input too large to store is refused with the limit named', () => {
  it('Pusling step 2 with 1,500 names of 500 characters (754 KB) -> 413 naming 256 KiB', async () => {
    const id = await newCase();
    await s.call('POST', `${A}/cases/${id}/actions`, { as: kasi, body: { type: 'complete', step: 1, ...fullInput(stepOf(pusling, 1)) } });
    const names = Array.from({ length: 1500 }, (_, i) => `${i} ${'n'.repeat(495)}`);
    const r = await refused(413, 'TOO_LARGE', () => s.call('POST', `${A}/cases/${id}/actions`, { as: kasi, body: { type: 'complete', step: 2, data: { nama_petugas: names } } }));
    expect(r.body.error.message).toMatch(/256 KiB/);
  });

  it('a list over 2,000 items -> 400 naming the field and the limit', async () => {
    const id = await newCase();
    await s.call('POST', `${A}/cases/${id}/actions`, { as: kasi, body: { type: 'complete', step: 1, ...fullInput(stepOf(pusling, 1)) } });
    const r = await refused(400, 'INVALID_INPUT', () => s.call('POST', `${A}/cases/${id}/actions`, { as: kasi, body: { type: 'complete', step: 2, data: { nama_petugas: Array.from({ length: 2001 }, (_, i) => `Petugas ${i}`) } } }), 'data.nama_petugas');
    expect(r.body.error.message).toMatch(/2\.000/);
  });
});

describe('5. no request can hold a case', () => {
  it('2,000 items of 120 characters are stored, and the case takes the next step at once', async () => {
    // A list field without an item limit (Pusling's assignees are at most 10: the rows of the surat tugas).
    const id = await newCase('daftar_panjang');
    const names = Array.from({ length: 2000 }, (_, i) => `${String(i).padStart(4, '0')} ${'p'.repeat(115)}`);
    const big = await s.call('POST', `${A}/cases/${id}/actions`, { as: kasi, body: { type: 'complete', step: 1, data: { daftar_1: names } } });
    expect(big.status, JSON.stringify(big.body).slice(0, 300)).toBe(200);
    const next = await s.call('POST', `${A}/cases/${id}/actions`, { as: kasi, body: { type: 'complete', step: 2, data: { daftar_2: ['satu judul'] }, note: 'Daftar berikutnya.' } });
    expect(next.status, JSON.stringify(next.body).slice(0, 300)).toBe(200);
  });

  it('a list longer than its field allows -> 400 naming the field and its limit', async () => {
    const id = await newCase();
    await s.call('POST', `${A}/cases/${id}/actions`, { as: kasi, body: { type: 'complete', step: 1, ...fullInput(stepOf(pusling, 1)) } });
    const r = await refused(400, 'INVALID_INPUT', () => s.call('POST', `${A}/cases/${id}/actions`, { as: kasi, body: { type: 'complete', step: 2, data: { nama_petugas: Array.from({ length: 11 }, (_, i) => `Petugas ${i}`), jumlah_pemustaka: 40 } } }), 'data.nama_petugas');
    expect(r.body.error.message).toMatch(/paling banyak 10 butir/);
  });

  it('a step that would make a stored document exceed 1 MiB is refused at once, writes nothing, and the case moves on', async () => {
    const id = await newCase('daftar_panjang');
    const list = (n: number) => Array.from({ length: 2000 }, (_, i) => `${n}-${String(i).padStart(4, '0')} ${'d'.repeat(118)}`);
    let step = 1;
    let last: ApiResponse | null = null;
    for (; step <= 5; step++) {
      last = await s.call('POST', `${A}/cases/${id}/actions`, { as: kasi, body: { type: 'complete', step, data: { [`daftar_${step}`]: list(step) } } });
      if (last.status !== 200) break;
    }
    expect(step, 'the case should outgrow a Firestore document before step 5').toBeLessThanOrEqual(5);
    // Resend the refused step through `refused` to time it and see that it wrote nothing.
    const r = await refused(413, 'TOO_LARGE', () => s.call('POST', `${A}/cases/${id}/actions`, { as: kasi, body: { type: 'complete', step, data: { [`daftar_${step}`]: list(step) } } }));
    expect(r.body.error.message).toMatch(/1\.024 KiB per dokumen/);
    // The very next request on the case is served: the refused one held nothing.
    const small = await s.call('POST', `${A}/cases/${id}/actions`, { as: kasi, body: { type: 'complete', step, data: { [`daftar_${step}`]: ['satu judul'] } } });
    expect(small.status, JSON.stringify(small.body).slice(0, 300)).toBe(200);
    expect(small.body.state.version).toBe(step + 1);
  });
});
