// Numbering in tata naskah dinas: Roman month numerals, letter numbers from the agency's template,
// and numbered lines.
import { describe, expect, it } from 'vitest';
import {
  formatLetterNumber,
  numberedLines,
  romanMonth,
  validateLetterNumberTemplate,
  type LetterNumberParts,
} from '../../functions/src/documents/format.ts';

describe('romanMonth', () => {
  it.each([
    [1, 'I'],
    [2, 'II'],
    [3, 'III'],
    [4, 'IV'],
    [5, 'V'],
    [6, 'VI'],
    [7, 'VII'],
    [8, 'VIII'],
    [9, 'IX'],
    [10, 'X'],
    [11, 'XI'],
    [12, 'XII'],
  ])('%d -> %s', (m, roman) => {
    expect(romanMonth(m)).toBe(roman);
  });

  it.each([0, 13, -1, 1.5, Number.NaN])('throws a RangeError on %s', (m) => {
    expect(() => romanMonth(m)).toThrow(RangeError);
    expect(() => romanMonth(m)).toThrow(/Bulan tidak valid/);
  });
});

describe('formatLetterNumber', () => {
  const parts: LetterNumberParts = { klasifikasi: '000.5.2', urut: 117, unit: 'DISPUSIP', month: 11, year: 2026 };
  const STANDARD = '{klasifikasi}/{urut}/{unit}/{bulan_romawi}/{tahun}';

  it.each([
    [STANDARD, parts, undefined, '000.5.2/117/DISPUSIP/XI/2026'],
    [STANDARD, { ...parts, urut: 7 }, { pad: 3 }, '000.5.2/007/DISPUSIP/XI/2026'],
    [STANDARD, { ...parts, urut: 1234 }, { pad: 3 }, '000.5.2/1234/DISPUSIP/XI/2026'],
    [STANDARD, { ...parts, urut: 7 }, { pad: 0 }, '000.5.2/7/DISPUSIP/XI/2026'],
    ['{urut}/{bulan}/{tahun}', { ...parts, month: 3 }, undefined, '117/03/2026'],
    ['B-{urut}/{unit}/{klasifikasi}/{bulan_romawi}/{tahun}', { ...parts, month: 4 }, undefined, 'B-117/DISPUSIP/000.5.2/IV/2026'],
    ['{urut}', parts, { pad: 5 }, '00117'],
  ] as Array<[string, LetterNumberParts, { pad?: number } | undefined, string]>)(
    '%s -> %s',
    (template, p, opts, out) => {
      expect(formatLetterNumber(template, p, opts)).toBe(out);
      expect(validateLetterNumberTemplate(template)).toBeNull();
    },
  );

  it.each([
    ['{klasifikasi}/{nomor}/{unit}/{tahun}', '{nomor}'],
    ['{klasifikasi}/{urut}/{Unit}/{tahun}', '{Unit}'],
    ['{klasifikasi}/{urut}/{}/{tahun}', '{}'],
    ['{klasifikasi}/{unit}/{bulan_romawi}/{tahun}', '{urut}'],
    ['{klasifikasi}/{urut/{tahun}', 'kurung kurawal'],
    ['{klasifikasi}/{urut}}/{tahun}', 'kurung kurawal'],
    ['', 'kosong'],
    ['   ', 'kosong'],
  ])('rejects the template %j, naming %s', (template, named) => {
    const message = validateLetterNumberTemplate(template);
    expect(message).not.toBeNull();
    expect(message).toContain(named);
    expect(() => formatLetterNumber(template, parts)).toThrow(Error);
    expect(() => formatLetterNumber(template, parts)).toThrow(named);
  });

  it.each([
    [{ ...parts, urut: 0 }, undefined, /urut/],
    [{ ...parts, urut: 1.5 }, undefined, /urut/],
    [{ ...parts, month: 13 }, undefined, /Bulan tidak valid/],
    [{ ...parts, year: 26 }, undefined, /Tahun/],
    [parts, { pad: -1 }, /Panjang/],
    [parts, { pad: 2.5 }, /Panjang/],
    [{ ...parts, unit: ' ' }, undefined, /\{unit\}/],
    [{ ...parts, klasifikasi: '' }, undefined, /\{klasifikasi\}/],
  ] as Array<[LetterNumberParts, { pad?: number } | undefined, RegExp]>)('throws on invalid parts %#', (p, opts, message) => {
    expect(() => formatLetterNumber(STANDARD, p, opts)).toThrow(message);
  });

  it('ignores an empty part the template does not use', () => {
    expect(formatLetterNumber('{urut}/{tahun}', { ...parts, unit: '', klasifikasi: '' })).toBe('117/2026');
  });
});

describe('numberedLines', () => {
  it.each([
    [[], ''],
    [['A'], '1. A'],
    [['A', 'B'], '1. A\n2. B'],
    [
      Array.from({ length: 10 }, (_, i) => `item ${i + 1}`),
      Array.from({ length: 10 }, (_, i) => `${i + 1}. item ${i + 1}`).join('\n'),
    ],
  ] as Array<[string[], string]>)('%j', (items, out) => {
    expect(numberedLines(items)).toBe(out);
  });
});
