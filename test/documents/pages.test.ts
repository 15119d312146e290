// The page check: every template filled as a step fills it, and again with the longest realistic
// values, rendered by the local .docx backend, turned into PDF by LibreOffice and checked from the
// PDF's text positions as a reader would see the page: the letter number and the place and date
// each on one line, no two lines printed over each other, nothing outside the margins, no
// {{placeholder}} left, the closing paragraph on the page of the signature, no heading left at the
// foot of a page, a long Hal wrapping at most once under its own first line, the addressee's lines
// under the text after "Yth. ", every alinea (each line of a multi-line value too) indented, both
// names of a two-party signature on one baseline, the lambang daerah in the kop (or a kop centred
// without it), and the expected number of pages. A growing table (the participants of an
// invitation or a daftar hadir) has every row once, its header at the top of every page it runs
// over. The first page of each is written to test-output/letters/<template>-<variant>.png for
// people to look at.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { INDENT, MARGIN, WIDEST_PLACE_DATE } from '../../functions/src/documents/docx/blocks.ts';
import { droppedRows } from '../../functions/src/documents/fields/index.ts';
import { createLocalDocBackend } from '../../functions/src/documents/local.ts';
import { REPORT_TEMPLATES, TEMPLATES, TEMPLATES_DIR, type Block } from '../../functions/src/documents/templates.ts';
import type { Fields, RowSets } from '../../functions/src/documents/types.ts';
import { sampleLetters, type SampleLetter } from '../support/letter-pages.ts';
import { convertToPdf, firstPagePng, imagesPerPage, inkOverlaps, locate, locateLast, metricsOf, missingTools, readPages, wordsOf, type Page } from '../support/pdf-pages.ts';

const OUT = resolve('test-output/letters');
const MARGIN_PT = MARGIN / 20;
const INDENT_PT = INDENT / 20;

/** Pages of each template: as the catalog fills it, with the longest realistic values, and with the longest list (300 participants). */
const PAGES: Record<string, { contoh: number; terpanjang: number; panjang?: number }> = {
  surat_tugas: { contoh: 1, terpanjang: 1 },
  lembar_disposisi: { contoh: 1, terpanjang: 1 },
  rencana_kunjungan_pusling: { contoh: 1, terpanjang: 1 },
  pemberitahuan_jadwal_pusling: { contoh: 1, terpanjang: 2 },
  surat_jawaban_kunjungan: { contoh: 1, terpanjang: 1 },
  surat_balasan_pergantian_waktu: { contoh: 1, terpanjang: 1 },
  draft_pks: { contoh: 3, terpanjang: 4 },
  pks_final: { contoh: 3, terpanjang: 4 },
  nota_kesepahaman: { contoh: 2, terpanjang: 3 },
  surat_pemberitahuan_monev: { contoh: 2, terpanjang: 2 },
  jadwal_kegiatan: { contoh: 1, terpanjang: 1 },
  laporan_monev: { contoh: 1, terpanjang: 2 },
  balasan_peminjaman_kolektif: { contoh: 1, terpanjang: 2 },
  laporan_bulanan_referensi: { contoh: 2, terpanjang: 3 },
  surat_dinas: { contoh: 1, terpanjang: 1 },
  nota_dinas_permohonan_izin: { contoh: 1, terpanjang: 1 },
  nota_dinas_persetujuan: { contoh: 1, terpanjang: 1 },
  notula_rapat: { contoh: 1, terpanjang: 2 },
  // The letter, then its lampiran: 40 participants on 3 pages, 300 on 16.
  undangan_bimtek: { contoh: 4, terpanjang: 6, panjang: 17 },
  // Rows a signature fits in: about 19 a page.
  daftar_hadir_bimtek: { contoh: 3, terpanjang: 6, panjang: 16 },
  laporan_pelaksanaan_bimtek: { contoh: 2, terpanjang: 2 },
};

/** Layout text as printed: placeholders filled, bold marks dropped. */
const fill = (text: string, fields: Fields) => text.replace(/\{\{([a-z0-9_]+)\}\}/g, (_, p: string) => fields[p] ?? '').replace(/\*\*/g, '');
const near = (a: number, b: number, tolerance = 1) => Math.abs(a - b) <= tolerance;
const lastWords = (text: string, n: number) => wordsOf(text.split('\n').filter((l) => l.trim()).at(-1) ?? '').slice(-n).join(' ');

interface Rendered {
  pages: Page[];
  images: Map<number, number>;
}

