// The surat dinas (a cooperation request, or the generic letter of any step), and the internal
// paperwork that precedes a cooperation agreement: the meeting minutes and the two nota dinas.
import { capitalizeFirst, hariTanggal, numberedLines } from '../format.ts';
import type { Builder } from './helpers.ts';
import { DASH, KABID, KASI, lowerFirst, pimpinanOf } from './readers.ts';

export const memoBuilders: Record<string, Builder> = {
  surat_dinas(h) {
    const { ctx } = h;
    const mitra = h.mitra();
    if (ctx.case.sopId === 'pks' || /kerja ?sama/i.test(ctx.step.activity)) {
      const nama = mitra ?? 'Saudara';
      const ide = h.text('ide_gagasan_peluang');
      const penawaran = h.text('surat_penawaran_pihak_lain') !== undefined;
      return {
        hal: 'Permohonan Kerja Sama',
        tujuan: mitra ? pimpinanOf(mitra) : DASH,
        isi_pembuka: penawaran
          ? `Menindaklanjuti surat penawaran kerja sama dari Saudara, ${ctx.agency.name} menyambut baik dan bermaksud menjalin kerja sama dengan ${nama} di bidang perpustakaan.`
          : `Dalam rangka meningkatkan mutu layanan perpustakaan dan budaya gemar membaca masyarakat, ${ctx.agency.name} bermaksud menjalin kerja sama dengan ${nama} di bidang perpustakaan.`,
        isi_utama: `${ide ? `Adapun gagasan kerja sama yang kami usulkan adalah sebagai berikut:\n${ide}\n` : ''}Sehubungan dengan hal tersebut, kami mohon kesediaan Saudara untuk bekerja sama dan membahas rencana tersebut lebih lanjut, yang selanjutnya akan dituangkan dalam perjanjian kerja sama.`,
        tembusan: `${h.kepalaDaerah()} (sebagai laporan)`,
      };
    }
    return {
      hal: capitalizeFirst(ctx.case.title || ctx.case.sopTitle),
      tujuan: mitra ? pimpinanOf(mitra) : DASH,
      isi_pembuka: `Sehubungan dengan ${lowerFirst(ctx.step.activity.replace(/[.;]+$/, ''))}, dengan ini kami sampaikan hal-hal sebagai berikut.`,
      isi_utama: ctx.step.note ?? DASH,
      tembusan: `${h.kepalaDaerah()} (sebagai laporan)`,
    };
  },

  nota_dinas_permohonan_izin(h) {
    const { ctx } = h;
    const mitra = h.mitra() ?? 'pihak lain';
    const rapat = h.longDate(h.data('waktu_rapat_internal'));
    const ide = h.text('ide_gagasan_peluang');
    const manfaat = h.text('manfaat_dan_resiko');
    return {
      tujuan: h.kepalaDinas(),
      dari: h.signer().jabatan,
      tembusan: DASH,
      lampiran: ctx.case.documents['notulensi_rapat'] ? '1 (satu) berkas' : DASH,
      hal: 'Permohonan Izin Persetujuan Kerja Sama Bidang Perpustakaan',
      isi_pembuka: `Berdasarkan hasil rapat internal${rapat ? ` pada tanggal ${rapat}` : ''} yang membahas peluang kerja sama dengan ${mitra} beserta manfaat dan risikonya, kerja sama tersebut dinilai bermanfaat bagi pengembangan layanan perpustakaan.`,
      isi_utama: [
        ide && `Gagasan kerja sama: ${ide}`,
        manfaat && `Manfaat dan risiko: ${manfaat}`,
        `Sehubungan dengan hal tersebut, kami mohon izin dan persetujuan untuk melaksanakan kerja sama bidang perpustakaan dengan ${mitra}.${ctx.case.documents['notulensi_rapat'] ? ' Bersama ini kami lampirkan notula rapat internal.' : ''}`,
      ]
        .filter(Boolean)
        .join('\n'),
      isi_penutup: 'Demikian disampaikan untuk mendapat persetujuan.',
    };
  },

  nota_dinas_persetujuan(h) {
    const mitra = h.mitra() ?? 'pihak lain';
    const catatan = h.text('catatan_kepala_dinas') ?? h.ctx.step.note ?? undefined;
    return {
      tujuan: KABID,
      dari: h.kepalaDinas(),
      tembusan: DASH,
      hal: 'Persetujuan Kerja Sama Bidang Perpustakaan',
      isi_pembuka: `Menindaklanjuti nota dinas ${KABID} perihal permohonan izin persetujuan kerja sama bidang perpustakaan dengan ${mitra}, dengan ini disampaikan bahwa kerja sama tersebut disetujui untuk dilaksanakan.`,
      isi_utama: `Selanjutnya, Saudara agar memerintahkan ${KASI} untuk menyusun draf perjanjian kerja sama bersama ${mitra} dan memprosesnya sesuai dengan ketentuan peraturan perundang-undangan.${catatan ? `\nCatatan: ${catatan}` : ''}`,
      isi_penutup: 'Demikian disampaikan untuk dilaksanakan.',
    };
  },

  notula_rapat(h) {
    const waktu = h.data('waktu_rapat_internal');
    const peserta = h.list('peserta_rapat');
    const note = h.ctx.step.note;
    return {
      hari_tanggal_rapat: h.dayDate(waktu) ?? hariTanggal(h.ctx.at, h.zone),
      jam_rapat: h.clock(waktu) ?? DASH,
      tempat_rapat: h.text('tempat_rapat') ?? DASH,
      acara: `Pembahasan peluang kerja sama dengan ${h.mitra() ?? 'pihak lain'} beserta manfaat dan risikonya`,
      pimpinan_rapat: h.text('pimpinan_rapat') ?? KABID,
      peserta_rapat: peserta.length ? numberedLines(peserta) : DASH,
      pembahasan: h.text('ide_gagasan_peluang') ?? DASH,
      hasil_rapat: h.text('manfaat_dan_resiko') ?? DASH,
      tindak_lanjut: `${KABID} menyampaikan permohonan izin persetujuan kerja sama bidang perpustakaan kepada Kepala Dinas.${note ? `\nCatatan: ${note}` : ''}`,
    };
  },
};
