// Letters as pages: .docx to PDF with LibreOffice (headless), then what a reader sees read back from
// the PDF with poppler: the text of each page, every line and word with its box, the images on a
// page, and a PNG of the first page for people to look at. Arial and Liberation Sans share their
// metrics, so a line that wraps here wraps in Word and Google Docs too.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The programs the page check needs, or the names of those missing. */
export async function missingTools(): Promise<string[]> {
  const missing: string[] = [];
  for (const tool of ['soffice', 'pdftotext', 'pdftoppm', 'pdfimages']) {
    try {
      await run('sh', ['-c', `command -v ${tool}`]);
    } catch {
      missing.push(tool);
    }
  }
  return missing;
}

/**
 * Converts the .docx files to PDF in `outDir` with ONE LibreOffice process: it starts once (most of
 * the cost) and converts one file after another, faster on two cores than several processes. A
 * profile of its own keeps it apart from any other LibreOffice running on the machine.
 */
export async function convertToPdf(docxPaths: readonly string[], outDir: string): Promise<string[]> {
  const profile = await mkdtemp(join(tmpdir(), 'lo-profile-'));
  try {
    await run('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...docxPaths], {
      timeout: 240_000,
      maxBuffer: 16 * 1024 * 1024,
    });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  return docxPaths.map((p) => join(outDir, basename(p).replace(/\.docx$/, '.pdf')));
}

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface Line extends Word {
  words: Word[];
}

export interface Page {
  width: number;
  height: number;
  lines: Line[];
  /** The page's text in reading order, whitespace collapsed. */
  text: string;
}

const num = (attrs: string, name: string) => Number(new RegExp(`\\b${name}="([-\\d.]+)"`).exec(attrs)?.[1] ?? NaN);
const box = (attrs: string) => ({ xMin: num(attrs, 'xMin'), yMin: num(attrs, 'yMin'), xMax: num(attrs, 'xMax'), yMax: num(attrs, 'yMax') });
const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Every page with its lines and words (pdftotext -bbox-layout), in reading order. */
export async function readPages(pdf: string): Promise<Page[]> {
  const { stdout } = await run('pdftotext', ['-bbox-layout', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return [...stdout.matchAll(/<page ([^>]*)>([\s\S]*?)<\/page>/g)].map(([, attrs, body]) => {
    const lines = [...body!.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)].map(([, la, lb]) => ({
      ...box(la!),
      words: [...lb!.matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)].map(([, wa, t]) => ({ ...box(wa!), text: decode(t!) })),
      text: '',
    }));
    for (const l of lines) l.text = l.words.map((w) => w.text).join(' ');
    return { width: num(attrs!, 'width'), height: num(attrs!, 'height'), lines, text: lines.map((l) => l.text).join(' ') };
  });
}

/** How many images each page shows (pdfimages -list), by page number from 1. */
export async function imagesPerPage(pdf: string): Promise<Map<number, number>> {
  const { stdout } = await run('pdfimages', ['-list', pdf]);
  const counts = new Map<number, number>();
  for (const row of stdout.split('\n').slice(2)) {
    const [page, , type] = row.trim().split(/\s+/);
    // A PNG with transparency is an image plus its soft mask: count the image only.
    if (page && type === 'image') counts.set(Number(page), (counts.get(Number(page)) ?? 0) + 1);
  }
  return counts;
}

/** The first page as `<pngStem>.png` at 60 dpi. */
export async function firstPagePng(pdf: string, pngStem: string): Promise<void> {
  await run('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, pngStem]);
}

// ---------------------------------------------------------------------------------------------
// Geometry
// ---------------------------------------------------------------------------------------------

// poppler boxes a glyph from 0.95 em above its baseline to 0.35 em below (1.3 em in all), whatever
// the font says; the ink of Arial's letters reaches about 0.73 em up and 0.21 em down.
const BOX_EM = 1.3;
const BELOW_EM = 0.35;

/** Font size and baseline of a word or line read off its poppler box. */
export function metricsOf(w: Word): { size: number; baseline: number } {
  const size = (w.yMax - w.yMin) / BOX_EM;
  return { size, baseline: w.yMax - BELOW_EM * size };
}

/** Whether the ink of two lines would touch: they share some width and their letters' heights overlap. */
export function inkOverlaps(a: Line, b: Line): boolean {
  if (Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin) <= 0) return false;
  const [upper, lower] = metricsOf(a).baseline <= metricsOf(b).baseline ? [a, b] : [b, a];
  const u = metricsOf(upper);
  const l = metricsOf(lower);
  return l.baseline - 0.73 * l.size < u.baseline + 0.21 * u.size - 0.2;
}

/** Words split the way pdftotext splits them: on whitespace. */
export const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean);

/**
 * Where the words of `text` are printed on a page: the lines they run over, each with the box of
 * the first of those words on it; null when the page does not hold them in this order.
 */
/** The last place the text is printed on the page (a signer's name below where the text named them). */
export function locateLast(page: Page, text: string): { line: number; first: Word }[] | null {
  const words = page.lines.flatMap((l) => l.words);
  let found: { line: number; first: Word }[] | null = null;
  for (let at = locate(page, text); at; at = locate(page, text, words.indexOf(at[0]!.first) + 1)) found = at;
  return found;
}

export function locate(page: Page, text: string, from = 0): { line: number; first: Word }[] | null {
  const target = wordsOf(text);
  if (target.length === 0) return null;
  const flat = page.lines.flatMap((l, li) => l.words.map((w) => ({ w, li })));
  for (let i = from; i + target.length <= flat.length; i++) {
    if (!target.every((t, k) => flat[i + k]!.w.text === t)) continue;
    const out: { line: number; first: Word }[] = [];
    for (let k = 0; k < target.length; k++) if (out.at(-1)?.line !== flat[i + k]!.li) out.push({ line: flat[i + k]!.li, first: flat[i + k]!.w });
    return out;
  }
  return null;
}

/** The text of PDF bytes as poppler reads it (pdftotext, reading order, one line per line). */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pdftext-'));
  try {
    const file = join(dir, 'in.pdf');
    await writeFile(file, bytes);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
