// The SOP performance report of one SOP and period, computed from the audit trail only (the
// events' actual durations, due times and decisions; nothing typed): how many cases opened,
// closed, were cancelled and stayed open; per step the median and 90th percentile of the time it
// took against its standard, the share within standard and the worst cases; the bottlenecks; the
// decisions and their "no" loops; what is overdue now; the trend by month. From it, a draft of
// Permenpan-RB 35/2012 Tabel 7 (monitoring) and the Tabel 8 evaluation form. Pure: no I/O.
import { DateTime } from 'luxon';
import type { CaseEvent, CaseState, DecisionFigures, Penilaian, SopReport, StepFigures, Tabel7Row, Tabel8Row } from '../contract.ts';

export type { DecisionFigures, Penilaian, SopReport, StepFigures, Tabel7Row, Tabel8Row } from '../contract.ts';
import { formatInZone, type AgencyZone } from '../sop/calendar.ts';
import type { SopDefinition } from '../sop/schema.ts';
import { parseWaktu } from '../sop/waktu.ts';

/** A step "berjalan dengan baik" when at least this share of its measured completions kept the standard. */
export const GOOD_SHARE = 0.8;
/** Worst cases listed per step, bottleneck steps named. */
export const WORST_PER_STEP = 3;
export const BOTTLENECKS = 3;

export const TABEL8_ASPEK = [
  'Mampu mendorong peningkatan kinerja',
  'Mudah dipahami',
  'Mudah dilaksanakan',
  'Semua orang dapat menjalankan perannya masing-masing',
  'Mampu mengatasi permasalahan yang berkaitan dengan proses',
  'Mampu menjawab kebutuhan peningkatan kinerja organisasi',
  'Sinergi satu dengan lainnya',
] as const;

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The median: the middle value, or the mean of the two middle values. */
export function median(sorted: number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  return n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
}

/** The p-th percentile by the nearest-rank method: the smallest value with at least p % of values at or below it. */
export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);

/** "150 menit", "2,5 jam", "3,2 hari": durations as people read them. */
export function durationText(minutes: number | null): string {
  if (minutes === null) return '–';
  const n = (x: number) => String(round2(x)).replace('.', ',');
  if (minutes < 120) return `${n(minutes)} menit`;
  if (minutes < 48 * 60) return `${n(minutes / 60)} jam`;
  return `${n(minutes / 1440)} hari`;
}

export interface ReportInput {
  agencyId: string;
  timeZone: AgencyZone;
  def: SopDefinition;
  /** Local dates, inclusive. */
  from: string;
  to: string;
  now: Date;
  /** The SOP's cases that may bear on the period, each with its events. */
  cases: { state: CaseState; events: CaseEvent[] }[];
  /** The SOP's cases open now (for what is overdue now). */
  open: CaseState[];
}

export function periodBounds(from: string, to: string, zone: AgencyZone): { start: Date; end: Date } {
  return { start: DateTime.fromISO(from, { zone }).startOf('day').toJSDate(), end: DateTime.fromISO(to, { zone }).plus({ days: 1 }).startOf('day').toJSDate() };
}

