import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../functions/src/sop/calendar.ts';
import { createCase, reasonField, reasonRequired, transition, type Action, type Actor, type CaseState } from '../../functions/src/sop/engine.ts';
import { catalogById } from '../../functions/src/sop/catalog/index.ts';
import { stepOf } from '../../functions/src/sop/schema.ts';
import { loadDefinition } from '../../functions/src/sop/schema.ts';

// A small SOP with every feature: typed data, checklist, documents from input and from the case,
// a decision that loops back, a decision carried from an earlier one, and two ends.
const def = loadDefinition({
  id: 'uji', version: 1, title: 'SOP Uji', code: 'UJI', source: 'test', startStep: 1,
  roles: [{ id: 'kasi', label: 'Kasi' }, { id: 'kabid', label: 'Kabid' }, { id: 'petugas', label: 'Petugas' }],
  cancelRoles: ['kabid'],
  steps: [
    { no: 1, kind: 'process', activity: 'Menyusun rencana', actors: ['kasi'], waktu: '30 Menit', output: 'Rencana', next: 2,
      kelengkapan: [{ type: 'data', id: 'tanggal', label: 'Tanggal kegiatan', dataType: 'date' }, { type: 'office', id: 'atk', label: 'ATK' }],
      produces: [{ id: 'rencana', label: 'Rencana kegiatan', template: 'rencana_kunjungan_pusling' }] },
    { no: 2, kind: 'decision', activity: 'Menilai rencana', actors: ['kabid'], waktu: '1 hari', output: 'Disposisi', question: 'Sesuai?',
      kelengkapan: [{ type: 'document', id: 'rencana', label: 'Rencana kegiatan', source: 'case' }],
      ifYes: { to: 3, label: 'Setujui', produces: [{ id: 'surat_tugas', label: 'Surat Tugas', template: 'surat_tugas' }] },
      ifNo: { to: 1, label: 'Kembalikan untuk diperbaiki' } },
    { no: 3, kind: 'process', activity: 'Memeriksa mobil', actors: ['petugas'], waktu: '10 menit', output: null, next: 4,
      kelengkapan: [{ type: 'checklist', id: 'bbm', label: 'BBM' }, { type: 'checklist', id: 'karpet', label: 'Karpet' }, { type: 'document', id: 'surat_tugas', label: 'Surat Tugas', source: 'case' }] },
    { no: 4, kind: 'decision', activity: 'Membuat surat sesuai keputusan', actors: ['kasi'], waktu: '15-20 menit', output: 'Surat', question: 'Keputusan langkah 2', branchFrom: 2,
      ifYes: { to: 5, label: 'Ya' }, ifNo: { to: 'END', label: 'Tidak', outcome: 'Ditolak' } },
    { no: 5, kind: 'terminator', activity: 'Selesai', actors: ['petugas'], waktu: 'sesuai jarak tempuh', output: 'Laporan', outcome: 'Terlaksana',
      kelengkapan: [{ type: 'data', id: 'judul', label: 'Judul buku', dataType: 'list' }, { type: 'document', id: 'foto', label: 'Foto', source: 'input' }] },
  ],
});

const cal = createCalendar({ timeZone: 'Asia/Makassar', holidays: [] });
const kasi: Actor = { email: 'kasi@x.id', roles: ['kasi'] };
const kabid: Actor = { email: 'kabid@x.id', roles: ['kabid'] };
const petugas: Actor = { email: 'petugas@x.id', roles: ['petugas'] };
const t0 = new Date('2026-11-23T01:00:00Z'); // Monday 09:00 WITA

function start(): CaseState {
  const r = createCase({ def, actor: kasi, now: t0, calendar: cal }, { id: 'c1', agencyId: 'a', nomor: 'UJI/2026/0001', partner: { name: 'SDN 1' } });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.state;
}

function act(state: CaseState, actor: Actor, action: Action, at = new Date(t0.getTime() + 10 * 60_000)) {
  return transition({ def, actor, now: at, calendar: cal }, state, action);
}

function ok(r: ReturnType<typeof act>): CaseState {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value.state;
}

