// Reminders, escalations and morning digests on the Firestore emulator with a virtual clock: the
// same Perpustakaan Keliling case at three agencies in WIB, WITA and WIT, started at the same
// local time before Christmas (24 and 25 December 2026 are holidays, then a weekend), with the
// scheduler running every 15 minutes for a week. Then the scheduler twice, and two instances at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { Firestore } from '@google-cloud/firestore';
import { catalogById, CATALOG } from '../../functions/src/sop/catalog/index.ts';
import { fullInput, stepOf } from '../../functions/src/dev/sample-input.ts';
import { DEMO_AGENCIES, demoEmail, demoRoles } from '../../functions/src/dev/demo.ts';
import { createFirestoreStore } from '../../functions/src/store/firestore.ts';
import { createReminderService } from '../../functions/src/standards/reminders.ts';
import { emulatorHost } from '../support/firestore.ts';
import { startStack, type Stack } from '../support/stack.ts';

let s: Stack;
let now = new Date('2026-12-22T12:00:00Z');
const pusling = catalogById('pusling');
const ZONES = { jayapura: 'Asia/Jayapura', balangan: 'Asia/Makassar', sukoharjo: 'Asia/Jakarta' } as const;
type Ag = keyof typeof ZONES;

beforeAll(async () => {
  s = await startStack({ clock: () => now });
  // A WIT agency beside the demo's WITA and WIB ones.
  await s.app.store.putAgency('jayapura', { ...DEMO_AGENCIES.balangan, name: 'Dinas Perpustakaan dan Kearsipan Kabupaten Jayapura', shortName: 'DISPUSIP Jayapura', timeZone: 'Asia/Jayapura', letterhead: { ...DEMO_AGENCIES.balangan.letterhead, kota: 'Sentani' } });
  await s.app.store.installDefinitions('jayapura', CATALOG);
  for (const r of demoRoles(CATALOG)) await s.app.store.putStaff('jayapura', { email: demoEmail('jayapura', r.id), name: `Pegawai ${r.id}`, roles: [r.id] });
}, 120_000);
afterAll(async () => s?.close());

const local = (ag: Ag, iso: string) => DateTime.fromISO(iso, { zone: ZONES[ag] }).toJSDate();
const show = (ag: Ag, d: Date | string) => DateTime.fromJSDate(new Date(d), { zone: ZONES[ag] }).toFormat('ccc dd HH:mm');

async function outboxMails() {
  const snap = await s.db.collectionGroup('outbox').get();
  return snap.docs.map((d) => d.data() as { id: string; agencyId: string; caseId: string; email: { to: string[]; subject: string; text: string } });
}

