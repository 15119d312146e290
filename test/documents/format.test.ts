// Tata naskah dinas formatting: number words, dates in the agency zone, letter numbers.
// The number-word round trips use a small parser written here, independently of terbilang.
import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import {
  BULAN,
  HARI,
  capitalizeFirst,
  formatLetterNumber,
  hariTanggal,
  jam,
  numberedLines,
  pembukaanPerjanjian,
  romanMonth,
  tanggalPanjang,
  tanggalTerbilang,
  tempatTanggal,
  terbilang,
  terbilangRupiah,
  validateLetterNumberTemplate,
  type LetterNumberParts,
} from '../../functions/src/documents/format.ts';

const WIB = 'Asia/Jakarta';
const WITA = 'Asia/Makassar';
const WIT = 'Asia/Jayapura';

// ------------------------------------------------------------------------------------------------
// Independent parser: Indonesian number words -> number (throws on anything it does not expect).
// ------------------------------------------------------------------------------------------------

const DIGIT_VALUE: Record<string, number> = {
  satu: 1,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  enam: 6,
  tujuh: 7,
  delapan: 8,
  sembilan: 9,
};
const SCALE_VALUE: Record<string, number> = { ribu: 1e3, juta: 1e6, miliar: 1e9, triliun: 1e12 };

function parseTerbilang(text: string): number {
  if (text === 'nol') return 0;
  const words = text.split(' ');
  let sign = 1;
  if (words[0] === 'minus') {
    sign = -1;
    words.shift();
  }
  let total = 0;
  let group = 0; // value below one thousand collected so far
  let digit: number | null = null; // a digit word waiting for puluh / belas / ratus / a scale
  const takeDigit = (w: string): number => {
    if (digit === null) throw new Error(`"${w}" without a digit before it in "${text}"`);
    // "satu puluh", "satu belas", "satu ratus" are spelled sepuluh, sebelas, seratus.
    if (digit === 1) throw new Error(`"satu ${w}" in "${text}"`);
    const d = digit;
    digit = null;
    return d;
  };
  for (const w of words) {
    if (w in DIGIT_VALUE) {
      if (digit !== null) throw new Error(`two digits in a row in "${text}"`);
      digit = DIGIT_VALUE[w]!;
    } else if (w === 'sepuluh') group += 10;
    else if (w === 'sebelas') group += 11;
    else if (w === 'seratus') group += 100;
    else if (w === 'puluh') group += takeDigit(w) * 10;
    else if (w === 'belas') group += takeDigit(w) + 10;
    else if (w === 'ratus') group += takeDigit(w) * 100;
    else if (w === 'seribu') {
      if (group !== 0 || digit !== null) throw new Error(`"seribu" after a number in "${text}"`);
      total += 1000;
    } else if (w in SCALE_VALUE) {
      const g = group + (digit ?? 0);
      if (g === 0) throw new Error(`"${w}" without a number before it in "${text}"`);
      if (w === 'ribu' && g === 1) throw new Error(`"satu ribu" instead of "seribu" in "${text}"`);
      total += g * SCALE_VALUE[w]!;
      group = 0;
      digit = null;
    } else throw new Error(`unknown word "${w}" in "${text}"`);
  }
  return sign * (total + group + (digit ?? 0));
}