describe('engine', () => {
  it('creates a case at the start step with its due time', () => {
    const s = start();
    expect(s).toMatchObject({ currentStep: 1, currentRoles: ['kasi'], version: 1, status: 'open', dueAt: '2026-11-23T01:30:00.000Z' });
  });

  it('only the start step\'s roles may create', () => {
    const r = createCase({ def, actor: petugas, now: t0, calendar: cal }, { id: 'c', agencyId: 'a', nomor: 'n' });
    expect(r.ok ? null : r.error.code).toBe('WRONG_ROLE');
  });

  it('walks the yes path, records standard vs actual time, and ends', () => {
    let s = start();
    const r1 = act(s, kasi, { type: 'complete', step: 1, input: { data: { tanggal: '2026-12-01' } } });
    s = ok(r1);
    expect(r1.ok && r1.value.event).toMatchObject({ seq: 2, step: 1, toStep: 2, durationMinutes: 10, withinStandard: true, produced: ['rencana'], standard: { min: 30, max: 30, unit: 'minute' } });
    s = ok(act(s, kabid, { type: 'decide', step: 2, decision: 'yes', input: {} }));
    expect(s.documents.surat_tugas).toMatchObject({ status: 'pending', step: 2 });
    s = ok(act(s, petugas, { type: 'complete', step: 3, input: { checklist: { bbm: true, karpet: true } } }, new Date(t0.getTime() + 60 * 60_000)));
    const r4 = act(s, kasi, { type: 'complete', step: 4, input: {} });
    s = ok(r4);
    expect(r4.ok && r4.value.event.decision).toBe('yes');
    s = ok(act(s, petugas, { type: 'complete', step: 5, input: { data: { judul: ['Laskar Pelangi'] }, documents: { foto: { url: 'https://drive.google.com/x' } } } }));
    expect(s).toMatchObject({ status: 'closed', currentStep: null, currentRoles: [], outcome: 'Terlaksana', version: 6 });
  });

  it('a "no" loops back and the late step is flagged against its standard', () => {
    let s = start();
    s = ok(act(s, kasi, { type: 'complete', step: 1, input: { data: { tanggal: '2026-12-01' } } }));
    const late = new Date('2026-11-25T01:00:00Z'); // two working days later: beyond "1 hari"
    const r = act(s, kabid, { type: 'decide', step: 2, decision: 'no', input: { note: 'Tanggal bentrok' } }, late);
    s = ok(r);
    expect(s.currentStep).toBe(1);
    expect(r.ok && r.value.event).toMatchObject({ decision: 'no', withinStandard: false, note: 'Tanggal bentrok' });
    s = ok(act(s, kasi, { type: 'complete', step: 1, input: { data: { tanggal: '2026-12-02' } } }, late));
    expect(s.documents.rencana!.revision).toBe(2);
    // Returning the work needs its reason: refused without one, naming the note.
    const bare = act(s, kabid, { type: 'decide', step: 2, decision: 'no', input: { note: '  ' } }, late);
    expect(bare.ok).toBe(false);
    expect(!bare.ok && bare.error).toMatchObject({ code: 'MISSING_KELENGKAPAN', fields: [{ path: 'note' }] });
    s = ok(act(s, kabid, { type: 'decide', step: 2, decision: 'no', input: { note: 'Tanggal masih bentrok' } }, late));
    // The step it returns to carries who returned it and why, until that step is taken.
    expect(s.returned).toMatchObject({ step: 2, label: 'Kembalikan untuk diperbaiki', back: true, by: 'kabid@x.id', reason: 'Tanggal masih bentrok' });
    s = ok(act(s, kasi, { type: 'complete', step: 1, input: { data: { tanggal: '2026-12-03' } } }, late));
    expect(s.returned).toBeUndefined();
    s = ok(act(s, kabid, { type: 'decide', step: 2, decision: 'yes', input: {} }, late));
    expect(s.currentStep).toBe(3);
    expect(s.data.tanggal).toBe('2026-12-03');
  });

  it('a carried NO decision ends the case with its outcome', () => {
    let s = start();
    s = ok(act(s, kasi, { type: 'complete', step: 1, input: { data: { tanggal: '2026-12-01' } } }));
    s = { ...ok(act(s, kabid, { type: 'decide', step: 2, decision: 'yes', input: {} })) };
    s.decisions['2'] = 'no'; // as if the leader had said no
    s.currentStep = 4;
    s.currentRoles = ['kasi'];
    const wrong = act(s, kasi, { type: 'decide', step: 4, decision: 'yes', input: {} });
    expect(wrong.ok ? null : wrong.error).toMatchObject({ code: 'INVALID_INPUT', path: 'decision' });
    s = ok(act(s, kasi, { type: 'complete', step: 4, input: {} }));
    expect(s).toMatchObject({ status: 'closed', outcome: 'Ditolak' });
  });

  describe('errors', () => {
    const s = start();
    const cases: { name: string; actor: Actor; state?: CaseState; action: Action; code: string; path?: string }[] = [
      { name: 'wrong role', actor: petugas, action: { type: 'complete', step: 1, input: { data: { tanggal: '2026-12-01' } } }, code: 'WRONG_ROLE' },
      { name: 'skipping ahead', actor: kabid, action: { type: 'decide', step: 2, decision: 'yes', input: {} }, code: 'NOT_CURRENT_STEP', path: 'step' },
      { name: 'missing data', actor: kasi, action: { type: 'complete', step: 1, input: {} }, code: 'MISSING_KELENGKAPAN', path: 'data.tanggal' },
      { name: 'bad date', actor: kasi, action: { type: 'complete', step: 1, input: { data: { tanggal: '2026-02-30' } } }, code: 'INVALID_INPUT', path: 'data.tanggal' },
      { name: 'unknown field is not dropped', actor: kasi, action: { type: 'complete', step: 1, input: { data: { tanggal: '2026-12-01', catatan_lain: 'x' } } }, code: 'INVALID_INPUT', path: 'data.catatan_lain' },
      { name: 'decision on a process step', actor: kasi, action: { type: 'decide', step: 1, decision: 'yes', input: { data: { tanggal: '2026-12-01' } } }, code: 'INVALID_INPUT', path: 'decision' },
      { name: 'stale version', actor: kasi, action: { type: 'complete', step: 1, expectedVersion: 7, input: { data: { tanggal: '2026-12-01' } } }, code: 'VERSION_CONFLICT' },
      { name: 'cancel without the role', actor: kasi, action: { type: 'cancel', reason: 'x' }, code: 'WRONG_ROLE' },
      { name: 'cancel without a reason', actor: kabid, action: { type: 'cancel', reason: '  ' }, code: 'INVALID_INPUT', path: 'reason' },
      { name: 'closed case', actor: kasi, state: { ...s, status: 'closed', currentStep: null, currentRoles: [] }, action: { type: 'complete', step: 1, input: {} }, code: 'CASE_CLOSED' },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const r = act(c.state ?? s, c.actor, c.action);
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.error.code).toBe(c.code);
          expect(r.error.message).toMatch(/\S/);
          if (c.path) expect(r.error.path).toBe(c.path);
        }
      });
    }

    it('lists every missing checklist item and case document at once', () => {
      const at3 = { ...s, currentStep: 3, currentRoles: ['petugas'], documents: {} };
      const r = act(at3, petugas, { type: 'complete', step: 3, input: { checklist: { bbm: true, karpet: false } } });
      expect(r.ok ? null : r.error.fields?.map((f) => f.path)).toEqual(['checklist.karpet', 'documents.surat_tugas']);
    });
  });
});