describe('reminders across zones, a weekend and holidays', () => {
  it('flags each threshold once, at the right local time, to the actors and then to the supervisor; digests at 07.30 on working days only', { timeout: 240_000 }, async () => {
    const agencies: Ag[] = ['jayapura', 'balangan', 'sukoharjo'];
    const cases: Partial<Record<Ag, string>> = {};
    // What happens at which instant: each agency at the same local times.
    type Act = { at: Date; run: () => Promise<void> };
    const acts: Act[] = [];
    for (const ag of agencies) {
      const kasi = demoEmail(ag, 'kasi_layanan');
      const A = `/v1/agencies/${ag}`;
      acts.push({ at: local(ag, '2026-12-23T10:00'), run: async () => {
        const r = await s.call('POST', `${A}/cases`, { as: kasi, body: { sop: 'pusling', partner: { name: `SDN 1 ${ag}` } } });
        expect(r.status).toBe(201);
        cases[ag] = r.body.state.id;
      } });
      acts.push({ at: local(ag, '2026-12-23T16:05'), run: async () => {
        for (const no of [1, 2]) expect((await s.call('POST', `${A}/cases/${cases[ag]}/actions`, { as: kasi, body: { type: 'complete', step: no, ...fullInput(stepOf(pusling, no)) } })).status).toBe(200);
      } });
    }
    // Step 3 then starts at 16.05 local on Wednesday ("1 hari"): due Monday 28 December 16.05.
    const start = new Date('2026-12-22T12:00:00Z').getTime();
    const end = new Date('2026-12-29T12:00:00Z').getTime();
    const runs: { at: Date; result: Awaited<ReturnType<typeof s.app.reminders.run>> }[] = [];
    for (let t = start; t <= end; t += 15 * 60_000) {
      const at = new Date(t);
      for (const a of acts.filter((x) => x.at.getTime() <= t && x.at.getTime() > t - 15 * 60_000).sort((x, y) => x.at.getTime() - y.at.getTime())) {
        now = a.at;
        await a.run();
      }
      now = at;
      runs.push({ at, result: await s.app.reminders.run() });
    }

    for (const ag of agencies) {
      const kabid = demoEmail(ag, 'kabid_perpustakaan');
      const detail = await s.call('GET', `/v1/agencies/${ag}/cases/${cases[ag]}`, { as: kabid });
      expect(detail.status).toBe(200);
      const got = detail.body.notices.map((n: any) => [n.step, n.kind, show(ag, n.thresholdAt), show(ag, n.at), n.to]);
      const kasi = [demoEmail(ag, 'kasi_layanan')];
      expect(got).toEqual([
        [1, 'soon', 'Wed 23 12:15', 'Wed 23 12:15', kasi],
        [1, 'overdue', 'Wed 23 13:00', 'Wed 23 13:00', kasi],
        // late by one standard time (180 minutes): to the Kasi's superior, the Kabid
        [1, 'escalation', 'Wed 23 16:00', 'Wed 23 16:00', [kabid]],
        // step 3, "1 hari" from Wednesday 16.05: Thursday and Friday are holidays, then the weekend
        [3, 'soon', 'Mon 28 08:00', 'Mon 28 08:00', [kabid]],
        [3, 'overdue', 'Mon 28 16:05', 'Mon 28 16:15', [kabid]],
        // The Kabid is the top role of Perpustakaan Keliling (no head role, no escalateTo): the
        // escalation is recorded, saying nobody is above, and no e-mail goes to a subordinate.
        [3, 'escalation', 'Tue 29 16:05', 'Tue 29 16:15', []],
      ]);
      expect(detail.body.notices.at(-1).message).toContain('tidak ada peran atasan');
      // The case did not move or change version for them.
      expect(detail.body.case.version).toBe(3);
      expect(detail.body.events).toHaveLength(3);
    }

    // One e-mail per notice, to the same people; digests only on working days at 07.30 local.
    const mails = await outboxMails();
    for (const ag of agencies) {
      const notices = mails.filter((m) => m.agencyId === ag && m.id.startsWith('pengingat-'));
      expect(notices).toHaveLength(5);
      expect(new Set(notices.map((m) => m.id)).size).toBe(5);
      const digests = mails.filter((m) => m.agencyId === ag && m.caseId === 'ringkasan-harian');
      const byPerson = digests.map((m) => [m.email.to[0], m.id.slice('ringkasan-'.length, 'ringkasan-'.length + 10)]).sort();
      // Wednesday 23 at 07.30 nobody had a task yet (the case came at 10.00): nothing sent. Mon 28
      // and Tue 29: the Kabid's step 3. Nothing on the holidays (24, 25) or the weekend.
      expect(byPerson).toEqual([
        [demoEmail(ag, 'kabid_perpustakaan'), '2026-12-28'],
        [demoEmail(ag, 'kabid_perpustakaan'), '2026-12-29'],
      ]);
      const tue = digests.find((m) => m.id.includes('2026-12-29'))!;
      expect(tue.email.subject).toContain('1 tugas, 1 terlambat');
      expect(tue.email.text).toContain('[TERLAMBAT]');
    }
    // The digest went out in the first run at or after 07.30 local of each working day.
    for (const ag of agencies) {
      const days = runs.filter((r) => r.result.digestAgencies.includes(ag)).map((r) => show(ag, r.at));
      expect(days).toEqual(['Wed 23 07:30', 'Mon 28 07:30', 'Tue 29 07:30']);
    }
    // Nothing due: most runs wrote nothing at all.
    expect(runs.filter((r) => r.result.notices.soon + r.result.notices.overdue + r.result.notices.escalation + r.result.digests === 0).length).toBeGreaterThan(runs.length - 40);
  });
});