/** The text a block ends with, as printed (a growing table: its last row's last cell with text). */
function endOf(block: Block, fields: Fields, rows: RowSets): string {
  if (block.kind === 'para') return fill(block.text, fields);
  if (block.kind === 'fields') return fill(block.rows.at(-1)![1], fields);
  if (block.kind === 'table') {
    const values = { ...fields, ...(block.repeat !== undefined ? rows[block.repeat]?.at(-1) : {}) };
    const t = block.rows.at(-1)!.map((c) => (typeof c.text === 'string' ? c.text : c.text.join('\n'))).findLast((x) => fill(x, values).trim());
    return fill(t ?? '', values);
  }
  return '';
}

/** Problems with where the letter's pieces landed; empty when the pages read right. */
function checkPages(letter: SampleLetter, r: Rendered): string[] {
  const { spec, fields } = letter;
  const problems: string[] = [];
  const all = r.pages.map((p) => p.text).join(' ');
  if (/\{\{|\}\}/.test(all)) problems.push('isian {{...}} tersisa');

  // The letter's own numbers, and the place and date, each on one line wherever they are printed.
  for (const p of ['nomor', 'nomor_pihak_pertama', 'nomor_pihak_kedua']) {
    const v = fields[p];
    if (!spec.placeholders.includes(p) || !v || v === '-') continue;
    const times = JSON.stringify(spec.blocks).split(`{{${p}}}`).length - 1;
    const whole = r.pages.flatMap((pg) => pg.lines.flatMap((l) => l.words)).filter((w) => w.text === v).length;
    if (whole < times) problems.push(`${p} "${v}" terpotong ke baris berikutnya`);
  }
  const tempat = fields['tempat_tanggal'];
  if (tempat && r.pages.map((p) => locate(p, tempat)).find(Boolean)?.length !== 1) problems.push(`tempat dan tanggal "${tempat}" tidak pada satu baris`);

  r.pages.forEach((page, pi) => {
    for (let i = 0; i < page.lines.length; i++) {
      for (let j = i + 1; j < page.lines.length; j++) {
        if (inkOverlaps(page.lines[i]!, page.lines[j]!)) problems.push(`hlm. ${pi + 1}: baris bertumpuk "${page.lines[i]!.text}" / "${page.lines[j]!.text}"`);
      }
    }
    for (const w of page.lines.flatMap((l) => l.words)) {
      if (w.xMin < MARGIN_PT - 1.5 || w.xMax > page.width - MARGIN_PT + 1.5 || w.yMax > page.height - MARGIN_PT + 2 || w.yMin < MARGIN_PT - 4) {
        problems.push(`hlm. ${pi + 1}: "${w.text}" di luar batas tepi`);
      }
    }
  });
  problems.push(...checkFlow(letter, r), ...checkAlignment(letter, r), ...checkGrowingTables(letter, r));
  return problems;
}

/**
 * A growing table: its rows' numbers ("1.", "2.", ...) read down its first column, under its
 * header on every page it runs over, are exactly 1 to the length of its list, in order: no row
 * lost, doubled or printed on a page without the header above it.
 */
function checkGrowingTables({ spec, rows }: SampleLetter, r: Rendered): string[] {
  const problems: string[] = [];
  for (const b of spec.blocks) {
    if (b.kind !== 'table' || b.repeat === undefined) continue;
    const [no, second] = b.rows[0]!.map((c) => (typeof c.text === 'string' ? c.text : c.text.join(' ')));
    const numbers: number[] = [];
    r.pages.forEach((page) => {
      // The header's cells, side by side (poppler gives each cell a line of its own).
      const words = page.lines.flatMap((l) => l.words);
      const first = words.find((w) => w.text === no && words.some((x) => x.text === second && near(x.yMin, w.yMin)));
      if (!first) return;
      const right = words.find((x) => x.text === second && near(x.yMin, first.yMin))!.xMin;
      for (const w of words) if (w.yMin > first.yMax && w.xMin >= first.xMin - 20 && w.xMax <= right && /^\d+\.$/.test(w.text)) numbers.push(Number(w.text.slice(0, -1)));
    });
    const n = rows[b.repeat]?.length ?? 0;
    if (numbers.join(',') !== Array.from({ length: n }, (_, i) => i + 1).join(',')) problems.push(`daftar ${b.repeat}: nomor baris di bawah kepala tabel ${numbers.length ? `${numbers.slice(0, 5).join(', ')} ... ${numbers.slice(-3).join(', ')} (${numbers.length})` : 'tidak ada'}, bukan 1 sampai ${n}`);
  }
  return problems;
}