describe('describeDefinition', () => {
  it('reads every standard time and lists the ones it cannot read', async () => {
    const { describeDefinition } = await import('../../functions/src/sop/describe.ts');
    const edited = loadDefinition({ ...structuredClone(def), steps: def.steps.map((s) => (s.no === 3 ? { ...s, waktu: 'secepatnya' } : s)) });
    const d = describeDefinition(edited);
    expect(d.steps.find((s) => s.no === 1)!.standard).toMatchObject({ recognized: true, max: 30, unit: 'minute' });
    expect(d.unreadable).toEqual([{ step: 3, waktu: 'secepatnya' }]);
  });
});

describe('the reason a decision needs', () => {
  it('is the note for a staff "no", or the item the step asks only on that exit', () => {
    const pusling = catalogById('pusling');
    const kunjungan = catalogById('kunjungan');
    // Pusling step 3 asks "alasan dikembalikan" only on "no": returning the plan needs it, not a note too.
    expect(reasonField(stepOf(pusling, 3), 'no')).toBe('alasan_dikembalikan');
    expect(reasonRequired(stepOf(pusling, 3), 'no')).toBe(false);
    expect(reasonRequired(stepOf(pusling, 3), 'yes')).toBe(false);
    // A staff "no" whose step asks no such item needs the note: the engine's default.
    const bare = { ...stepOf(pusling, 3), kelengkapan: stepOf(pusling, 3).kelengkapan.filter((k) => !(k.type === 'data' && k.when === 'no')) };
    expect(reasonField(bare, 'no')).toBeNull();
    expect(reasonRequired(bare, 'no')).toBe(true);
    // Pusling step 6 is the partner's answer: its reason comes with the answer, not as a note.
    expect(reasonRequired(stepOf(pusling, 6), 'no')).toBe(stepOf(pusling, 6).performer === 'staff');
    // Kunjungan step 6 asks "alasan tidak diterima" only on "no": that item is the reason, the note stays free.
    expect(reasonField(stepOf(kunjungan, 6), 'no')).toBe('alasan_tidak_diterima');
    expect(reasonRequired(stepOf(kunjungan, 6), 'no')).toBe(false);
  });
});
