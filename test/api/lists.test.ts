// The lists at a real agency's size, through the HTTP API: 2,500 cases seeded at once (store seed
// helper), every one found by its number, searches by partner, title and SOP (accents and case
// ignored, every word a prefix), both orders paged to the end with nothing lost or repeated, "my
// tasks" complete across pages with overdue first and no due time last, and page tokens checked
// at the boundary (forged, tampered or from another query: 400, never 500).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeText } from '../../functions/src/model/search.ts';
import { seedManyCases, type SeededCase } from '../support/many-cases.ts';
import { startStack, type Stack } from '../support/stack.ts';

const N = 2_500;
const NOW = new Date('2026-11-23T02:00:00Z');
const A = '/v1/agencies/balangan';
let s: Stack;
let seeded: SeededCase[];
let seedMs = 0;

beforeAll(async () => {
  s = await startStack({ clock: () => NOW });
  const t0 = performance.now();
  seeded = await seedManyCases(s.db, 'balangan', N, { now: NOW });
  seedMs = performance.now() - t0;
  console.log(`lists: ${N} cases seeded in ${(seedMs / 1000).toFixed(1)} s`);
}, 120_000);
afterAll(async () => s?.close());

const kabid = () => s.who('balangan', 'kabid_perpustakaan');

/** Every page of a list, following nextPageToken; fails on a 4xx/5xx. */
async function allPages<T>(path: string, key: 'cases' | 'tasks', as: string): Promise<{ items: T[]; pages: number; first: any }> {
  const items: T[] = [];
  let token: string | null = null;
  let pages = 0;
  let first: any;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const r: { status: number; body: any } = await s.call('GET', `${path}${token ? `${sep}pageToken=${encodeURIComponent(token)}` : ''}`, { as });
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
    first ??= r.body;
    items.push(...r.body[key]);
    token = r.body.nextPageToken;
    pages++;
  } while (token);
  return { items, pages, first };
}

async function inParallel<T>(items: T[], width: number, fn: (x: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await fn(items[next++]!);
  }));
}

