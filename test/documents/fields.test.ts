// Letter field builders: they fill every placeholder of every produced document for a realistic
// case of Kabupaten Balangan (and a minimal one), and word the letters as tata naskah dinas asks.
import { describe, expect, it } from 'vitest';
import { ALL_PRODUCED, context } from '../support/letter-cases.ts';
import { buildFields, pimpinanOf } from '../../functions/src/documents/fields/index.ts';
import { DOCUMENT_TEMPLATES, TEMPLATES, templateById, templateFor } from '../../functions/src/documents/templates.ts';
import { CATALOG } from '../../functions/src/sop/catalog/index.ts';

describe('buildFields', () => {
  const cases = ALL_PRODUCED.filter(({ def, docId }) => DOCUMENT_TEMPLATES[`${def.id}.${docId}`] !== null);

  it.each(cases.map((c) => [`${c.def.id}.${c.docId}`, c] as const))('fills every placeholder of %s with non-empty text', (_key, { def, docId, step }) => {
    const spec = templateFor(def.id, docId)!;
    for (const minimal of [false, true]) {
      const fields = buildFields(spec.id, context(def, step, spec, { minimal }));
      expect(Object.keys(fields).sort()).toEqual([...spec.placeholders].sort());
      for (const p of spec.placeholders) {
        expect(typeof fields[p], p).toBe('string');
        expect(fields[p]!.trim(), `${spec.id}: {{${p}}} (${minimal ? 'minimal' : 'lengkap'})`).not.toBe('');
        expect(fields[p], p).not.toMatch(/undefined|null|NaN|\[object/);
      }
    }
  });

  it('throws for an unknown template', () => {
    const def = CATALOG[0]!;
    expect(() => buildFields('tidak_ada', context(def, def.steps[0]!, TEMPLATES.surat_tugas!))).toThrow(/tidak dikenal/);
  });

  const def = (id: string) => CATALOG.find((d) => d.id === id)!;
  const stepOf = (sop: string, no: number) => def(sop).steps.find((s) => s.no === no)!;

  it('writes the letterhead, the number, dates in the agency zone and the signer', () => {
    const spec = templateById('surat_jawaban_kunjungan')!;
    const f = buildFields(spec.id, context(def('kunjungan'), stepOf('kunjungan', 7), spec));
    expect(f.kop_pemerintah).toBe('PEMERINTAH KABUPATEN BALANGAN');
    expect(f.kop_kontak).toBe('Telepon (0526) 2028060, Pos-el dispusip@balangankab.go.id, Laman https://dispusip.balangankab.go.id');
    expect(f.nomor).toBe('000.5.2/117/DISPUSIP/XI/2026');
    // 2026-11-20T02:30Z is 10.30 WITA on 20 November.
    expect(f.tempat_tanggal).toBe('Balangan, 20 November 2026');
    expect(f.tujuan).toBe('Kepala SMA Negeri 1 Paringin');
    expect(f.hari_tanggal_kunjungan).toBe('Kamis, 3 Desember 2026');
    expect(f.jam_kunjungan).toBe('09.00 WITA sampai dengan selesai');
    expect(f.jumlah_pengunjung).toBe('35 (tiga puluh lima) orang');
    expect(f.ttd_jabatan).toBe('a.n. Kepala Dinas Perpustakaan dan Kearsipan Kabupaten Balangan\nKepala Bidang Perpustakaan,');
    expect(f.ttd_nama).toBe('Hj. Dewi Lestari, S.Sos.');
    expect(f.ttd_nip).toBe('NIP. 19780321 200212 2 004');
    // With pangkat/golongan recorded, it stands under the name, above the NIP.
    const ctx = context(def('kunjungan'), stepOf('kunjungan', 7), spec);
    const withPangkat = buildFields(spec.id, { ...ctx, signer: { ...ctx.signer!, pangkat: 'Pembina (IV/a)' } });
    expect(withPangkat.ttd_nip).toBe('Pembina (IV/a)\nNIP. 19780321 200212 2 004');
  });

  it('signs as the actor when no signer is active, and prints "-" for a missing number', () => {
    const spec = templateById('surat_tugas')!;
    const ctx = { ...context(def('pusling'), stepOf('pusling', 3), spec, { nomor: null }), signer: null };
    const f = buildFields(spec.id, ctx);
    expect(f.nomor).toBe('-');
    expect(f.ttd_nama).toBe('Nur Aini, S.IP.');
    expect(f.ttd_jabatan).toBe('Kepala Seksi Layanan, Otomasi dan Kerja Sama,');
    expect(f.daftar_petugas).toBe('1. Muhammad Rizky\n2. Nor Aida, A.Md.');
    expect(f.untuk).toContain('pada Kamis, 3 Desember 2026 pukul 09.00 WITA sampai dengan selesai;');
  });

  it('spells out the schedule and the monthly figures', () => {
    const monev = templateById('surat_pemberitahuan_monev')!;
    const f = buildFields(monev.id, context(def('kitapun'), stepOf('kitapun', 2), monev));
    expect(f.jadwal_rincian).toBe('1. Senin, 7 Desember 2026: SD Negeri 1 Paringin\n2. Selasa, 8 Desember 2026, pukul 09.00 WITA: SMP Negeri 1 Paringin\n3. MTs Negeri 1 Balangan (menyusul)');
    expect(f.hal).toBe('Pemberitahuan Monitoring dan Evaluasi Penyelenggaraan Perpustakaan');
    expect(f.tembusan).toBe('Bupati Balangan (sebagai laporan)');
    const coaching = buildFields(monev.id, context(def('kitapun'), stepOf('kitapun', 7), monev));
    expect(coaching.hal).toBe('Pemberitahuan Pembinaan dan Pendampingan Akreditasi Perpustakaan');
    expect(coaching.jadwal_rincian).toBe('1. Senin, 14 Desember 2026: SD Negeri 1 Paringin');

    const laporan = templateById('laporan_bulanan_referensi')!;
    const r = buildFields(laporan.id, context(def('referensi'), stepOf('referensi', 8), laporan));
    expect(r.periode).toBe('November 2026');
    expect(r.jumlah_pengunjung).toBe('412');
    expect(r.pengunjung_pelajar).toBe('260');
    expect(r.buku_800).toBe('301');
    expect(r.buku_100).toBe('0');
    expect(r.buku_lain).toBe('44');
    expect(r.rekap_harian).toBe('Senin, 2 November 2026: 21 pengunjung, 35 eksemplar dibaca\nSelasa, 3 November 2026: 18 pengunjung, 27 eksemplar dibaca');
  });

  it('addresses the head of the partner organisation', () => {
    expect(pimpinanOf('SMA Negeri 1 Paringin')).toBe('Kepala SMA Negeri 1 Paringin');
    expect(pimpinanOf('Desa Batu Piring')).toBe('Kepala Desa Batu Piring');
    expect(pimpinanOf('Kecamatan Paringin')).toBe('Camat Paringin');
    expect(pimpinanOf('TBM Cahaya Ilmu')).toBe('Pengelola TBM Cahaya Ilmu');
    expect(pimpinanOf('RT 03 Desa Batu Piring')).toBe('Ketua RT 03 Desa Batu Piring');
    expect(pimpinanOf('Kepala Dinas Pendidikan')).toBe('Kepala Dinas Pendidikan');
  });
});
