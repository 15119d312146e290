// The importer on a Google Sheets range: the values of the selected cells (seed 002's tables pasted
// into a sheet, one row per line), and the text Sheets puts on the clipboard when a range is copied
// (cells holding a line break quoted, quotes doubled).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogById } from '../../functions/src/sop/catalog/index.ts';
import { importSop } from '../../functions/src/sop/import/index.ts';
import { parseDelimited, rowsFromRange } from '../../functions/src/sop/import/grid.ts';
import { compare, emptyTally, merge, pct, render } from '../support/import-agreement.ts';
import { mkdirSync, writeFileSync } from 'node:fs';

const SEED_002 = readFileSync(new URL('../../../shared/seeds/002_13bacb4177748aad.txt', import.meta.url), 'utf8');

describe('importer: Sheets ranges', () => {
  it('seed 002 as a range of cells agrees with the catalog as the pasted text does', () => {
    const values = rowsFromRange(SEED_002.split('\n').map((l) => l.split('\t')));
    const drafts = importSop({ kind: 'rows', rows: values });
    expect(drafts.map((d) => d.inputKind)).toEqual(['rows', 'rows', 'rows', 'rows']);
    const total = emptyTally();
    drafts.forEach((d, i) => merge(total, compare(d, catalogById(['pusling', 'referensi', 'pks', 'kunjungan'][i]!))));
    const report = render('Impor rentang Sheets (seed 002), semua tabel:', total);
    console.log(report);
    mkdirSync('test-output/import', { recursive: true });
    writeFileSync('test-output/import/agreement-rows.txt', report + '\n');
    for (const k of ['steps', 'activity', 'waktu', 'output', 'kelengkapan items', 'decision steps', 'actors (first)'] as const) expect(pct(total[k]), k).toBeGreaterThanOrEqual(95);
  });

  it('numbers and empty cells from getValues, ragged rows', () => {
    const rows = rowsFromRange([
      ['No', 'Kegiatan', 'Kepala Bidang', 'Petugas', 'Kelengkapan', 'Waktu', 'Output'],
      [1, 'Petugas menyusun jadwal layanan', null, undefined, 'ATK, Komputer', '30 menit', 'Jadwal layanan'],
      [2, 'Menerima jadwal, jika sesuai, ditandatangani, jika tidak, dikembalikan untuk diperbaiki', '', '', 'Jadwal layanan', '1 hari'],
    ]);
    const [d] = importSop({ kind: 'rows', rows });
    expect(d!.definition.steps.map((s) => [s.no, s.kind, s.actors])).toEqual([
      [1, 'process', ['petugas']],
      [2, 'decision', ['kabid']],
    ]);
    expect(d!.definition.steps[1]).toMatchObject({ output: null, ifYes: { to: 'END' }, ifNo: { to: 1 } });
  });

  it('text copied from Sheets: a quoted cell keeps its line breaks and quotes', () => {
    const text = 'No\tKegiatan\tPetugas\tKelengkapan\tWaktu\tOutput\n1\t"Menyusun ""rencana""\nkegiatan"\t\t"ATK\nKomputer"\t30 menit\tRencana\n';
    expect(parseDelimited(text)).toEqual([
      ['No', 'Kegiatan', 'Petugas', 'Kelengkapan', 'Waktu', 'Output'],
      ['1', 'Menyusun "rencana"\nkegiatan', '', 'ATK\nKomputer', '30 menit', 'Rencana'],
    ]);
    const [d] = importSop({ kind: 'text', text });
    expect(d!.definition.steps[0]).toMatchObject({ activity: 'Menyusun "rencana" kegiatan', kelengkapan: [{ label: 'ATK' }, { label: 'Komputer' }] });
  });
});
