// Dates and times of tata naskah dinas in the agency's zone (WIB, WITA, WIT): day and month names,
// long dates, the place-and-date line, dates in words for agreements, and clock times.
import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import {
  BULAN,
  HARI,
  hariTanggal,
  jam,
  pembukaanPerjanjian,
  tanggalPanjang,
  tanggalTerbilang,
  tempatTanggal,
  terbilang,
} from '../../functions/src/documents/format.ts';
import { parseTerbilang } from '../support/parse-terbilang.ts';

const WIB = 'Asia/Jakarta';
const WITA = 'Asia/Makassar';
const WIT = 'Asia/Jayapura';

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
