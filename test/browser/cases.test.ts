// Cases that do not go to plan, in the sidebar in headless Chromium on the local preview (see
// ./harness.ts), at babel: a late request whose step's answer is lost is resent with the same key,
// and a case that changed meanwhile is reloaded; the Kepala Bidang finds a case waiting on someone
// else in "Semua kasus" and cancels it. Screenshots go to test-output/sidebar/cases/.
import { describe, expect, it } from 'vitest';
import { AGENCY, inDays, sidebarHarness } from './harness.ts';

const h = sidebarHarness('cases');

describe('late, changed and cancelled cases in the sidebar (headless Chromium)', () => {
  it('resends a submission whose answer was lost with the same key, and reloads a case that changed meanwhile', async () => {
    // A request that came in a month ago: step 1 (one week) is overdue.
    const fo = h.person('front_office').email;
    const created = await h.postDaysAgo(30, `/v1/agencies/${AGENCY}/cases`, { as: fo, body: { sop: 'kunjungan', partner: { name: 'SD Negeri 7 Pangkalpinang' } } });
    expect(created.status).toBe(201);
    const { id: caseId, nomor } = created.body.state as { id: string; nomor: string };

    const { page, actAs, shot, openTask, expectStep, submit } = await h.open('resend');
    await actAs('front_office');
    const card = page.locator('#task-list .card', { hasText: nomor });
    await expect.poll(() => card.locator('.badge').textContent()).toBe('Terlambat');
    // Overdue first.
    expect(await page.locator('#task-list .card').first().textContent()).toContain(nomor);
    await shot('tugas-terlambat');
    await openTask(nomor, 1);
    expect(await page.locator('#case-status').textContent()).toContain('Terlambat');
    await page.getByLabel('Surat Kunjungan (tautan surat/email ijin kunjungan)').fill('https://drive.google.com/file/d/surat-sdn7');
    await page.getByLabel('Nama instansi/lembaga pemohon kunjungan').fill('SD Negeri 7 Pangkalpinang');
    await page.getByLabel('Tanggal kunjungan yang diminta').fill(inDays(30));
    await page.getByLabel('Jumlah pengunjung', { exact: true }).fill('40');
    await page.getByLabel('E-mail kontak pemohon').fill('sdn7@example.org');

    // The step reaches the server but its answer is lost on the way back.
    const keysSent: string[] = [];
    await page.route('**/actions', async (route) => {
      keysSent.push(route.request().headers()['idempotency-key']!);
      if (keysSent.length === 1) {
        await route.fetch();
        await route.abort('connectionreset');
      } else {
        await route.continue();
      }
    });
    await submit();
    await expect.poll(() => page.locator('.form-banner').textContent()).toContain('tekan tombol yang sama');
    await expectStep(1);
    await shot('jaringan-terputus');
    await submit();
    await expect.poll(() => page.locator('#banner').textContent()).toContain('sudah tercatat sebelumnya');
    await expectStep(2);
    await page.unroute('**/actions');
    // A month for a one-week step: the history marks it.
    await expect.poll(() => page.locator('#timeline .event[data-seq="2"]').textContent()).toContain('melebihi standar');
    expect(keysSent).toHaveLength(2);
    expect(keysSent[1]).toBe(keysSent[0]);
    const once = await h.caseState(caseId);
    expect(once.events.filter((e: { step: number | null }) => e.step === 1)).toHaveLength(1);

    // Someone else takes step 2 while this form is open: the stale submission is refused and the case reloaded.
    const other = await h.s.call('POST', `/v1/agencies/${AGENCY}/cases/${caseId}/actions`, {
      as: fo,
      body: { type: 'complete', step: 2, data: { nomor_surat_kunjungan: '005/77/SDN7/2026', tanggal_surat_kunjungan: inDays(-1) } },
    });
    expect(other.status, JSON.stringify(other.body)).toBe(200);
    await page.getByLabel('Nomor surat kunjungan').fill('005/77/SDN7/2026');
    await page.getByLabel('Tanggal surat kunjungan').fill(inDays(-1));
    await submit();
    // One clear message: what happened, that the page is fresh, what to do; no version numbers.
    await expect.poll(() => page.locator('#banner').textContent()).toContain('baru saja diubah orang lain');
    const said = (await page.locator('#banner').textContent())!;
    expect(said).toContain('Tampilan di bawah sudah yang terbaru');
    expect(said).not.toMatch(/versi|Muat ulang/);
    await expectStep(3);
    await shot('kasus-berubah-dimuat-ulang');
    expect((await h.caseState(caseId)).case).toMatchObject({ currentStep: 3, version: 3 });
  }, 60_000);

  it('the Kepala Bidang finds a case waiting on someone else in "Semua kasus" and cancels it', async () => {
    // Two Kunjungan resmi cases, through the API: one opened today, then one whose request came in a
    // month ago (so its serial number is the higher one), whose steps 1 and 2 the front office has
    // taken: it waits at step 3, the agendaris'.
    const fo = h.person('front_office').email;
    const today = await h.s.call('POST', `/v1/agencies/${AGENCY}/cases`, { as: fo, body: { sop: 'kunjungan', partner: { name: 'SMA Negeri 1 Pangkalpinang', email: 'tu@sman1pkp.example.org' } } });
    expect(today.status, JSON.stringify(today.body)).toBe(201);
    const todays: string = today.body.state.nomor;
    const created = await h.postDaysAgo(30, `/v1/agencies/${AGENCY}/cases`, { as: fo, body: { sop: 'kunjungan', partner: { name: 'SD Negeri 7 Pangkalpinang' } } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { id: caseId, nomor } = created.body.state as { id: string; nomor: string };
    const steps = [
      {
        type: 'complete',
        step: 1,
        documents: { surat_kunjungan: { url: 'https://drive.google.com/file/d/surat-sdn7' } },
        data: { nama_instansi: 'SD Negeri 7 Pangkalpinang', tanggal_kunjungan: inDays(30), jumlah_pengunjung: 40, email_kontak: 'sdn7@example.org' },
      },
      { type: 'complete', step: 2, data: { nomor_surat_kunjungan: '005/77/SDN7/2026', tanggal_surat_kunjungan: inDays(-1) } },
    ];
    for (const body of steps) {
      const r = await h.s.call('POST', `/v1/agencies/${AGENCY}/cases/${caseId}/actions`, { as: fo, body });
      expect(r.status, `step ${body.step}: ${JSON.stringify(r.body)}`).toBe(200);
    }
    expect((await h.caseState(caseId)).case).toMatchObject({ status: 'open', currentStep: 3 });

    const { page, actAs, shot, expectStep } = await h.open('cancel');
    await actAs('kabid_perpustakaan');
    // Not one of the Kepala Bidang's tasks: step 3 is the agendaris'.
    expect(await page.locator('#task-list .card', { hasText: nomor }).count()).toBe(0);

    await page.locator('#nav [data-nav="cases"]').click();
    await page.locator('#view h2', { hasText: 'Semua kasus' }).waitFor();
    expect(await page.locator('#nav [data-nav="cases"]').getAttribute('aria-current')).toBe('page');
    const rows = page.locator('#case-list .card');
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    // Newest first: today's case above the one opened a month ago (whatever their serial numbers).
    const listed = (await rows.locator('.nomor').allTextContents()).map((t) => t.trim());
    expect(listed[0]).toBe(todays);
    expect(listed.indexOf(nomor)).toBeGreaterThan(0);

    // Filtered as the user types.
    await page.getByLabel('Cari kasus').pressSequentially(nomor);
    await expect.poll(() => rows.count()).toBe(1);
    expect(await page.locator('#case-search-status').textContent()).toMatch(/^1 dari \d+ kasus cocok/);
    const row = rows.first();
    expect(await row.textContent()).toContain('SD Negeri 7 Pangkalpinang');
    expect(await row.locator('.badge').textContent()).toMatch(/^(Berjalan|Terlambat)$/);
    expect(await row.textContent()).toContain('Langkah 3:');
    await shot('kabid-semua-kasus-cari');
    await row.click();

    // Read-only for this step, but the Kepala Bidang may cancel.
    await expectStep(3);
    await expect.poll(() => page.locator('#current-step').textContent()).toContain('Anda dapat melihat kasus ini');
    expect(await page.locator('#current-step form').count()).toBe(0);
    expect(await page.locator('.back').textContent()).toBe('← Semua kasus');
    await page.locator('#cancel summary').click();
    await page.getByLabel('Alasan pembatalan').fill('Sekolah menunda kunjungan ke semester depan.');
    await page.locator('#cancel button[type="submit"]').click();
    await expect.poll(() => page.locator('#banner').textContent()).toContain(`Kasus ${nomor} dibatalkan`);
    await expect.poll(() => page.locator('#case-status').textContent()).toBe('Dibatalkan');
    await expect.poll(() => page.locator('#current-step').textContent()).toContain('sudah dibatalkan');
    expect(await page.locator('#cancel').count()).toBe(0);
    await shot('kabid-kasus-dibatalkan');
    const cancelled = await h.caseState(caseId);
    expect(cancelled.case).toMatchObject({ status: 'cancelled', currentStep: null, outcome: 'Dibatalkan: Sekolah menunda kunjungan ke semester depan.' });
    expect(cancelled.events.at(-1)).toMatchObject({ action: 'cancel', actor: { email: h.person('kabid_perpustakaan').email } });

    // Back to the list, still searched: the row now reads cancelled, with the reason.
    await page.locator('.back').click();
    await page.locator('#view h2', { hasText: 'Semua kasus' }).waitFor();
    expect(await page.getByLabel('Cari kasus').inputValue()).toBe(nomor);
    await expect.poll(() => rows.first().locator('.badge').textContent()).toBe('Dibatalkan');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Alasan pembatalan: Sekolah menunda kunjungan ke semester depan.');
    await shot('kabid-semua-kasus-dibatalkan');

    // A search that matches nothing says so.
    await page.getByLabel('Cari kasus').fill('tidak-ada-kasus-seperti-ini');
    await expect.poll(() => page.locator('#case-results .empty').textContent()).toContain('Tidak ada kasus yang cocok');
  }, 60_000);
});
