// Trainer assignment through the API: at least two per event, never one trainer on two events
// whose dates overlap, even when two provinces assign the same trainer at the same moment.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { nationalProgramme, OWNER_AGENCY, seedProgramme } from '../../functions/src/programme/demo.ts';
import { startStack, type Stack } from '../support/stack.ts';

let s: Stack;
const owner = `panitia@${OWNER_AGENCY}.demo.perpustakaan.id`;
const assign = (event: string, trainers: string[], as = owner, agency = OWNER_AGENCY) => s.call('POST', `/v1/agencies/${agency}/programmes/spptik2024/trainers`, { as, body: { event, trainers } });

beforeAll(async () => {
  s = await startStack();
  await seedProgramme(s.app.store, s.app.programme!.programmes, nationalProgramme(), { trainers: 12 });
}, 120_000);
afterAll(async () => s?.close());

it('two trainers at least, overlapping events refused, concurrent assignments of one trainer: exactly one wins', { timeout: 120_000 }, async () => {
  // Each province's offline event is in wave (index % 4) + 1: aceh (0) and babel (8) in wave 1, sumut (1) in wave 2.
  expect((await assign('aceh-1', ['pelatih-001'])).body.error.path).toBe('trainers');
  const ok = await assign('aceh-1', ['pelatih-001', 'pelatih-002']);
  expect(ok.status).toBe(200);
  expect(ok.body.trainers.map((t: { id: string }) => t.id)).toEqual(['pelatih-001', 'pelatih-002']);
  // Same wave, same dates: pelatih-002 is taken.
  const clash = await assign('babel-1', ['pelatih-002', 'pelatih-003']);
  expect(clash.status).toBe(400);
  expect(clash.body.error.message).toContain('aceh-1');
  // Another wave: free.
  expect((await assign('sumut-2', ['pelatih-002', 'pelatih-003'])).status).toBe(200);
  // Assigning the same event again is harmless.
  expect((await assign('aceh-1', ['pelatih-001', 'pelatih-002'])).status).toBe(200);
  // Ten events of wave 3 race for pelatih-010: exactly one gets it.
  const wave3 = nationalProgramme().events!.filter((e) => e.wave === 3).map((e) => `${e.province}-3`).slice(0, 8);
  const results = await Promise.all(wave3.map((ev, i) => assign(ev, ['pelatih-010', `pelatih-${String(4 + (i % 6)).padStart(3, '0')}`])));
  expect(results.filter((r) => r.status === 200)).toHaveLength(1);
  expect(results.filter((r) => r.status !== 200).every((r) => r.status === 400 && r.body.error.path === 'trainers')).toBe(true);
  const trainers = await s.app.programme!.programmes.trainers('spptik2024');
  for (const t of trainers) {
    for (const a of t.assignments) for (const b of t.assignments) if (a !== b) expect(a.start <= b.end && b.start <= a.end, `${t.id}: ${a.eventId} / ${b.eventId}`).toBe(false);
  }
  expect(trainers.find((t) => t.id === 'pelatih-010')!.assignments).toHaveLength(1);
  // A host cannot assign trainers to another province's event.
  expect((await assign('aceh-1', ['pelatih-011', 'pelatih-012'], 'panitia@babel.demo.perpustakaan.id', 'babel')).status).toBe(400);
});
