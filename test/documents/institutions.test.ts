// The table of Indonesian institution kinds: whom a letter to each is addressed to ("Yth. ..."),
// written here case by case, independently of the table's patterns.
import { describe, expect, it } from 'vitest';
import { INSTITUTION_KINDS, pimpinanOf } from '../../functions/src/documents/institutions.ts';

const CASES: [kind: string, name: string, head: string][] = [
  ['pemerintah desa', 'Pemerintah Desa Batu Piring', 'Kepala Desa Batu Piring'],
  ['pemdes', 'Pemdes Lok Batu', 'Kepala Desa Lok Batu'],
  ['kantor desa', 'Kantor Desa Juai', 'Kepala Desa Juai'],
  ['desa', 'Desa Batu Piring', 'Kepala Desa Batu Piring'],
  ['kelurahan', 'Kelurahan Paringin Kota', 'Lurah Paringin Kota'],
  ['kantor kelurahan', 'Kantor Kelurahan Batu Piring', 'Lurah Batu Piring'],
  ['kecamatan', 'Kecamatan Paringin', 'Camat Paringin'],
  ['kantor camat', 'Kantor Camat Awayan', 'Camat Awayan'],
  ['pemerintah kabupaten', 'Pemerintah Kabupaten Balangan', 'Bupati Balangan'],
  ['pemerintah kota', 'Pemerintah Kota Banjarbaru', 'Wali Kota Banjarbaru'],
  ['pemerintah provinsi', 'Pemerintah Provinsi Kalimantan Selatan', 'Gubernur Kalimantan Selatan'],
  ['sekretariat daerah', 'Sekretariat Daerah Kabupaten Balangan', 'Sekretaris Daerah Kabupaten Balangan'],
  ['sekretariat DPRD', 'Sekretariat DPRD Kabupaten Balangan', 'Sekretaris DPRD Kabupaten Balangan'],
  ['DPRD', 'DPRD Kabupaten Sukoharjo', 'Ketua DPRD Kabupaten Sukoharjo'],
  ['inspektorat', 'Inspektorat Kabupaten Balangan', 'Inspektur Kabupaten Balangan'],
  ['SD', 'SD Negeri 1 Paringin', 'Kepala SD Negeri 1 Paringin'],
  ['SDN', 'SDN 2 Batu Piring', 'Kepala SDN 2 Batu Piring'],
  ['sekolah dasar', 'Sekolah Dasar Islam Terpadu Al Ikhlas', 'Kepala Sekolah Dasar Islam Terpadu Al Ikhlas'],
  ['SMP', 'SMP Negeri 1 Paringin', 'Kepala SMP Negeri 1 Paringin'],
  ['SMA', 'SMA Negeri 1 Paringin', 'Kepala SMA Negeri 1 Paringin'],
  ['SMK', 'SMK Negeri 1 Sukoharjo', 'Kepala SMK Negeri 1 Sukoharjo'],
  ['SLB', 'SLB Negeri Paringin', 'Kepala SLB Negeri Paringin'],
  ['MI', 'MI Muhammadiyah Paringin', 'Kepala MI Muhammadiyah Paringin'],
  ['MIN', 'MIN 1 Balangan', 'Kepala MIN 1 Balangan'],
  ['MTs', 'MTs Negeri 1 Balangan', 'Kepala MTs Negeri 1 Balangan'],
  ['MA', 'MA Negeri 2 Sukoharjo', 'Kepala MA Negeri 2 Sukoharjo'],
  ['MAN', 'MAN 1 Balangan', 'Kepala MAN 1 Balangan'],
  ['madrasah aliyah', 'Madrasah Aliyah Darul Ulum', 'Kepala Madrasah Aliyah Darul Ulum'],
  ['TK', 'TK Pertiwi Paringin', 'Kepala TK Pertiwi Paringin'],
  ['taman kanak-kanak', 'Taman Kanak-Kanak Aisyiyah 1', 'Kepala Taman Kanak-Kanak Aisyiyah 1'],
  ['PAUD', 'PAUD Melati', 'Kepala PAUD Melati'],
  ['kelompok bermain', 'Kelompok Bermain Ceria', 'Kepala Kelompok Bermain Ceria'],
  ['RA', 'RA Al Hikmah', 'Kepala RA Al Hikmah'],
  ['universitas', 'Universitas Lambung Mangkurat', 'Rektor Universitas Lambung Mangkurat'],
  ['institut', 'Institut Agama Islam Negeri Surakarta', 'Rektor Institut Agama Islam Negeri Surakarta'],
  ['sekolah tinggi', 'Sekolah Tinggi Ilmu Ekonomi Pancasetia', 'Ketua Sekolah Tinggi Ilmu Ekonomi Pancasetia'],
  ['STKIP', 'STKIP PGRI Banjarmasin', 'Ketua STKIP PGRI Banjarmasin'],
  ['politeknik', 'Politeknik Negeri Banjarmasin', 'Direktur Politeknik Negeri Banjarmasin'],
  ['akademi', 'Akademi Keperawatan Intan Martapura', 'Direktur Akademi Keperawatan Intan Martapura'],
  ['dinas', 'Dinas Pendidikan dan Kebudayaan Kabupaten Sukoharjo', 'Kepala Dinas Pendidikan dan Kebudayaan Kabupaten Sukoharjo'],
  ['badan', 'Badan Perencanaan Pembangunan Daerah Kabupaten Balangan', 'Kepala Badan Perencanaan Pembangunan Daerah Kabupaten Balangan'],
  ['bappeda', 'Bappeda Kabupaten Balangan', 'Kepala Bappeda Kabupaten Balangan'],
  ['kantor kementerian agama', 'Kantor Kementerian Agama Kabupaten Sukoharjo', 'Kepala Kantor Kementerian Agama Kabupaten Sukoharjo'],
  ['kemenag', 'Kemenag Kabupaten Balangan', 'Kepala Kantor Kementerian Agama Kabupaten Balangan'],
  ['kantor', 'Kantor Arsip dan Perpustakaan Kota Surakarta', 'Kepala Kantor Arsip dan Perpustakaan Kota Surakarta'],
  ['RSUD', 'RSUD Balangan', 'Direktur RSUD Balangan'],
  ['rumah sakit', 'Rumah Sakit Islam Surakarta', 'Direktur Rumah Sakit Islam Surakarta'],
  ['puskesmas', 'Puskesmas Paringin', 'Kepala Puskesmas Paringin'],
  ['polres', 'Polres Balangan', 'Kepala Kepolisian Resor Balangan'],
  ['polsek', 'Polsek Paringin', 'Kepala Kepolisian Sektor Paringin'],
  ['polda', 'Polda Kalimantan Selatan', 'Kepala Kepolisian Daerah Kalimantan Selatan'],
  ['kodim', 'Kodim 1001 Amuntai', 'Komandan Kodim 1001 Amuntai'],
  ['koramil', 'Koramil Paringin', 'Komandan Koramil Paringin'],
  ['satpol PP', 'Satpol PP Kabupaten Balangan', 'Kepala Satuan Polisi Pamong Praja Kabupaten Balangan'],
  ['UPT', 'UPT Perpustakaan Universitas Sebelas Maret', 'Kepala UPT Perpustakaan Universitas Sebelas Maret'],
  ['balai', 'Balai Bahasa Provinsi Kalimantan Selatan', 'Kepala Balai Bahasa Provinsi Kalimantan Selatan'],
  ['bagian', 'Bagian Hukum Sekretariat Daerah Kabupaten Balangan', 'Kepala Bagian Hukum Sekretariat Daerah Kabupaten Balangan'],
  ['lembaga pemasyarakatan', 'Lembaga Pemasyarakatan Kelas IIB Sukoharjo', 'Kepala Lembaga Pemasyarakatan Kelas IIB Sukoharjo'],
  ['kejaksaan negeri', 'Kejaksaan Negeri Balangan', 'Kepala Kejaksaan Negeri Balangan'],
  ['pengadilan', 'Pengadilan Agama Paringin', 'Ketua Pengadilan Agama Paringin'],
  ['TBM', 'TBM Cahaya Ilmu', 'Pengelola TBM Cahaya Ilmu'],
  ['taman bacaan masyarakat', 'Taman Bacaan Masyarakat Pelangi', 'Pengelola Taman Bacaan Masyarakat Pelangi'],
  ['rumah baca', 'Rumah Baca Balangan', 'Pengelola Rumah Baca Balangan'],
  ['pondok pesantren', 'Pondok Pesantren Darul Hijrah', 'Pimpinan Pondok Pesantren Darul Hijrah'],
  ['masjid', 'Masjid Agung Al Akbar Paringin', 'Ketua Takmir Masjid Agung Al Akbar Paringin'],
  ['PKK', 'Tim Penggerak PKK Desa Batu Piring', 'Ketua Tim Penggerak PKK Desa Batu Piring'],
  ['RT', 'RT 03 Desa Batu Piring', 'Ketua RT 03 Desa Batu Piring'],
  ['karang taruna', 'Karang Taruna Desa Lok Batu', 'Ketua Karang Taruna Desa Lok Batu'],
  ['yayasan', 'Yayasan Pendidikan Islam Balangan', 'Ketua Yayasan Pendidikan Islam Balangan'],
  ['komunitas', 'Komunitas Literasi Balangan', 'Ketua Komunitas Literasi Balangan'],
  ['koperasi', 'Koperasi Sejahtera Bersama', 'Ketua Koperasi Sejahtera Bersama'],
  ['perusahaan', 'PT Adaro Indonesia', 'Pimpinan PT Adaro Indonesia'],
  ['bank', 'Bank Kalsel Cabang Paringin', 'Pimpinan Bank Kalsel Cabang Paringin'],
  // A school's or village's library answers to the school's or village's head.
  ['perpustakaan sekolah', 'Perpustakaan SMP Negeri 1 Paringin', 'Kepala SMP Negeri 1 Paringin'],
  ['perpustakaan madrasah', 'Perpustakaan MTs Negeri 1 Balangan', 'Kepala MTs Negeri 1 Balangan'],
  ['perpustakaan desa', 'Perpustakaan Desa Batu Piring', 'Kepala Desa Batu Piring'],
  ['perpustakaan perguruan tinggi', 'Perpustakaan Universitas Sebelas Maret', 'Rektor Universitas Sebelas Maret'],
  ['perpustakaan masjid', 'Perpustakaan Masjid Raya Sukoharjo', 'Ketua Takmir Masjid Raya Sukoharjo'],
  ['perpustakaan umum', 'Perpustakaan Umum Kota Surakarta', 'Kepala Perpustakaan Umum Kota Surakarta'],
];

