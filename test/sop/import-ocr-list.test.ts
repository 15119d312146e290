// The importer on the seeds that are no tab-separated table: seed 001 (the OCR text of a scanned
// table, ragged, columns interleaved) and seed 004 (a numbered procedure on a service-standard page).
// The OCR figures are reported as they are; what must hold is that every step is found, every OCR
// step and every inferred actor is flagged, and no text is lost.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogById } from '../../functions/src/sop/catalog/index.ts';
import { importSop } from '../../functions/src/sop/import/index.ts';
import { compare, pct, render } from '../support/import-agreement.ts';

const seed = (f: string) => readFileSync(new URL(`../../../shared/seeds/${f}`, import.meta.url), 'utf8');

describe('importer: OCR text and numbered lists', () => {
  it('seed 001 (OCR): six steps, legal basis and warning, every step flagged, the raw lines kept', () => {
    const text = seed('001_a09e96108cb6be02.txt');
    const [d, more] = importSop({ kind: 'text', text });
    expect(more).toBeUndefined();
    expect(d!.inputKind).toBe('ocr');
    const t = compare(d!, catalogById('burt'));
    const report = render('Impor teks OCR (seed 001, Bu RT):', t);
    console.log(report);
    for (const [k, v] of Object.entries(t)) if (v.misses.length) console.log(`  beda ${k}: ${v.misses.join(' | ')}`);
    mkdirSync('test-output/import', { recursive: true });
    writeFileSync('test-output/import/agreement-ocr.txt', report + '\n');
    expect(d!.definition.steps.map((s) => s.no)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(d!.definition.legalBasis[0]).toMatch(/Nomor 43 Tahun 2007/);
    expect(d!.definition.warnings[0]).toMatch(/harus\s+dilakukan secara berurutan/);
    for (const s of d!.definition.steps) expect(d!.review.some((r) => r.step === s.no && /OCR/.test(r.reason))).toBe(true);
    expect(pct(t['inferred actor flagged'])).toBe(100);
    // Nothing lost: every word of the table part of the scan is somewhere in the draft or the review.
    const kept = JSON.stringify(d!.definition) + JSON.stringify(d!.review);
    const tableWords = text.slice(text.indexOf('1. |')).split(/\s+/).filter((w) => /^[\p{L}]{4,}[.,]?$/u.test(w) && !/camscanner|dipindai/i.test(w));
    const lost = tableWords.filter((w) => !kept.includes(w.replace(/[.,]$/, '')));
    expect(lost).toEqual([]);
  });

  it('seed 004 (numbered list): nine steps, roles from the subjects, the outside institution as performer, the 7-hour standard', () => {
    const [d] = importSop({ kind: 'text', text: seed('004_2beeee5828519a3a.txt') });
    expect(d!.inputKind).toBe('list');
    const t = compare(d!, catalogById('kitapun'));
    const report = render('Impor daftar bernomor (seed 004, KITAPUN SENAPAS):', t);
    console.log(report);
    for (const [k, v] of Object.entries(t)) if (v.misses.length) console.log(`  beda ${k}: ${v.misses.join(' | ')}`);
    writeFileSync('test-output/import/agreement-list.txt', report + '\n');
    expect(d!.definition.title).toBe('KITAPUN SENAPAS (Kita Tata Perpustakaan Sesuai Standar Nasional Perpustakaan)');
    expect(d!.definition.serviceStandard?.waktu).toBe('7 Jam');
    expect(d!.definition.steps.find((s) => s.no === 3)!.performer).toBe('institution');
    for (const k of ['steps', 'activity', 'waktu', 'output', 'actors (first)', 'performer', 'inferred actor flagged'] as const) expect(pct(t[k]), k).toBe(100);
    // The contact lines and the rest of the page are kept for review, not dropped.
    expect(d!.review.some((r) => r.path === 'preamble' && /0856 4011 7950/.test(r.read))).toBe(true);
  });
});
