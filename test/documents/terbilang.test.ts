// Number words of tata naskah dinas (terbilang, terbilangRupiah) and capitalizeFirst. The round
// trips read the words back with an independent parser.
import { describe, expect, it } from 'vitest';
import { capitalizeFirst, terbilang, terbilangRupiah } from '../../functions/src/documents/format.ts';
import { parseTerbilang } from '../support/parse-terbilang.ts';
import { prng as rng } from '../support/prng.ts';

describe('terbilang', () => {
  const TABLE: Array<[number, string]> = [
    [0, 'nol'],
    [1, 'satu'],
    [2, 'dua'],
    [3, 'tiga'],
    [4, 'empat'],
    [5, 'lima'],
    [6, 'enam'],
    [7, 'tujuh'],
    [8, 'delapan'],
    [9, 'sembilan'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [13, 'tiga belas'],
    [14, 'empat belas'],
    [15, 'lima belas'],
    [16, 'enam belas'],
    [17, 'tujuh belas'],
    [18, 'delapan belas'],
    [19, 'sembilan belas'],
    [20, 'dua puluh'],
    [21, 'dua puluh satu'],
    [30, 'tiga puluh'],
    [40, 'empat puluh'],
    [55, 'lima puluh lima'],
    [90, 'sembilan puluh'],
    [99, 'sembilan puluh sembilan'],
    [100, 'seratus'],
    [101, 'seratus satu'],
    [110, 'seratus sepuluh'],
    [111, 'seratus sebelas'],
    [115, 'seratus lima belas'],
    [120, 'seratus dua puluh'],
    [199, 'seratus sembilan puluh sembilan'],
    [200, 'dua ratus'],
    [999, 'sembilan ratus sembilan puluh sembilan'],
    [1000, 'seribu'],
    [1001, 'seribu satu'],
    [1010, 'seribu sepuluh'],
    [1100, 'seribu seratus'],
    [1999, 'seribu sembilan ratus sembilan puluh sembilan'],
    [2000, 'dua ribu'],
    [2026, 'dua ribu dua puluh enam'],
    [11000, 'sebelas ribu'],
    [100000, 'seratus ribu'],
    [101000, 'seratus satu ribu'],
    [1_000_000, 'satu juta'],
    [1_001_000, 'satu juta seribu'],
    [1_500_000, 'satu juta lima ratus ribu'],
    [1_000_000_000, 'satu miliar'],
    [1_000_000_000_000, 'satu triliun'],
    [2_000_000_001, 'dua miliar satu'],
    [
      1_234_567_890_123,
      'satu triliun dua ratus tiga puluh empat miliar lima ratus enam puluh tujuh juta delapan ratus sembilan puluh ribu seratus dua puluh tiga',
    ],
    [
      999_999_999_999_999,
      'sembilan ratus sembilan puluh sembilan triliun sembilan ratus sembilan puluh sembilan miliar sembilan ratus sembilan puluh sembilan juta sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan',
    ],
    [-5, 'minus lima'],
    [-1000, 'minus seribu'],
    [-1_500_000, 'minus satu juta lima ratus ribu'],
  ];

  it.each(TABLE)('%d -> %s', (n, words) => {
    expect(terbilang(n)).toBe(words);
  });

  it.each(TABLE)('accepts the bigint %d', (n, words) => {
    expect(terbilang(BigInt(n))).toBe(words);
  });

  it('treats -0 as nol', () => {
    expect(terbilang(-0)).toBe('nol');
  });

  it.each([
    [1.5, /bulat/],
    [Number.NaN, /bulat/],
    [Number.POSITIVE_INFINITY, /bulat/],
    [1e15, /jangkauan/],
    [-1e15, /jangkauan/],
    [Number.MAX_SAFE_INTEGER, /jangkauan/],
    [10n ** 15n, /jangkauan/],
    [-(10n ** 15n), /jangkauan/],
  ] as Array<[number | bigint, RegExp]>)('throws a RangeError on %s', (n, message) => {
    expect(() => terbilang(n)).toThrow(RangeError);
    expect(() => terbilang(n)).toThrow(message);
  });

  it('round-trips every number 0..20000 through the independent parser', () => {
    for (let n = 0; n <= 20_000; n++) {
      const words = terbilang(n);
      expect(words, words).toMatch(/^[a-z]+( [a-z]+)*$/); // single spaces, no leading/trailing space
      expect(parseTerbilang(words), words).toBe(n);
    }
  });

  it('round-trips sampled numbers up to 999.999.999.999.999, both signs', () => {
    const random = rng(20261121);
    for (let i = 0; i < 5000; i++) {
      // Vary the magnitude so every scale is exercised, including groups that are zero.
      const digits = 1 + Math.floor(random() * 15);
      let n = Math.floor(random() * 10 ** digits);
      if (random() < 0.3) n -= n % 1_000_000; // zero low groups
      if (random() < 0.5) n = -n;
      const words = terbilang(n);
      expect(words, String(n)).toMatch(/^[a-z]+( [a-z]+)*$/);
      expect(parseTerbilang(words), words).toBe(n === 0 ? 0 : n);
    }
  });
});

describe('terbilangRupiah and capitalizeFirst', () => {
  it.each([
    [1_500_000, 'satu juta lima ratus ribu rupiah'],
    [0, 'nol rupiah'],
    [1000, 'seribu rupiah'],
    [25_750_000n, 'dua puluh lima juta tujuh ratus lima puluh ribu rupiah'],
  ] as Array<[number | bigint, string]>)('%s -> %s', (n, words) => {
    expect(terbilangRupiah(n)).toBe(words);
  });

  it('throws like terbilang', () => {
    expect(() => terbilangRupiah(0.5)).toThrow(RangeError);
  });

  it.each([
    ['satu juta rupiah', 'Satu juta rupiah'],
    ['Sudah', 'Sudah'],
    ['', ''],
    ['a', 'A'],
    ['ínfo', 'Ínfo'],
    ['1. satu', '1. satu'],
  ])('capitalizeFirst(%j) -> %j', (s, out) => {
    expect(capitalizeFirst(s)).toBe(out);
  });
});
