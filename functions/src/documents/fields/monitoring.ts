// Monitoring and evaluation (monev) of the libraries of a region, and the coaching towards
// accreditation that follows it: the same notice and schedule templates serve both, worded by step.
import { numberedLines } from '../format.ts';
import type { Builder, Helpers } from './helpers.ts';
import { DASH, KABID, pimpinanOf, textOf } from './readers.ts';

const pembinaan = (h: Helpers) => /pembinaan/i.test(h.ctx.step.activity);

function monevOrPembinaan(h: Helpers) {
  const isPembinaan = pembinaan(h);
  return {
    isPembinaan,
    judul: isPembinaan ? 'JADWAL PEMBINAAN DAN PENDAMPINGAN AKREDITASI PERPUSTAKAAN' : 'JADWAL MONITORING DAN EVALUASI PENYELENGGARAAN PERPUSTAKAAN',
    jadwal: h.jadwal(h.list(isPembinaan ? 'rincian_jadwal_pembinaan' : 'rincian_jadwal_monev')) || DASH,
  };
}

export const monitoringBuilders: Record<string, Builder> = {
  surat_pemberitahuan_monev(h) {
    const { ctx } = h;
    const m = monevOrPembinaan(h);
    const wilayah = h.wilayah();
    const dinasPendidikan = `Kepala Dinas Pendidikan dan Kebudayaan ${wilayah}`;
    const kemenag = `Kepala Kantor Kementerian Agama ${wilayah}`;
    const partner = textOf(ctx.case.partner?.name);
    const program = ` melalui program ${h.program()}`;
    let tujuan: string;
    if (partner) tujuan = pimpinanOf(partner);
    else if (!m.isPembinaan) tujuan = numberedLines([dinasPendidikan, kemenag]);
    else {
      const dibina = h.list('perpustakaan_dibina');
      tujuan = dibina.length > 0 && dibina.length <= 5 ? numberedLines(dibina.map(pimpinanOf)) : 'Pimpinan Lembaga Penyelenggara Perpustakaan\n(daftar terlampir)';
    }
    const fields = m.isPembinaan
      ? {
          hal: 'Pemberitahuan Pembinaan dan Pendampingan Akreditasi Perpustakaan',
          isi_pembuka: `Berdasarkan hasil monitoring dan evaluasi penyelenggaraan perpustakaan${program}, perpustakaan Saudara termasuk perpustakaan yang akan dibina dalam rangka pengajuan akreditasi perpustakaan.`,
          isi_utama:
            'Sehubungan dengan hal tersebut, petugas kami akan melaksanakan pembinaan dan pendampingan administrasi serta otomasi perpustakaan sesuai dengan jadwal sebagaimana tercantum dalam lampiran surat ini. Kami mohon Saudara menugaskan pengelola perpustakaan untuk mendampingi petugas kami. Kegiatan ini tidak dipungut biaya.',
          tembusan: numberedLines([dinasPendidikan, kemenag]),
        }
      : {
          hal: 'Pemberitahuan Monitoring dan Evaluasi Penyelenggaraan Perpustakaan',
          isi_pembuka: `Dalam rangka pembinaan penyelenggaraan perpustakaan agar sesuai dengan Standar Nasional Perpustakaan${program}, ${ctx.agency.name} akan melaksanakan monitoring dan evaluasi (monev) penyelenggaraan perpustakaan sekolah/madrasah, instansi, dan kelompok masyarakat di wilayah ${wilayah}.`,
          isi_utama:
            'Sehubungan dengan hal tersebut, kami mohon bantuan Saudara untuk menyebarluaskan surat ini beserta jadwal monev sebagaimana tercantum dalam lampiran kepada perpustakaan di lingkungan Saudara. Kegiatan ini tidak dipungut biaya.',
          tembusan: `${h.kepalaDaerah()} (sebagai laporan)`,
        };
    return {
      ...fields,
      tujuan,
      lampiran: '1 (satu) lembar',
      lampiran_dari: `Surat ${h.kepalaDinas()}`,
      judul_jadwal: m.judul,
      jadwal_rincian: m.jadwal,
    };
  },

  jadwal_kegiatan(h) {
    const m = monevOrPembinaan(h);
    const program = ` melalui program ${h.program()}`;
    return {
      judul_jadwal: m.judul,
      keterangan_jadwal: m.isPembinaan
        ? `Jadwal pembinaan dan pendampingan perpustakaan yang akan dibina dalam rangka pengajuan akreditasi${program} oleh ${h.ctx.agency.name}, sebagai berikut:`
        : `Jadwal monitoring dan evaluasi (monev) penyelenggaraan perpustakaan di wilayah ${h.wilayah()}${program} oleh ${h.ctx.agency.name}, sebagai berikut:`,
      jadwal_rincian: m.jadwal,
    };
  },

  laporan_monev(h) {
    const sasaran = h.list('perpustakaan_sasaran');
    const note = h.ctx.step.note;
    return {
      pendahuluan: `Monitoring dan evaluasi penyelenggaraan perpustakaan dilaksanakan melalui program ${h.program()} untuk menilai kesesuaian penyelenggaraan perpustakaan sekolah/madrasah, instansi, dan kelompok masyarakat di wilayah ${h.wilayah()} dengan Standar Nasional Perpustakaan.`,
      jadwal_rincian: h.jadwal(h.list('rincian_jadwal_monev')) || DASH,
      perpustakaan_sasaran: sasaran.length ? numberedLines(sasaran) : DASH,
      hasil_monev: h.text('hasil_monev') ?? DASH,
      tindak_lanjut: `Berdasarkan laporan ini, ${KABID}, sub koordinator, dan petugas berkoordinasi untuk menentukan perpustakaan yang akan dibina dalam rangka pengajuan akreditasi perpustakaan.${note ? `\nCatatan: ${note}` : ''}`,
    };
  },
};
