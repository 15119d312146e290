// The sidebar's pure logic: failures as google.script.run reports them, form values to the API's
// step input, times in the agency's zone and the idempotency key rule.
import { describe, expect, it } from 'vitest';
import { caseRows, rowProgress, rowStatusKind } from '../../sheets-addon/src/sidebar/logic/cases.ts';
import { buildReadInput, buildVisitInput, deskAccess, deskConfirmation, readSummary, visitSummary } from '../../sheets-addon/src/sidebar/logic/desk.ts';
import { fieldKey, parseFailure } from '../../sheets-addon/src/sidebar/logic/failures.ts';
import { buildCreateInput, buildStepInput, dataValue } from '../../sheets-addon/src/sidebar/logic/form-input.ts';
import { KeyKeeper, newKey } from '../../sheets-addon/src/sidebar/logic/idempotency.ts';
import { recapView } from '../../sheets-addon/src/sidebar/logic/recap.ts';
import { canCancel, canCreate } from '../../sheets-addon/src/sidebar/logic/roles.ts';
import { documentStatus } from '../../sheets-addon/src/sidebar/logic/statuses.ts';
import { currentMonth, formatInstant, formatMinutes, idDateTimeToIso, isoToIdParts, localInputToIso, monthLabel, parseIdDate, parseIdTime } from '../../sheets-addon/src/sidebar/logic/time.ts';
import type { DescribedStep, Kelengkapan, SopDescription } from '../../functions/src/contract.ts';

/** A plain process step as the API describes it. */
const stepView = (no: number, actors: string[], extra: Partial<DescribedStep> = {}): DescribedStep =>
  ({ no, kind: 'process', next: no + 1, activity: `langkah ${no}`, actors, performer: 'staff', kelengkapan: [], waktu: null, output: null, produces: [], standard: { raw: null, basis: 'open', recognized: true, label: 'tidak ditentukan' }, ...extra }) as DescribedStep;
const sopView = (s: Pick<SopDescription, 'id' | 'startStep' | 'cancelRoles' | 'steps'>): SopDescription => ({ title: s.id, code: s.id.toUpperCase(), version: 1, source: 'test', legalBasis: [], warnings: [], roles: [], unreadable: [], ...s });

describe('parseFailure', () => {
  it('reads the ApiError JSON from the message, plain or wrapped', () => {
    const e = { code: 'MISSING_KELENGKAPAN', message: 'Kelengkapan belum lengkap.', path: 'data.x', fields: [{ path: 'data.x', message: 'X wajib diisi.' }] };
    expect(parseFailure(new Error(JSON.stringify(e)))).toEqual(e);
    expect(parseFailure(new Error(JSON.stringify({ error: e })))).toEqual(e);
    expect(parseFailure(new Error(`Exception: ${JSON.stringify(e)}`))).toEqual(e);
    expect(parseFailure(JSON.stringify(e))).toEqual(e);
  });
  it('drops malformed field entries and treats anything else as a network failure', () => {
    expect(parseFailure(new Error(JSON.stringify({ code: 'INVALID_INPUT', message: 'm', fields: [{ path: 1 }, { path: 'a', message: 'b' }] })))).toEqual({
      code: 'INVALID_INPUT',
      message: 'm',
      fields: [{ path: 'a', message: 'b' }],
    });
    const n = parseFailure(new Error('NetworkError: Connection failure due to HTTP 0'));
    expect(n.code).toBe('NETWORK');
    expect(n.message).toMatch(/Tidak dapat menghubungi server.*HTTP 0/);
    expect(parseFailure(undefined).code).toBe('NETWORK');
    expect(parseFailure(new Error('{"not": "an error"}')).code).toBe('NETWORK');
  });
});

it('maps error paths to form fields', () => {
  expect(fieldKey('data.tanggal')).toBe('data.tanggal');
  expect(fieldKey('documents.surat.url')).toBe('documents.surat');
  expect(fieldKey('data.judul.0')).toBe('data.judul');
  expect(fieldKey('partner.email')).toBe('partner.email');
  expect(fieldKey('reason')).toBe('reason');
});

