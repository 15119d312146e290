// The SOP performance report (Tabel 7 and 8 of Permenpan-RB 35/2012): its text is written when the
// report is requested (functions/src/standards/report-doc.ts) and carried on the context's data,
// so the document says exactly what the report said at that moment.
import { MAX_TABEL7_ROWS, TABEL7_COLUMNS, TABEL8_ROWS, tabel7Cell } from '../templates.ts';
import type { Builder } from './helpers.ts';
import { DASH } from './readers.ts';

type Row7 = { no: number; prosedur: string; penilaian: string; catatan: string };
type Row8 = { aspek: string; bahan: string };

export const standardsBuilders: Record<string, Builder> = {
  laporan_kinerja_sop(h) {
    const t7 = (h.data('tabel7') as Row7[] | undefined) ?? [];
    const t8 = (h.data('tabel8') as Row8[] | undefined) ?? [];
    if (t7.length > MAX_TABEL7_ROWS) throw new Error(`Tabel 7 memuat paling banyak ${MAX_TABEL7_ROWS} baris; SOP ini memerlukan ${t7.length}.`);
    const out: Record<string, string | undefined> = {
      sop_judul: h.text('sop_judul') ?? DASH,
      periode: h.text('periode') ?? DASH,
      sumber: h.text('sumber') ?? DASH,
      ringkasan_kasus: h.text('ringkasan_kasus') ?? DASH,
      waktu_langkah: h.text('waktu_langkah') ?? DASH,
      hambatan: h.text('hambatan') ?? DASH,
      terlambat: h.text('terlambat') ?? DASH,
      ambang: h.text('ambang') ?? DASH,
    };
    // Rows past the report's are left without values: the renderer removes them.
    t7.forEach((r, i) => {
      const row = { no: `${r.no}.`, prosedur: r.prosedur, penilaian: r.penilaian, catatan: r.catatan };
      for (const c of TABEL7_COLUMNS) out[tabel7Cell(i + 1, c)] = row[c] || DASH;
    });
    if (t7.length === 0) for (const c of TABEL7_COLUMNS) out[tabel7Cell(1, c)] = DASH;
    for (let k = 1; k <= TABEL8_ROWS; k++) {
      out[`t8_${k}_aspek`] = t8[k - 1]?.aspek ?? DASH;
      out[`t8_${k}_bahan`] = t8[k - 1]?.bahan || ' ';
    }
    return out;
  },
};
