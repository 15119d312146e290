// Reading services: the reply to a collective book loan (Bu RT), and the reading desk's monthly
// report built from the desk recap carried on its case.
import { numberedLines, tanggalPanjang, BULAN } from '../format.ts';
import { DDC_CLASSES } from '../templates.ts';
import type { Builder } from './helpers.ts';
import { DASH, count, intOf } from './readers.ts';
import { recapOf } from './recap.ts';

export const readingBuilders: Record<string, Builder> = {
  balasan_peminjaman_kolektif(h) {
    const titles = h.list('list_judul_buku');
    const eks = intOf(h.data('eksemplar_per_judul'));
    const sampai = h.longDate(h.data('tanggal_pengembalian'));
    const jumlah = titles.length
      ? `sebanyak ${count(titles.length)} judul${eks !== undefined ? `, masing-masing ${count(eks)} eksemplar, seluruhnya ${count(titles.length * eks)} eksemplar` : ''}`
      : undefined;
    return {
      hal: 'Balasan Permohonan Peminjaman Kolektif Buku',
      isi_pembuka: `Menindaklanjuti ${h.suratSaudara()} hal permohonan peminjaman kolektif buku dalam rangka program ${h.program()}, dengan ini kami sampaikan bahwa kami menyetujui permohonan tersebut.`,
      pengantar_daftar_buku: jumlah ? `Adapun buku yang dipinjamkan ${jumlah}, yaitu:` : 'Daftar judul buku yang dipinjamkan akan disampaikan tersendiri.',
      daftar_judul_buku: titles.length ? numberedLines(titles) : DASH,
      isi_utama: `Buku tersebut dipinjamkan${sampai ? ` sampai dengan tanggal ${sampai}` : ''} dan akan disalurkan oleh penyuluh perpustakaan kami. Kami mohon buku-buku tersebut dijaga dengan baik, dimanfaatkan untuk menumbuhkan budaya gemar membaca masyarakat, dan dikembalikan dalam keadaan baik${sampai ? ' paling lambat pada tanggal tersebut' : ' sesuai dengan waktu yang disepakati'}.`,
    };
  },

  laporan_bulanan_referensi(h) {
    const { ctx } = h;
    const periode = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(h.text('periode') ?? '');
    const bulan = periode ? `${BULAN[Number(periode[2]) - 1]} ${periode[1]}` : tanggalPanjang(ctx.at, h.zone).replace(/^\d+\s+/, '');
    const rekap = recapOf(h.data('rekap'));
    const n = (v: number | undefined) => (rekap ? String(v ?? 0) : DASH);
    const fields: Record<string, string> = {
      kepada: h.kepada()[0] ?? 'atasan langsung',
      periode: bulan,
      periode_kapital: bulan.toLocaleUpperCase('id-ID'),
      pengunjung_pelajar: n(rekap?.byCategory['pelajar']),
      pengunjung_mahasiswa: n(rekap?.byCategory['mahasiswa']),
      pengunjung_umum: n(rekap?.byCategory['umum']),
      pengunjung_instansi: n(rekap?.byCategory['instansi']),
      jumlah_pengunjung: n(rekap?.visits),
      jumlah_buku: n(rekap?.booksRead),
      judul_terbanyak: !rekap
        ? DASH
        : rekap.titles.length
          ? numberedLines(rekap.titles.slice(0, 10).map((t) => `${t.title} (${t.count} kali)`))
          : 'Tidak ada buku yang tercatat dibaca pada bulan ini.',
      rekap_harian: !rekap
        ? DASH
        : rekap.byDay.length
          ? rekap.byDay.map(([date, d]) => `${h.dayDate(date) ?? date}: ${d.visits} pengunjung, ${d.books} eksemplar dibaca`).join('\n')
          : 'Tidak ada kunjungan yang tercatat pada bulan ini.',
      tautan_rekapitulasi: ctx.case.documents['buku_rekapitulasi']?.url ?? DASH,
    };
    for (const [code] of DDC_CLASSES) fields[`buku_${code}`] = n(rekap?.byClassification[code === 'lain' ? 'tanpa klasifikasi' : code]);
    return fields;
  },
};
