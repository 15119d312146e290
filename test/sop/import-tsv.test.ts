// The importer on the seed tables as given (tab-separated text of seed 002), compared field by field
// with the hand-written catalog. Prints the agreement per field kind; holds the tab-separated figures
// at 95 % where the importer reaches them, and requires every actor the catalog had to infer to be
// flagged for review.
import { readFileSync } from 'node:fs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogById } from '../../functions/src/sop/catalog/index.ts';
import { importSop } from '../../functions/src/sop/import/index.ts';
import { loadDefinition } from '../../functions/src/sop/schema.ts';
import { compare, emptyTally, merge, pct, render } from '../support/import-agreement.ts';

const SEED_002 = readFileSync(new URL('../../../shared/seeds/002_13bacb4177748aad.txt', import.meta.url), 'utf8');
/** Which catalog SOP each table of seed 002 is (the test's knowledge, not the importer's). */
const TABLES_002 = ['pusling', 'referensi', 'pks', 'kunjungan'];

describe('importer: tab-separated text (seed 002)', () => {
  const drafts = importSop({ kind: 'text', text: SEED_002 });

  it('finds the four tables with their titles, each a valid definition', () => {
    expect(drafts.map((d) => d.definition.title)).toEqual([
      'PROSEDUR LAYANAN PERPUSTAKAAN KELILING',
      'PROSEDUR PEMINJAMAN KOLEKSI REFERENSI UNTUK DIBACA DI TEMPAT',
      'PROSEDUR PEMBUATAN SURAT PERJANJIAN KERJASAMA PERPUSTAKAAN',
      'PROSEDUR LAYANAN KUNJUNGAN RESMI PERPUSTAKAAN',
    ]);
    for (const d of drafts) expect(() => loadDefinition(d.definition)).not.toThrow();
  });

  it('agrees with the catalog field by field', () => {
    const total = emptyTally();
    const out: string[] = [];
    drafts.forEach((d, i) => {
      const t = compare(d, catalogById(TABLES_002[i]!));
      out.push(render(`  ${TABLES_002[i]}`, t));
      merge(total, t);
    });
    const report = [render('Impor teks bertab (seed 002), semua tabel:', total), ...out].join('\n');
    console.log(report);
    for (const [k, v] of Object.entries(total)) if (v.misses.length) console.log(`  beda ${k}: ${v.misses.join(' | ')}`);
    mkdirSync('test-output/import', { recursive: true });
    writeFileSync('test-output/import/agreement-tsv.txt', report + '\n');
    for (const k of ['steps', 'activity', 'waktu', 'output', 'kelengkapan items', 'decision steps', 'actors (first)'] as const) expect(pct(total[k]), k).toBeGreaterThanOrEqual(95);
    expect(pct(total['inferred actor flagged'])).toBe(100);
  });

  it('reads the roles from the Pelaksana headers, outsiders apart', () => {
    const kunjungan = drafts[3]!.definition;
    expect(kunjungan.roles.map((r) => r.label)).toEqual(['Front Office/ petugas layanan', 'Petugas/ Agendaris', 'Pustakawan/ Pendamping', 'Kasi Layanan, Otomasi dan Kerjasama Perpustakaan', 'Kepala Bidang Perpustakaan']);
    expect(drafts[3]!.review.some((r) => r.field === 'roles' && r.read === 'Pengunjung Resmi')).toBe(true);
  });
});
