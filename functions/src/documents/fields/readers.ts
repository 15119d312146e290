// Reading case data as letter text, and the wording shared by letters of several families.
import { capitalizeFirst, terbilang } from '../format.ts';

export const DASH = '-';
/** A blank filled in by hand on the printed document (a draft's number, the other party's signatory). */
export const BLANK = '..............................';

/** Strips a trailing full stop or semicolon, so a typed sentence can be set inside another. */
export function clause(s: string): string {
  return s.trim().replace(/[.;,\s]+$/, '');
}

/** A value as one line of text, or undefined when it is missing or empty. */
export function textOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return v ? 'Ya' : 'Tidak';
  if (Array.isArray(v)) {
    const items = listOf(v);
    return items.length ? items.join(', ') : undefined;
  }
  return undefined;
}

/** A list value (array, or one item per line of a string). */
export function listOf(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(textOf).filter((x): x is string => x !== undefined);
  if (typeof v === 'string') return v.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
  return [];
}

export function intOf(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/** "25 (dua puluh lima) orang": numbers in naskah dinas are written in figures and words. */
export function count(n: number, unit = ''): string {
  return `${n} (${terbilang(n)})${unit ? ` ${unit}` : ''}`;
}

export function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase('id-ID') + s.slice(1);
}

const SMALL_WORDS = new Set(['dan', 'atau', 'di', 'ke', 'dari', 'yang', 'untuk', 'pada']);

/** "KEPULAUAN BANGKA BELITUNG" -> "Kepulauan Bangka Belitung". */
export function titleCase(s: string): string {
  return s
    .toLocaleLowerCase('id-ID')
    .split(/\s+/)
    .filter(Boolean)
    .map((w, i) => (i > 0 && SMALL_WORDS.has(w) ? w : capitalizeFirst(w)))
    .join(' ');
}
