// Letter field builders: they fill every placeholder of every produced document for a realistic
// case of Kabupaten Balangan (and a minimal one), and word the letters as tata naskah dinas asks.
import { describe, expect, it } from 'vitest';
import { ALL_PRODUCED, context, producedDoc, specOf } from '../support/letter-cases.ts';
import { buildFields, droppedRows, letterHeading } from '../../functions/src/documents/fields/index.ts';
import { TEMPLATES, templateById } from '../../functions/src/documents/templates.ts';
import { CATALOG } from '../../functions/src/sop/catalog/index.ts';

const def = (id: string) => CATALOG.find((d) => d.id === id)!;
const stepOf = (sop: string, no: number) => def(sop).steps.find((s) => s.no === no)!;

/** The fields of the document `docId` that `sop` produces at step `no`. */
function fieldsOf(sop: string, no: number, docId: string, opts: Parameters<typeof context>[3] = {}) {
  const doc = producedDoc(def(sop), no, docId);
  const spec = specOf(doc);
  const ctx = context(def(sop), stepOf(sop, no), spec, { ...opts, doc });
  return { f: buildFields(spec.id, ctx), ctx, spec };
}

describe('buildFields', () => {
  const cases = ALL_PRODUCED.filter(({ doc }) => doc.template !== null);

  it.each(cases.map((c) => [`${c.def.id}.${c.docId}`, c] as const))('fills every placeholder of %s with non-empty text', (_key, { def, doc, step }) => {
    const spec = specOf(doc);
    for (const minimal of [false, true]) {
      const fields = buildFields(spec.id, context(def, step, spec, { minimal, doc }));
      // Only the unused rows of a fixed-length table go without a value.
      const dropped = droppedRows(spec.id, fields);
      for (const p of dropped) expect(spec.droppable).toContain(p);
      expect([...Object.keys(fields), ...dropped].sort()).toEqual([...spec.placeholders].sort());
      for (const [p, v] of Object.entries(fields)) {
        expect(v.trim(), `${spec.id}: {{${p}}} (${minimal ? 'minimal' : 'lengkap'})`).not.toBe('');
        expect(v, p).not.toMatch(/undefined|null|NaN|\[object/);
      }
    }
  });

  it('throws for an unknown template', () => {
    const d = CATALOG[0]!;
    expect(() => buildFields('tidak_ada', context(d, d.steps[0]!, TEMPLATES.surat_tugas!))).toThrow(/tidak dikenal/);
  });

  it('writes the letterhead, the number, dates in the agency zone, the reply to the letter it answers and the signer a.n. the head', () => {
    const { f, ctx, spec } = fieldsOf('kunjungan', 7, 'surat_jawaban_kunjungan');
    expect(f.kop_pemerintah).toBe('PEMERINTAH KABUPATEN BALANGAN');
    expect(f.kop_kontak).toBe('Telepon (0526) 2028060, Pos-el dispusip@balangankab.go.id, Laman https://dispusip.balangankab.go.id');
    expect(f.nomor).toBe('000.5.2/117/DISPUSIP/XI/2026');
    // 2026-11-20T02:30Z is 10.30 WITA on 20 November; the place is the seat of the kabupaten.
    expect(f.tempat_tanggal).toBe('Paringin, 20 November 2026');
    expect(f.tujuan).toBe('Kepala SMA Negeri 1 Paringin');
    expect(f.sifat).toBe('Segera');
    expect(f.lampiran).toBe('-');
    expect(f.isi_pembuka).toContain('Menindaklanjuti surat Saudara Nomor 421.3/045/SMAN1-PRN/XI/2026 tanggal 2 November 2026 hal Permohonan Izin Kunjungan');
    expect(f.hari_tanggal_kunjungan).toBe('Kamis, 3 Desember 2026');
    expect(f.jam_kunjungan).toBe('09.00 WITA sampai dengan selesai');
    expect(f.jumlah_pengunjung).toBe('35 (tiga puluh lima) orang');
    expect(f.ttd_jabatan).toBe('a.n. Kepala Dinas Perpustakaan dan Kearsipan Kabupaten Balangan\nKepala Bidang Perpustakaan,');
    expect(f.ttd_nama).toBe('Hj. Dewi Lestari, S.Sos.');
    expect(f.ttd_nip).toBe('NIP. 19780321 200212 2 004');
    // With pangkat/golongan recorded, it stands under the name, above the NIP.
    const withPangkat = buildFields(spec.id, { ...ctx, signer: { ...ctx.signer!, pangkat: 'Pembina (IV/a)' } });
    expect(withPangkat.ttd_nip).toBe('Pembina (IV/a)\nNIP. 19780321 200212 2 004');
    // A section head signs for the head of the agency under its own superior (u.b.).
    const ub = buildFields(spec.id, { ...ctx, signer: { name: 'Nur Aini, S.IP.', jabatan: 'Kepala Seksi Layanan, Otomasi dan Kerja Sama', relation: 'indirect', atasan: 'Kepala Bidang Perpustakaan' } });
    expect(ub.ttd_jabatan).toBe('a.n. Kepala Dinas Perpustakaan dan Kearsipan Kabupaten Balangan\nKepala Bidang Perpustakaan\nu.b.\nKepala Seksi Layanan, Otomasi dan Kerja Sama,');
  });

  it('gives the reason of the disposition in the reply proposing another time', () => {
    const { f } = fieldsOf('kunjungan', 7, 'surat_balasan_pergantian_waktu');
    expect(f.isi_pembuka).toContain('surat Saudara Nomor 421.3/045/SMAN1-PRN/XI/2026 tanggal 2 November 2026');
    expect(f.isi_pembuka).toContain('belum dapat menerima kunjungan pada waktu tersebut karena ruang baca dipakai untuk penilaian lomba perpustakaan sekolah pada tanggal tersebut.');
    expect(f.isi_utama).toContain('Waktu lain yang masih tersedia: Kamis, 10 Desember 2026 pukul 09.00 WITA.');
  });

  it('lists the assignees of a surat tugas with NIP, pangkat and jabatan from the directory, signed a.n. the head', () => {
    const { f, ctx, spec } = fieldsOf('pusling', 3, 'surat_tugas');
    expect([f.petugas_1_nama, f.petugas_1_nip, f.petugas_1_pangkat, f.petugas_1_jabatan]).toEqual(['Muhammad Rizky, S.IP.', '19900115 201503 1 002', 'Penata Muda (III/a)', 'Pustakawan Ahli Pertama']);
    // Not in the directory: the typed name, and "-" for what only the directory knows.
    expect([f.petugas_2_nama, f.petugas_2_nip, f.petugas_2_pangkat, f.petugas_2_jabatan]).toEqual(['Nor Aida, A.Md.', '-', '-', '-']);
    expect(droppedRows(spec.id, f)).toHaveLength(4 * 8);
    expect(f.ttd_jabatan).toBe('a.n. Kepala Dinas Perpustakaan dan Kearsipan Kabupaten Balangan\nKepala Bidang Perpustakaan,');
    expect(f.untuk).toContain('pada Kamis, 3 Desember 2026 pukul 09.00 WITA sampai dengan selesai;');
    // With nobody holding the signer role, the actor signs in their own name.
    const own = buildFields(spec.id, { ...ctx, signer: null, nomor: null });
    expect(own.nomor).toBe('-');
    expect(own.ttd_jabatan).toBe('Kepala Seksi Layanan, Otomasi dan Kerja Sama,');
  });

  it('writes the monev and coaching notices from their variants, with the schedule and what is attached', () => {
    const { f } = fieldsOf('kitapun', 2, 'surat_pemberitahuan_monev');
    expect(f.jadwal_rincian).toBe('1. Senin, 7 Desember 2026: SD Negeri 1 Paringin\n2. Selasa, 8 Desember 2026, pukul 09.00 WITA: SMP Negeri 1 Paringin\n3. MTs Negeri 1 Balangan (menyusul)');
    expect(f.hal).toBe('Pemberitahuan Monitoring dan Evaluasi Penyelenggaraan Perpustakaan');
    expect(f.tujuan).toBe('1. Kepala Dinas Pendidikan dan Kebudayaan Kabupaten Balangan\n2. Kepala Kantor Kementerian Agama Kabupaten Balangan');
    expect(f.lampiran).toBe('1 (satu) berkas');
    expect(f.sifat).toBe('Penting');
    expect(f.tembusan).toBe('Bupati Balangan (sebagai laporan)');
    const coaching = fieldsOf('kitapun', 7, 'surat_pemberitahuan_pembinaan').f;
    expect(coaching.hal).toBe('Pemberitahuan Pembinaan dan Pendampingan Akreditasi Perpustakaan');
    expect(coaching.jadwal_rincian).toBe('1. Senin, 14 Desember 2026: SD Negeri 1 Paringin');
    expect(coaching.tujuan).toBe('Kepala SD Negeri 1 Paringin');
    expect(coaching.tembusan).toContain('1. Kepala Dinas Pendidikan dan Kebudayaan Kabupaten Balangan');
    const tugas = fieldsOf('kitapun', 8, 'surat_tugas_pembinaan').f;
    expect(tugas.dasar).toContain('Surat pemberitahuan pembinaan dan pendampingan akreditasi Nomor 000.5.2/109/DISPUSIP/XI/2026 tanggal 16 November 2026');
    expect(tugas.untuk).toContain('pembinaan dan pendampingan administrasi serta otomasi perpustakaan');
  });

  it('spells out the monthly figures, for the section head the SOP names', () => {
    const { f: r } = fieldsOf('referensi', 8, 'laporan_bulanan');
    expect(r.periode).toBe('November 2026');
    expect(r.kepada).toBe('Kepala Seksi Layanan, Otomasi dan Kerja Sama');
    expect(r.jumlah_pengunjung).toBe('412');
    expect(r.pengunjung_pelajar).toBe('260');
    expect(r.buku_800).toBe('301');
    expect(r.buku_100).toBe('0');
    expect(r.buku_lain).toBe('44');
    expect(r.rekap_harian).toBe('Senin, 2 November 2026: 21 pengunjung, 35 eksemplar dibaca\nSelasa, 3 November 2026: 18 pengunjung, 27 eksemplar dibaca');
  });

  it('keeps the disposition\'s "harap" choices and its note apart, each disposition with its own', () => {
    const first = fieldsOf('pusling', 3, 'lembar_disposisi').f;
    expect(first.harap).toBe(['☐ Tanggapan dan saran', '☑ Proses lebih lanjut', '☐ Koordinasikan/konfirmasikan', '☐ Siapkan jawaban', '☑ Untuk dilaksanakan', '☐ Hadiri/wakili', '☐ Untuk diketahui', '☐ Arsipkan'].join('\n'));
    expect(first.catatan).toBe('Setuju. Sebarluaskan jadwal kepada pengguna layanan dan laksanakan sesuai rencana.');
    expect(first.sifat).toBe('Segera');
    expect(first.diteruskan_kepada).toBe('1. Kepala Seksi Layanan, Otomasi dan Kerja Sama');
    const changed = fieldsOf('pusling', 8, 'lembar_disposisi').f;
    expect(changed.catatan).toBe('Setuju dengan perubahan lokasi ke aula sekolah karena halaman tergenang.');
    expect(changed.hal).toContain('Konsep Perubahan Rencana Kunjungan Perpustakaan Keliling');
    expect(changed.harap).toContain('☑ Untuk dilaksanakan');
    expect(changed.harap).toContain('☐ Proses lebih lanjut');
  });

  it('writes the nota kesepahaman with both signatories and numbers, dated and placed where it is signed', () => {
    const { f } = fieldsOf('burt', 2, 'mou', { nomor: '000.5.2/118/DISPUSIP/XI/2026' });
    expect(f.pihak_kedua_lembaga).toBe('Pemerintah Desa Batu Piring');
    expect(f.pihak_kedua_nama).toBe('H. Rusdiansyah');
    expect(f.pihak_kedua_jabatan).toBe('Kepala Desa Batu Piring');
    expect(f.nomor_pihak_kedua).toBe('140/07/DS-BP/2026');
    expect(f.nomor_pihak_pertama).toBe('000.5.2/118/DISPUSIP/XI/2026');
    expect(f.pembukaan).toBe('Pada hari ini Jumat tanggal dua puluh bulan November tahun dua ribu dua puluh enam');
    expect(f.tempat_penandatanganan).toBe('Paringin');
    expect(f.pihak_pertama_jabatan).toBe('Kepala Dinas Perpustakaan dan Kearsipan Kabupaten Balangan');
    expect(f.ruang_lingkup).toBe('1. peminjaman kolektif buku bacaan bagi masyarakat;\n2. penyaluran buku kepada rumah tangga; dan\n3. pembinaan perpustakaan desa.');
  });

  it('leaves a draft agreement without number and date, as blanks to fill at signing', () => {
    const { f } = fieldsOf('pks', 11, 'draft_pks_final');
    expect(f.nomor_pihak_pertama).toMatch(/^\.+$/);
    expect(f.nomor_pihak_kedua).toMatch(/^\.+$/);
    expect(f.pembukaan).toBe('Pada hari ini .......... tanggal .......... bulan .......... tahun ..........');
    expect(f.tempat_penandatanganan).toMatch(/^\.+$/);
  });

  it('names the meeting\'s place, chair and participants in the minutes, signed by chair and minute taker', () => {
    const { f } = fieldsOf('pks', 3, 'notulensi_rapat');
    expect(f.tempat_rapat).toBe('Ruang Rapat Bidang Perpustakaan');
    expect(f.pimpinan_rapat).toBe('Hj. Dewi Lestari, S.Sos. (Kepala Bidang Perpustakaan)');
    expect(f.peserta_rapat).toBe('1. Nur Aini, S.IP., Kepala Seksi Layanan, Otomasi dan Kerja Sama\n2. Muhammad Rizky, S.IP., Pustakawan Ahli Pertama');
    expect(f.pimpinan_nama).toBe('Hj. Dewi Lestari, S.Sos.');
    expect(f.pimpinan_nip).toBe('NIP. 19780321 200212 2 004');
    expect(f.ttd_nama).toBe('Nur Aini, S.IP.');
    // Dated by the meeting (16 November, 09.00 WITA), not by the day it was recorded.
    expect(f.hari_tanggal_rapat).toBe('Senin, 16 November 2026');
  });

  it('cites the request, the copies per title and the loan period in the collective-loan reply', () => {
    const { f } = fieldsOf('burt', 3, 'balasan_surat');
    expect(f.tujuan).toBe('Kepala Desa Batu Piring');
    expect(f.isi_pembuka).toContain('Menindaklanjuti surat Saudara Nomor 140/09/DS-BP/XI/2026 tanggal 10 November 2026');
    expect(f.pengantar_daftar_buku).toBe('Adapun buku yang dipinjamkan sebanyak 3 (tiga) judul, masing-masing 5 (lima) eksemplar, seluruhnya 15 (lima belas) eksemplar, yaitu:');
    expect(f.isi_utama).toContain('sampai dengan tanggal 26 Februari 2027');
  });

  it('names the e-mail after the letter: its subject, and greets the addressee by jabatan', () => {
    const doc = producedDoc(def('kunjungan'), 7, 'surat_jawaban_kunjungan');
    const h = letterHeading('surat_jawaban_kunjungan', context(def('kunjungan'), stepOf('kunjungan', 7), specOf(doc), { doc }));
    expect(h).toEqual({ title: 'Surat Jawaban Permohonan Izin Kunjungan', subject: 'Jawaban Permohonan Izin Kunjungan Nomor 000.5.2/117/DISPUSIP/XI/2026', greeting: 'Kepala SMA Negeri 1 Paringin' });
    const draft = producedDoc(def('pks'), 11, 'draft_pks_final');
    const d = letterHeading('draft_pks', context(def('pks'), stepOf('pks', 11), specOf(draft), { doc: draft }));
    expect(d.title).toBe('Draf Akhir Perjanjian Kerja Sama');
    expect(d.subject).toBe('Draf Akhir Perjanjian Kerja Sama tentang Pengembangan Layanan Perpustakaan Sekolah');
    expect(templateById('draft_pks')!.draft).toBe(true);
  });
});