describe(`${N} cases`, () => {
  it('every case is found by its number, the oldest included, and the answer says how many match', async () => {
    const t0 = performance.now();
    await inParallel(seeded, 8, async (c) => {
      const r = await s.call('GET', `${A}/cases?q=${encodeURIComponent(c.nomor)}&limit=5`, { as: kabid() });
      expect(r.status).toBe(200);
      expect(r.body.cases.map((x: { caseId: string }) => x.caseId), c.nomor).toEqual([c.id]);
      expect(r.body).toMatchObject({ total: 1, nextPageToken: null, limit: 5 });
    });
    console.log(`lists: ${N} searches by number in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    // Part of a number, in lower case (the prefix index): "2026/0001" finds the first case of
    // every SOP, "pusling/2026/001" the Pusling cases 0010-0019.
    for (const [q, expected] of [
      ['2026/0001', seeded.filter((c) => c.nomor.endsWith('/0001'))],
      ['pusling/2026/001', seeded.filter((c) => /^PUSLING\/2026\/001\d$/.test(c.nomor))],
    ] as const) {
      const r = await s.call('GET', `${A}/cases?q=${encodeURIComponent(q)}&limit=50`, { as: kabid() });
      expect(r.body.cases.map((x: { caseId: string }) => x.caseId).sort(), q).toEqual(expected.map((c) => c.id).sort());
      expect(r.body.total).toBe(expected.length);
    }
  }, 180_000);

  it('searches partner, title and SOP by word prefixes, ignoring case and accents, and pages through every match', async () => {
    const match = (c: SeededCase, words: string[]) => words.every((w) => normalizeText(`${c.partner} ${c.nomor} ${c.sopTitle}`).split(/[^a-z0-9/]+/).some((x) => x.startsWith(w)));
    // "KAFE baca" matches "Kafé Baca"; the SOP title word "keliling" every Pusling case.
    for (const [q, expected] of [
      ['KAFE baca', seeded.filter((c) => match(c, ['kafe', 'baca']))],
      ['keliling', seeded.filter((c) => c.sopId === 'pusling')],
      ['juai smp', seeded.filter((c) => match(c, ['juai', 'smp']))],
    ] as const) {
      const { items, pages, first } = await allPages<{ caseId: string }>(`${A}/cases?q=${encodeURIComponent(q)}&limit=${Math.ceil(expected.length / 2)}`, 'cases', kabid());
      expect(items.map((x) => x.caseId).sort(), q).toEqual(expected.map((c) => c.id).sort());
      expect(new Set(items.map((x) => x.caseId)).size).toBe(items.length);
      if (q === 'keliling') expect(first.total).toBe(expected.length);
      expect(pages).toBeGreaterThan(1);
    }
    // Nothing matches: an empty last page, not a cap.
    const none = await s.call('GET', `${A}/cases?q=${encodeURIComponent('tidakadayangcocok')}`, { as: kabid() });
    expect(none.body).toMatchObject({ cases: [], nextPageToken: null, total: 0 });
  }, 120_000);

  it('pages newest first and by number, each case exactly once', async () => {
    const t0 = performance.now();
    const newest = await allPages<{ caseId: string; nomor: string }>(`${A}/cases?limit=1000`, 'cases', kabid());
    console.log(`lists: ${N} cases in ${newest.pages} pages of 1000 in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    expect(newest.first.total).toBe(N);
    expect(newest.items.map((x) => x.caseId)).toEqual([...seeded].reverse().map((c) => c.id));
    const byNumber = await allPages<{ nomor: string }>(`${A}/cases?order=nomor&limit=700`, 'cases', kabid());
    const sorted = [...seeded].map((c) => c.nomor).sort();
    expect(byNumber.items.map((x) => x.nomor)).toEqual(sorted);
    // Filtered by status, with the count.
    const cancelled = await allPages<{ status: string }>(`${A}/cases?status=cancelled&limit=50`, 'cases', kabid());
    expect(cancelled.items).toHaveLength(seeded.filter((c) => c.status === 'cancelled').length);
    expect(cancelled.first.total).toBe(cancelled.items.length);
    expect(new Set(cancelled.items.map((x) => x.status))).toEqual(new Set(['Dibatalkan']));
  }, 120_000);

  it('"my tasks" are complete across pages: overdue first, then the nearest, no due time last', async () => {
    const kasi = s.who('balangan', 'kasi_layanan');
    const mine = seeded.filter((c) => c.status === 'open' && c.roles.includes('kasi_layanan'));
    expect(mine.length).toBeGreaterThan(500); // more than the old silent cap
    const { items, pages, first } = await allPages<{ caseId: string; dueAt: string | null; overdue: boolean }>(`${A}/tasks?limit=200`, 'tasks', kasi);
    expect(pages).toBeGreaterThan(2);
    expect(items.map((t) => t.caseId).sort()).toEqual(mine.map((c) => c.id).sort());
    expect(first.total).toBe(mine.length);
    expect(first.overdue).toBe(mine.filter((c) => c.dueAt && c.dueAt < NOW.toISOString()).length);
    const rank = (t: { dueAt: string | null; overdue: boolean }) => (t.overdue ? 0 : t.dueAt ? 1 : 2);
    for (let i = 1; i < items.length; i++) {
      const [a, b] = [items[i - 1]!, items[i]!];
      expect(rank(a) <= rank(b), `${i}: ${JSON.stringify([a, b])}`).toBe(true);
      if (a.dueAt && b.dueAt) expect(a.dueAt <= b.dueAt).toBe(true);
    }
  }, 60_000);

  it('refuses forged, tampered and foreign page tokens with 400, and limits out of range', async () => {
    const first = await s.call('GET', `${A}/cases?q=pusling&limit=10`, { as: kabid() });
    const token: string = first.body.nextPageToken;
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    const decoded = JSON.parse(Buffer.from(token, 'base64url').toString());
    const forge = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const bad: [string, string][] = [
      ['garbage', 'bukan-token'],
      ['not JSON', Buffer.from('{"v":1,').toString('base64url')],
      ['padding and symbols', `${token}==`],
      ['a path as id', forge({ ...decoded, i: '../../x' })],
      ['an id with a slash', forge({ ...decoded, i: 'a/b' })],
      ['a number as key', forge({ ...decoded, k: 5 })],
      ['extra field', forge({ ...decoded, x: 1 })],
      ['tampered scope', forge({ ...decoded, s: '0000000000000000' })],
      ['huge', 'A'.repeat(5000)],
    ];
    for (const [name, t] of bad) {
      const r = await s.call('GET', `${A}/cases?q=pusling&limit=10&pageToken=${encodeURIComponent(t)}`, { as: kabid() });
      expect(r.status, name).toBe(400);
      expect(r.body.error, name).toMatchObject({ code: 'INVALID_INPUT', path: 'pageToken' });
    }
    // Another search, another order or another list: refused too.
    for (const path of [`${A}/cases?q=kafe&limit=10`, `${A}/cases?q=pusling&order=nomor&limit=10`, `${A}/tasks`, `${A}/submissions`]) {
      const r = await s.call('GET', `${path}${path.includes('?') ? '&' : '?'}pageToken=${token}`, { as: kabid() });
      expect(r.status, path).toBe(400);
      expect(r.body.error.path).toBe('pageToken');
    }
    // The same query carries on.
    expect((await s.call('GET', `${A}/cases?q=pusling&limit=10&pageToken=${token}`, { as: kabid() })).status).toBe(200);
    for (const q of ['limit=0', 'limit=1001', 'limit=abc', 'order=acak', 'status=selesai', `q=${'x'.repeat(101)}`, 'q=a%20b%20c%20d%20e%20f%20g%20h%20i', 'halaman=2']) {
      const r = await s.call('GET', `${A}/cases?${q}`, { as: kabid() });
      expect(r.status, q).toBe(400);
      expect(r.body.error.code).toBe('INVALID_INPUT');
    }
    expect((await s.call('GET', `${A}/tasks?limit=201`, { as: kabid() })).status).toBe(400);
  });
});
