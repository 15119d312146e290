// The surat dinas (a cooperation request, or a general letter), and the internal paperwork that
// precedes a cooperation agreement: the meeting minutes and the two nota dinas.
import { capitalizeFirst, hariTanggal, numberedLines } from '../format.ts';
import { nipLine, type Builder, type Helpers } from './helpers.ts';
import { DASH } from './readers.ts';

/** A cooperation request: an answer when the other party offered first, an invitation otherwise. */
function permohonanKerjaSama(h: Helpers): Record<string, string> {
  const { ctx } = h;
  const nama = h.instansi() ?? 'Saudara';
  const ide = h.text('ide_gagasan_peluang');
  const offered = h.text('surat_penawaran_pihak_lain') !== undefined || h.slot('nomor_surat_masuk') !== undefined;
  return {
    hal: 'Permohonan Kerja Sama',
    isi_pembuka: offered
      ? `Menindaklanjuti ${h.suratSaudara()} hal penawaran kerja sama, ${ctx.agency.name} menyambut baik dan bermaksud menjalin kerja sama dengan ${nama} di bidang perpustakaan.`
      : `Dalam rangka meningkatkan mutu layanan perpustakaan dan budaya gemar membaca masyarakat, ${ctx.agency.name} bermaksud menjalin kerja sama dengan ${nama} di bidang perpustakaan.`,
    isi_utama: `${ide ? `Adapun gagasan kerja sama yang kami usulkan adalah sebagai berikut:\n${ide}\n` : ''}Sehubungan dengan hal tersebut, kami mohon kesediaan Saudara untuk bekerja sama dan membahas rencana tersebut lebih lanjut, yang selanjutnya akan dituangkan dalam perjanjian kerja sama.`,
    tembusan: `${h.kepalaDaerah()} (sebagai laporan)`,
  };
}

export const memoBuilders: Record<string, Builder> = {
  surat_dinas(h) {
    if (h.variant === 'permohonan_kerja_sama') return permohonanKerjaSama(h);
    const { ctx } = h;
    return {
      hal: capitalizeFirst(ctx.case.title || ctx.case.sopTitle),
      isi_pembuka: `Dalam rangka pelaksanaan ${h.program()} pada ${ctx.agency.name}, dengan ini kami sampaikan hal sebagai berikut.`,
      isi_utama: ctx.step.note ?? DASH,
      tembusan: `${h.kepalaDaerah()} (sebagai laporan)`,
    };
  },

  nota_dinas_permohonan_izin(h) {
    const { ctx } = h;
    const mitra = h.instansi() ?? 'pihak lain';
    const rapat = h.longDate(h.data('waktu_rapat_internal'));
    const ide = h.text('ide_gagasan_peluang');
    const manfaat = h.text('manfaat_dan_resiko');
    const attached = (ctx.doc?.lampiran ?? 0) > 0;
    return {
      tujuan: h.kepada()[0] ?? h.kepalaDinas(),
      dari: h.signer().jabatan,
      tembusan: DASH,
      hal: 'Permohonan Izin Persetujuan Kerja Sama Bidang Perpustakaan',
      isi_pembuka: `Berdasarkan hasil rapat internal${rapat ? ` pada tanggal ${rapat}` : ''} yang membahas peluang kerja sama dengan ${mitra} beserta manfaat dan risikonya, kerja sama tersebut dinilai bermanfaat bagi pengembangan layanan perpustakaan.`,
      isi_utama: [
        ide && `Gagasan kerja sama: ${ide}`,
        manfaat && `Manfaat dan risiko: ${manfaat}`,
        `Sehubungan dengan hal tersebut, kami mohon izin dan persetujuan untuk melaksanakan kerja sama bidang perpustakaan dengan ${mitra}.${attached ? ' Bersama ini kami lampirkan notula rapat internal.' : ''}`,
      ]
        .filter(Boolean)
        .join('\n'),
      isi_penutup: 'Demikian disampaikan untuk mendapat persetujuan.',
    };
  },

  nota_dinas_persetujuan(h) {
    const mitra = h.instansi() ?? 'pihak lain';
    const catatan = h.slot('catatan') ?? h.ctx.step.note ?? undefined;
    const pemohon = h.kepada()[0] ?? 'Saudara';
    return {
      tujuan: pemohon,
      dari: h.signer().jabatan,
      tembusan: DASH,
      hal: 'Persetujuan Kerja Sama Bidang Perpustakaan',
      isi_pembuka: `Menindaklanjuti nota dinas ${pemohon} perihal permohonan izin persetujuan kerja sama bidang perpustakaan dengan ${mitra}, dengan ini disampaikan bahwa kerja sama tersebut disetujui untuk dilaksanakan.`,
      isi_utama: `Selanjutnya, Saudara agar menugaskan penyusunan draf perjanjian kerja sama bersama ${mitra} dan memprosesnya sesuai dengan ketentuan peraturan perundang-undangan.${catatan ? `\nCatatan: ${catatan}` : ''}`,
      isi_penutup: 'Demikian disampaikan untuk dilaksanakan.',
    };
  },

  notula_rapat(h) {
    const date = h.docDate();
    const chair = h.people('pimpinan_rapat')[0];
    const peserta = h.people('peserta_rapat').map((p) => (p.jabatan ? `${p.name}, ${p.jabatan}` : p.name));
    const clock = h.clock(date);
    const note = h.ctx.step.note;
    return {
      hari_tanggal_rapat: hariTanggal(date, h.zone),
      jam_rapat: clock ? `${clock} sampai dengan selesai` : DASH,
      tempat_rapat: h.text('tempat_rapat') ?? DASH,
      acara: `Pembahasan peluang kerja sama dengan ${h.instansi() ?? 'pihak lain'} beserta manfaat dan risikonya`,
      pimpinan_rapat: chair ? (chair.jabatan ? `${chair.name} (${chair.jabatan})` : chair.name) : DASH,
      peserta_rapat: peserta.length ? numberedLines(peserta) : DASH,
      pembahasan: h.text('ide_gagasan_peluang') ?? DASH,
      hasil_rapat: h.text('manfaat_dan_resiko') ?? DASH,
      tindak_lanjut: `Hasil rapat disampaikan kepada ${h.kepalaDinas()} dengan permohonan izin persetujuan kerja sama bidang perpustakaan.${note ? `\nCatatan: ${note}` : ''}`,
      pimpinan_nama: chair?.name ?? DASH,
      pimpinan_nip: nipLine(chair?.nip),
    };
  },
};
