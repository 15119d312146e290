// A staff member of two agencies, in the sidebar in headless Chromium at 300 px: "Ganti instansi"
// shows only for them, the picker names their roles as the agency's SOPs do (not role ids), and
// picking the other agency switches the sidebar to it. Screenshots: test-output/sidebar/agencies/.
import { describe, expect, it } from 'vitest';
import { DEMO_AGENCIES } from '../../functions/src/dev/demo.ts';
import { sidebarHarness } from './harness.ts';

const h = sidebarHarness('agencies');

describe('staff of two agencies (headless Chromium, 300 px)', () => {
  it('offers "Ganti instansi" only to them, lists their roles by label, and switches agency', async () => {
    const kabid = h.person('kabid_perpustakaan');
    const { page, actAs, shot } = await h.open('ganti-instansi');

    // One agency only: the link is not there.
    await actAs('kabid_perpustakaan');
    await expect.poll(() => page.locator('#nav').getAttribute('data-actions')).toBe('ready');
    expect(await page.locator('#switch-agency').isVisible()).toBe(false);

    // The same person becomes staff of Balangan too, as its Kepala Seksi.
    await h.s.app.store.putStaff('balangan', { email: kabid.email, name: kabid.name, roles: ['kasi_layanan'] });
    await page.reload();
    await expect.poll(() => page.locator('#nav').getAttribute('data-actions')).toBe('ready');
    await expect.poll(() => page.locator('#switch-agency').isVisible()).toBe(true);

    await page.locator('#switch-agency').click();
    const cards = page.locator('#view .card');
    await expect.poll(() => cards.count()).toBe(2);
    const texts = await cards.allTextContents();
    const balangan = texts.find((t) => t.includes(DEMO_AGENCIES.balangan.name))!;
    expect(balangan).toContain('Peran: Kasi Layanan, Otomasi dan Kerjasama');
    expect(texts.join('\n')).not.toMatch(/kabid_perpustakaan|kasi_layanan|_/);
    await shot('pilih-instansi');

    await cards.filter({ hasText: DEMO_AGENCIES.balangan.name }).click();
    await expect.poll(() => page.locator('#who .who-agency').textContent()).toBe(DEMO_AGENCIES.balangan.shortName);
    await expect.poll(() => page.locator('#banner').textContent()).toContain(`kini bekerja untuk ${DEMO_AGENCIES.balangan.name}`);
    await shot('instansi-berganti');
  }, 90_000);
});
