// Every seed SOP end to end through the HTTP API, on every branch: each step taken by a demo
// staff member holding the step's role, with the kelengkapan a clerk would enter. The expected
// route is written here independently of the catalog, so a wrong exit in the data fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogById } from '../../functions/src/sop/catalog/index.ts';
import type { SopDefinition } from '../../functions/src/sop/schema.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { fullInput, reasonFor, stepOf } from '../../functions/src/dev/sample-input.ts';

let s: Stack;
beforeAll(async () => {
  s = await startStack();
});
afterAll(async () => s?.close());

type Move = number | [number, 'yes' | 'no'];

interface Walk {
  name: string;
  sop: string;
  agency: string;
  route: Move[];
  outcome: RegExp;
  /** Documents that must be on the case at the end (produced or attached along the way). */
  documents: string[];
}

const WALKS: Walk[] = [
  {
    name: 'Perpustakaan Keliling: approved first time, partner confirms',
    sop: 'pusling', agency: 'balangan',
    route: [1, 2, [3, 'yes'], 4, 5, [6, 'yes'], 9, 10, 11, 12, 13, 14],
    outcome: /\S/, documents: ['rencana_kunjungan', 'lembar_disposisi', 'surat_tugas'],
  },
  {
    name: 'Perpustakaan Keliling: plan returned, partner asks to reschedule, changed plan returned, then approved and confirmed',
    sop: 'pusling', agency: 'balangan',
    route: [1, 2, [3, 'no'], 2, [3, 'yes'], 4, 5, [6, 'no'], 7, [8, 'no'], 7, [8, 'yes'], 5, [6, 'yes'], 9, 10, 11, 12, 13, 14],
    outcome: /\S/, documents: ['rencana_kunjungan', 'surat_tugas'],
  },
  {
    name: 'Perjanjian Kerja Sama: approved at once',
    sop: 'pks', agency: 'sukoharjo',
    route: [1, 2, 3, 4, [5, 'yes'], 6, 7, 8, 9, 10, 11, 12],
    outcome: /\S/, documents: ['surat_persetujuan', 'draft_pks', 'pks_final'],
  },
  {
    name: 'Perjanjian Kerja Sama: Kepala Dinas sends it back for reconsideration, then approves',
    sop: 'pks', agency: 'sukoharjo',
    route: [1, 2, 3, 4, [5, 'no'], 3, 4, [5, 'yes'], 6, 7, 8, 9, 10, 11, 12],
    outcome: /\S/, documents: ['surat_persetujuan', 'pks_final'],
  },
  {
    name: 'Kunjungan resmi: YES, reply letter and a companion librarian',
    sop: 'kunjungan', agency: 'babel',
    route: [1, 2, 3, 4, 5, [6, 'yes'], 7, 8, 9, 10],
    outcome: /\S/, documents: ['agenda_surat_masuk', 'lembar_disposisi', 'surat_jawaban_kunjungan'],
  },
  {
    name: 'Kunjungan resmi: NO, reply proposing another time ends the case',
    sop: 'kunjungan', agency: 'babel',
    route: [1, 2, 3, 4, 5, [6, 'no'], 7],
    outcome: /waktu/i, documents: ['lembar_disposisi', 'surat_balasan_pergantian_waktu'],
  },
  {
    name: 'BU RT: the six steps strictly in order',
    sop: 'burt', agency: 'balangan',
    route: [1, 2, 3, 4, 5, 6],
    outcome: /\S/, documents: ['mou', 'balasan_surat'],
  },
  {
    name: 'KITAPUN SENAPAS: monev to accreditation',
    sop: 'kitapun', agency: 'sukoharjo',
    route: [1, 2, 3, 4, 5, 6, 7, 8, 9],
    outcome: /\S/, documents: ['surat_pemberitahuan_monev', 'laporan_monev', 'surat_pemberitahuan_pembinaan'],
  },
];

function stepNo(m: Move): number {
  return typeof m === 'number' ? m : m[0];
}