/**
 * Closing paragraphs with their signature, headings with what follows them. A table row longer
 * than a page ("daftar-panjang") splits, and LibreOffice keeps a row with the next by its first
 * line only: there the signature is only checked to be whole, on the last page.
 */
function checkFlow({ spec, fields, rows, variant }: SampleLetter, r: Rendered): string[] {
  const problems: string[] = [];
  spec.blocks.forEach((b, i) => {
    if (b.kind !== 'signature' && b.kind !== 'signatures') return;
    const before = spec.blocks.slice(0, i).reverse().find((x) => x.kind !== 'spacer');
    const closing = before ? lastWords(endOf(before, fields, rows), 8) : '';
    const pageOf = variant === 'daftar-panjang' ? r.pages.length - 1 : closing ? r.pages.findLastIndex((p) => locate(p, closing)) : -1;
    if (pageOf < 0) return void problems.push(`penutup sebelum tanda tangan ("${closing}") tidak ditemukan`);
    const sigs = b.kind === 'signature' ? [b.sig] : [b.left, b.right];
    const page = r.pages[pageOf]!;
    const names = sigs.map((s) => locateLast(page, fill(s.name, fields)));
    if (names.some((n) => !n) || sigs.some((s) => !locate(page, wordsOf(fill(s.top[0]!, fields)).slice(0, 3).join(' ')))) {
      problems.push(`tanda tangan tidak pada halaman ${pageOf + 1} bersama penutup "${closing}"`);
    } else if (names.length === 2 && !near(names[0]![0]!.first.yMax, names[1]![0]!.first.yMax, 0.5)) {
      problems.push('kedua nama penanda tangan tidak pada satu garis');
    }
  });
  const headings = new Set(
    spec.blocks.flatMap((b) => (b.kind === 'title' ? b.lines.map((l) => fill(l, fields)) : b.kind === 'para' && b.keepNext ? [fill(b.text, fields)] : [])).map((t) => wordsOf(t).join(' ')),
  );
  r.pages.slice(0, -1).forEach((page, pi) => {
    const foot = page.lines.reduce((a, l) => (l.yMax > a.yMax ? l : a), page.lines[0]!);
    if (headings.has(foot.text)) problems.push(`hlm. ${pi + 1} berakhir dengan judul "${foot.text}"`);
    // A page followed by another is used at least to 55 %: nothing but the closing block (the last
    // paragraph kept with the signatures and their meterai space, a third of a page) was pushed over whole.
    if (foot.yMax < page.height * 0.55) problems.push(`hlm. ${pi + 1} hanya terisi sampai ${Math.round((foot.yMax / page.height) * 100)} %`);
  });
  return problems;
}

/** Hal, addressee, alinea indents and the kop's lambang. */
function checkAlignment({ spec, fields, variant }: SampleLetter, r: Rendered): string[] {
  const problems: string[] = [];
  const first = r.pages[0]!;
  const under = (what: string, places: { first: { xMin: number } }[] | null, x?: number) => {
    if (!places) return void problems.push(`${what} tidak ditemukan`);
    const x0 = x ?? places[0]!.first.xMin;
    if (places.some((p) => !near(p.first.xMin, x0))) problems.push(`baris ${what} tidak rata di bawah baris pertamanya`);
  };
  for (const b of spec.blocks) {
    if (b.kind === 'fields' && b.rows.some(([l, v]) => l === 'Hal' && v === '{{hal}}')) {
      const hal = locate(first, fields['hal']!);
      under('Hal', hal);
      if (hal && hal.length > 2) problems.push(`Hal memakan ${hal.length} baris`);
    }
    if (b.kind === 'addressee') {
      const yth = first.lines.flatMap((l) => l.words).find((w) => w.text === 'Yth.');
      const lines = b.lines.flatMap((l) => fill(l, fields).split('\n')).filter((l) => l.trim());
      const places = lines.map((l) => locate(first, l));
      if (!yth || places.some((p) => !p)) problems.push('alamat tujuan (Yth.) tidak ditemukan');
      else under('alamat tujuan', places.flatMap((p) => p!), places[0]![0]!.first.xMin);
    }
    if (b.kind === 'para' && b.indent === 'first') {
      for (const line of fill(b.text, fields).split('\n').filter((l) => l.trim())) {
        const at = r.pages.map((p) => locate(p, wordsOf(line).slice(0, 6).join(' '))).find(Boolean);
        if (!at) problems.push(`alinea "${line.slice(0, 40)}" tidak ditemukan`);
        else if (!near(at[0]!.first.xMin, MARGIN_PT + INDENT_PT)) problems.push(`alinea "${line.slice(0, 40)}" tanpa indentasi baris pertama`);
      }
    }
  }
  if (spec.blocks.some((b) => b.kind === 'kop')) {
    const images = r.images.get(1) ?? 0;
    if (variant === 'tanpa-lambang') {
      if (images !== 0) problems.push('kop tanpa lambang masih memuat gambar');
      const dinas = first.lines.find((l) => l.text === wordsOf(fields['kop_dinas']!).join(' '));
      if (!dinas || !near((dinas.xMin + dinas.xMax) / 2, first.width / 2, 2)) problems.push('kop tanpa lambang tidak di tengah halaman');
    } else if (images !== 1) problems.push(`kop memuat ${images} gambar, bukan lambang daerah`);
  }
  return problems;
}

