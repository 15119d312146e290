// Internal dispatch: the assignment letter (surat tugas) and the disposition sheet, which word
// themselves after the SOP running them (pusling visits, incoming visit requests, anything else).
import { numberedLines, tanggalPanjang } from '../format.ts';
import type { Builder } from './helpers.ts';
import { DASH, KABID, KASI, lowerFirst } from './readers.ts';
import { kunjunganWaktu, perubahan, petugas } from './visits.ts';

export const assignmentBuilders: Record<string, Builder> = {
  surat_tugas(h) {
    const { ctx } = h;
    const w = kunjunganWaktu(h);
    if (ctx.case.sopId === 'pusling') {
      const pengguna = h.mitra() ?? 'pengguna layanan';
      const lokasi = h.text('lokasi_kunjungan') ?? pengguna;
      return {
        dasar: numberedLines([
          `${ctx.case.sopTitle} pada ${ctx.agency.name};`,
          `${perubahan(h) ? 'Perubahan rencana' : 'Rencana'} kunjungan perpustakaan keliling ke ${pengguna} yang telah disetujui ${KABID}.`,
        ]),
        daftar_petugas: petugas(h),
        untuk: numberedLines([
          `melaksanakan layanan perpustakaan keliling bagi ${pengguna} di ${lokasi}${w.hariTanggal === DASH ? '' : ` pada ${w.hariTanggal}`}${w.jam === DASH ? '' : ` pukul ${w.jam}`};`,
          'membawa Buku Besar dan surat tugas ini, mengisi buku tamu, serta meminta cap dan tanda tangan pengguna layanan sebagai laporan;',
          `melaksanakan tugas ini dengan penuh tanggung jawab dan melaporkan hasilnya kepada ${KABID}.`,
        ]),
      };
    }
    const names = [...h.list('nama_petugas'), ...h.list('nama_pendamping')];
    return {
      dasar: numberedLines([`${ctx.case.sopTitle} pada ${ctx.agency.name}.`]),
      daftar_petugas: names.length ? numberedLines(names) : DASH,
      untuk: numberedLines([`${lowerFirst(ctx.step.activity.replace(/[.;]+$/, ''))};`, 'melaporkan hasil pelaksanaan tugas kepada atasan langsung.']),
    };
  },

  lembar_disposisi(h) {
    const { ctx } = h;
    const s = h.signer();
    const base = {
      nomor_agenda: h.text('nomor_agenda') ?? DASH,
      tanggal_disposisi: tanggalPanjang(ctx.at, h.zone),
      paraf: `${s.jabatan}\n${s.name}`,
    };
    if (ctx.case.sopId === 'kunjungan') {
      const pendamping = h.list('nama_pendamping').map((n) => `${n} (pustakawan pendamping)`);
      const diminta = h.longDate(h.data('tanggal_kunjungan'));
      return {
        ...base,
        surat_dari: h.mitra() ?? DASH,
        nomor_surat: h.text('nomor_surat_kunjungan') ?? DASH,
        tanggal_surat: h.longDate(h.data('tanggal_surat_kunjungan')) ?? DASH,
        diterima_tanggal: h.longDate(h.data('tanggal_diterima')) ?? DASH,
        hal: `Permohonan Izin Kunjungan${diminta ? ` pada ${diminta}` : ''}`,
        diteruskan_kepada: numberedLines([KASI, ...pendamping, 'Petugas Front Office']),
        isi_disposisi: h.text('isi_disposisi') ?? ctx.step.note ?? DASH,
      };
    }
    if (ctx.case.sopId === 'pusling') {
      const change = perubahan(h);
      return {
        ...base,
        surat_dari: KASI,
        nomor_surat: DASH,
        tanggal_surat: DASH,
        diterima_tanggal: tanggalPanjang(ctx.at, h.zone),
        hal: `Konsep ${change ? 'Perubahan ' : ''}Rencana Kunjungan Perpustakaan Keliling ke ${h.mitra() ?? 'Pengguna Layanan'}`,
        diteruskan_kepada: KASI,
        isi_disposisi:
          h.text('catatan_kabid') ??
          ctx.step.note ??
          `Setuju. Sebarluaskan jadwal kunjungan perpustakaan keliling kepada pengguna layanan dan laksanakan kegiatan sesuai dengan ${change ? 'perubahan ' : ''}rencana.`,
      };
    }
    return {
      ...base,
      surat_dari: h.mitra() ?? DASH,
      nomor_surat: DASH,
      tanggal_surat: DASH,
      diterima_tanggal: tanggalPanjang(ctx.at, h.zone),
      hal: ctx.case.title || ctx.case.sopTitle,
      diteruskan_kepada: KASI,
      isi_disposisi: h.text('isi_disposisi') ?? ctx.step.note ?? 'Untuk ditindaklanjuti.',
    };
  },
};
