import { describe, it, expect } from 'vitest';
import { maxMinutes, parseWaktu, type WaktuBasis, type WaktuUnit } from '../../functions/src/sop/waktu.ts';

interface Expected {
  basis: WaktuBasis;
  min?: number;
  max?: number;
  unit?: WaktuUnit;
  perItem?: string;
  label: string;
}

// Every value found in the seeds.
const SEED_VALUES: Array<[string, Expected]> = [
  ['30 Menit', { basis: 'case', min: 30, max: 30, unit: 'minute', label: '30 menit' }],
  ['180 Menit', { basis: 'case', min: 180, max: 180, unit: 'minute', label: '180 menit' }],
  ['1 hari', { basis: 'case', min: 1, max: 1, unit: 'day', label: '1 hari kerja' }],
  ['120 - 180 menit', { basis: 'case', min: 120, max: 180, unit: 'minute', label: '120–180 menit' }],
  ['15- 30 menit', { basis: 'case', min: 15, max: 30, unit: 'minute', label: '15–30 menit' }],
  ['60-120 menit', { basis: 'case', min: 60, max: 120, unit: 'minute', label: '60–120 menit' }],
  ['60 - 120 Menit', { basis: 'case', min: 60, max: 120, unit: 'minute', label: '60–120 menit' }],
  ['1 - 3 menit', { basis: 'case', min: 1, max: 3, unit: 'minute', label: '1–3 menit' }],
  ['1 - 5 menit', { basis: 'case', min: 1, max: 5, unit: 'minute', label: '1–5 menit' }],
  [
    '1-2 menit per subjek',
    { basis: 'item', min: 1, max: 2, unit: 'minute', perItem: 'subjek', label: '1–2 menit per subjek' },
  ],
  ['3 menit perbuku', { basis: 'item', min: 3, max: 3, unit: 'minute', perItem: 'buku', label: '3 menit per buku' }],
  ['per bulan', { basis: 'period', unit: 'month', label: 'per bulan' }],
  ['1 Minggu', { basis: 'case', min: 1, max: 1, unit: 'week', label: '1 minggu' }],
  ['1 jam', { basis: 'case', min: 1, max: 1, unit: 'hour', label: '1 jam' }],
  ['ljam', { basis: 'case', min: 1, max: 1, unit: 'hour', label: '1 jam' }],
  ['7 Jam', { basis: 'case', min: 7, max: 7, unit: 'hour', label: '7 jam' }],
  ['sesuai jarak tempuh', { basis: 'travel', label: 'sesuai jarak tempuh' }],
  ['Sesuai kebutuhan', { basis: 'open', label: 'sesuai kebutuhan' }],
  ['Sesuai Kebutuhan pemustaka', { basis: 'open', label: 'sesuai kebutuhan' }],
  ['15 menit', { basis: 'case', min: 15, max: 15, unit: 'minute', label: '15 menit' }],
  ['3 menit', { basis: 'case', min: 3, max: 3, unit: 'minute', label: '3 menit' }],
  ['1 - 2 menit', { basis: 'case', min: 1, max: 2, unit: 'minute', label: '1–2 menit' }],
  ['15-20 menit', { basis: 'case', min: 15, max: 20, unit: 'minute', label: '15–20 menit' }],
  ['15 - 20 menit', { basis: 'case', min: 15, max: 20, unit: 'minute', label: '15–20 menit' }],
  ['1-5 menit', { basis: 'case', min: 1, max: 5, unit: 'minute', label: '1–5 menit' }],
  ['5 menit', { basis: 'case', min: 5, max: 5, unit: 'minute', label: '5 menit' }],
  ['10 menit', { basis: 'case', min: 10, max: 10, unit: 'minute', label: '10 menit' }],
  ['2 menit', { basis: 'case', min: 2, max: 2, unit: 'minute', label: '2 menit' }],
];

// Tolerated spellings beyond the seeds: dashes, whitespace, case, OCR'd 1.
const VARIANTS: Array<[string, Expected]> = [
  ['120 – 180 menit', { basis: 'case', min: 120, max: 180, unit: 'minute', label: '120–180 menit' }],
  ['120—180   MENIT', { basis: 'case', min: 120, max: 180, unit: 'minute', label: '120–180 menit' }],
  ['  30\u00a0menit \n', { basis: 'case', min: 30, max: 30, unit: 'minute', label: '30 menit' }],
  ['1jam', { basis: 'case', min: 1, max: 1, unit: 'hour', label: '1 jam' }],
  ['Ijam', { basis: 'case', min: 1, max: 1, unit: 'hour', label: '1 jam' }],
  ['l hari', { basis: 'case', min: 1, max: 1, unit: 'day', label: '1 hari kerja' }],
  ['2 hari kerja', { basis: 'case', min: 2, max: 2, unit: 'day', label: '2 hari kerja' }],
  ['1 s/d 3 hari', { basis: 'case', min: 1, max: 3, unit: 'day', label: '1–3 hari kerja' }],
  ['3 bulan', { basis: 'case', min: 3, max: 3, unit: 'month', label: '3 bulan' }],
  ['3 Menit Per Buku', { basis: 'item', min: 3, max: 3, unit: 'minute', perItem: 'buku', label: '3 menit per buku' }],
  ['Per Bulan', { basis: 'period', unit: 'month', label: 'per bulan' }],
];

describe('parseWaktu', () => {
  it.each([...SEED_VALUES, ...VARIANTS])('reads %j', (raw, expected) => {
    const w = parseWaktu(raw);
    expect(w).toEqual({ raw, recognized: true, ...expected });
  });

  it('reads null as not specified', () => {
    expect(parseWaktu(null)).toEqual({ raw: null, basis: 'open', recognized: true, label: 'tidak ditentukan' });
  });

  it('reads a blank cell as not specified, keeping the raw text', () => {
    expect(parseWaktu('  ')).toEqual({ raw: '  ', basis: 'open', recognized: true, label: 'tidak ditentukan' });
  });

  it.each([
    'segera',
    'abc',
    '5 tahun lagi??',
    '5 tahun',
    '180 - 120 menit', // min > max
    '0 menit',
    '30',
    'menit',
    '1,5 jam',
    'L jam', // only a lowercase l or capital I is an OCR'd 1
    'il jam',
    '5 menit per hari', // a rate, not a per-item amount
    '2 jam per bulan',
    'per minggu',
    'sesuai',
    '30 menit 2 jam',
  ])('keeps %j raw as unknown', (raw) => {
    expect(parseWaktu(raw)).toEqual({
      raw,
      basis: 'unknown',
      recognized: false,
      label: `tidak terbaca: "${raw}"`,
    });
  });
});

describe('maxMinutes', () => {
  it.each<[string, number | undefined, number | undefined]>([
    ['120 - 180 menit', undefined, 180],
    ['30 Menit', undefined, 30],
    ['ljam', undefined, 60],
    ['7 Jam', undefined, 420],
    ['3 menit perbuku', 10, 30],
    ['1-2 menit per subjek', 4, 8],
    ['3 menit perbuku', undefined, undefined],
    ['3 menit perbuku', 0, undefined],
    ['1 hari', undefined, undefined],
    ['1 Minggu', undefined, undefined],
    ['per bulan', undefined, undefined],
    ['sesuai jarak tempuh', undefined, undefined],
    ['Sesuai kebutuhan', undefined, undefined],
    ['segera', undefined, undefined],
  ])('%j with itemCount %j -> %j', (raw, itemCount, expected) => {
    expect(maxMinutes(parseWaktu(raw), itemCount)).toBe(expected);
  });
});
