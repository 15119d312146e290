/**
 * Parser for the "Mutu Baku Waktu" (standard time) column of the SOP seeds.
 *
 * Pure: no I/O. Every value found in the seeds is read; anything else is kept raw
 * with `recognized: false` so it can be reported. Nothing is ever guessed.
 *
 * Accepted shapes (case-insensitive, any amount of whitespace, hyphen or en/em dash):
 *   "<n> <unit>"                       "30 Menit", "1 hari", "7 Jam", "1jam"
 *   "<a> - <b> <unit>"                 "120 - 180 menit", "15- 30 menit"
 *   "<n>[ - <b>] <unit> per <item>"    "1-2 menit per subjek", "3 menit perbuku"
 *   "per bulan"                        a periodic (monthly) step
 *   "sesuai jarak tempuh"              depends on travel distance
 *   "sesuai kebutuhan [pemustaka]"     open-ended
 * Units: menit, jam, hari (also "hari kerja"), minggu, bulan.
 * Range separators besides the dash: "s/d", "s.d.", "sampai", "sampai dengan".
 * OCR repair: a lowercase "l" or capital "I" standing alone directly before a unit
 * ("ljam", "I menit") is read as the digit 1. Nothing else is repaired.
 */

import type { Waktu, WaktuUnit } from '../contract.ts';

export type { Waktu, WaktuBasis, WaktuUnit } from '../contract.ts';

const UNIT_BY_WORD: Record<string, WaktuUnit> = {
  menit: 'minute',
  jam: 'hour',
  hari: 'day',
  'hari kerja': 'day',
  minggu: 'week',
  bulan: 'month',
};

/** Indonesian display word per unit; days are working days. */
const UNIT_LABEL: Record<WaktuUnit, string> = {
  minute: 'menit',
  hour: 'jam',
  day: 'hari kerja',
  week: 'minggu',
  month: 'bulan',
};

/** Words that would make "<n> <unit> per <word>" a rate over time, not a per-item amount. */
const TIME_WORDS = new Set(['menit', 'jam', 'hari', 'minggu', 'bulan', 'tahun']);

const UNIT_PATTERN = '(menit|jam|hari kerja|hari|minggu|bulan)';
const RANGE_SEP = ' ?(?:-|s/d|s\\.d\\.?|sampai(?: dengan)?) ?';
const DURATION_RE = new RegExp(
  `^(\\d{1,6})(?:${RANGE_SEP}(\\d{1,6}))? ?${UNIT_PATTERN}(?: ?per ?([a-z]+))?$`,
);
/** A lone "l"/"I" (any case matched here; filtered in the replacer) right before a unit word. */
const OCR_ONE_RE = /(^|[^\p{L}\p{N}])([li])(?= ?(?:menit|jam|hari|minggu|bulan)(?!\p{L}))/giu;

const DASHES_RE = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;

function normalise(raw: string): string {
  const spaced = raw.normalize('NFKC').replace(DASHES_RE, '-').replace(/\s+/g, ' ').trim();
  // Only a lowercase l or a capital I is an OCR'd 1; "L jam" or "i jam" stays unreadable.
  const repaired = spaced.replace(OCR_ONE_RE, (match: string, pre: string, ch: string) =>
    ch === 'l' || ch === 'I' ? `${pre}1` : match,
  );
  return repaired.toLowerCase();
}

function unknown(raw: string): Waktu {
  return { raw, basis: 'unknown', recognized: false, label: `tidak terbaca: "${raw}"` };
}

function amountLabel(min: number, max: number, unit: WaktuUnit): string {
  const amount = min === max ? `${max}` : `${min}–${max}`;
  return `${amount} ${UNIT_LABEL[unit]}`;
}

export function parseWaktu(raw: string | null): Waktu {
  if (raw === null || raw.trim() === '') {
    return { raw, basis: 'open', recognized: true, label: 'tidak ditentukan' };
  }
  const text = normalise(raw);

  if (/^per ?bulan$/.test(text)) {
    return { raw, basis: 'period', unit: 'month', recognized: true, label: 'per bulan' };
  }
  if (text === 'sesuai jarak tempuh') {
    return { raw, basis: 'travel', recognized: true, label: 'sesuai jarak tempuh' };
  }
  if (/^sesuai kebutuhan(?: pemustaka)?$/.test(text)) {
    return { raw, basis: 'open', recognized: true, label: 'sesuai kebutuhan' };
  }

  const m = DURATION_RE.exec(text);
  if (!m) return unknown(raw);
  const [, first, second, unitWord, item] = m;
  const unit = unitWord === undefined ? undefined : UNIT_BY_WORD[unitWord];
  if (first === undefined || unit === undefined) return unknown(raw);
  const min = Number(first);
  const max = second === undefined ? min : Number(second);
  if (max < 1 || min > max) return unknown(raw);

  if (item === undefined) {
    return { raw, basis: 'case', min, max, unit, recognized: true, label: amountLabel(min, max, unit) };
  }
  if (TIME_WORDS.has(item)) return unknown(raw);
  return {
    raw,
    basis: 'item',
    min,
    max,
    unit,
    perItem: item,
    recognized: true,
    label: `${amountLabel(min, max, unit)} per ${item}`,
  };
}

/**
 * Max duration in minutes for per-case/per-item minute/hour values (hour = 60 min).
 * For basis item the per-item max is multiplied by `itemCount`; without a whole
 * itemCount of at least 1 the result is undefined. Undefined for day/week/month units and for
 * non-duration bases (period, travel, open, unknown).
 */
export function maxMinutes(w: Waktu, itemCount?: number): number | undefined {
  if (!w.recognized || w.max === undefined) return undefined;
  if (w.unit !== 'minute' && w.unit !== 'hour') return undefined;
  const perUnit = w.unit === 'hour' ? 60 : 1;
  if (w.basis === 'case') return w.max * perUnit;
  if (w.basis === 'item') {
    if (itemCount === undefined || !Number.isInteger(itemCount) || itemCount < 1) return undefined;
    return w.max * perUnit * itemCount;
  }
  return undefined;
}