export function computeReport(x: ReportInput): SopReport {
  const { def, timeZone: zone } = x;
  const { start, end } = periodBounds(x.from, x.to, zone);
  const inPeriod = (iso: string) => {
    const t = new Date(iso).getTime();
    return t >= start.getTime() && t < end.getTime();
  };
  const monthOf = (iso: string) => DateTime.fromISO(iso, { zone }).toFormat('yyyy-MM');
  const stepDef = (no: number) => def.steps.find((s) => s.no === no);

  const cases = { opened: 0, closed: 0, cancelled: 0, openAtEnd: 0, openNow: 0, overdueNow: 0 };
  const perStep = new Map<number, { events: { e: CaseEvent; c: CaseState }[] }>();
  const decisions = new Map<number, { yes: number; no: number; noByCase: Map<string, number> }>();
  const months = new Map<string, SopReport['trend'][number]>();
  const month = (m: string) => {
    let t = months.get(m);
    if (!t) months.set(m, (t = { month: m, opened: 0, closed: 0, completions: 0, measured: 0, within: 0, shareWithin: null }));
    return t;
  };
  for (let m = DateTime.fromJSDate(start, { zone }).startOf('month'); m.toJSDate() < end; m = m.plus({ months: 1 })) month(m.toFormat('yyyy-MM'));

  for (const { state, events } of x.cases) {
    if (state.sopId !== def.id) continue;
    if (inPeriod(state.createdAt)) {
      cases.opened++;
      month(monthOf(state.createdAt)).opened++;
    }
    let endedBeforeEnd = false;
    for (const e of events) {
      const ends = e.action === 'cancel' || ((e.action === 'complete' || e.action === 'decide') && e.toStep === null);
      if (ends && new Date(e.at).getTime() < end.getTime()) endedBeforeEnd = true;
      if (!inPeriod(e.at)) continue;
      if (e.action === 'cancel') cases.cancelled++;
      if (e.action !== 'complete' && e.action !== 'decide') continue;
      if (e.toStep === null) {
        cases.closed++;
        month(monthOf(e.at)).closed++;
      }
      if (e.step === null) continue;
      const bucket = perStep.get(e.step) ?? { events: [] };
      bucket.events.push({ e, c: state });
      perStep.set(e.step, bucket);
      const t = month(monthOf(e.at));
      t.completions++;
      if (e.withinStandard !== null) {
        t.measured++;
        if (e.withinStandard) t.within++;
      }
      if (e.decision) {
        const d = decisions.get(e.step) ?? { yes: 0, no: 0, noByCase: new Map() };
        d[e.decision]++;
        if (e.decision === 'no') d.noByCase.set(state.id, (d.noByCase.get(state.id) ?? 0) + 1);
        decisions.set(e.step, d);
      }
    }
    if (new Date(state.createdAt).getTime() < end.getTime() && !endedBeforeEnd) cases.openAtEnd++;
  }
  for (const t of months.values()) t.shareWithin = t.measured ? round2(t.within / t.measured) : null;

  const late = (e: CaseEvent) => (e.dueAt ? Math.max(0, (new Date(e.at).getTime() - new Date(e.dueAt).getTime()) / 60_000) : 0);
  const steps: StepFigures[] = [...perStep.entries()]
    .sort(([a], [b]) => a - b)
    .map(([no, { events }]) => {
      const s = stepDef(no);
      const durations = events.map(({ e }) => e.durationMinutes).filter((d): d is number => d !== null).sort((a, b) => a - b);
      const measured = events.filter(({ e }) => e.withinStandard !== null);
      const within = measured.filter(({ e }) => e.withinStandard).length;
      const worst = events
        .filter(({ e }) => e.durationMinutes !== null)
        .sort((a, b) => late(b.e) - late(a.e) || b.e.durationMinutes! - a.e.durationMinutes! || a.c.nomor.localeCompare(b.c.nomor))
        .slice(0, WORST_PER_STEP)
        .map(({ e, c }) => ({ caseId: c.id, nomor: c.nomor, durationMinutes: e.durationMinutes!, lateMinutes: round2(late(e)), at: e.at }));
      return {
        step: no,
        activity: s?.activity ?? `Langkah ${no}`,
        standard: parseWaktu(s?.waktu ?? null).label,
        count: events.length,
        measured: measured.length,
        within,
        shareWithin: measured.length ? round2(within / measured.length) : null,
        medianMinutes: median(durations),
        p90Minutes: percentile(durations, 90),
        maxMinutes: durations.at(-1) ?? null,
        lateMinutes: round2(events.reduce((sum, { e }) => sum + late(e), 0)),
        worst,
      };
    });

  const bottlenecks = steps
    .filter((s) => s.lateMinutes > 0)
    .sort((a, b) => b.lateMinutes - a.lateMinutes || a.step - b.step)
    .slice(0, BOTTLENECKS)
    .map((s) => ({ step: s.step, activity: s.activity, lateMinutes: s.lateMinutes, shareWithin: s.shareWithin }));

  const decisionFigures: DecisionFigures[] = [...decisions.entries()]
    .sort(([a], [b]) => a - b)
    .map(([no, d]) => {
      const s = stepDef(no);
      const back = s?.kind === 'decision' && s.ifNo.to !== 'END' && s.ifNo.to <= s.no;
      return { step: no, question: s?.kind === 'decision' ? s.question : `Langkah ${no}`, yes: d.yes, no: d.no, loopsBack: back, casesWithNo: d.noByCase.size, maxNoPerCase: Math.max(0, ...d.noByCase.values()) };
    });

  const overdueNow = x.open
    .filter((c) => c.sopId === def.id && c.status === 'open' && c.dueAt !== null && new Date(c.dueAt).getTime() < x.now.getTime())
    .map((c) => ({ caseId: c.id, nomor: c.nomor, title: c.title, step: c.currentStep, dueAt: c.dueAt!, dueLocal: formatInZone(new Date(c.dueAt!), zone), lateMinutes: round2((x.now.getTime() - new Date(c.dueAt!).getTime()) / 60_000) }))
    .sort((a, b) => b.lateMinutes - a.lateMinutes || a.nomor.localeCompare(b.nomor));
  cases.openNow = x.open.filter((c) => c.sopId === def.id && c.status === 'open').length;
  cases.overdueNow = overdueNow.length;

  const label = `${DateTime.fromISO(x.from).setLocale('id').toFormat('d LLLL yyyy')} s.d. ${DateTime.fromISO(x.to).setLocale('id').toFormat('d LLLL yyyy')}`;
  return {
    agencyId: x.agencyId,
    sopId: def.id,
    sopTitle: def.title,
    period: { from: x.from, to: x.to, label },
    timeZone: zone,
    generatedAt: x.now.toISOString(),
    generatedLocal: formatInZone(x.now, zone),
    cases,
    steps,
    bottlenecks,
    decisions: decisionFigures,
    overdueNow,
    trend: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
    tabel7: { threshold: GOOD_SHARE, rows: tabel7(def, steps, cases) },
    tabel8: { rows: tabel8(steps, decisionFigures, [...months.values()], bottlenecks) },
  };
}