/** Deterministic pseudo-random integers (mulberry32), so failures reproduce. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ------------------------------------------------------------------------------------------------

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

describe('HARI and BULAN', () => {
  it('lists the days from Senin (luxon weekday 1) and the months from Januari', () => {
    expect(HARI).toEqual(['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu']);
    expect(BULAN).toHaveLength(12);
    expect(BULAN[0]).toBe('Januari');
    expect(BULAN[10]).toBe('November');
    expect(BULAN[11]).toBe('Desember');
    expect(Object.isFrozen(HARI) && Object.isFrozen(BULAN)).toBe(true);
  });
});

describe('dates in the agency zone', () => {
  it('formats a calendar date without a zone shift', () => {
    for (const zone of [WIB, WITA, WIT, 'UTC', 'America/Los_Angeles']) {
      expect(tanggalPanjang('2026-11-21', zone)).toBe('21 November 2026');
      expect(hariTanggal('2026-11-21', zone)).toBe('Sabtu, 21 November 2026');
    }
    expect(tanggalPanjang('2026-01-05', WITA)).toBe('5 Januari 2026'); // no leading zero
  });

  it('shows an instant on the local date of the zone', () => {
    // 16:30Z is 23:30 WIB on the 21st but 00:30 WITA and 01:30 WIT on the 22nd.
    const late = new Date('2026-11-21T16:30:00Z');
    expect(tanggalPanjang(late, WIB)).toBe('21 November 2026');
    expect(tanggalPanjang(late, WITA)).toBe('22 November 2026');
    expect(tanggalPanjang(late, WIT)).toBe('22 November 2026');
    expect(hariTanggal(late, WIB)).toBe('Sabtu, 21 November 2026');
    expect(hariTanggal(late, WITA)).toBe('Minggu, 22 November 2026');
    // 15:30Z is 23:30 WITA on the 21st but 00:30 WIT on the 22nd.
    const earlier = new Date('2026-11-21T15:30:00Z');
    expect(tanggalPanjang(earlier, WITA)).toBe('21 November 2026');
    expect(tanggalPanjang(earlier, WIT)).toBe('22 November 2026');
    // 17:30Z is already the 22nd everywhere in Indonesia (00:30 WIB).
    expect(tanggalPanjang(new Date('2026-11-21T17:30:00Z'), WIB)).toBe('22 November 2026');
    expect(tanggalPanjang(new Date('2026-11-21T17:30:00Z'), WITA)).toBe('22 November 2026');
  });

  it('reads ISO instant strings like Dates, and offset-less date-times as local wall-clock time', () => {
    expect(tanggalPanjang('2026-11-21T16:30:00.000Z', WIB)).toBe('21 November 2026');
    expect(tanggalPanjang('2026-11-21T16:30:00.000Z', WITA)).toBe('22 November 2026');
    expect(tanggalPanjang('2026-11-22T00:30:00+08:00', WIB)).toBe('21 November 2026');
    expect(tanggalPanjang('2026-11-21T23:30:00', WITA)).toBe('21 November 2026');
    expect(jam('2026-11-21T23:30:00', WITA, 'WITA')).toBe('23.30 WITA');
  });

  it('crosses the year boundary in the zone', () => {
    const newYear = new Date('2026-12-31T16:30:00Z'); // 23:30 WIB, 00:30 WITA
    expect(hariTanggal(newYear, WIB)).toBe('Kamis, 31 Desember 2026');
    expect(hariTanggal(newYear, WITA)).toBe('Jumat, 1 Januari 2027');
    expect(tanggalTerbilang(newYear, WITA).tahun).toBe('dua ribu dua puluh tujuh');
  });

  it('writes the place-and-date line', () => {
    expect(tempatTanggal('Balangan', '2026-11-21', WITA)).toBe('Balangan, 21 November 2026');
    expect(tempatTanggal('Paringin ', new Date('2026-11-21T16:30:00Z'), WITA)).toBe('Paringin, 22 November 2026');
  });

  it.each([
    ['2026-02-30'],
    ['2026-13-01'],
    ['21-11-2026'],
    ['kemarin'],
    [''],
    [new Date(Number.NaN)],
  ] as Array<[Date | string]>)('throws a RangeError on the date %s', (at) => {
    expect(() => tanggalPanjang(at, WITA)).toThrow(RangeError);
    expect(() => tanggalPanjang(at, WITA)).toThrow(/Tanggal tidak valid/);
  });

  it('throws a RangeError on an unknown time zone, naming it', () => {
    expect(() => tanggalPanjang('2026-11-21', 'Asia/Balangan')).toThrow(RangeError);
    expect(() => hariTanggal(new Date(), 'Asia/Balangan')).toThrow('Asia/Balangan');
  });

  it('formats every day of 2026, matching luxon weekday and month (and the id-ID locale)', () => {
    for (const zone of [WIB, WITA, WIT]) {
      const intl = new Intl.DateTimeFormat('id-ID', {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: zone,
      });
      let dt = DateTime.fromObject({ year: 2026, month: 1, day: 1, hour: 12 }, { zone });
      let count = 0;
      while (dt.year === 2026) {
        const expected = `${HARI[dt.weekday - 1]}, ${dt.day} ${BULAN[dt.month - 1]} 2026`;
        const iso = dt.toISODate()!;
        expect(hariTanggal(iso, zone)).toBe(expected);
        expect(hariTanggal(dt.toJSDate(), zone)).toBe(expected);
        expect(hariTanggal(dt.toJSDate(), zone)).toBe(intl.format(dt.toJSDate()));
        // Local midnight and one minute before the next midnight are still the same date.
        expect(hariTanggal(dt.startOf('day').toJSDate(), zone)).toBe(expected);
        expect(hariTanggal(dt.endOf('day').toJSDate(), zone)).toBe(expected);
        expect(tanggalPanjang(iso, zone)).toBe(`${dt.day} ${BULAN[dt.month - 1]} 2026`);
        const t = tanggalTerbilang(iso, zone);
        expect(t.hari).toBe(HARI[dt.weekday - 1]);
        expect(t.bulan).toBe(BULAN[dt.month - 1]);
        expect(parseTerbilang(t.tanggal)).toBe(dt.day);
        dt = dt.plus({ days: 1 });
        count++;
      }
      expect(count).toBe(365);
    }
  });
});

describe('tanggalTerbilang and pembukaanPerjanjian', () => {
  it('spells out 21 November 2026', () => {
    expect(tanggalTerbilang('2026-11-21', WITA)).toEqual({
      hari: 'Sabtu',
      tanggal: 'dua puluh satu',
      bulan: 'November',
      tahun: 'dua ribu dua puluh enam',
    });
  });

  it('opens the agreement', () => {
    const opening = 'Pada hari ini Sabtu tanggal dua puluh satu bulan November tahun dua ribu dua puluh enam';
    expect(pembukaanPerjanjian('2026-11-21', WITA)).toBe(opening);
    expect(pembukaanPerjanjian(new Date('2026-11-21T01:30:00Z'), WITA)).toBe(opening);
    expect(pembukaanPerjanjian(new Date('2026-11-21T16:30:00Z'), WIB)).toBe(opening);
    expect(pembukaanPerjanjian(new Date('2026-11-21T16:30:00Z'), WITA)).toBe(
      'Pada hari ini Minggu tanggal dua puluh dua bulan November tahun dua ribu dua puluh enam',
    );
  });

  const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

  it('round-trips the year for 1 January, 29 February (leap years) and 31 December of 1900..2100', () => {
    let leapYears = 0;
    for (let year = 1900; year <= 2100; year++) {
      const y = String(year);
      const dates = [`${y}-01-01`, `${y}-12-31`];
      if (isLeap(year)) {
        dates.push(`${y}-02-29`);
        leapYears++;
      }
      for (const date of dates) {
        for (const at of [date, new Date(`${date}T04:00:00Z`)]) {
          const t = tanggalTerbilang(at, WITA);
          expect(parseTerbilang(t.tahun), `${date}: ${t.tahun}`).toBe(year);
          expect(parseTerbilang(t.tanggal), `${date}: ${t.tanggal}`).toBe(Number(date.slice(8)));
          expect(t.bulan).toBe(BULAN[Number(date.slice(5, 7)) - 1]);
        }
      }
      if (!isLeap(year)) expect(() => tanggalTerbilang(`${y}-02-29`, WITA)).toThrow(RangeError);
    }
    expect(leapYears).toBe(49); // 1900 and 2100 are not leap years; 2000 is
  });

  it('round-trips the day for 1..31', () => {
    for (let day = 1; day <= 31; day++) {
      const date = `2026-12-${String(day).padStart(2, '0')}`;
      const t = tanggalTerbilang(date, WIT);
      expect(parseTerbilang(t.tanggal), t.tanggal).toBe(day);
      expect(t.tanggal).toBe(terbilang(day));
    }
  });
});

describe('jam', () => {
  const at = new Date('2026-11-21T01:30:00Z');

  it.each([
    [WIB, 'WIB', '08.30 WIB'],
    [WITA, 'WITA', '09.30 WITA'],
    [WIT, 'WIT', '10.30 WIT'],
  ] as Array<[string, 'WIB' | 'WITA' | 'WIT', string]>)('%s -> %s', (zone, label, out) => {
    expect(jam(at, zone, label)).toBe(out);
    expect(jam(at.toISOString(), zone, label)).toBe(out);
  });

  it('pads hours and minutes to two digits', () => {
    expect(jam(new Date('2026-11-20T16:05:00Z'), WITA, 'WITA')).toBe('00.05 WITA');
  });

  it('throws on a label that contradicts the zone', () => {
    expect(() => jam(at, WIB, 'WITA')).toThrow(RangeError);
    expect(() => jam(at, WIB, 'WITA')).toThrow(/WITA/);
  });

  it('throws on a calendar date, which has no clock time', () => {
    expect(() => jam('2026-11-21', WITA, 'WITA')).toThrow(RangeError);
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
