// "Tugas saya" counted: the caller's open tasks, how many are late, how many are past their
// "soon" reminder, by SOP, on a virtual clock.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoEmail } from '../../functions/src/dev/demo.ts';
import { startStack, type Stack } from '../support/stack.ts';

let s: Stack;
let now = new Date('2026-11-17T01:00:00Z'); // Tuesday 17 November 2026, 09.00 WITA
beforeAll(async () => {
  s = await startStack({ clock: () => now });
});
afterAll(async () => s?.close());

it('counts the tasks of my roles: all, overdue, due soon, by SOP', { timeout: 60_000 }, async () => {
  const A = '/v1/agencies/balangan';
  const kasi = demoEmail('balangan', 'kasi_layanan');
  const open = (sop: string) => s.call('POST', `${A}/cases`, { as: kasi, body: { sop, partner: { name: 'SDN 2 Awayan' } } });
  expect((await open('pusling')).status).toBe(201); // 180 minutes: due 12.00
  now = new Date(now.getTime() + 150 * 60_000); // 11.30: past the "soon" of the first (11.15)
  expect((await open('pusling')).status).toBe(201); // due 14.30
  expect((await open('pks')).status).toBe(201); // step 1 "60 menit": due 12.30
  now = new Date(now.getTime() + 45 * 60_000); // 12.15: the first is late; the PKS one is past its soon (12.15)
  const r = await s.call('GET', `${A}/tasks/summary`, { as: kasi });
  expect(r.status).toBe(200);
  expect(r.body).toEqual({
    total: 3,
    overdue: 1,
    dueSoon: 1,
    bySop: [
      { sopId: 'pusling', sopTitle: expect.any(String), total: 2, overdue: 1 },
      { sopId: 'pks', sopTitle: expect.any(String), total: 1, overdue: 0 },
    ],
  });
  expect((await s.call('GET', `${A}/tasks/summary`, { as: demoEmail('balangan', 'kabid_perpustakaan') })).body).toMatchObject({ total: 0, overdue: 0, dueSoon: 0, bySop: [] });
});