function penilaian(share: number | null): Penilaian {
  if (share === null) return 'Belum dapat dinilai';
  return share >= GOOD_SHARE ? 'Berjalan dengan baik' : 'Tidak berjalan dengan baik';
}

/** Tabel 7 as the system proposes it: the SOP as a whole, then each step that ran in the period. */
function tabel7(def: SopDefinition, steps: StepFigures[], cases: SopReport['cases']): Tabel7Row[] {
  const measured = steps.reduce((n, s) => n + s.measured, 0);
  const within = steps.reduce((n, s) => n + s.within, 0);
  const overall = measured ? round2(within / measured) : null;
  const rows: Tabel7Row[] = [
    {
      no: 1,
      prosedur: `SOP ${def.title} (keseluruhan)`,
      penilaian: penilaian(overall),
      catatan: `${cases.opened} kasus dibuka, ${cases.closed} selesai, ${cases.cancelled} dibatalkan, ${cases.openAtEnd} masih berjalan pada akhir periode. ${within} dari ${measured} langkah terukur selesai dalam standar waktu (${pct(overall)}); ${cases.overdueNow} kasus terlambat saat laporan dibuat.`,
      tindakan: '',
      paraf: '',
    },
  ];
  for (const s of steps) {
    const worst = s.worst[0];
    rows.push({
      no: rows.length + 1,
      prosedur: `Langkah ${s.step}: ${s.activity}`,
      penilaian: penilaian(s.shareWithin),
      catatan:
        s.measured === 0
          ? `${s.count} kali dikerjakan; standar waktu "${s.standard}" tidak dapat diukur.`
          : `${s.within} dari ${s.measured} selesai dalam standar ${s.standard} (${pct(s.shareWithin)}); median ${durationText(s.medianMinutes)}, persentil ke-90 ${durationText(s.p90Minutes)}${worst && worst.lateMinutes > 0 ? `; terlambat terlama ${worst.nomor} (${durationText(worst.lateMinutes)} melewati tenggat)` : ''}.`,
      tindakan: '',
      paraf: '',
    });
  }
  return rows;
}

function tabel8(steps: StepFigures[], decisions: DecisionFigures[], trend: SopReport['trend'], bottlenecks: SopReport['bottlenecks']): Tabel8Row[] {
  const measuredMonths = trend.filter((t) => t.shareWithin !== null);
  const first = measuredMonths[0];
  const last = measuredMonths.at(-1);
  const bahan: Record<number, string> = {
    1: first && last && first !== last ? `Kepatuhan standar waktu ${first.month}: ${pct(first.shareWithin)}; ${last.month}: ${pct(last.shareWithin)}.` : '',
    4: bottlenecks.length ? `Langkah yang paling sering terlambat: ${bottlenecks.map((b) => `langkah ${b.step} (${pct(b.shareWithin)} dalam standar)`).join(', ')}.` : steps.length ? 'Tidak ada langkah yang terlambat dalam periode ini.' : '',
    5: decisions.length ? decisions.map((d) => `langkah ${d.step}: ${d.no} kali "tidak"${d.loopsBack ? ' (kembali untuk diperbaiki)' : ''} pada ${d.casesWithNo} kasus dari ${d.yes + d.no} keputusan`).join('; ') + '.' : '',
  };
  return TABEL8_ASPEK.map((aspek, i) => ({ no: i + 1, aspek, bahan: bahan[i + 1] ?? '', ya: null, tidak: null, catatan: '' }));
}
