// Visits: the mobile library (pusling) schedule and notice, and the replies to an institution
// asking to visit the agency (accepted, or another time proposed).
import { numberedLines } from '../format.ts';
import type { Builder, Helpers } from './helpers.ts';
import { DASH, count, intOf, pimpinanOf } from './readers.ts';

/** Visit date, time and place of the mobile library (pusling) or an official visit (kunjungan). */
export function kunjunganWaktu(h: Helpers): { hariTanggal: string; jam: string } {
  const dt = h.data('waktu_kunjungan');
  const day = h.dayDate(dt) ?? h.dayDate(h.data('tanggal_kunjungan'));
  const clock = h.clock(dt);
  return { hariTanggal: day ?? DASH, jam: clock ? `${clock} sampai dengan selesai` : DASH };
}

export function petugas(h: Helpers): string {
  const names = h.list('nama_petugas');
  return names.length ? numberedLines(names) : DASH;
}

/** Only the step's wording tells a reissued plan (a change, correction or relocation) from the first one. */
export const perubahan = (h: Helpers) => /perubahan|perbaikan|pengalihan/i.test(h.ctx.step.activity);

export const visitBuilders: Record<string, Builder> = {
  rencana_kunjungan_pusling(h) {
    const w = kunjunganWaktu(h);
    const change = perubahan(h);
    const jumlah = h.data('jumlah_pemustaka');
    const n = intOf(jumlah);
    return {
      judul: `${change ? 'PERUBAHAN ' : ''}RENCANA KUNJUNGAN PERPUSTAKAAN KELILING`,
      hari_tanggal_kunjungan: w.hariTanggal,
      jam_kunjungan: w.jam,
      lokasi_kunjungan: h.text('lokasi_kunjungan') ?? DASH,
      pengguna_layanan: h.mitra() ?? DASH,
      daftar_petugas: petugas(h),
      jumlah_pemustaka: n !== undefined ? count(n, 'orang') : DASH,
      keterangan: h.ctx.step.note ?? (change ? 'Perubahan rencana kegiatan/pengalihan lokasi sesuai kesepakatan dengan pengguna layanan.' : DASH),
    };
  },

  pemberitahuan_jadwal_pusling(h) {
    const w = kunjunganWaktu(h);
    const pengguna = h.mitra();
    return {
      hal: 'Jadwal Kunjungan Perpustakaan Keliling',
      tujuan: pengguna ? pimpinanOf(pengguna) : 'Pengguna Layanan Perpustakaan Keliling',
      isi_pembuka: `Menindaklanjuti koordinasi antara petugas kami dan pihak Saudara mengenai layanan perpustakaan keliling, dengan ini kami sampaikan jadwal kunjungan Mobil Perpustakaan Keliling ${h.ctx.agency.name} sebagai berikut:`,
      hari_tanggal_kunjungan: w.hariTanggal,
      jam_kunjungan: w.jam,
      lokasi_kunjungan: h.text('lokasi_kunjungan') ?? DASH,
      daftar_petugas: petugas(h),
      isi_utama:
        'Sehubungan dengan hal tersebut, kami mohon Saudara memeriksa kesesuaian waktu dan tempat kegiatan serta kesiapan penerimaan layanan, kemudian menyampaikan konfirmasi kepada kami. Apabila waktu atau tempat tersebut tidak sesuai, Saudara dapat mengusulkan perubahan jadwal.',
    };
  },

  surat_jawaban_kunjungan(h) {
    const w = kunjunganWaktu(h);
    const instansi = h.mitra();
    const n = intOf(h.data('jumlah_pengunjung'));
    const pendamping = h.list('nama_pendamping');
    return {
      hal: 'Jawaban Permohonan Izin Kunjungan',
      tujuan: instansi ? pimpinanOf(instansi) : 'Pimpinan Instansi Pemohon Kunjungan',
      isi_pembuka: `Menindaklanjuti surat Saudara perihal permohonan izin kunjungan ke ${h.ctx.agency.name}, dengan ini kami sampaikan bahwa kami menerima kunjungan tersebut, yang akan dilaksanakan pada:`,
      hari_tanggal_kunjungan: w.hariTanggal,
      jam_kunjungan: w.jam,
      tempat_kunjungan: h.text('tempat_kunjungan') ?? h.ctx.agency.name,
      jumlah_pengunjung: n !== undefined ? count(n, 'orang') : DASH,
      pendamping: pendamping.length > 1 ? numberedLines(pendamping) : (pendamping[0] ?? DASH),
      isi_utama:
        'Selama kunjungan, rombongan Saudara akan didampingi oleh pustakawan kami. Kami mohon rombongan hadir tepat waktu dan mengisi buku tamu kunjungan elektronik pada saat kedatangan.',
    };
  },

  surat_balasan_pergantian_waktu(h) {
    const instansi = h.mitra();
    const diminta = h.dayDate(h.data('tanggal_kunjungan'));
    const usulan = h.data('waktu_kunjungan');
    const clock = h.clock(usulan);
    return {
      hal: 'Permintaan Pergantian Waktu Kunjungan',
      tujuan: instansi ? pimpinanOf(instansi) : 'Pimpinan Instansi Pemohon Kunjungan',
      isi_pembuka: `Menindaklanjuti surat Saudara perihal permohonan izin kunjungan ke ${h.ctx.agency.name}${diminta ? ` pada ${diminta}` : ''}, dengan ini kami sampaikan bahwa kami belum dapat menerima kunjungan pada waktu tersebut karena jadwal layanan kami tidak tersedia. Oleh karena itu, kami mengusulkan pergantian waktu kunjungan sebagai berikut:`,
      hari_tanggal_usulan: h.dayDate(usulan) ?? DASH,
      jam_usulan: clock ? `${clock} sampai dengan selesai` : DASH,
      tempat_kunjungan: h.text('tempat_kunjungan') ?? h.ctx.agency.name,
      jadwal_alternatif: h.text('jadwal_alternatif') ?? DASH,
      isi_utama: 'Kami mohon Saudara menyampaikan konfirmasi atas usulan waktu tersebut, atau mengajukan kembali permohonan kunjungan pada waktu lain yang sesuai.',
      isi_penutup: 'Demikian disampaikan, atas perhatian dan pengertian Saudara diucapkan terima kasih.',
    };
  },
};
