// Reading form answers: every form's sample answers read into the case's input; everything a
// careless or hostile respondent could type is refused with a reason naming the question.
import { describe, expect, it } from 'vitest';
import { sampleAnswers } from '../../functions/src/dev/sample-answers.ts';
import { readAnswers } from '../../functions/src/forms/answers.ts';
import { formById, partnerForms } from '../../functions/src/forms/index.ts';
import { catalogById } from '../../functions/src/sop/catalog/index.ts';

const now = new Date('2026-11-30T02:00:00Z');
const ctx = { timeZone: 'Asia/Makassar', now };

describe('reading answers', () => {
  for (const form of partnerForms()) {
    it(`${form.id}: the sample answers read into the case's input`, () => {
      const answers = sampleAnswers(form, now);
      if (form.mode !== 'open') answers.kode_kasus = ['abc.def'];
      const r = readAnswers(form, form.sopId ? catalogById(form.sopId) : null, { answers }, ctx);
      expect(r.ok ? [] : r.problems).toEqual([]);
      if (!r.ok) return;
      if (form.mode === 'open') expect(r.value.partner?.name).toBeTruthy();
      else expect(r.value.reference).toBe('abc.def');
    });
  }

  it('kunjungan: step 1 data goes to the step, the rest stays on the case; datetime gets the agency offset', () => {
    const form = formById('kunjungan_permohonan')!;
    const r = readAnswers(form, catalogById('kunjungan'), { answers: sampleAnswers(form, now) }, ctx);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(Object.keys(r.value.stepData).sort()).toEqual(['email_kontak', 'jumlah_pengunjung', 'nama_instansi', 'tanggal_kunjungan']);
    expect(r.value.stepData.jumlah_pengunjung).toBe(25);
    expect(Object.keys(r.value.extraData).sort()).toEqual(['jam_kunjungan', 'nama_kontak', 'tujuan_kunjungan']);
    expect(r.value.documents.surat_kunjungan?.url).toMatch(/^https:/);
    const pusling = formById('pusling_permintaan')!;
    const p = readAnswers(pusling, catalogById('pusling'), { answers: { ...sampleAnswers(pusling, now), waktu: ['2026-12-20 09:30'] } }, ctx);
    if (!p.ok) throw new Error(JSON.stringify(p.problems));
    expect(p.value.extraData.waktu_kunjungan).toBe('2026-12-20T09:30:00+08:00');
  });

  const form = formById('pusling_permintaan')!;
  const base = sampleAnswers(form, now);
  const rows: { name: string; answers: Record<string, string[]>; question: string; reason: RegExp }[] = [
    { name: 'a required answer missing', answers: { ...base, lembaga: [] }, question: 'lembaga', reason: /wajib diisi/ },
    { name: 'a blank required answer', answers: { ...base, lembaga: ['   '] }, question: 'lembaga', reason: /wajib diisi/ },
    { name: 'a number that is not one', answers: { ...base, jumlah: ['dua puluh'] }, question: 'jumlah', reason: /bilangan bulat/ },
    { name: 'a negative number', answers: { ...base, jumlah: ['-5'] }, question: 'jumlah', reason: /bilangan bulat/ },
    { name: '1 MB of text', answers: { ...base, catatan: ['x'.repeat(1_000_000)] }, question: 'catatan', reason: /5\.000 karakter/ },
    { name: 'HTML', answers: { ...base, lembaga: ['<b>SD</b>'] }, question: 'lembaga', reason: /HTML/ },
    { name: 'a script', answers: { ...base, catatan: ['halo <script>alert(1)</script>'] }, question: 'catatan', reason: /skrip/ },
    { name: 'a formula (=)', answers: { ...base, lembaga: ['=HYPERLINK("http://x","klik")'] }, question: 'lembaga', reason: /diawali =/ },
    { name: 'a formula (+)', answers: { ...base, lembaga: ['+SUM(A1)'] }, question: 'lembaga', reason: /diawali =/ },
    { name: 'a formula (-)', answers: { ...base, lokasi: ['-2+3'] }, question: 'lokasi', reason: /diawali =/ },
    { name: 'a formula (@)', answers: { ...base, lembaga: ['@SUM(1)'] }, question: 'lembaga', reason: /diawali =/ },
    { name: 'an invalid e-mail', answers: { ...base, email: ['bukan-email'] }, question: 'email', reason: /e-mail/ },
    { name: 'an invalid phone', answers: { ...base, telepon: ['0812'] }, question: 'telepon', reason: /telepon/ },
    { name: 'letters in a phone', answers: { ...base, telepon: ['telepon saya'] }, question: 'telepon', reason: /telepon/ },
    { name: 'a date in the past', answers: { ...base, waktu: ['2020-01-01 09:00'] }, question: 'waktu', reason: /sudah lewat/ },
    { name: 'a date that does not exist', answers: { ...base, waktu: ['2026-02-30 09:00'] }, question: 'waktu', reason: /tidak.*valid|bukan/ },
    { name: 'a lone surrogate', answers: { ...base, lembaga: ['SD \ud800'] }, question: 'lembaga', reason: /tidak utuh/ },
    { name: 'a control character', answers: { ...base, lembaga: ['SD\u0000'] }, question: 'lembaga', reason: /kendali/ },
    { name: 'a line break in a one-line answer', answers: { ...base, lembaga: ['SD\nNegeri'] }, question: 'lembaga', reason: /baris baru/ },
    { name: 'two answers to one question', answers: { ...base, lembaga: ['SD 1', 'SD 2'] }, question: 'lembaga', reason: /satu jawaban/ },
    { name: 'an answer to a question the form does not ask', answers: { ...base, admin: ['ya'] }, question: 'admin', reason: /tidak ada pada formulir/ },
  ];
  for (const row of rows) {
    it(`refuses ${row.name}, naming the question`, () => {
      const r = readAnswers(form, catalogById('pusling'), { answers: row.answers }, ctx);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      const p = r.problems.find((x) => x.path === row.question);
      expect(p?.message, JSON.stringify(r.problems)).toMatch(row.reason);
    });
  }

  it('a choice outside the options and a link that is not http(s)', () => {
    const confirm = formById('pusling_konfirmasi')!;
    const r = readAnswers(confirm, catalogById('pusling'), { answers: { ...sampleAnswers(confirm, now), kode_kasus: ['a.b'], keputusan: ['mungkin'] } }, ctx);
    expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual(['keputusan']);
    const pks = formById('pks_penawaran')!;
    const u = readAnswers(pks, catalogById('pks'), { answers: { ...sampleAnswers(pks, now), surat: ['javascript:alert(1)'] } }, ctx);
    expect(u.ok ? [] : u.problems.map((p) => p.path)).toEqual(['surat']);
  });
});
