// Stored documents are parsed with their schemas on every read: a corrupt one (edited by hand in
// the console, written by an older version, damaged by a bad import) gives a clear INTERNAL error
// naming its path, never a wrong answer, and a request that hits one changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullInput, stepOf } from '../../functions/src/dev/sample-input.ts';
import { catalogById } from '../../functions/src/sop/catalog/index.ts';
import { DomainFailure } from '../../functions/src/sop/errors.ts';
import { startStack, type Stack } from '../support/stack.ts';

let s: Stack;
const A = '/v1/agencies/balangan';
const pusling = catalogById('pusling');
let kasi: string;

const agencyDoc = () => s.db.collection('agencies').doc('balangan');

async function newCase(): Promise<string> {
  const r = await s.call('POST', `${A}/cases`, { as: kasi, body: { sop: 'pusling', partner: { name: 'SDN 2 Paringin', email: 'sdn2@example.org' } } });
  expect(r.status).toBe(201);
  return r.body.state.id;
}

/** The case document and its events as stored, to show a refused request changed nothing. */
async function snapshot(caseId: string) {
  const ref = agencyDoc().collection('cases').doc(caseId);
  const [c, ev] = await Promise.all([ref.get(), ref.collection('events').get()]);
  return { case: c.data(), events: ev.docs.map((d) => d.id) };
}

function expectInternal(r: { status: number; body: any }, path: string): void {
  expect(r.status, JSON.stringify(r.body)).toBe(500);
  expect(r.body.error.code).toBe('INTERNAL');
  expect(r.body.error.path).toBe(path);
  expect(r.body.error.message).toContain(path);
  expect(r.body.error.message).toMatch(/Data tersimpan rusak/);
}

beforeAll(async () => {
  s = await startStack();
  kasi = s.who('balangan', 'kasi_layanan');
});
afterAll(async () => s?.close());

describe('a corrupt stored document is an INTERNAL error with its path', () => {
  it('a case with a status no version ever wrote: reading and acting are refused, nothing is written', async () => {
    const id = await newCase();
    await agencyDoc().collection('cases').doc(id).update({ status: 'hilang' });
    const before = await snapshot(id);
    const path = `agencies/balangan/cases/${id}`;
    expectInternal(await s.call('GET', `${A}/cases/${id}`, { as: kasi }), path);
    expectInternal(await s.call('POST', `${A}/cases/${id}/actions`, { as: kasi, body: { type: 'complete', step: 1, ...fullInput(stepOf(pusling, 1)) } }), path);
    expectInternal(await s.call('GET', `${A}/cases`, { as: kasi }), path);
    expect(await snapshot(id)).toEqual(before);
  });

  it('an event missing its sequence number', async () => {
    const id = await newCase();
    await agencyDoc().collection('cases').doc(id).collection('events').doc('000001').update({ seq: 'satu' });
    expectInternal(await s.call('GET', `${A}/cases/${id}`, { as: kasi }), `agencies/balangan/cases/${id}/events/000001`);
  });

  it("the caller's staff record with roles that are not a list", async () => {
    const email = s.who('balangan', 'front_office');
    await agencyDoc().collection('staff').doc(email).update({ roles: 'front_office' });
    expectInternal(await s.call('GET', `${A}/me`, { as: email }), `agencies/balangan/staff/${email}`);
  });

  it('a stored SOP version that is not a valid definition', async () => {
    await agencyDoc().collection('sops').doc('rusak').set({ activeVersion: 1, title: 'Rusak', code: 'RUSAK' });
    await agencyDoc().collection('sops').doc('rusak').collection('versions').doc('1').set({ definition: { id: 'rusak', steps: 'tidak ada' } });
    expectInternal(await s.call('GET', `${A}/sops/rusak`, { as: kasi }), 'agencies/balangan/sops/rusak/versions/1');
    await agencyDoc().collection('sops').doc('rusak').delete();
  });

  it('a counter whose value is not a number: no case is created', async () => {
    const counters = agencyDoc().collection('counters');
    const name = (await counters.get()).docs.map((d) => d.id).find((n) => n.startsWith('PUSLING-'))!;
    const last = (await counters.doc(name).get()).get('last');
    await counters.doc(name).set({ last: 'sebelas' });
    const cases = (await agencyDoc().collection('cases').get()).size;
    const r = await s.call('POST', `${A}/cases`, { as: kasi, body: { sop: 'pusling', partner: { name: 'SDN 3' } } });
    expectInternal(r, `agencies/balangan/counters/${name}`);
    expect((await agencyDoc().collection('cases').get()).size).toBe(cases);
    await counters.doc(name).set({ last });
  });

  it('an idempotency record whose stored result is not a transition: the replay is refused', async () => {
    const key = `rusak-${Date.now()}`;
    const first = await s.call('POST', `${A}/cases`, { as: kasi, idem: key, body: { sop: 'pusling', partner: { name: 'SDN 4' } } });
    expect(first.status).toBe(201);
    const idem = await agencyDoc().collection('idempotency').where('caseId', '==', first.body.state.id).get();
    expect(idem.size).toBe(1);
    await idem.docs[0]!.ref.update({ result: '{"state":{}}' });
    const again = await s.call('POST', `${A}/cases`, { as: kasi, idem: key, body: { sop: 'pusling', partner: { name: 'SDN 4' } } });
    expectInternal(again, `${idem.docs[0]!.ref.path} (result)`);
  });

  it('an agency profile with a time zone that does not exist', async () => {
    await s.db.collection('agencies').doc('rusak').set({ name: 'Dinas Rusak', shortName: 'RUSAK', timeZone: 'Asia/Atlantis' });
    expectInternal(await s.call('GET', '/v1/agencies/rusak/tasks', { as: kasi }), 'agencies/rusak');
  });

  it('a reading-desk record without its date: the monthly recap is refused, not miscounted', async () => {
    const petugas = s.who('balangan', 'petugas_sirkulasi');
    const r = await s.call('POST', `${A}/desk/visits`, { as: petugas, body: { name: 'Siti' } });
    expect(r.status).toBe(201);
    await agencyDoc().collection('desk_visits').doc(r.body.id).update({ date: 7 });
    expectInternal(await s.call('GET', `${A}/desk/recap?month=${r.body.month}`, { as: petugas }), `agencies/balangan/desk_visits/${r.body.id}`);
  });

  it('an outbox entry without its template: the worker stops with the path, nothing is leased', async () => {
    const outbox = agencyDoc().collection('outbox');
    await outbox.doc('rusak-1').set({ id: 'rusak-1', agencyId: 'balangan', status: 'pending', nextAttemptAt: new Date(0).toISOString() });
    const { createOutboxWorker } = await import('../../functions/src/outbox/worker.ts');
    const worker = createOutboxWorker({ store: s.app.store, backendFor: () => { throw new Error('not reached'); }, mailerFor: () => null });
    const err = await worker.drain('balangan', 'rusak-1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainFailure);
    expect((err as DomainFailure).error).toMatchObject({ code: 'INTERNAL', path: 'agencies/balangan/outbox/rusak-1' });
    expect((await outbox.doc('rusak-1').get()).get('status')).toBe('pending');
  });
});
