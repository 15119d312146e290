// Visits: the mobile library (pusling) plan and schedule notice, and the replies to an institution
// asking to visit the agency (accepted, or another time proposed for the reason the Kepala Bidang
// gave in the disposition).
import { numberedLines } from '../format.ts';
import { alasan, type Builder, type Helpers } from './helpers.ts';
import { clause, count, DASH, intOf } from './readers.ts';

/** Visit date and time of the mobile library (pusling) or an official visit (kunjungan). */
export function kunjunganWaktu(h: Helpers): { hariTanggal: string; jam: string } {
  const dt = h.data('waktu_kunjungan');
  const day = h.dayDate(dt) ?? h.dayDate(h.data('tanggal_kunjungan'));
  const clock = h.clock(dt);
  return { hariTanggal: day ?? DASH, jam: clock ? `${clock} sampai dengan selesai` : DASH };
}

/** The crew, by their names in the staff directory. */
export function petugasList(h: Helpers): string {
  const names = h.people('petugas').map((p) => p.name);
  return names.length ? numberedLines(names) : DASH;
}

export const visitBuilders: Record<string, Builder> = {
  rencana_kunjungan_pusling(h) {
    const w = kunjunganWaktu(h);
    const change = h.variant === 'perubahan';
    const n = intOf(h.data('jumlah_pemustaka'));
    return {
      judul: `${change ? 'PERUBAHAN ' : ''}RENCANA KUNJUNGAN PERPUSTAKAAN KELILING`,
      hari_tanggal_kunjungan: w.hariTanggal,
      jam_kunjungan: w.jam,
      lokasi_kunjungan: h.text('lokasi_kunjungan') ?? DASH,
      pengguna_layanan: h.instansi() ?? DASH,
      daftar_petugas: petugasList(h),
      jumlah_pemustaka: n !== undefined ? count(n, 'orang') : DASH,
      keterangan:
        h.ctx.step.note ??
        (change ? 'Perubahan rencana kegiatan/pengalihan lokasi sesuai dengan kesepakatan dengan pengguna layanan.' : 'Disusun berdasarkan hasil koordinasi dengan pengguna layanan.'),
    };
  },

  pemberitahuan_jadwal_pusling(h) {
    const w = kunjunganWaktu(h);
    // The notice is sent again after the partner asked for another time: the second is the changed schedule.
    const changed = h.revision > 1;
    return {
      hal: `${changed ? 'Perubahan ' : ''}Jadwal Kunjungan Perpustakaan Keliling`,
      isi_pembuka: changed
        ? `Menindaklanjuti permintaan perubahan jadwal dari pihak Saudara, dengan ini kami sampaikan perubahan jadwal kunjungan Mobil Perpustakaan Keliling ${h.ctx.agency.name} sebagai berikut:`
        : `Menindaklanjuti koordinasi antara petugas kami dan pihak Saudara mengenai layanan perpustakaan keliling, dengan ini kami sampaikan jadwal kunjungan Mobil Perpustakaan Keliling ${h.ctx.agency.name} sebagai berikut:`,
      hari_tanggal_kunjungan: w.hariTanggal,
      jam_kunjungan: w.jam,
      lokasi_kunjungan: h.text('lokasi_kunjungan') ?? DASH,
      daftar_petugas: petugasList(h),
      isi_utama:
        'Sehubungan dengan hal tersebut, kami mohon Saudara memeriksa kesesuaian waktu dan tempat kegiatan serta kesiapan penerimaan layanan, kemudian menyampaikan konfirmasi kepada kami. Apabila waktu atau tempat tersebut tidak sesuai, Saudara dapat mengusulkan perubahan jadwal.',
    };
  },

  surat_jawaban_kunjungan(h) {
    const w = kunjunganWaktu(h);
    const n = intOf(h.data('jumlah_pengunjung'));
    const pendamping = h.list('nama_pendamping');
    return {
      hal: 'Jawaban Permohonan Izin Kunjungan',
      isi_pembuka: `Menindaklanjuti ${h.suratSaudara()} hal Permohonan Izin Kunjungan ke ${h.ctx.agency.name}, dengan ini kami sampaikan bahwa kami menerima kunjungan tersebut, yang akan dilaksanakan pada:`,
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
    const diminta = h.dayDate(h.data('tanggal_kunjungan'));
    const usulan = h.data('waktu_kunjungan');
    const clock = h.clock(usulan);
    const sebab = h.slot('alasan');
    const lain = h.text('jadwal_alternatif');
    return {
      hal: 'Permintaan Pergantian Waktu Kunjungan',
      isi_pembuka: `Menindaklanjuti ${h.suratSaudara()} hal Permohonan Izin Kunjungan ke ${h.ctx.agency.name}${diminta ? ` pada ${diminta}` : ''}, dengan ini kami sampaikan bahwa kami belum dapat menerima kunjungan pada waktu tersebut${sebab ? ` karena ${alasan(sebab)}` : ''}. Oleh karena itu, kami mengusulkan pergantian waktu kunjungan sebagai berikut:`,
      hari_tanggal_usulan: h.dayDate(usulan) ?? DASH,
      jam_usulan: clock ? `${clock} sampai dengan selesai` : DASH,
      tempat_kunjungan: h.text('tempat_kunjungan') ?? h.ctx.agency.name,
      isi_utama: `Kami mohon Saudara menyampaikan konfirmasi atas usulan waktu tersebut, atau mengajukan kembali permohonan kunjungan pada waktu lain yang sesuai.${lain ? ` Waktu lain yang masih tersedia: ${clause(lain)}.` : ''}`,
      isi_penutup: 'Demikian disampaikan, atas perhatian dan pengertian Saudara diucapkan terima kasih.',
    };
  },
};