describe('buildStepInput', () => {
  const kel: Kelengkapan[] = [
    { type: 'document', id: 'surat', label: 'Surat', source: 'input' },
    { type: 'document', id: 'disposisi', label: 'Disposisi', source: 'case' },
    { type: 'document', id: 'lama', label: 'Lama', source: 'case' },
    { type: 'document', id: 'jawaban', label: 'Jawaban', source: 'produced' },
    { type: 'data', id: 'nama', label: 'Nama', dataType: 'text' },
    { type: 'data', id: 'catatan', label: 'Catatan', dataType: 'longtext', optional: true },
    { type: 'data', id: 'jumlah', label: 'Jumlah', dataType: 'integer' },
    { type: 'data', id: 'biaya', label: 'Biaya', dataType: 'number' },
    { type: 'data', id: 'ok', label: 'OK', dataType: 'boolean' },
    { type: 'data', id: 'waktu', label: 'Waktu', dataType: 'datetime' },
    { type: 'data', id: 'judul', label: 'Judul', dataType: 'list' },
    { type: 'data', id: 'agenda', label: 'Agenda', dataType: 'text', assign: 'agenda' },
    { type: 'checklist', id: 'infocus', label: 'infocus' },
    { type: 'checklist', id: 'sound', label: 'sound' },
    { type: 'office', id: 'atk', label: 'ATK' },
  ];

  it('sends typed values, only what the step asks for, nothing empty', () => {
    const input = buildStepInput(
      kel,
      {
        data: { nama: '  SDN 1 ', catatan: '   ', jumlah: '35', biaya: '12,5', ok: false, waktu: '2026-12-10T09:00', judul: 'Laskar Pelangi\n\n  Bumi Manusia \n', agenda: '99' },
        checklist: { infocus: true, sound: false },
        documents: { surat: ' https://drive.google.com/x ', disposisi: 'https://example.org/d', lama: 'https://example.org/ignored' },
        note: '  ',
      },
      'Asia/Makassar',
      { lama: { id: 'lama' } },
    );
    expect(input).toEqual({
      data: { nama: 'SDN 1', jumlah: 35, biaya: 12.5, ok: false, waktu: '2026-12-10T09:00:00+08:00', judul: ['Laskar Pelangi', 'Bumi Manusia'] },
      checklist: { infocus: true },
      documents: { surat: { url: 'https://drive.google.com/x' }, disposisi: { url: 'https://example.org/d' } },
    });
  });

  it('leaves out every empty field and keeps a non-number as typed for the API to name', () => {
    const input = buildStepInput(kel, { data: { jumlah: 'dua', judul: '\n' }, checklist: {}, documents: {}, note: 'Segera.' }, 'Asia/Jakarta', {});
    expect(input).toEqual({ data: { jumlah: 'dua', ok: false }, note: 'Segera.' });
  });
});

it('reads dates day first and times on the 24-hour clock, whatever the browser locale', () => {
  expect(parseIdDate('30/11/2026')).toBe('2026-11-30');
  expect(parseIdDate('1-2-26')).toBe('2026-02-01');
  expect(parseIdDate('2026-11-30')).toBe('2026-11-30');
  expect(parseIdDate('31/02/2026')).toBeNull();
  expect(parseIdDate('11/30/2026')).toBeNull();
  expect(parseIdTime('14.30')).toBe('14:30');
  expect(parseIdTime('9:05')).toBe('09:05');
  expect(parseIdTime('0830')).toBe('08:30');
  expect(parseIdTime('2.30 PM')).toBeNull();
  expect(parseIdTime('24.00')).toBeNull();
  expect(idDateTimeToIso('30/11/2026', '14.30', 'Asia/Makassar')).toBe('2026-11-30T14:30:00+08:00');
  expect(isoToIdParts('2026-11-30T06:30:00Z', 'Asia/Makassar')).toEqual({ date: '30/11/2026', time: '14.30' });
  expect(dataValue('datetime', '30/11/2026 14.30', 'Asia/Jakarta')).toBe('2026-11-30T14:30:00+07:00');
  expect(dataValue('date', '30/11/2026', 'Asia/Jakarta')).toBe('2026-11-30');
});

