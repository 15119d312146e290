// Word-level helpers shared by the readers and the interpreter: whitespace, Indonesian stems,
// ids. Everything here is about Indonesian office prose in general, nothing about one SOP.

/** Collapses whitespace (line breaks in a cell included) into single spaces. */
export function clean(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * Joins a word broken across lines in a narrow header cell ("Perpus-takaan", "Pustaka-wan"): a
 * hyphen between lowercase letters with no space is a line-break hyphen in these tables.
 */
export function dehyphenate(s: string): string {
  return s.replace(/(\p{Ll})-(\p{Ll})/gu, '$1$2');
}

export function norm(s: string): string {
  return clean(dehyphenate(s.normalize('NFC'))).toLowerCase();
}

const STOP = new Set(
  'dan atau serta yang untuk dengan dari ke di pada oleh dalam kepada bagi sebagai atas ini itu tersebut telah akan maka jika bila apabila tidak ya sesuai secara para antara beserta melalui tentang perihal hal'.split(' '),
);

/** Lowercase words of a text (letters and digits), hyphens kept inside words. */
export function words(s: string): string[] {
  return norm(s).match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [];
}

/**
 * A rough Indonesian stem: strips the verb prefixes (me-, mem-, men-, meng-, meny-, ber-, di-,
 * ter-, pe-, per-) and suffixes (-kan, -an, -i, -nya) so "menyebarkan", "disebar" and
 * "penyebaran" meet at "sebar". Good enough to compare phrases, never shown to anyone.
 */
export function stem(w: string): string {
  let s = w.toLowerCase();
  if (s.length <= 4) return s;
  s = s.replace(/(nya|kan|an|i)$/u, (m) => (s.length - m.length >= 4 ? '' : m));
  const prefixes: [RegExp, string][] = [
    [/^meny/, 's'],
    [/^meng/, ''],
    [/^mem(?=[bpf])/, ''],
    [/^mem/, 'p'],
    [/^men(?=[cdjtz])/, ''],
    [/^men/, 't'],
    [/^me/, ''],
    [/^ber/, ''],
    [/^ter/, ''],
    [/^di/, ''],
    [/^peny/, 's'],
    [/^peng/, ''],
    [/^pem/, ''],
    [/^pen/, ''],
    [/^per/, ''],
  ];
  for (const [re, rep] of prefixes) {
    if (re.test(s) && s.replace(re, rep).length >= 4) {
      s = s.replace(re, rep);
      break;
    }
  }
  return s;
}

/** Content stems of a text: no stop words, no one- or two-letter words. */
export function stems(s: string): string[] {
  return words(s)
    .filter((w) => w.length > 2 && !STOP.has(w))
    .map(stem);
}

/** Two stems meet when equal or one begins the other and the shorter has at least 5 letters. */
export function stemsMeet(a: string, b: string): boolean {
  if (a === b) return true;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  return s.length >= 5 && l.startsWith(s);
}

/** How many stems of `a` meet some stem of `b`. */
export function overlap(a: string[], b: string[]): number {
  return a.filter((x) => b.some((y) => stemsMeet(x, y))).length;
}

/** An id the schema accepts ([a-z][a-z0-9_]*), from any label. */
export function slug(s: string, max = 40): string {
  const base = norm(s)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  let out = base.slice(0, max).replace(/_+$/g, '');
  if (!/^[a-z]/.test(out)) out = `x_${out}`.slice(0, max);
  return out || 'x';
}

/** An id not yet in `taken` (suffix _2, _3, ...); records it. */
export function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}_${i}`;
  taken.add(id);
  return id;
}

/** First letter upper-case, rest unchanged. */
export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}…`;
}
