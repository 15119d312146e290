// The SOP performance report on a generated history of 500 PKS cases at Sukoharjo (WIB): each
// case made by the real engine with its own clock (random durations around each standard, "no"
// loops at the Kepala Dinas's decision, a few cancellations, cases still open at the end), stored
// on the emulator as cases and events, then read back by GET .../reports/sop/pks. Every figure is
// checked against figures this test computes from its own record of what it generated, with its
// own due-time rules (WIB is UTC+7; 2026's demo holiday list), not from the stored events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase, transition, assignedFields, type Action } from '../../functions/src/sop/engine.ts';
import { createCalendar } from '../../functions/src/sop/calendar.ts';
import { catalogById } from '../../functions/src/sop/catalog/index.ts';
import { fullInput, stepOf } from '../../functions/src/dev/sample-input.ts';
import { DEMO_HOLIDAYS, demoEmail } from '../../functions/src/dev/demo.ts';
import type { CaseEvent, CaseState } from '../../functions/src/contract.ts';
import { prng } from '../support/prng.ts';
import { startStack, type Stack } from '../support/stack.ts';

const NOW = new Date('2026-07-20T03:00:00Z');
let s: Stack;
const def = catalogById('pks');
const AG = 'sukoharjo';

// ---- the test's own due-time model: WIB, Monday to Friday, the 2026 demo holidays ----
const H = 3_600_000;
const DAY = 24 * H;
const OFF = 7 * H;
const HOL = new Set(DEMO_HOLIDAYS[2026]);
const isWorking = (t: number) => {
  const d = new Date(t + OFF);
  return d.getUTCDay() >= 1 && d.getUTCDay() <= 5 && !HOL.has(d.toISOString().slice(0, 10));
};
const localMidnight = (t: number) => Math.floor((t + OFF) / DAY) * DAY - OFF;
const workStart = (t: number) => {
  if (isWorking(t)) return t;
  let d = localMidnight(t) + DAY;
  while (!isWorking(d)) d += DAY;
  return d + 8 * H;
};
// Upper bounds of PKS's standard times, transcribed by hand from the seed: minutes, or one working day.
const MAX: Record<number, number | 'day'> = { 1: 60, 2: 30, 3: 180, 4: 30, 5: 120, 6: 120, 7: 180, 8: 30, 9: 'day', 10: 30, 11: 120, 12: 120 };
function dueOf(step: number, start: number): number {
  const m = MAX[step]!;
  const b = workStart(start);
  if (m !== 'day') return b + m * 60_000;
  let d = b + DAY;
  while (!isWorking(d)) d += DAY;
  return d;
}
const monthOf = (t: number) => new Date(t + OFF).toISOString().slice(0, 7);

interface Done { caseId: string; nomor: string; step: number; start: number; end: number; decision: 'yes' | 'no' | null }
interface Gen { id: string; nomor: string; created: number; done: Done[]; cancelledAt: number | null; closedAt: number | null; open: { step: number; start: number } | null }

async function generate(n: number): Promise<Gen[]> {
  const rnd = prng(20261313);
  const cal = createCalendar({ timeZone: 'Asia/Jakarta', holidays: DEMO_HOLIDAYS[2026]! });
  const actor = { email: 'generator@sukoharjo.demo.perpustakaan.id', name: 'Generator', roles: def.roles.map((r) => r.id) };
  const gens: Gen[] = [];
  let batch = s.db.batch();
  let ops = 0;
  const put = async (path: string, data: object) => {
    batch.set(s.db.doc(path), JSON.parse(JSON.stringify(data)));
    if (++ops === 450) {
      await batch.commit();
      batch = s.db.batch();
      ops = 0;
    }
  };
  const from = new Date('2026-01-05T00:00:00+07:00').getTime();
  const span = new Date('2026-07-21T00:00:00+07:00').getTime() - from; // the last ones still open on 20 July
  for (let i = 1; i <= n; i++) {
    let created = localMidnight(from + Math.floor(rnd() * span / DAY) * DAY) + (8 + Math.floor(rnd() * 7)) * H + Math.floor(rnd() * 60) * 60_000;
    while (!isWorking(created)) created += DAY;
    // Nothing starts after the report is made.
    while (created > NOW.getTime() - H || !isWorking(created)) created -= DAY;
    const id = `gen${String(i).padStart(4, '0')}`;
    const nomor = `PKS/2026/${String(i).padStart(4, '0')}`;
    const c = createCase({ def, actor, now: new Date(created), calendar: cal }, { id, agencyId: AG, nomor, partner: { name: `Mitra ${i}` } });
    if (!c.ok) throw new Error(c.error.message);
    let state: CaseState = c.value.state;
    const events: CaseEvent[] = [c.value.event];
    const g: Gen = { id, nomor, created, done: [], cancelledAt: null, closedAt: null, open: null };
    let t = created;
    let nos = 0;
    while (state.status === 'open') {
      const step = state.currentStep!;
      const m = MAX[step]!;
      const minutes = m === 'day' ? 60 + Math.floor(rnd() * 3940) : Math.max(1, Math.round(m * (0.2 + rnd() * 2)));
      const end = t + minutes * 60_000;
      if (end > NOW.getTime()) {
        g.open = { step, start: t };
        break;
      }
      if (rnd() < 0.015) {
        const r = transition({ def, actor, now: new Date(end), calendar: cal }, state, { type: 'cancel', reason: 'Mitra mengundurkan diri' });
        if (!r.ok) throw new Error(r.error.message);
        state = r.value.state;
        events.push(r.value.event);
        g.cancelledAt = end;
        break;
      }
      const sd = stepOf(def, step);
      const decision = sd.kind === 'decision' ? (nos < 2 && rnd() < 0.3 ? 'no' : 'yes') : null;
      if (decision === 'no') nos++;
      const assigned = Object.fromEntries(assignedFields(sd).map((f) => [f.id, f.assign === 'surat' ? `000.5.2/${i}/DISPUSIP/VII/2026` : '2026-07-01']));
      // A "no" needs its reason written in the note.
      const action: Action = decision ? { type: 'decide', step, decision, input: { ...fullInput(sd), ...(decision === 'no' ? { note: 'Ruang lingkup perlu dipertimbangkan kembali.' } : {}) } } : { type: 'complete', step, input: fullInput(sd) };
      const r = transition({ def, actor, now: new Date(end), calendar: cal, assigned }, state, action);
      if (!r.ok) throw new Error(`${nomor} step ${step}: ${r.error.message}`);
      state = r.value.state;
      events.push(r.value.event);
      g.done.push({ caseId: id, nomor, step, start: t, end, decision });
      if (state.status === 'closed') g.closedAt = end;
      t = end;
    }
    await put(`agencies/${AG}/cases/${id}`, state);
    for (const e of events) await put(`agencies/${AG}/cases/${id}/events/${String(e.seq).padStart(6, '0')}`, e);
    gens.push(g);
  }
  if (ops) await batch.commit();
  return gens;
}