it('converts datetime-local values with the agency offset', () => {
  expect(localInputToIso('2026-12-10T09:00', 'Asia/Jakarta')).toBe('2026-12-10T09:00:00+07:00');
  expect(localInputToIso('2026-12-10T09:00:30', 'Asia/Jayapura')).toBe('2026-12-10T09:00:30+09:00');
  expect(localInputToIso('besok', 'Asia/Jakarta')).toBe('besok');
});

it('formats instants in the agency zone and durations in words', () => {
  expect(formatInstant('2026-11-23T01:05:00Z', 'Asia/Makassar')).toBe('23 Nov 2026 09.05 WITA');
  expect(formatInstant('2026-12-31T20:00:00Z', 'Asia/Jayapura')).toBe('1 Jan 2027 05.00 WIT');
  expect(formatMinutes(null)).toBe('–');
  expect(formatMinutes(0.2)).toBe('kurang dari 1 menit');
  expect(formatMinutes(12.4)).toBe('12 menit');
  expect(formatMinutes(125)).toBe('2 jam 5 menit');
  expect(formatMinutes(60 * 24 * 3 + 60 * 4)).toBe('3 hari 4 jam');
});

it('builds the new-case input without empty partner fields', () => {
  expect(buildCreateInput('kunjungan', ' ', { name: ' SMAN 1 ', email: '', phone: ' 0812 ', address: '' })).toEqual({ sop: 'kunjungan', partner: { name: 'SMAN 1', phone: '0812' } });
  expect(buildCreateInput('pks', 'PKS 2026', { name: 'X', email: 'x@example.org', phone: '', address: 'Jl. A' })).toEqual({ sop: 'pks', title: 'PKS 2026', partner: { name: 'X', email: 'x@example.org', address: 'Jl. A' } });
});

it('reuses the key only when the same submission is resent after a network failure', () => {
  let n = 0;
  const keys = new KeyKeeper(() => `key-${++n}`);
  expect(keys.keyFor('a')).toBe('key-1');
  keys.settle({ code: 'NETWORK', message: 'm' });
  expect(keys.keyFor('a')).toBe('key-1');
  keys.settle({ code: 'MISSING_KELENGKAPAN', message: 'm' });
  expect(keys.keyFor('a')).toBe('key-2');
  keys.settle({ code: 'NETWORK', message: 'm' });
  expect(keys.keyFor('b')).toBe('key-3'); // the form changed: a new attempt
  keys.settle(null);
  expect(keys.keyFor('b')).toBe('key-4');
  expect(newKey()).toMatch(/^[0-9a-f-]{36}$/);
});

it('decides who may create and cancel, and how documents read', () => {
  const sop = sopView({ id: 'k', startStep: 1, cancelRoles: ['kabid'], steps: [stepView(1, ['fo'])] });
  expect(canCreate(sop, ['fo'])).toBe(true);
  expect(canCreate(sop, ['kabid'])).toBe(false);
  expect(canCreate({ ...sop, createRoles: ['kabid'] }, ['kabid'])).toBe(true);
  expect(canCancel(sop, ['kabid'])).toBe(true);
  expect(canCancel(sop, ['fo'])).toBe(false);
  expect(documentStatus({ status: 'pending' })).toEqual({ text: 'tercatat', kind: 'muted' });
  expect(documentStatus({ status: 'pending', outboxId: 'o' })).toEqual({ text: 'menunggu dibuat', kind: 'warn' });
  expect(documentStatus({ status: 'failed', templateId: 't' })).toEqual({ text: 'gagal', kind: 'late' });
});

