// The reading desk ("Meja baca") in the sidebar, in headless Chromium on the local preview (see
// ./harness.ts): at balangan, the Petugas Sirkulasi records visitors and books read, and the monthly
// recap counts them; other roles do not see the tab. Screenshots go to test-output/sidebar/reading-desk/.
import { describe, expect, it } from 'vitest';
import { sidebarHarness } from './harness.ts';

const h = sidebarHarness('reading-desk');

describe('"Meja baca" in the sidebar (headless Chromium)', () => {
  it('Meja baca at balangan: the Petugas Sirkulasi records visitors and books read in a row, and the recap counts them', async () => {
    const { page, actAs, shot, fullShot, activeId } = await h.open('desk');
    await actAs('petugas_sirkulasi', 'balangan');
    const tab = page.locator('#nav [data-nav="desk"]');
    await tab.waitFor();
    await tab.click();
    await page.locator('#view h2', { hasText: 'Meja baca' }).waitFor();
    expect(await tab.getAttribute('aria-current')).toBe('page');
    // Before anything is recorded this month: the empty recap, and the focus already in the guest book.
    await expect.poll(() => page.locator('#recap-body .empty').textContent()).toContain('Belum ada pengunjung');
    expect(await page.locator('#recap-title').textContent()).toBe('Rekap bulan ini');
    expect(await activeId()).toBe('f-visit-name');
    await shot('meja-baca-kosong');

    const visit = page.locator('#desk-visit-form');
    const name = page.locator('#f-visit-name');
    const done = page.locator('#desk-visit-done');
    const active = activeId;

    // The name left empty: the error is under the field, nothing is recorded.
    await page.locator('#f-visit-institution').fill('SMAN 1 Paringin');
    await visit.getByRole('button', { name: 'Catat pengunjung' }).click();
    const nameError = page.locator('[data-field="name"] .field-error');
    await expect.poll(() => nameError.textContent()).toContain('Nama pengunjung wajib diisi');
    expect(await nameError.isVisible()).toBe(true);
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await active()).toBe('f-visit-name');
    expect(await visit.locator('.field-error:not([hidden])').count()).toBe(1);
    await shot('meja-baca-nama-kosong');

    // Three visitors in a row, each with Enter from the keyboard: the form empties and keeps the focus.
    const visitors = [
      { name: 'Siti Aminah', institution: 'SMAN 1 Paringin', category: 'pelajar', purpose: 'Tugas sejarah' },
      { name: 'Rahmat Hidayat', institution: 'Universitas Lambung Mangkurat', category: 'mahasiswa', purpose: '' },
      { name: 'Hj. Norhayati', institution: '', category: 'umum', purpose: 'Membaca koran' },
    ];
    const keysSent: string[] = [];
    for (const [i, v] of visitors.entries()) {
      await name.fill(v.name);
      await page.locator('#f-visit-institution').fill(v.institution);
      await page.locator('#f-visit-category').selectOption(v.category);
      await page.locator('#f-visit-purpose').fill(v.purpose);
      if (i === 2) {
        // The third one reaches the server but its answer is lost: the entry stays, and Enter again
        // resends it with the same key, so it is recorded once.
        await page.route('**/desk/visits', async (route) => {
          keysSent.push(route.request().headers()['idempotency-key']!);
          if (keysSent.length === 1) {
            await route.fetch();
            await route.abort('connectionreset');
          } else {
            await route.continue();
          }
        });
        await page.locator('#f-visit-purpose').press('Enter');
        await expect.poll(() => visit.locator('.form-banner').textContent()).toContain('tekan tombol yang sama');
        expect(await name.inputValue()).toBe(v.name);
        expect(await done.textContent()).toBe('');
      }
      await page.locator('#f-visit-purpose').press('Enter');
      await expect.poll(() => done.textContent()).toContain(`Tercatat: ${v.name}`);
      if (i === 2) {
        expect(await done.textContent()).toContain('Sudah tercatat sebelumnya');
        expect(keysSent).toHaveLength(2);
        expect(keysSent[1]).toBe(keysSent[0]);
        await page.unroute('**/desk/visits');
      }
      expect(await nameError.isVisible()).toBe(false);
      expect(await name.inputValue()).toBe('');
      expect(await page.locator('#f-visit-institution').inputValue()).toBe('');
      expect(await page.locator('#f-visit-category').inputValue()).toBe('umum');
      await expect.poll(active).toBe('f-visit-name');
      if (i === 0) await shot('meja-baca-pengunjung-tercatat');
    }
    expect(await done.textContent()).toMatch(/^Tercatat: Hj\. Norhayati \(Umum\) · \d{2}\.\d{2} WITA\. Sudah tercatat sebelumnya/);

    // Two books read: one with the button, one with Enter.
    const title = page.locator('#f-read-title');
    const readDone = page.locator('#desk-read-done');
    await title.fill('Sejarah Banjar');
    await page.locator('#f-read-call-number').fill('959.8 SEJ s');
    await page.locator('#f-read-classification').fill('959.8');
    await page.locator('#f-read-copies').fill('2');
    await page.locator('#desk-read-form').getByRole('button', { name: 'Catat buku' }).click();
    await expect.poll(() => readDone.textContent()).toContain('Tercatat: Sejarah Banjar (DDC 959.8, 2 eksemplar)');
    expect(await title.inputValue()).toBe('');
    expect(await page.locator('#f-read-copies').inputValue()).toBe('1');
    await expect.poll(active).toBe('f-read-title');
    await title.fill('Laskar Pelangi');
    await page.locator('#f-read-classification').fill('899');
    await title.press('Enter');
    await expect.poll(() => readDone.textContent()).toContain('Tercatat: Laskar Pelangi');
    await expect.poll(active).toBe('f-read-title');
    await expect.poll(() => page.locator('#recap-stale').textContent()).toContain('5 catatan baru');
    await shot('meja-baca-buku-tercatat');

    // The recap of this month, reloaded.
    await page.locator('#recap-reload').click();
    await expect.poll(() => page.locator('#recap-visits').textContent()).toBe('3');
    expect(await page.locator('#recap-books').textContent()).toBe('3');
    expect(await page.locator('#recap-stale').isVisible()).toBe(false);
    const categories = await page.locator('#recap-category tr').allTextContents();
    expect(categories).toEqual(['Pelajar1', 'Mahasiswa1', 'Umum1', 'Instansi0']);
    expect(await page.locator('#recap-class tr').allTextContents()).toEqual(['800 Kesusastraan1', '900 Sejarah dan geografi2']);
    expect(await page.locator('#recap-titles li .title').allTextContents()).toEqual(['Sejarah Banjar', 'Laskar Pelangi']);
    await page.locator('#desk-recap').scrollIntoViewIfNeeded();
    await shot('meja-baca-rekap');
    await fullShot('meja-baca-halaman-penuh');

    // The API holds exactly these records.
    const month = (await page.locator('#f-recap-month').inputValue()).trim();
    const recap = await h.s.call('GET', `/v1/agencies/balangan/desk/recap?month=${month}`, { as: h.person('petugas_sirkulasi', 'balangan').email });
    expect(recap.status).toBe(200);
    expect(recap.body).toMatchObject({ visits: 3, booksRead: 3, byCategory: { pelajar: 1, mahasiswa: 1, umum: 1 }, titles: [{ title: 'Sejarah Banjar', count: 2 }, { title: 'Laskar Pelangi', count: 1 }] });

    // Another month: nothing recorded there.
    const [y, m] = month.split('-').map(Number) as [number, number];
    const previous = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
    await page.locator('#f-recap-month').fill(previous);
    await expect.poll(() => page.locator('#recap-body .empty').textContent()).toContain('Belum ada pengunjung');
    expect(await page.locator('#recap-title').textContent()).toMatch(/^Rekap \w+ \d{4}$/);
  }, 60_000);

  it('Meja baca is absent for a role without desk steps (the Kepala Bidang of balangan)', async () => {
    const { page, actAs, shot } = await h.open('no-desk');
    await actAs('kabid_perpustakaan', 'balangan');
    // The SOPs are read by then: "Kasus baru" shows its SOP list.
    await page.locator('#nav [data-nav="new"]').click();
    await page.locator('#view h2', { hasText: 'Kasus baru' }).waitFor();
    // The Kepala Bidang administers SOPs and reads their reports: "Impor SOP" and "Laporan" are there once the SOPs are read.
    await expect.poll(() => page.locator('#nav .tab:visible').allTextContents()).toEqual(['Tugas saya', 'Kasus baru', 'Semua kasus', 'Kiriman mitra', 'Impor SOP', 'Laporan']);
    expect(await page.locator('#nav [data-nav="desk"]').isHidden()).toBe(true);
    // Six tabs wrap into rows: each label whole inside the 300 px bar, none over another.
    const boxes = await page.locator('#nav .tab:visible').evaluateAll((els) => els.map((e) => ({ ...e.getBoundingClientRect().toJSON(), clipped: e.scrollWidth > e.clientWidth })));
    const bar = await page.locator('#nav').evaluate((e) => e.getBoundingClientRect().toJSON());
    for (const b of boxes) expect(b.left >= bar.left - 0.5 && b.right <= bar.right + 0.5 && !b.clipped).toBe(true);
    for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(a.right <= b.left + 0.5 || b.right <= a.left + 0.5 || a.bottom <= b.top + 0.5 || b.bottom <= a.top + 0.5).toBe(true);
    await shot('kabid-tanpa-meja-baca');
    // And the API refuses the Kepala Bidang's record.
    const r = await h.s.call('POST', '/v1/agencies/balangan/desk/visits', { as: h.person('kabid_perpustakaan', 'balangan').email, body: { name: 'Siti' } });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('WRONG_ROLE');
  }, 30_000);
});