describe('letters as pages (LibreOffice, poppler)', () => {
  const letters = sampleLetters();
  const rendered = new Map<string, Rendered>();
  let seconds = 0;

  beforeAll(async () => {
    const missing = await missingTools();
    if (missing.length) throw new Error(`Pemeriksaan halaman membutuhkan ${missing.join(', ')}: apt-get install libreoffice-writer-nogui poppler-utils fonts-liberation (.ci/run memasangnya)`);
    const started = Date.now();
    await rm(OUT, { recursive: true, force: true });
    await mkdir(join(OUT, 'salinan'), { recursive: true });
    const docx = await Promise.all(
      letters.map(async (l) => {
        const backend = createLocalDocBackend({ templatesDir: TEMPLATES_DIR, outDir: join(OUT, 'salinan'), lambang: l.lambang });
        const doc = await backend.copy({ key: l.name, templateId: l.spec.id, title: l.name });
        await backend.fill(doc, l.fields, { dropRows: droppedRows(l.spec.id, l.fields), rows: l.rows });
        const path = join(OUT, `${l.name}.docx`);
        await writeFile(path, await readFile(doc.documentId));
        return path;
      }),
    );
    await rm(join(OUT, 'salinan'), { recursive: true, force: true });
    const pdfs = await convertToPdf(docx, OUT);
    await Promise.all(
      letters.map(async (l, i) => {
        const [pages, images] = await Promise.all([readPages(pdfs[i]!), imagesPerPage(pdfs[i]!), firstPagePng(pdfs[i]!, join(OUT, l.name))]);
        rendered.set(l.name, { pages, images });
      }),
    );
    seconds = (Date.now() - started) / 1000;
    console.log(`pemeriksaan halaman: ${letters.length} surat dirender dalam ${seconds.toFixed(1)} s (${OUT})`);
  }, 300_000);

  it('has an expected page count for every template', () => {
    // The SOP performance report (not a step's letter) is not in this page check yet: see README, issue 13.
    expect(Object.keys(PAGES).sort()).toEqual(Object.keys(TEMPLATES).filter((id) => !REPORT_TEMPLATES.includes(id)).sort());
  });

  it('reads the body text at 12 pt (the geometry checks rely on poppler boxing glyphs at 1.3 em)', () => {
    const page = rendered.get('surat_dinas-contoh')!.pages[0]!;
    const nomor = page.lines.flatMap((l) => l.words).find((w) => w.text === 'Nomor')!;
    expect(metricsOf(nomor).size).toBeCloseTo(12, 1);
  });

  it.each(letters.map((l) => [l.name, l] as const))('%s', (name, letter) => {
    const r = rendered.get(name)!;
    const problems = checkPages(letter, r);
    expect(problems, problems.join('; ')).toEqual([]);
    const pages = PAGES[letter.spec.id]!;
    const expected = letter.variant === 'tanpa-lambang' ? pages.contoh : letter.variant === 'daftar-panjang' ? (pages.panjang ?? 3) : pages[letter.variant];
    expect(r.pages.length, 'jumlah halaman').toBe(expected);
  });

  it('holds the widest place and date beside the widest number', () => {
    const page = rendered.get('surat_dinas-terpanjang')!.pages[0]!;
    expect(locate(page, WIDEST_PLACE_DATE)).toHaveLength(1);
  });
});