describe('Semua kasus', () => {
  const row = (nomor: string, mitra: string, sop: string, status: string, langkah = '') => ({
    caseId: nomor.replace(/\W/g, ''),
    nomor,
    sop,
    mitra,
    langkah,
    pelaksana: '',
    jatuhTempo: '',
    status,
    dokumen: '',
    updatedAt: '2026-11-23T01:00:00.000Z',
  });
  const rows = caseRows({
    cases: [
      row('KUNJUNGAN/2026/0003', 'SD Negeri 7 Pangkalpinang', 'Prosedur Pelayanan Kunjungan Resmi', 'Terlambat', '3. Mencatat surat'),
      row('PUSLING/2026/0002', 'Madrasah Ibtidaiyah Nurul Huda', 'Prosedur Layanan Perpustakaan Keliling', 'Selesai', 'Layanan terlaksana'),
      row('KUNJUNGAN/2026/0001', 'SMA Negeri 1 Pangkalpinang', 'Prosedur Pelayanan Kunjungan Resmi', 'Dibatalkan', 'Dibatalkan: Mitra menunda kunjungan'),
      { nomor: 'tanpa id' },
      null,
    ],
  });

  it('keeps the API order, drops rows without an id, reads anything missing as empty', () => {
    expect(rows.map((r) => r.nomor)).toEqual(['KUNJUNGAN/2026/0003', 'PUSLING/2026/0002', 'KUNJUNGAN/2026/0001']);
    expect(caseRows(null)).toEqual([]);
    expect(caseRows({ cases: [{ caseId: 'X' }] })[0]).toMatchObject({ caseId: 'X', nomor: '', mitra: '', status: 'Berjalan' });
  });

  it('a row reads its step while open, its outcome once closed, its reason once cancelled', () => {
    expect(rows.map(rowProgress)).toEqual(['Langkah 3: Mencatat surat', 'Hasil: Layanan terlaksana', 'Alasan pembatalan: Mitra menunda kunjungan']);
    expect(rowProgress({ status: 'Selesai', langkah: '' })).toBe('Kasus selesai.');
    expect(rowProgress({ status: 'Dibatalkan', langkah: '' })).toBe('Kasus dibatalkan.');
    expect(rows.map((r) => rowStatusKind(r.status))).toEqual(['late', 'ok', 'muted']);
    expect(rowStatusKind('Berjalan')).toBe('info');
  });
});