describe('exactly once', () => {
  it('the scheduler twice, and two instances at once, send each reminder and digest once', { timeout: 120_000 }, async () => {
    const ag = 'balangan';
    const kasi = demoEmail(ag, 'kasi_layanan');
    now = local(ag, '2027-01-05T07:00'); // Tuesday
    const created = await s.call('POST', `/v1/agencies/${ag}/cases`, { as: kasi, body: { sop: 'pusling', partner: { name: 'TBM Bersama' } } });
    const id = created.body.state.id;
    // A second instance: its own Firestore client and store (its own in-memory locks).
    const db2 = new Firestore({ projectId: s.projectId, host: emulatorHost(), ssl: false, preferRest: false });
    const other = createReminderService(createFirestoreStore(db2), { clock: () => now });
    try {
      for (const t of ['2027-01-05T07:30', '2027-01-05T09:15', '2027-01-05T10:00', '2027-01-05T13:00']) {
        now = local(ag, t);
        await Promise.all([s.app.reminders.run(), other.run(), s.app.reminders.run(), other.run()]);
        await s.app.reminders.run();
      }
    } finally {
      await db2.terminate();
    }
    const detail = await s.call('GET', `/v1/agencies/${ag}/cases/${id}`, { as: kasi });
    expect(detail.body.notices.map((n: any) => n.kind)).toEqual(['soon', 'overdue', 'escalation']);
    const mails = (await outboxMails()).filter((m) => m.agencyId === ag);
    const kinds = mails.filter((m) => m.caseId === id && m.id.startsWith('pengingat-')).map((m) => `${m.id.split('-').at(-1)} ${m.email.to.join(',')}`);
    expect(kinds.sort()).toEqual([`escalation ${demoEmail(ag, 'kabid_perpustakaan')}`, `overdue ${kasi}`, `soon ${kasi}`]);
    // One digest per person that day: the Kasi (this case) and the Kabid (the first test's case, still open).
    const digestsTo = mails.filter((m) => m.id.startsWith('ringkasan-2027-01-05')).map((m) => m.email.to[0]).sort();
    expect(digestsTo).toEqual([demoEmail(ag, 'kabid_perpustakaan'), kasi]);
  });

  it('a member who turned the digest off gets none; reminders still come', { timeout: 60_000 }, async () => {
    const ag = 'sukoharjo';
    const kasi = demoEmail(ag, 'kasi_layanan');
    // On until the member turns it off; GET reads back what POST stored.
    expect(await s.call('GET', `/v1/agencies/${ag}/me/digest`, { as: kasi })).toMatchObject({ status: 200, body: { digest: true } });
    const off = await s.call('POST', `/v1/agencies/${ag}/me/digest`, { as: kasi, body: { on: false } });
    expect(off).toMatchObject({ status: 200, body: { digest: false } });
    expect(await s.call('GET', `/v1/agencies/${ag}/me/digest`, { as: kasi })).toMatchObject({ status: 200, body: { digest: false } });
    const bad = await s.call('POST', `/v1/agencies/${ag}/me/digest`, { as: kasi, body: { on: 'nanti' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('on');
    now = local(ag, '2027-01-06T07:00'); // Wednesday
    const id = (await s.call('POST', `/v1/agencies/${ag}/cases`, { as: kasi, body: { sop: 'pusling', partner: { name: 'SD Negeri 2' } } })).body.state.id;
    now = local(ag, '2027-01-06T07:30');
    await s.app.reminders.run();
    now = local(ag, '2027-01-06T09:15');
    await s.app.reminders.run();
    const mails = (await outboxMails()).filter((m) => m.agencyId === ag);
    expect(mails.filter((m) => m.id.startsWith('ringkasan-2027-01-06')).map((m) => m.email.to)).toEqual([[demoEmail(ag, 'kabid_perpustakaan')]]);
    expect(mails.filter((m) => m.caseId === id && m.id.startsWith('pengingat-')).map((m) => m.email.to)).toEqual([[kasi]]);
  });
});