describe('the head of an institution, from the table of kinds', () => {
  it.each(CASES)('%s: %s -> %s', (_kind, name, head) => {
    expect(pimpinanOf(name)).toBe(head);
  });

  it('covers at least forty kinds, each kind of the table tried here', () => {
    expect(new Set(CASES.map(([kind]) => kind)).size).toBeGreaterThanOrEqual(40);
    const tried = CASES.map(([, name]) => name.replace(/^Perpustakaan\s+/, ''));
    for (const kind of INSTITUTION_KINDS) expect(tried.some((n) => kind.starts.test(n)), kind.kind).toBe(true);
  });

  it('keeps a name that already is a jabatan, drops a stray "Yth.", and asks for the "Pimpinan" of an unknown kind', () => {
    expect(pimpinanOf('Kepala Dinas Pendidikan')).toBe('Kepala Dinas Pendidikan');
    expect(pimpinanOf('Yth. SMA Negeri 1 Paringin')).toBe('Kepala SMA Negeri 1 Paringin');
    expect(pimpinanOf('  Desa   Batu  Piring ')).toBe('Kepala Desa Batu Piring');
    expect(pimpinanOf('Sanggar Tari Balangan')).toBe('Ketua Sanggar Tari Balangan');
    expect(pimpinanOf('Rumah Sakit')).toBe('Direktur Rumah Sakit');
    expect(pimpinanOf('Lembaga Adat Dayak')).toBe('Pimpinan Lembaga Adat Dayak');
    expect(pimpinanOf('')).toBe('');
  });

  it('does not mistake a word that only starts like a kind', () => {
    expect(pimpinanOf('Mahkota Literasi')).toBe('Pimpinan Mahkota Literasi');
    expect(pimpinanOf('Rahmat Literasi Foundation')).toBe('Pimpinan Rahmat Literasi Foundation');
    expect(pimpinanOf('Desain Grafis Balangan')).toBe('Pimpinan Desain Grafis Balangan');
  });
});