describe('Meja baca', () => {
  const step = (no: number, actors: string[]) => stepView(no, actors, { desk: true });
  const referensi = sopView({ id: 'referensi', startStep: 8, cancelRoles: [], steps: [step(1, ['teknisi']), step(3, ['petugas_sirkulasi']), step(7, ['petugas_sirkulasi', 'pustakawan'])] });

  it('is for the roles of desk steps 3 (guest book) and 7 (books read) of the referensi SOP', () => {
    expect(deskAccess([referensi], ['petugas_sirkulasi'])).toEqual({ visits: true, reads: true });
    expect(deskAccess([referensi], ['kabid_perpustakaan', 'pustakawan'])).toEqual({ visits: false, reads: true });
    // Step 1 is a desk step too, but records are steps 3 and 7.
    expect(deskAccess([referensi], ['teknisi'])).toBeNull();
    expect(deskAccess([referensi], [])).toBeNull();
    expect(deskAccess([{ ...referensi, id: 'kunjungan' }], ['petugas_sirkulasi'])).toBeNull();
    expect(deskAccess(null, ['petugas_sirkulasi'])).toBeNull();
  });

  it('builds the guest-book entry without empty fields; the name is required', () => {
    expect(buildVisitInput({ name: ' Siti Aminah ', institution: ' SMAN 1 Paringin ', category: 'pelajar', purpose: '' })).toEqual({
      input: { name: 'Siti Aminah', institution: 'SMAN 1 Paringin', category: 'pelajar' },
      problems: [],
    });
    expect(buildVisitInput({ name: '  ', institution: '', category: 'bukan-kategori', purpose: ' Membaca koran ' })).toEqual({
      input: { name: '', category: 'umum', purpose: 'Membaca koran' },
      problems: [{ path: 'name', message: 'Nama pengunjung wajib diisi.' }],
    });
  });

  it('builds the book-read entry: title required, DDC as 3 digits, copies 1 to 100 (1 when empty)', () => {
    expect(buildReadInput({ title: ' Sejarah Banjar ', callNumber: ' 959.8 SEJ s ', classification: '959,8', copies: '2' })).toEqual({
      input: { title: 'Sejarah Banjar', callNumber: '959.8 SEJ s', classification: '959.8', copies: 2 },
      problems: [],
    });
    expect(buildReadInput({ title: 'Laskar Pelangi', callNumber: '', classification: '', copies: '' })).toEqual({ input: { title: 'Laskar Pelangi', copies: 1 }, problems: [] });
    const bad = buildReadInput({ title: '', callNumber: '', classification: '90', copies: '0' });
    expect(bad.problems.map((p) => p.path)).toEqual(['title', 'classification', 'copies']);
    expect(bad.problems[1]!.message).toMatch(/3 angka/);
    for (const copies of ['101', '1.5', '-1', 'dua']) expect(buildReadInput({ title: 'X', callNumber: '', classification: '', copies }).problems, copies).toHaveLength(1);
    for (const cls of ['9000', 'abc', '900.', '900.1a']) expect(buildReadInput({ title: 'X', callNumber: '', classification: cls, copies: '1' }).problems, cls).toHaveLength(1);
  });

  it('confirms what was recorded, at what time, and says so when it was recorded already', () => {
    const v = visitSummary({ name: 'Siti Aminah', institution: 'SMAN 1 Paringin', category: 'pelajar' });
    expect(v).toBe('Siti Aminah (Pelajar, SMAN 1 Paringin)');
    expect(deskConfirmation(v, { at: '2026-07-14T01:05:00.000Z', replayed: false }, 'Asia/Makassar')).toBe('Tercatat: Siti Aminah (Pelajar, SMAN 1 Paringin) · 09.05 WITA.');
    expect(deskConfirmation('Budi', { replayed: true }, 'Asia/Jakarta')).toBe('Tercatat: Budi. Sudah tercatat sebelumnya; tidak dicatat dua kali.');
    expect(readSummary({ title: 'Sejarah Banjar', classification: '959.8', copies: 2 })).toBe('Sejarah Banjar (DDC 959.8, 2 eksemplar)');
    expect(readSummary({ title: 'Laskar Pelangi' })).toBe('Laskar Pelangi (1 eksemplar)');
  });

  it('the current month is the agency zone\'s, and reads in Indonesian', () => {
    // 31 Jul 2026 23:30 in Jakarta is already 1 Aug in Makassar and Jayapura.
    const now = new Date('2026-07-31T16:30:00Z');
    expect(currentMonth(now, 'Asia/Jakarta')).toBe('2026-07');
    expect(currentMonth(now, 'Asia/Makassar')).toBe('2026-08');
    expect(currentMonth(new Date('2026-12-31T15:30:00Z'), 'Asia/Jayapura')).toBe('2027-01');
    expect(monthLabel('2026-07')).toBe('Juli 2026');
    expect(monthLabel('2026-13')).toBe('2026-13');
  });

  it('reads the recap: the four categories in order, DDC classes by class, the ten most read titles', () => {
    const titles = Array.from({ length: 12 }, (_, i) => ({ title: `Judul ${i + 1}`, count: 12 - i }));
    const view = recapView(
      {
        month: '2026-07',
        visits: 5,
        booksRead: 78,
        byDay: {},
        byCategory: { umum: 2, pelajar: 2, rombongan: 1 },
        byClassification: { 'tanpa klasifikasi': 3, '900': 40, '000': 5, '800': 30 },
        titles: [...titles, { title: 7 }, null],
      },
      '2026-07',
    );
    expect(view).toMatchObject({ month: '2026-07', visits: 5, booksRead: 78, titleCount: 12 });
    expect(view.byCategory).toEqual([
      { id: 'pelajar', label: 'Pelajar', count: 2 },
      { id: 'mahasiswa', label: 'Mahasiswa', count: 0 },
      { id: 'umum', label: 'Umum', count: 2 },
      { id: 'instansi', label: 'Instansi', count: 0 },
      { id: 'rombongan', label: 'rombongan', count: 1 },
    ]);
    expect(view.byClass.map((c) => [c.id, c.count])).toEqual([['000', 5], ['800', 30], ['900', 40], ['tanpa klasifikasi', 3]]);
    expect(view.byClass[2]!.label).toBe('900 Sejarah dan geografi');
    expect(view.byClass[3]!.label).toBe('Tanpa klasifikasi');
    expect(view.topTitles).toHaveLength(10);
    expect(view.topTitles[0]).toEqual({ title: 'Judul 1', count: 12 });
    expect(view.topTitles.at(-1)!.title).toBe('Judul 10');

    const empty = recapView(null, '2026-06');
    expect(empty).toMatchObject({ month: '2026-06', visits: 0, booksRead: 0, byClass: [], topTitles: [], titleCount: 0 });
    expect(empty.byCategory.map((c) => c.count)).toEqual([0, 0, 0, 0]);
  });
});
