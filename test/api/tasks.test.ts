// "Tugas saya": due times in the agency's zone on working days, the overdue flag, and the
// actual-vs-standard record, driven by a clock the test controls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogById } from '../../functions/src/sop/catalog/index.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { fullInput, stepOf } from '../../functions/src/dev/sample-input.ts';

let s: Stack;
let now = new Date('2026-12-23T02:00:00Z'); // Wednesday 23 December 2026, 10.00 WITA
const pusling = catalogById('pusling');
const A = '/v1/agencies/balangan';

beforeAll(async () => {
  s = await startStack({ clock: () => now });
});
afterAll(async () => s?.close());

const later = (minutes: number) => {
  now = new Date(now.getTime() + minutes * 60_000);
};

describe('tasks', () => {
  it('shows due times in WITA, flags overdue work first, and skips holidays for day standards', async () => {
    const kasi = s.who('balangan', 'kasi_layanan');
    const kabid = s.who('balangan', 'kabid_perpustakaan');
    const created = await s.call('POST', `${A}/cases`, { as: kasi, body: { sop: 'pusling', partner: { name: 'SDN 3 Batumandi' } } });
    const id = created.body.state.id;

    let t = await s.call('GET', `${A}/tasks`, { as: kasi });
    expect(t.body.tasks).toEqual([
      expect.objectContaining({ caseId: id, step: 1, dueLocal: 'Rabu, 23 Desember 2026 13.00 WITA', overdue: false, partner: 'SDN 3 Batumandi' }),
    ]);
    // Another person's role sees nothing of it.
    expect((await s.call('GET', `${A}/tasks`, { as: kabid })).body.tasks).toEqual([]);

    later(100);
    const second = await s.call('POST', `${A}/cases`, { as: kasi, body: { sop: 'pusling', partner: { name: 'TBM Baru' } } });
    later(100); // 13.20 WITA: the first case's 180 minutes are over, the second's are not
    t = await s.call('GET', `${A}/tasks`, { as: kasi });
    expect(t.body.tasks.map((x: { caseId: string; overdue: boolean }) => [x.caseId, x.overdue])).toEqual([
      [id, true],
      [second.body.state.id, false],
    ]);

    const late = await s.call('POST', `${A}/cases/${id}/actions`, { as: kasi, body: { type: 'complete', step: 1, ...fullInput(stepOf(pusling, 1)) } });
    expect(late.body.event).toMatchObject({ durationMinutes: 200, withinStandard: false, standard: { raw: '180 Menit', max: 180, unit: 'minute' } });
    later(10);
    await s.call('POST', `${A}/cases/${id}/actions`, { as: kasi, body: { type: 'complete', step: 2, ...fullInput(stepOf(pusling, 2)) } });

    // Step 3 ("1 hari") started on Wednesday 23 December 13.30: 24 and 25 December are holidays,
    // 26 and 27 a weekend, so it is due on Monday 28 December at the same time.
    t = await s.call('GET', `${A}/tasks`, { as: kabid });
    expect(t.body.tasks).toEqual([expect.objectContaining({ caseId: id, step: 3, kind: 'decision', dueLocal: 'Senin, 28 Desember 2026 13.30 WITA', overdue: false })]);

    const c = await s.call('GET', `${A}/cases/${id}`, { as: kabid });
    expect(c.body.currentStep).toMatchObject({ no: 3, kind: 'decision', canAct: true, standard: { label: expect.stringContaining('hari') } });
    expect(c.body.timeZone).toBe('WITA');
  });
});