beforeAll(async () => {
  s = await startStack({ clock: () => NOW });
}, 120_000);
afterAll(async () => s?.close());

const r2 = (x: number) => Math.round(x * 100) / 100;

describe('SOP performance report', () => {
  it('500 generated cases: every figure as computed independently', { timeout: 240_000 }, async () => {
    const gens = await generate(500);
    const P0 = new Date('2026-01-01T00:00:00+07:00').getTime();
    const P1 = new Date('2026-07-01T00:00:00+07:00').getTime();
    const inP = (t: number) => t >= P0 && t < P1;

    const res = await s.call('GET', `/v1/agencies/${AG}/reports/sop/pks?from=2026-01-01&to=2026-06-30`, { as: demoEmail(AG, 'kabid_perpustakaan') });
    expect(res.status).toBe(200);
    const rep = res.body;
    console.log(`report of 500 generated PKS cases, 2026-01-01..2026-06-30: ${JSON.stringify(rep.cases)}; ${rep.steps.reduce((n: number, x: { count: number }) => n + x.count, 0)} step completions; bottlenecks ${rep.bottlenecks.map((b: { step: number }) => b.step).join(', ')}; step 5: ${rep.decisions[0]?.no} "no" on ${rep.decisions[0]?.casesWithNo} cases`);

    // Cases.
    const ended = (g: Gen) => g.closedAt ?? g.cancelledAt;
    const open = gens.filter((g) => g.open);
    const overdue = open.filter((g) => dueOf(g.open!.step, g.open!.start) < NOW.getTime());
    expect(rep.cases).toEqual({
      opened: gens.filter((g) => inP(g.created)).length,
      closed: gens.filter((g) => g.closedAt !== null && inP(g.closedAt)).length,
      cancelled: gens.filter((g) => g.cancelledAt !== null && inP(g.cancelledAt)).length,
      openAtEnd: gens.filter((g) => g.created < P1 && !(ended(g) !== null && ended(g)! < P1)).length,
      openNow: open.length,
      overdueNow: overdue.length,
    });
    expect(rep.cases.opened).toBeGreaterThan(300);
    expect(rep.cases.closed).toBeGreaterThan(100);
    expect(rep.cases.cancelled).toBeGreaterThan(0);
    expect(rep.cases.openNow).toBeGreaterThan(0);

    // Steps: count, share within standard, median, p90 (nearest rank), max, minutes late, worst three.
    const done = gens.flatMap((g) => g.done).filter((d) => inP(d.end));
    const steps = [...new Set(done.map((d) => d.step))].sort((a, b) => a - b);
    expect(rep.steps.map((x: { step: number }) => x.step)).toEqual(steps);
    for (const no of steps) {
      const mine = done.filter((d) => d.step === no);
      const mins = mine.map((d) => (d.end - d.start) / 60_000).sort((a, b) => a - b);
      const n = mins.length;
      const late = (d: Done) => Math.max(0, (d.end - dueOf(no, d.start)) / 60_000);
      const within = mine.filter((d) => d.end <= dueOf(no, d.start)).length;
      const worst = [...mine].sort((a, b) => late(b) - late(a) || b.end - b.start - (a.end - a.start) || a.nomor.localeCompare(b.nomor)).slice(0, 3);
      expect(rep.steps.find((x: { step: number }) => x.step === no), `step ${no}`).toMatchObject({
        count: n,
        measured: n,
        within,
        shareWithin: r2(within / n),
        medianMinutes: n % 2 ? mins[(n - 1) / 2] : (mins[n / 2 - 1]! + mins[n / 2]!) / 2,
        p90Minutes: mins[Math.ceil(0.9 * n) - 1],
        maxMinutes: mins[n - 1],
        lateMinutes: r2(mine.reduce((sum, d) => sum + late(d), 0)),
        worst: worst.map((d) => ({ caseId: d.caseId, nomor: d.nomor, durationMinutes: (d.end - d.start) / 60_000, lateMinutes: r2(late(d)), at: new Date(d.end).toISOString() })),
      });
    }
    // Bottlenecks: the three steps with the most minutes past due.
    const lateBy = steps.map((no) => ({ no, late: r2(done.filter((d) => d.step === no).reduce((sum, d) => sum + Math.max(0, (d.end - dueOf(no, d.start)) / 60_000), 0)) }));
    expect(rep.bottlenecks.map((b: { step: number }) => b.step)).toEqual(lateBy.filter((x) => x.late > 0).sort((a, b) => b.late - a.late || a.no - b.no).slice(0, 3).map((x) => x.no));

    // The Kepala Dinas's decision (step 5): yes, no, cases sent back, most returns on one case.
    const d5 = done.filter((d) => d.step === 5);
    const noByCase = new Map<string, number>();
    for (const d of d5) if (d.decision === 'no') noByCase.set(d.caseId, (noByCase.get(d.caseId) ?? 0) + 1);
    expect(rep.decisions).toEqual([{ step: 5, question: expect.any(String), yes: d5.filter((d) => d.decision === 'yes').length, no: d5.filter((d) => d.decision === 'no').length, loopsBack: true, casesWithNo: noByCase.size, maxNoPerCase: Math.max(0, ...noByCase.values()) }]);
    expect(rep.decisions[0].no).toBeGreaterThan(20);

    // Overdue now, most late first.
    expect(rep.overdueNow.map((o: { nomor: string }) => o.nomor).sort()).toEqual(overdue.map((g) => g.nomor).sort());

    // Trend by month.
    expect(rep.trend.map((t: { month: string }) => t.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    for (const t of rep.trend) {
      const inM = done.filter((d) => monthOf(d.end) === t.month);
      expect(t).toMatchObject({
        opened: gens.filter((g) => inP(g.created) && monthOf(g.created) === t.month).length,
        closed: gens.filter((g) => g.closedAt !== null && inP(g.closedAt) && monthOf(g.closedAt) === t.month).length,
        completions: inM.length,
        within: inM.filter((d) => d.end <= dueOf(d.step, d.start)).length,
      });
    }

    // Tabel 7: the SOP as a whole, then each step, proposed from the share within standard (80 %).
    expect(rep.tabel7.rows).toHaveLength(steps.length + 1);
    for (const row of rep.tabel7.rows.slice(1)) {
      const st = rep.steps.find((x: { step: number }) => row.prosedur.startsWith(`Langkah ${x.step}:`));
      expect(row.penilaian).toBe(st.shareWithin >= 0.8 ? 'Berjalan dengan baik' : 'Tidak berjalan dengan baik');
      expect(row.catatan).toContain(`${st.within} dari ${st.measured}`);
      expect(row).toMatchObject({ tindakan: '', paraf: '' });
    }
    expect(rep.tabel8.rows.map((r: { aspek: string }) => r.aspek)).toHaveLength(7);
    expect(rep.tabel8.rows[4].bahan).toContain(`${rep.decisions[0].no} kali "tidak"`);
  });

  it('only the supervising roles read it; a bad period is a 400 naming the field', async () => {
    const kasi = await s.call('GET', `/v1/agencies/${AG}/reports/sop/pks?from=2026-01-01&to=2026-06-30`, { as: demoEmail(AG, 'kasi_layanan') });
    expect(kasi.status).toBe(403);
    const as = { as: demoEmail(AG, 'kepala_dinas') };
    for (const [q, field] of [['from=2026-13-01&to=2026-06-30', 'from'], ['from=2026-06-30&to=2026-01-01', 'to'], ['from=2020-01-01&to=2026-06-30', 'to'], ['from=2026-01-01', 'to'], ['from=2026-01-01&to=2026-02-01&x=1', 'x']] as const) {
      const r = await s.call('GET', `/v1/agencies/${AG}/reports/sop/pks?${q}`, as);
      expect(r.status, q).toBe(400);
      expect(r.body.error.fields[0].path, q).toBe(field);
    }
    expect((await s.call('GET', `/v1/agencies/${AG}/reports/sop/tidak_ada?from=2026-01-01&to=2026-01-31`, as)).status).toBe(404);
  });
});
