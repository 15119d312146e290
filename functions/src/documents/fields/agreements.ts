// Agreements: the draft and final cooperation agreement (PKS) and the memorandum of understanding
// share one set of fields; the templates differ in their layout only.
import { numberedLines, pembukaanPerjanjian } from '../format.ts';
import type { Builder, Helpers } from './helpers.ts';
import { BLANK, DASH, pimpinanOf } from './readers.ts';

function agreementFields(h: Helpers): Record<string, string> {
  const { ctx } = h;
  const lh = ctx.agency.letterhead;
  const s = h.signer();
  const lembaga = h.mitra() ?? DASH;
  const burt = ctx.case.sopId === 'burt';
  const tentang = h.text('tentang_kerja_sama') ?? (burt ? 'Gerakan Gemar Membaca melalui Program Buku Rumah Tangga (Bu RT)' : 'Pengembangan Layanan Perpustakaan');
  const signingDate = h.dayDate(h.data('waktu_penandatanganan')) ? String(h.data('waktu_penandatanganan')).trim() : ctx.at;
  const lingkup = h.list('ruang_lingkup');
  const ruangLingkup = lingkup.length
    ? numberedLines(lingkup)
    : burt
      ? numberedLines([
          'peminjaman kolektif buku bacaan bagi masyarakat;',
          'penyaluran dan distribusi buku kepada masyarakat;',
          'pembinaan perpustakaan; dan',
          'pendampingan kegiatan gemar membaca masyarakat.',
        ])
      : (h.text('ide_gagasan_peluang') ?? DASH);
  return {
    pihak_pertama_lembaga: ctx.agency.name,
    pihak_pertama_lembaga_kapital: ctx.agency.name.toLocaleUpperCase('id-ID'),
    pihak_kedua_lembaga: lembaga,
    pihak_kedua_lembaga_kapital: lembaga.toLocaleUpperCase('id-ID'),
    tentang,
    tentang_kapital: tentang.toLocaleUpperCase('id-ID'),
    nomor_pihak_pertama: h.text('nomor_pks_dinas') ?? ctx.nomor ?? DASH,
    nomor_pihak_kedua: h.text('nomor_pks_pihak_lain') ?? DASH,
    pembukaan: pembukaanPerjanjian(signingDate, h.zone),
    tempat_penandatanganan: h.text('tempat_penandatanganan') ?? lh.kota,
    pihak_pertama_nama: s.name,
    pihak_pertama_jabatan: s.jabatan,
    pihak_pertama_nip: `NIP. ${s.nip?.trim() || DASH}`,
    pihak_pertama_alamat: lh.alamat,
    pihak_kedua_nama: h.text('nama_penandatangan_pihak_lain') ?? BLANK,
    pihak_kedua_jabatan: h.text('jabatan_penandatangan_pihak_lain') ?? (lembaga === DASH ? BLANK : pimpinanOf(lembaga)),
    pihak_kedua_alamat: ctx.case.partner?.address?.trim() || BLANK,
    ruang_lingkup: ruangLingkup,
    jangka_waktu: h.text('jangka_waktu_kerja_sama') ?? '1 (satu) tahun',
  };
}

export const agreementBuilders: Record<string, Builder> = {
  draft_pks: agreementFields,
  pks_final: agreementFields,
  nota_kesepahaman: agreementFields,
};
