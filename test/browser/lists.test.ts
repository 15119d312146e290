// "Semua kasus" and "Tugas saya" at an agency with more cases than a page, in the sidebar in
// headless Chromium at 300 px: 600 cases seeded at once (test/support/many-cases.ts), the list read
// 50 at a time with "Muat lagi", the oldest case found by its number and by its partner through
// the server's search, a search with no match said only when no page is left, and my tasks paged
// overdue first. The API's own list tests run at 2,500 and 10,000 cases (test/api/lists*.test.ts).
// Screenshots: test-output/sidebar/lists/.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedManyCases, type SeededCase } from '../support/many-cases.ts';
import { AGENCY, sidebarHarness } from './harness.ts';

const h = sidebarHarness('lists');
const N = 600;
let seeded: SeededCase[];

beforeAll(async () => {
  seeded = await seedManyCases(h.s.db, AGENCY, N, { now: new Date(), timeZone: 'Asia/Jakarta', seed: 3 });
}, 60_000);

describe(`lists with ${N} cases (headless Chromium, 300 px)`, () => {
  it('"Semua kasus" pages with "Muat lagi" and finds the oldest case on the server, by number and by partner', async () => {
    const { page, actAs, shot, shotOf } = await h.open('semua-kasus');
    await actAs('kabid_perpustakaan');
    await page.locator('#nav [data-nav="cases"]').click();
    const cards = page.locator('#case-list .card');
    await expect.poll(() => cards.count()).toBe(50);
    const status = page.locator('#case-search-status');
    await expect.poll(() => status.textContent()).toContain(`50 dari ${N} kasus`);
    expect(await page.locator('#case-more').isVisible()).toBe(true);
    await page.locator('#case-more').click();
    await expect.poll(() => cards.count()).toBe(100);
    expect(await status.textContent()).toContain(`100 dari ${N} kasus`);
    await shot('muat-lagi');

    // The oldest case is on the last page; the server finds it at once.
    const oldest = seeded[0]!;
    const search = page.locator('#case-search');
    await search.fill(oldest.nomor);
    await search.press('Enter');
    await expect.poll(() => cards.count()).toBe(1);
    expect(await cards.first().textContent()).toContain(oldest.nomor);
    await shotOf('#view', 'cari-nomor');
    // The partner's name without its accents, in lower case, words as prefixes.
    const words = oldest.partner.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().split(' ');
    await search.fill(`${words[0]!.slice(0, 3)} ${words.at(-1)!}`);
    await search.press('Enter');
    await expect.poll(() => status.textContent()).toContain('cocok dengan');
    let guard = 0;
    // Read every page of the matches: the oldest case must be among them.
    while (!(await page.locator(`#case-list .card[data-case="${oldest.id}"]`).count()) && guard++ < 20) {
      await page.locator('#case-more').click();
      await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
    }
    expect(await page.locator(`#case-list .card[data-case="${oldest.id}"]`).count()).toBe(1);

    // No match: said once every page is read (the first page is the last here).
    await search.fill('zzqx tidakada');
    await search.press('Enter');
    await expect.poll(() => page.locator('#case-empty').isVisible()).toBe(true);
    expect(await page.locator('#case-more').isVisible()).toBe(false);
    expect(await status.textContent()).toContain('Tidak ada kasus yang cocok');
    await shotOf('#view', 'tidak-cocok');
  }, 90_000);

  it('"Semua kasus" narrows to one status on the server, alone and with a search', async () => {
    const cancelled = seeded.filter((c) => c.status === 'cancelled');
    expect(cancelled.length).toBeGreaterThan(0);
    expect(cancelled.length).toBeLessThanOrEqual(50);
    const { page, actAs, shotOf } = await h.open('status');
    await actAs('kabid_perpustakaan');
    await page.locator('#nav [data-nav="cases"]').click();
    const cards = page.locator('#case-list .card');
    await expect.poll(() => cards.count()).toBe(50);
    const status = page.locator('#case-search-status');
    await page.locator('#case-status').selectOption('cancelled');
    await expect.poll(() => status.textContent()).toBe(`${cancelled.length} dari ${cancelled.length} kasus dibatalkan, terbaru di atas.`);
    const ids = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-case')));
    expect(ids.sort()).toEqual(cancelled.map((c) => c.id).sort());
    expect(await page.locator('#case-more').isVisible()).toBe(false);
    await shotOf('#view', 'status-dibatalkan');

    // The status and a search together; another status then finds nothing, and says which.
    const one = cancelled[0]!;
    await page.locator('#case-search').fill(one.nomor);
    await page.locator('#case-search').press('Enter');
    await expect.poll(() => cards.count()).toBe(1);
    expect(await cards.first().getAttribute('data-case')).toBe(one.id);
    await page.locator('#case-status').selectOption('open');
    await expect.poll(() => page.locator('#case-empty').isVisible()).toBe(true);
    expect(await status.textContent()).toBe(`Tidak ada kasus berjalan yang cocok dengan "${one.nomor}".`);
  }, 90_000);

  it('"Tugas saya" lists every task across pages, overdue first, with the counts', async () => {
    const mine = seeded.filter((c) => c.status === 'open' && c.roles.includes('kasi_layanan'));
    expect(mine.length).toBeGreaterThan(50);
    const now = Date.now();
    const late = mine.filter((c) => c.dueAt && new Date(c.dueAt).getTime() < now).length;
    const { page, actAs, shot } = await h.open('tugas');
    await actAs('kasi_layanan');
    const cards = page.locator('#task-list .card');
    await expect.poll(() => cards.count()).toBe(50);
    await expect.poll(() => page.locator('#task-status').textContent()).toContain(`50 dari ${mine.length} tugas`);
    expect(await page.locator('#task-overdue').textContent()).toContain(`${late} tugas melewati batas waktu`);
    // Overdue first: the first card is late; the late ones come before any that is not.
    const lateFlags = await cards.evaluateAll((els) => els.map((e) => e.classList.contains('task-late')));
    expect(lateFlags[0]).toBe(true);
    expect(lateFlags.indexOf(false) === -1 || lateFlags.slice(lateFlags.indexOf(false)).every((x) => !x)).toBe(true);
    await shot('tugas-halaman-1');
    while (await page.locator('#task-more').isVisible()) {
      const before = await cards.count();
      await page.locator('#task-more').click();
      await expect.poll(() => cards.count()).toBeGreaterThan(before);
    }
    expect(await cards.count()).toBe(mine.length);
    const ids = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-case')));
    expect(new Set(ids).size).toBe(mine.length);
  }, 90_000);
});
