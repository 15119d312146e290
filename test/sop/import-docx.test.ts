// The importer on .docx files built from the seed tables (merged header cells, a table per page so
// the header repeats, empty mark cells), compared field by field with the catalog.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogById } from '../../functions/src/sop/catalog/index.ts';
import { importSop, type ImportedSop } from '../../functions/src/sop/import/index.ts';
import { compare, emptyTally, merge, pct, render } from '../support/import-agreement.ts';
import { BURT_ROWS, blocksOfTabText, docxOf, kitapunRows } from '../support/seed-docx.ts';

const seed = (f: string) => readFileSync(new URL(`../../../shared/seeds/${f}`, import.meta.url), 'utf8');

describe('importer: .docx built from the seed tables', () => {
  it('agrees with the catalog field by field', async () => {
    mkdirSync('test-output/import', { recursive: true });
    const files: [string, Uint8Array, string[]][] = [
      ['seed-002.docx', await docxOf(blocksOfTabText(seed('002_13bacb4177748aad.txt'))), ['pusling', 'referensi', 'pks', 'kunjungan']],
      ['seed-001-burt.docx', await docxOf([{ kind: 'title', text: 'SOP : Bu RT (Buku Rumah Tangga)' }, { kind: 'table', rows: BURT_ROWS }]), ['burt']],
      ['seed-004-kitapun.docx', await docxOf([{ kind: 'title', text: 'KITAPUN SENAPAS (Kita Tata Perpustakaan Sesuai Standar Nasional Perpustakaan)' }, { kind: 'table', rows: kitapunRows(seed('004_2beeee5828519a3a.txt')) }]), ['kitapun']],
    ];
    const total = emptyTally();
    const parts: string[] = [];
    const byFile = new Map<string, ImportedSop[]>();
    for (const [name, bytes, ids] of files) {
      writeFileSync(`test-output/import/${name}`, bytes);
      const drafts = importSop({ kind: 'bytes', bytes }, { sourceName: name });
      byFile.set(name, drafts);
      expect(drafts.map((d) => d.inputKind)).toEqual(ids.map(() => 'docx'));
      expect(drafts).toHaveLength(ids.length);
      drafts.forEach((d, i) => {
        const t = compare(d, catalogById(ids[i]!));
        parts.push(render(`  ${ids[i]} (${name})`, t));
        merge(total, t);
      });
    }
    const seed002 = emptyTally();
    byFile.get('seed-002.docx')!.forEach((d, i) => merge(seed002, compare(d, catalogById(['pusling', 'referensi', 'pks', 'kunjungan'][i]!))));
    const report = [render('Impor .docx (seed 001, 002, 004), semua tabel:', total), render('Impor .docx, seed 002 saja:', seed002), ...parts].join('\n');
    console.log(report);
    for (const [k, v] of Object.entries(total)) if (v.misses.length) console.log(`  beda ${k}: ${v.misses.join(' | ')}`);
    writeFileSync('test-output/import/agreement-docx.txt', report + '\n');
    for (const k of ['steps', 'activity', 'waktu', 'output', 'kelengkapan items', 'decision steps', 'actors (first)'] as const) expect(pct(seed002[k]), k).toBeGreaterThanOrEqual(95);
    expect(pct(total['inferred actor flagged'])).toBe(100);
  });
});
