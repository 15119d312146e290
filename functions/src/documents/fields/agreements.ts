// Agreements: the drafts and the final cooperation agreement (PKS), and the memorandum of
// understanding (nota kesepahaman). Both parties, both numbers, the signing day in words and the
// place come from the case; a draft leaves the number and the date as blanks to fill at signing.
import { numberedLines, pembukaanPerjanjian } from '../format.ts';
import { pimpinanOf } from '../institutions.ts';
import { nipLine, type Builder, type Helpers } from './helpers.ts';
import { BLANK, clause } from './readers.ts';

const BLANK_SHORT = '..........';
const PEMBUKAAN_DRAF = `Pada hari ini ${BLANK_SHORT} tanggal ${BLANK_SHORT} bulan ${BLANK_SHORT} tahun ${BLANK_SHORT}`;

/** The scope as numbered items, each ending as an item of an Indonesian list does ("...; dan" before the last). */
function scope(items: string[]): string {
  return numberedLines(items.map((x, i) => `${clause(x)}${i === items.length - 1 ? '.' : i === items.length - 2 ? '; dan' : ';'}`));
}

function agreementFields(h: Helpers, draft: boolean): Record<string, string> {
  const { ctx } = h;
  const lh = ctx.agency.letterhead;
  const s = h.signer();
  const lembaga = h.instansi();
  const tentang = h.text('tentang_kerja_sama') ?? BLANK;
  const lingkup = h.list('ruang_lingkup');
  const pihakKedua = lembaga ?? BLANK;
  return {
    pihak_pertama_lembaga: ctx.agency.name,
    pihak_pertama_lembaga_kapital: ctx.agency.name.toLocaleUpperCase('id-ID'),
    pihak_kedua_lembaga: pihakKedua,
    pihak_kedua_lembaga_kapital: pihakKedua.toLocaleUpperCase('id-ID'),
    tentang,
    tentang_kapital: tentang.toLocaleUpperCase('id-ID'),
    nomor_pihak_pertama: draft ? BLANK : (h.slot('nomor') ?? ctx.nomor ?? BLANK),
    nomor_pihak_kedua: draft ? BLANK : (h.text(h.field('nomor_pihak_kedua'), 'nomor_pks_pihak_lain') ?? BLANK),
    pembukaan: draft ? PEMBUKAAN_DRAF : pembukaanPerjanjian(h.docDate(), h.zone),
    tempat_penandatanganan: draft ? BLANK : (h.slot('tempat') ?? lh.kota),
    pihak_pertama_nama: s.name,
    pihak_pertama_jabatan: s.jabatan,
    pihak_pertama_nip: nipLine(s.nip),
    pihak_pertama_alamat: lh.alamat,
    pihak_kedua_nama: h.text('nama_penandatangan_pihak_lain') ?? BLANK,
    pihak_kedua_jabatan: h.text('jabatan_penandatangan_pihak_lain') ?? (lembaga ? pimpinanOf(lembaga) : BLANK),
    pihak_kedua_alamat: h.slot('alamat') ?? (ctx.case.partner?.address?.trim() || BLANK),
    ruang_lingkup: lingkup.length ? scope(lingkup) : BLANK,
    jangka_waktu: h.text('jangka_waktu_kerja_sama') ?? BLANK,
  };
}

export const agreementBuilders: Record<string, Builder> = {
  draft_pks: (h) => agreementFields(h, true),
  pks_final: (h) => agreementFields(h, false),
  nota_kesepahaman: (h) => agreementFields(h, false),
};