async function walk(w: Walk) {
  const def: SopDefinition = catalogById(w.sop);
  const base = `/v1/agencies/${w.agency}`;
  const creator = s.who(w.agency, (def.createRoles ?? stepOf(def, def.startStep).actors)[0]!);
  const created = await s.call('POST', `${base}/cases`, { as: creator, body: { sop: w.sop, partner: { name: 'Mitra Uji', email: 'mitra@example.org' } } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.state.id as string;
  expect(created.body.state.nomor).toMatch(new RegExp(`^${def.code}/\\d{4}/\\d{4}$`));

  for (const [i, move] of w.route.entries()) {
    const no = stepNo(move);
    const step = stepOf(def, no);
    const actor = s.who(w.agency, step.actors[0]!);
    // The case is on the actor's task list, at this step.
    const tasks = await s.call('GET', `${base}/tasks`, { as: actor });
    expect(tasks.status).toBe(200);
    expect(tasks.body.tasks.find((t: { caseId: string }) => t.caseId === id)).toMatchObject({ step: no });

    const body = typeof move === 'number' ? { type: 'complete', step: no, ...fullInput(step) } : { type: 'decide', step: no, decision: move[1], ...fullInput(step), ...reasonFor(step, move[1]) };
    const r = await s.call('POST', `${base}/cases/${id}/actions`, { as: actor, body });
    expect(r.status, `step ${no}: ${JSON.stringify(r.body)}`).toBe(200);
    const next = w.route[i + 1];
    expect(r.body.event).toMatchObject({ step: no, seq: i + 2, toStep: next === undefined ? null : stepNo(next) });
    expect(r.body.event.actor.email).toBe(actor);
  }

  const end = await s.call('GET', `${base}/cases/${id}`, { as: creator });
  expect(end.status).toBe(200);
  expect(end.body.case).toMatchObject({ status: 'closed', currentStep: null, currentRoles: [], version: w.route.length + 1 });
  expect(end.body.case.outcome).toMatch(w.outcome);
  expect(end.body.events.map((e: { seq: number }) => e.seq)).toEqual(Array.from({ length: w.route.length + 1 }, (_, i) => i + 1));
  for (const d of w.documents) expect(Object.keys(end.body.case.documents)).toContain(d);
  // Standard time is recorded against actual time on every step event.
  for (const e of end.body.events.slice(1)) {
    expect(e.standard).toHaveProperty('label');
    expect(typeof e.durationMinutes).toBe('number');
  }
  // A closed case takes no more steps.
  const after = await s.call('POST', `${base}/cases/${id}/actions`, { as: creator, body: { type: 'complete', step: 1 } });
  expect(after).toMatchObject({ status: 409, body: { error: { code: 'CASE_CLOSED' } } });
  return end.body;
}

describe('every SOP, every branch, through the HTTP API', () => {
  for (const w of WALKS) it(w.name, () => walk(w));

  it('a running case can be cancelled by a supervising role, with its reason kept', async () => {
    const def = catalogById('pusling');
    const kasi = s.who('balangan', 'kasi_layanan');
    const c = await s.call('POST', '/v1/agencies/balangan/cases', { as: kasi, body: { sop: 'pusling', partner: { name: 'SDN Batal' } } });
    const canceller = s.who('balangan', def.cancelRoles[0]!);
    const r = await s.call('POST', `/v1/agencies/balangan/cases/${c.body.state.id}/cancel`, { as: canceller, body: { reason: 'Mobil pusling rusak' } });
    expect(r.status).toBe(200);
    expect(r.body.state).toMatchObject({ status: 'cancelled', outcome: 'Dibatalkan: Mobil pusling rusak', currentRoles: [] });
    const again = await s.call('POST', `/v1/agencies/balangan/cases/${c.body.state.id}/cancel`, { as: canceller, body: { reason: 'lagi' } });
    expect(again.body.error.code).toBe('CASE_CLOSED');
  });
});

describe('Peminjaman koleksi referensi: desk records and the monthly report case', () => {
  it('records visitors and books read, recaps the month, and the report goes to the Kasi', async () => {
    const base = '/v1/agencies/balangan';
    const petugas = s.who('balangan', 'petugas_sirkulasi');
    const kasi = s.who('balangan', 'kasi_layanan');
    const visitors = ['Ani', 'Budi', 'Citra'];
    for (const name of visitors) {
      const r = await s.call('POST', `${base}/desk/visits`, { as: petugas, body: { name, category: 'pelajar', purpose: 'membaca referensi' } });
      expect(r.status).toBe(201);
    }
    const reads = [
      { title: 'Ensiklopedia Kalimantan', classification: '900' },
      { title: 'Ensiklopedia Kalimantan', classification: '900' },
      { title: 'Kamus Besar Bahasa Indonesia', classification: '400', copies: 2 },
    ];
    let month = '';
    for (const b of reads) {
      const r = await s.call('POST', `${base}/desk/reads`, { as: petugas, body: b });
      expect(r.status).toBe(201);
      month = r.body.month;
    }
    // Only the desk roles record; a wrong field is refused, not dropped.
    expect((await s.call('POST', `${base}/desk/reads`, { as: kasi, body: { title: 'X' } })).body.error.code).toBe('WRONG_ROLE');
    expect((await s.call('POST', `${base}/desk/visits`, { as: petugas, body: { name: 'D', umur: 12 } })).body.error).toMatchObject({ code: 'INVALID_INPUT', path: 'umur' });

    const recap = await s.call('GET', `${base}/desk/recap?month=${month}`, { as: kasi });
    expect(recap.status).toBe(200);
    expect(recap.body).toMatchObject({ month, visits: 3, booksRead: 4, byCategory: { pelajar: 3 }, byClassification: { '900': 2, '400': 2 } });
    expect(recap.body.titles).toEqual([
      { title: 'Ensiklopedia Kalimantan', count: 2 },
      { title: 'Kamus Besar Bahasa Indonesia', count: 2 },
    ]);
    expect((await s.call('GET', `${base}/desk/recap?month=2026-13`, { as: kasi })).body.error).toMatchObject({ code: 'INVALID_INPUT', path: 'month' });

    await walk({ name: 'laporan bulanan', sop: 'referensi', agency: 'balangan', route: [8, 9], outcome: /\S/, documents: [] });
  });
});
