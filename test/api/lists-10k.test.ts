// 10,000 cases at one agency through the HTTP API (seeded at once by the store's seed helper):
// the whole list paged newest first and by number with nothing lost or repeated, cases found by
// their number (every 40th, and the oldest and newest of each SOP: the emulator scans a whole
// collection for each query, some 70 ms here at this size, so not all 10,000 in a test's time;
// test/api/lists.test.ts finds all 2,500 of its cases), a number prefix searched and paged
// through, and "my tasks" complete across pages, overdue first. Timings are printed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedManyCases, type SeededCase } from '../support/many-cases.ts';
import { startStack, type Stack } from '../support/stack.ts';

const N = 10_000;
const NOW = new Date('2026-11-23T02:00:00Z');
const A = '/v1/agencies/balangan';
let s: Stack;
let seeded: SeededCase[];

const secs = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

beforeAll(async () => {
  s = await startStack({ clock: () => NOW });
  const t0 = performance.now();
  seeded = await seedManyCases(s.db, 'balangan', N, { now: NOW, seed: 10 });
  console.log(`lists-10k: ${N} cases seeded in ${secs(t0)}`);
}, 180_000);
afterAll(async () => s?.close());

const kabid = () => s.who('balangan', 'kabid_perpustakaan');

async function allPages<T>(path: string, key: 'cases' | 'tasks', as: string) {
  const items: T[] = [];
  let token: string | null = null;
  let pages = 0;
  let first: any;
  do {
    const r: { status: number; body: any } = await s.call('GET', `${path}${token ? `&pageToken=${token}` : ''}`, { as });
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
    first ??= r.body;
    items.push(...(r.body[key] as T[]));
    token = r.body.nextPageToken;
    pages++;
  } while (token);
  return { items, pages, first };
}

describe(`${N} cases`, () => {
  it('pages the whole list newest first and by number, each case exactly once, with the count', async () => {
    let t0 = performance.now();
    const newest = await allPages<{ caseId: string }>(`${A}/cases?limit=1000`, 'cases', kabid());
    console.log(`lists-10k: newest first, ${newest.pages} pages of 1000 in ${secs(t0)}`);
    expect(newest.first.total).toBe(N);
    expect(newest.items.map((x) => x.caseId)).toEqual([...seeded].reverse().map((c) => c.id));
    t0 = performance.now();
    const byNumber = await allPages<{ nomor: string }>(`${A}/cases?order=nomor&limit=1000`, 'cases', kabid());
    console.log(`lists-10k: by number, ${byNumber.pages} pages in ${secs(t0)}`);
    expect(byNumber.items.map((x) => x.nomor)).toEqual(seeded.map((c) => c.nomor).sort());
  }, 120_000);

  it('finds cases by number: every 40th, and the oldest and newest of each SOP', async () => {
    const bySop = new Map<string, SeededCase[]>();
    for (const c of seeded) bySop.set(c.sopId, [...(bySop.get(c.sopId) ?? []), c]);
    const sample = [...new Set([...seeded.filter((_, i) => i % 40 === 0), ...[...bySop.values()].flatMap((l) => [l[0]!, l.at(-1)!])])];
    const t0 = performance.now();
    let next = 0;
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (next < sample.length) {
        const c = sample[next++]!;
        const r = await s.call('GET', `${A}/cases?q=${encodeURIComponent(c.nomor.toLowerCase())}&limit=3`, { as: kabid() });
        expect(r.body.cases.map((x: { caseId: string }) => x.caseId), c.nomor).toEqual([c.id]);
      }
    }));
    console.log(`lists-10k: ${sample.length} searches by number in ${secs(t0)}`);
    expect(sample.some((c) => c.nomor === 'PUSLING/2026/0001')).toBe(true);
  }, 120_000);

  it('a number prefix pages through all its matches', async () => {
    const expected = seeded.filter((c) => c.nomor.startsWith('PUSLING/2026/1')).map((c) => c.id).sort();
    expect(expected.length).toBeGreaterThan(600);
    const t0 = performance.now();
    const { items, pages, first } = await allPages<{ caseId: string }>(`${A}/cases?q=pusling/2026/1&limit=500`, 'cases', kabid());
    console.log(`lists-10k: "pusling/2026/1": ${items.length} matches in ${pages} pages in ${secs(t0)}`);
    expect(first.total).toBe(expected.length);
    expect(items.map((x) => x.caseId).sort()).toEqual(expected);
  }, 120_000);

  it('"my tasks" are complete across pages, overdue first, no due time last', async () => {
    for (const role of ['kasi_layanan', 'front_office']) {
      const who = s.who('balangan', role);
      const mine = seeded.filter((c) => c.status === 'open' && c.roles.includes(role));
      const t0 = performance.now();
      const { items, pages, first } = await allPages<{ caseId: string; dueAt: string | null; overdue: boolean }>(`${A}/tasks?limit=200`, 'tasks', who);
      console.log(`lists-10k: ${role}: ${items.length} tasks in ${pages} pages in ${secs(t0)}`);
      expect(items.map((t) => t.caseId).sort()).toEqual(mine.map((c) => c.id).sort());
      expect(first).toMatchObject({ total: mine.length, overdue: mine.filter((c) => c.dueAt && c.dueAt < NOW.toISOString()).length });
      const rank = (t: { dueAt: string | null; overdue: boolean }) => (t.overdue ? 0 : t.dueAt ? 1 : 2);
      const keys = items.map((t) => `${rank(t)}|${t.dueAt ?? ''}`);
      expect(keys).toEqual([...keys].sort());
    }
  }, 120_000);
});
