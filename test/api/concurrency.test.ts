// Races and replays on the real emulator: one transition per step, never a gap or a duplicate
// sequence number, and a replayed idempotency key writes nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogById } from '../../functions/src/sop/catalog/index.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { fullInput, stepOf } from '../../functions/src/dev/sample-input.ts';

let s: Stack;
const A = '/v1/agencies/balangan';
const pusling = catalogById('pusling');
let kasi: string;

beforeAll(async () => {
  s = await startStack();
  kasi = s.who('balangan', 'kasi_layanan');
});
afterAll(async () => s?.close());

async function newCase(): Promise<string> {
  const r = await s.call('POST', `${A}/cases`, { as: kasi, body: { sop: 'pusling', partner: { name: 'TBM Cahaya' } } });
  expect(r.status).toBe(201);
  return r.body.state.id;
}

async function events(caseId: string) {
  const snap = await s.db.collection('agencies').doc('balangan').collection('cases').doc(caseId).collection('events').get();
  return snap.docs.map((d) => ({ id: d.id, seq: d.get('seq') as number }));
}

describe('concurrency', () => {
  it('50 concurrent transitions on one case: exactly one accepted, no 5xx, events gapless', async () => {
    const caseId = await newCase();
    const body = { type: 'complete', step: 1, ...fullInput(stepOf(pusling, 1)) };
    const results = await Promise.all(Array.from({ length: 50 }, () => s.call('POST', `${A}/cases/${caseId}/actions`, { as: kasi, body })));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((x) => x >= 500)).toEqual([]);
    expect(statuses.filter((x) => x === 200)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 200)) {
      expect(r.status).toBe(409);
      expect(['VERSION_CONFLICT', 'NOT_CURRENT_STEP']).toContain(r.body.error.code);
    }
    const ev = await events(caseId);
    expect(ev.map((e) => e.seq)).toEqual([1, 2]);
    expect(ev.map((e) => e.id)).toEqual(['000001', '000002']);
    const c = await s.call('GET', `${A}/cases/${caseId}`, { as: kasi });
    expect(c.body.case).toMatchObject({ version: 2, currentStep: 2 });
  });
});

describe('idempotency', () => {
  it('a replayed key returns the first result and writes nothing', async () => {
    const caseId = await newCase();
    const key = randomUUID();
    const body = { type: 'complete', step: 1, ...fullInput(stepOf(pusling, 1)) };
    const first = await s.call('POST', `${A}/cases/${caseId}/actions`, { as: kasi, body, idem: key });
    expect(first.status).toBe(200);
    expect(first.body.replayed).toBe(false);
    const before = await events(caseId);
    const again = await s.call('POST', `${A}/cases/${caseId}/actions`, { as: kasi, body, idem: key });
    expect(again.status).toBe(200);
    expect(again.body.replayed).toBe(true);
    expect(again.body.event).toEqual(first.body.event);
    expect(await events(caseId)).toEqual(before);
    const c = await s.call('GET', `${A}/cases/${caseId}`, { as: kasi });
    expect(c.body.case.version).toBe(2);
  });

  it('the same key replayed concurrently still writes one event', async () => {
    const caseId = await newCase();
    const key = randomUUID();
    const body = { type: 'complete', step: 1, ...fullInput(stepOf(pusling, 1)) };
    const rs = await Promise.all(Array.from({ length: 10 }, () => s.call('POST', `${A}/cases/${caseId}/actions`, { as: kasi, body, idem: key })));
    expect(rs.map((r) => r.status).filter((x) => x >= 500)).toEqual([]);
    expect(rs.filter((r) => r.status === 200 && r.body.replayed === false)).toHaveLength(1);
    expect((await events(caseId)).map((e) => e.seq)).toEqual([1, 2]);
  });

  it('a replayed create returns the same case and numbers nothing new', async () => {
    const key = randomUUID();
    const body = { sop: 'pusling', partner: { name: 'SDN 2 Juai' } };
    const a = await s.call('POST', `${A}/cases`, { as: kasi, body, idem: key });
    const b = await s.call('POST', `${A}/cases`, { as: kasi, body, idem: key });
    expect(a.status).toBe(201);
    expect(b.status).toBe(200);
    expect(b.body.state.id).toBe(a.body.state.id);
    expect(b.body.state.nomor).toBe(a.body.state.nomor);
    const c = await s.call('POST', `${A}/cases`, { as: kasi, body });
    const serial = (n: string) => Number(n.split('/').pop());
    expect(serial(c.body.state.nomor)).toBe(serial(a.body.state.nomor) + 1);
  });

  it('the same key with a different request -> 409 IDEMPOTENCY_KEY_REUSED', async () => {
    const caseId = await newCase();
    const key = randomUUID();
    await s.call('POST', `${A}/cases/${caseId}/actions`, { as: kasi, body: { type: 'complete', step: 1, ...fullInput(stepOf(pusling, 1)) }, idem: key });
    const r = await s.call('POST', `${A}/cases/${caseId}/actions`, { as: kasi, body: { type: 'complete', step: 2, ...fullInput(stepOf(pusling, 2)) }, idem: key });
    expect(r).toMatchObject({ status: 409, body: { error: { code: 'IDEMPOTENCY_KEY_REUSED', path: 'Idempotency-Key' } } });
  });
});
