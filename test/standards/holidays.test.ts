// Real holidays: each year's national holidays and cuti bersama, and the agency's own days,
// loaded through the set-up store (what `npm run admin -- load-holidays / add-agency-holidays`
// call); a due time reaching into a year without a list says so instead of counting its
// holidays as working days.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCalendar } from '../../functions/src/sop/calendar.ts';
import { parseWaktu } from '../../functions/src/sop/waktu.ts';
import { catalogById } from '../../functions/src/sop/catalog/index.ts';
import { fullInput, stepOf } from '../../functions/src/dev/sample-input.ts';
import { DEMO_HOLIDAYS, demoEmail } from '../../functions/src/dev/demo.ts';
import { startStack, type Stack } from '../support/stack.ts';

describe('calendar with listed years', () => {
  it('says which years lack a list, and only then', () => {
    const cal = createCalendar({ timeZone: 'Asia/Jayapura', holidays: ['2027-12-31'], listedYears: [2027] });
    const from = new Date('2027-12-30T10:00:00+09:00');
    const due = cal.dueAt(from, parseWaktu('1 hari'))!;
    expect(cal.formatDue(from, due)).toBe('Senin, 3 Januari 2028 10.00 WIT (hari libur nasional dan cuti bersama 2028 belum dimuat; tenggat dihitung tanpa hari libur tahun itu)');
    expect(cal.formatDue(from, new Date('2027-12-30T13:00:00+09:00'))).toBe('Kamis, 30 Desember 2027 13.00 WIT');
    expect(cal.unlistedYears(new Date('2026-06-01T00:00:00Z'), new Date('2029-01-02T00:00:00Z'))).toEqual([2026, 2028, 2029]);
    // Without listedYears (pure uses), nothing is said.
    expect(createCalendar({ timeZone: 'Asia/Jakarta', holidays: [] }).dueNote(from, due)).toBeNull();
  });
});

let s: Stack;
let now = new Date('2027-12-29T02:00:00Z'); // Wednesday 29 December 2027, 10.00 WITA, 09.00 WIB
const pusling = catalogById('pusling');
beforeAll(async () => {
  s = await startStack({ clock: () => now });
});
afterAll(async () => s?.close());

async function step3Due(agency: string): Promise<string> {
  const kasi = demoEmail(agency, 'kasi_layanan');
  const A = `/v1/agencies/${agency}`;
  const id = (await s.call('POST', `${A}/cases`, { as: kasi, body: { sop: 'pusling', partner: { name: 'TBM Cahaya' } } })).body.state.id;
  for (const no of [1, 2]) expect((await s.call('POST', `${A}/cases/${id}/actions`, { as: kasi, body: { type: 'complete', step: no, ...fullInput(stepOf(pusling, no)) } })).status).toBe(200);
  const tasks = (await s.call('GET', `${A}/tasks`, { as: demoEmail(agency, 'kabid_perpustakaan') })).body.tasks;
  const detail = (await s.call('GET', `${A}/cases/${id}`, { as: kasi })).body;
  const task = tasks.find((t: { caseId: string }) => t.caseId === id);
  expect(task.dueLocal).toBe(detail.dueLocal);
  return task.dueLocal;
}

describe('holidays from the set-up store', () => {
  it('cuti bersama and the agency own days are not working days; a year without a list is named in the due time', { timeout: 120_000 }, async () => {
    // 2027's SKB: the national list plus cuti bersama on Friday 31 December; Balangan's own day on Thursday 30.
    await s.app.store.putHolidays(2027, DEMO_HOLIDAYS[2027]!, { cutiBersama: ['2027-12-31'], source: 'SKB 3 Menteri (uji)' });
    expect(await s.app.store.addAgencyHolidays('balangan', ['2027-12-30'])).toContain('2027-12-30');

    // Step 3 ("1 hari") starts Wednesday 29 December 10.00 local.
    expect(await step3Due('sukoharjo')).toBe('Kamis, 30 Desember 2027 09.00 WIB');
    // Balangan: 30 (own day), 31 (cuti bersama), the weekend: Monday 3 January 2028, a year with no list yet.
    expect(await step3Due('balangan')).toBe('Senin, 3 Januari 2028 10.00 WITA (hari libur nasional dan cuti bersama 2028 belum dimuat; tenggat dihitung tanpa hari libur tahun itu)');

    // The 2028 list arrives (3 January a holiday, for the test): new due times count it and say nothing more.
    await s.app.store.putHolidays(2028, ['2028-01-01', '2028-01-03']);
    expect(await step3Due('balangan')).toBe('Selasa, 4 Januari 2028 10.00 WITA');
    const years = await s.app.store.holidayYears();
    expect(years.sort()).toEqual([2026, 2027, 2028]);
    expect(await s.app.store.holidays()).toContain('2027-12-31');
  });

  it('refuses dates that are not of the year or not dates, writing nothing', async () => {
    await expect(s.app.store.putHolidays(2029, ['2029-02-30'])).rejects.toThrow(/2029-02-30/);
    await expect(s.app.store.putHolidays(2029, ['2029-01-01'], { cutiBersama: ['2030-01-02'] })).rejects.toThrow(/2030-01-02/);
    expect(await s.app.store.holidayYears()).not.toContain(2029);
    await expect(s.app.store.addAgencyHolidays('balangan', ['31-12-2027'])).rejects.toThrow(/31-12-2027/);
  });
});
