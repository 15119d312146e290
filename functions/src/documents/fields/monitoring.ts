// Monitoring and evaluation (monev) of the libraries of a region, and the coaching towards
// accreditation that follows it: the same notice and schedule templates serve both, in the variant
// the SOP names for each document.
import { numberedLines } from '../format.ts';
import { pimpinanOf } from '../institutions.ts';
import type { Builder, Helpers } from './helpers.ts';
import { DASH } from './readers.ts';

/** More addressees than this are named in the attached schedule instead of the address block. */
const MAX_LISTED = 5;

function monevOrPembinaan(h: Helpers) {
  const isPembinaan = h.variant === 'pembinaan';
  return {
    isPembinaan,
    judul: isPembinaan ? 'JADWAL PEMBINAAN DAN PENDAMPINGAN AKREDITASI PERPUSTAKAAN' : 'JADWAL MONITORING DAN EVALUASI PENYELENGGARAAN PERPUSTAKAAN',
    jadwal: h.jadwal(h.slotList('jadwal')) || DASH,
  };
}

/** The heads of the institutions named, one per line when there are several. */
function addressees(names: string[]): string {
  const heads = names.map(pimpinanOf);
  return heads.length === 1 ? heads[0]! : numberedLines(heads);
}

function tujuan(h: Helpers, isPembinaan: boolean): string {
  const penerima = h.slotList('penerima');
  if (penerima.length > MAX_LISTED) {
    return isPembinaan ? 'Kepala Sekolah/Madrasah dan Pimpinan Lembaga Penyelenggara Perpustakaan\n(sebagaimana tercantum dalam lampiran)' : 'Pimpinan Instansi Penyelenggara Perpustakaan\n(sebagaimana tercantum dalam lampiran)';
  }
  if (penerima.length) return addressees(penerima);
  return h.penerima() ?? DASH;
}

export const monitoringBuilders: Record<string, Builder> = {
  surat_pemberitahuan_monev(h) {
    const { ctx } = h;
    const m = monevOrPembinaan(h);
    const program = ` melalui program ${h.program()}`;
    const tembusan = h.slotList('tembusan');
    const fields = m.isPembinaan
      ? {
          hal: 'Pemberitahuan Pembinaan dan Pendampingan Akreditasi Perpustakaan',
          isi_pembuka: `Berdasarkan hasil monitoring dan evaluasi penyelenggaraan perpustakaan${program}, perpustakaan Saudara termasuk perpustakaan yang akan dibina dalam rangka pengajuan akreditasi perpustakaan.`,
          isi_utama:
            'Sehubungan dengan hal tersebut, petugas kami akan melaksanakan pembinaan dan pendampingan administrasi serta otomasi perpustakaan sesuai dengan jadwal sebagaimana tercantum dalam lampiran surat ini. Kami mohon Saudara menugaskan pengelola perpustakaan untuk mendampingi petugas kami. Kegiatan ini tidak dipungut biaya.',
          tembusan: tembusan.length ? numberedLines([...tembusan.map(pimpinanOf), `${h.kepalaDaerah()} (sebagai laporan)`]) : `${h.kepalaDaerah()} (sebagai laporan)`,
        }
      : {
          hal: 'Pemberitahuan Monitoring dan Evaluasi Penyelenggaraan Perpustakaan',
          isi_pembuka: `Dalam rangka pembinaan penyelenggaraan perpustakaan agar sesuai dengan Standar Nasional Perpustakaan${program}, ${ctx.agency.name} akan melaksanakan monitoring dan evaluasi (monev) penyelenggaraan perpustakaan sekolah/madrasah, instansi, dan kelompok masyarakat di wilayah ${h.wilayah()}.`,
          isi_utama:
            'Sehubungan dengan hal tersebut, kami mohon bantuan Saudara untuk menyebarluaskan surat ini beserta jadwal monev sebagaimana tercantum dalam lampiran kepada perpustakaan di lingkungan Saudara. Kegiatan ini tidak dipungut biaya.',
          tembusan: `${h.kepalaDaerah()} (sebagai laporan)`,
        };
    return {
      ...fields,
      tujuan: tujuan(h, m.isPembinaan),
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
      jadwal_rincian: h.jadwal(h.slotList('jadwal')) || DASH,
      perpustakaan_sasaran: sasaran.length ? numberedLines(sasaran) : DASH,
      hasil_monev: h.text('hasil_monev') ?? DASH,
      tindak_lanjut: `Berdasarkan laporan ini, kepala bidang perpustakaan, subkoordinator, dan petugas berkoordinasi untuk menentukan perpustakaan yang akan dibina dalam rangka pengajuan akreditasi perpustakaan.${note ? `\nCatatan: ${note}` : ''}`,
    };
  },
};
