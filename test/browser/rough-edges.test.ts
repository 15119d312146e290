// The rough edges of issue 11, each in the sidebar in headless Chromium at 300 px (the preview's
// width) and the timeline also at 280 px: a returned plan with its reason and the previous input,
// a required reason that clears as it is typed, letters listed per exit with where each goes,
// the e-mail said before it is sent, the busy indicator at the pressed button, pending letters
// that refresh themselves, Indonesian date and time inputs, a failed sheet sync shown with what
// to do, readable "Isian" details, and only the actions that work. Screenshots:
// test-output/sidebar/rough-edges/.
import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fullInput, stepOf } from '../../functions/src/dev/sample-input.ts';
import { catalogById } from '../../functions/src/sop/catalog/index.ts';
import { createReminderService } from '../../functions/src/standards/reminders.ts';
import { AGENCY, sidebarHarness } from './harness.ts';

const h = sidebarHarness('rough-edges');
const A = `/v1/agencies/${AGENCY}`;
const pusling = catalogById('pusling');

/** A Pusling case taken through `moves` by the API, as each step's first role; returns its id and number. */
async function puslingAt(moves: (number | [number, 'yes' | 'no'])[], partnerEmail = 'tu@sdn3-pangkalpinang.sch.id') {
  const kasi = h.person('kasi_layanan').email;
  const c = await h.s.call('POST', `${A}/cases`, { as: kasi, body: { sop: 'pusling', partner: { name: 'SD Negeri 3 Pangkalpinang', email: partnerEmail } } });
  expect(c.status, JSON.stringify(c.body)).toBe(201);
  const id = c.body.state.id as string;
  for (const m of moves) {
    const no = typeof m === 'number' ? m : m[0];
    const step = stepOf(pusling, no);
    const body = typeof m === 'number' ? { type: 'complete', step: no, ...fullInput(step) } : { type: 'decide', step: no, decision: m[1], ...fullInput(step), ...(m[1] === 'no' ? { note: 'Perbaiki.' } : {}) };
    const r = await h.s.call('POST', `${A}/cases/${id}/actions`, { as: h.person(step.actors[0]!).email, body });
    expect(r.status, `step ${no}: ${JSON.stringify(r.body)}`).toBe(200);
  }
  return { id, nomor: c.body.state.nomor as string };
}

describe('rough edges of the sidebar (headless Chromium, 300 px)', () => {
  it('a returned plan: the reason is required and clears as it is typed; the Kasi sees who returned it and why, with the staff list filled in', async () => {
    const { id, nomor } = await puslingAt([1]);
    // The Kasi's plan at step 2, with its staff list.
    const staff = ['Ahmad Fauzi', 'Siti Rahmah', 'Budi Santoso'];
    const full2 = fullInput(stepOf(pusling, 2));
    const step2 = await h.s.call('POST', `${A}/cases/${id}/actions`, { as: h.person('kasi_layanan').email, body: { type: 'complete', step: 2, ...full2, data: { ...full2.data, nama_petugas: staff } } });
    expect(step2.status, JSON.stringify(step2.body)).toBe(200);

    const { page, actAs, shot, shotOf, openTask, expectStep } = await h.open('dikembalikan');
    await actAs('kabid_perpustakaan');
    await openTask(nomor, 3);
    // The letters of each exit: approving makes the disposition and the assignment letter; returning makes none.
    const letters = page.locator('#step-letters');
    await expect.poll(() => letters.textContent()).toContain('Bila "');
    expect(await letters.locator('li[data-decision="yes"]').count()).toBeGreaterThan(0);
    expect(await letters.locator('li[data-decision="no"]').count()).toBe(0);
    expect(await letters.textContent()).not.toMatch(/Tidak sesuai/);
    await shotOf('#current-step', 'langkah-3-surat-per-keputusan');

    // "Tidak sesuai" without a reason: refused in the form, nothing sent.
    let posts = 0;
    await page.route('**/actions', async (route: Route) => {
      posts++;
      await route.continue();
    });
    await page.locator('#step-actions button[data-decision="no"]').click();
    // The reason is the field the SOP asks only on this exit; the note stays optional.
    const reason = page.locator('#f-data-alasan_dikembalikan');
    const reasonErr = page.locator('#f-data-alasan_dikembalikan-err');
    await expect.poll(() => reasonErr.isVisible()).toBe(true);
    expect(await reasonErr.textContent()).toContain('wajib diisi untuk "Tidak sesuai');
    expect(await page.locator('#f-note-3-err').isVisible()).toBe(false);
    expect(posts).toBe(0);
    await shot('alasan-wajib');
    // The error goes away as soon as the field is edited.
    await reason.fill('Jumlah petugas kurang; tambahkan satu sopir dan satu pustakawan.');
    await expect.poll(() => reasonErr.isVisible()).toBe(false);
    expect(await reason.getAttribute('aria-invalid')).toBeNull();
    await page.locator('#step-actions button[data-decision="no"]').click();
    await expect.poll(() => page.locator('#banner').textContent()).toContain('Langkah 3 tersimpan');
    expect(posts).toBe(1);

    // The Kasi: the task says it came back, the step starts with who returned it and why.
    await actAs('kasi_layanan');
    const card = page.locator('#task-list .card', { hasText: nomor });
    await expect.poll(() => card.textContent()).toContain('Dikembalikan');
    expect(await card.textContent()).toContain('Jumlah petugas kurang');
    await shotOf('#task-list', 'tugas-dikembalikan');
    await card.click();
    await expectStep(2);
    const notice = page.locator('#returned-notice');
    await expect.poll(() => notice.textContent()).toContain(`Dikembalikan oleh ${h.person('kabid_perpustakaan').name}`);
    expect(await notice.textContent()).toContain('Jumlah petugas kurang; tambahkan satu sopir dan satu pustakawan.');
    // The notice is the first thing of the step; the staff list is as the Kasi sent it.
    expect(await page.locator('#current-step > :nth-child(2)').getAttribute('id')).toBe('returned-notice');
    expect(await page.locator('#f-data-nama_petugas').inputValue()).toBe(staff.join('\n'));
    await shot('langkah-2-dikembalikan');
    const state = await h.caseState(id);
    expect(state.case.returned).toMatchObject({ step: 3, back: true, reason: 'Jumlah petugas kurang; tambahkan satu sopir dan satu pustakawan.' });
  }, 90_000);

  it('step 5 says what it e-mails, to whom and that it is final; the pressed button shows it is busy; the letter refreshes itself until ready', async () => {
    const email = 'tu@sdn3-pangkalpinang.sch.id';
    const { id, nomor } = await puslingAt([1, 2, [3, 'yes'], 4], email);
    const { page, actAs, shot, shotOf, openTask } = await h.open('surat-email');
    await actAs('kasi_layanan');
    await openTask(nomor, 5);
    const warning = page.locator('#send-warning');
    await expect.poll(() => warning.textContent()).toContain(email);
    expect(await warning.textContent()).toContain('tidak dapat ditarik kembali');
    expect(await page.locator('#step-letters').textContent()).toMatch(/bernomor.*dikirim lewat e-mail ke tu@sdn3-pangkalpinang\.sch\.id/);
    await shotOf('#current-step', 'langkah-5-email-ke-mitra');

    // The save is held until the button has been seen busy (no sleep: released by the test).
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/actions', async (route: Route) => {
      await held;
      await route.continue();
    });
    // The next read of the case shows the letter as still being made, as when the worker is slow.
    let armed = true;
    await page.route(
      (url) => url.pathname === `${A}/cases/${id}`,
      async (route: Route) => {
        if (!armed) return route.continue();
        armed = false;
        const r = await route.fetch();
        const body = await r.json();
        for (const d of Object.values(body.case.documents as Record<string, { status: string; url?: string | null }>)) {
          if (d.status === 'ready') Object.assign(d, { status: 'pending', url: null, pdfUrl: null });
        }
        await route.fulfill({ response: r, json: body });
      },
    );
    const button = page.locator('#step-actions button').first();
    await button.click();
    await expect.poll(() => button.getAttribute('class')).toContain('is-busy');
    expect(await button.textContent()).toContain('Menyimpan langkah');
    expect(await button.locator('.spinner').count()).toBe(1);
    await shotOf('#current-step', 'tombol-sibuk');
    release();
    await expect.poll(() => page.locator('#banner').textContent()).toContain('Langkah 5 tersimpan');
    const letter = page.locator('#documents [data-doc="jadwal_kunjungan"]');
    await expect.poll(() => letter.textContent()).toContain('menunggu dibuat');
    await shot('surat-menunggu');
    // No click: the documents are read again until the letter is ready.
    await expect.poll(() => letter.textContent(), { timeout: 20_000 }).toContain('siap');
    await shotOf('#documents', 'surat-siap-sendiri');
  }, 90_000);

  it('date and time are typed the Indonesian way (day first, 24 hours) whatever the locale; a failed sheet sync is shown with what to do', async () => {
    const { page, actAs, shot, shotOf, expectStep } = await h.open('tanggal-sinkron');
    await actAs('kasi_layanan');
    const c = await h.s.call('POST', `${A}/cases`, { as: h.person('kasi_layanan').email, body: { sop: 'pusling', partner: { name: 'TBM Cahaya Ilmu' } } });
    expect(c.status).toBe(201);
    await page.evaluate(() => sessionStorage.setItem('sop-preview.sync-fails', '1'));
    await page.reload();
    await page.locator('#view h2', { hasText: 'Tugas saya' }).waitFor();
    await page.locator('#task-list .card', { hasText: c.body.state.nomor }).click();
    await expectStep(1);
    await page.getByLabel('Pengguna layanan', { exact: false }).first().fill('TBM Cahaya Ilmu');
    await page.locator('#f-data-lokasi_kunjungan').fill('Balai Desa Air Itam');
    // A US-style date and an AM/PM time are refused in the form, under the field.
    await page.locator('#f-data-waktu_kunjungan').fill('11/30/2026');
    await page.locator('#f-data-waktu_kunjungan-jam').fill('2.30 PM');
    await page.locator('#step-actions button').first().click();
    const err = page.locator('#f-data-waktu_kunjungan-err');
    await expect.poll(() => err.textContent()).toContain('hh/bb/tttt');
    await shotOf('#current-step', 'tanggal-salah');
    await page.locator('#f-data-waktu_kunjungan').fill('30/11/2026');
    await expect.poll(() => err.isVisible()).toBe(false);
    await page.locator('#f-data-waktu_kunjungan-jam').fill('14.30');
    await page.locator('#step-actions button').first().click();
    await expect.poll(() => page.locator('#banner').textContent()).toContain('Langkah 1 tersimpan');
    const saved = await h.caseState(c.body.state.id);
    // 14.30 WIB at babel.
    expect(saved.case.data.waktu_kunjungan).toBe('2026-11-30T14:30:00+07:00');

    // The step is saved; the sheet could not follow: said above the view, with the way out.
    const problem = page.locator('#sync-problem');
    await expect.poll(() => problem.isVisible()).toBe(true);
    expect(await problem.textContent()).toContain('Sheet "Kasus" belum diperbarui');
    expect(await problem.textContent()).toContain('Perubahan kasus sudah tersimpan');
    expect(await problem.textContent()).toContain('Sinkronkan dasbor');
    await shot('sinkron-gagal');
    await shotOf('#sync-problem', 'sinkron-gagal-pesan');
    await page.evaluate(() => sessionStorage.removeItem('sop-preview.sync-fails'));
    await page.locator('#sync-retry').click();
    await expect.poll(() => problem.isVisible()).toBe(false);
    await expect.poll(() => page.locator('#banner').textContent()).toContain('Sheet "Kasus" diperbarui');
  }, 90_000);

  it('the timeline\'s "Isian" details are readable at 300 and at 280 px', async () => {
    const fo = h.person('front_office').email;
    const c = await h.s.call('POST', `${A}/cases`, { as: fo, body: { sop: 'kunjungan', partner: { name: 'Madrasah Aliyah Negeri 1 Bangka Tengah' } } });
    const body = {
      type: 'complete',
      step: 1,
      documents: { surat_kunjungan: { url: 'https://drive.google.com/file/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789/view' } },
      data: { nama_instansi: 'Madrasah Aliyah Negeri 1 Bangka Tengah (MAN 1 Bateng)', tanggal_kunjungan: '2026-12-15', jumlah_pengunjung: 45, email_kontak: 'perpustakaan.man1bateng@kemenag.example.go.id' },
    };
    expect((await h.s.call('POST', `${A}/cases/${c.body.state.id}/actions`, { as: fo, body })).status).toBe(200);

    const { page, actAs, shotOf } = await h.open('isian');
    await actAs('front_office');
    await page.locator('#task-list .card', { hasText: c.body.state.nomor }).click();
    const details = page.locator('#timeline .event[data-seq="2"] details');
    for (const width of [300, 280]) {
      await page.addStyleTag({ content: `body.preview #sidebar { width: ${width}px; }` });
      await details.waitFor();
      if (!(await details.evaluate((d) => (d as unknown as { open: boolean }).open))) await details.locator('summary').click();
      const sidebarWidth = await page.locator('#sidebar').evaluate((e) => e.getBoundingClientRect().width);
      expect(sidebarWidth).toBe(width);
      // Every value gets (nearly) the timeline's whole width, never a sliver beside its label.
      const widths = await details.locator('dd').evaluateAll((dds) => dds.map((d) => d.getBoundingClientRect().width));
      expect(widths.length).toBe(5);
      for (const w of widths) expect(w).toBeGreaterThan(width - 110);
      expect(await details.textContent()).toContain('perpustakaan.man1bateng@kemenag.example.go.id');
      await shotOf('#timeline', `isian-${width}px`);
    }
  }, 60_000);

  it('the reminders and the escalation of a late step stand in the timeline, after the event they follow', async () => {
    const { id, nomor } = await puslingAt([1]);
    // The scheduled runs: a minute after step 2's due time (the reminder), then a month on (beyond the margin: the escalation).
    const before = await h.s.call('GET', `${A}/cases/${id}`, { as: h.person('kasi_layanan').email });
    const due = Date.parse(before.body.case.dueAt as string);
    for (const at of [due + 60_000, due + 30 * 86_400_000]) await createReminderService(h.s.app.store, { clock: () => new Date(at) }).run();
    const detail = await h.s.call('GET', `${A}/cases/${id}`, { as: h.person('kasi_layanan').email });
    const notices = (detail.body.notices ?? []) as { kind: string; step: number }[];
    expect(notices.map((n) => n.kind).sort()).toEqual(['escalation', 'overdue']);

    const { page, actAs, shotOf } = await h.open('pengingat');
    await actAs('kasi_layanan');
    await page.locator('#task-list .card', { hasText: nomor }).click();
    const items = page.locator('#timeline .timeline > li');
    await expect.poll(() => page.locator('#timeline .notice').count()).toBe(2);
    // In time order: created, step 1 done, then the two notices about step 2.
    const kinds = await items.evaluateAll((els) => els.map((e) => (e.classList.contains('notice') ? e.getAttribute('class')!.split(' ').find((k: string) => k.startsWith('notice-')) : `seq-${e.getAttribute('data-seq')}`)));
    expect(kinds.slice(0, 2)).toEqual(['seq-1', 'seq-2']);
    expect(kinds.slice(2).sort()).toEqual(['notice-escalation', 'notice-overdue']);
    const text = await page.locator('#timeline').textContent();
    expect(text).toContain('Pengingat: terlambat · langkah 2');
    expect(text).toContain('Eskalasi ke atasan · langkah 2');
    await shotOf('#timeline', 'pengingat-di-riwayat');
  }, 60_000);

  it('only actions that work are offered: no "Kasus baru" for a role that opens nothing, no "Ganti instansi" with one agency', async () => {
    const { page, actAs, shot } = await h.open('aksi');
    await actAs('front_office');
    const newTab = page.locator('#nav [data-nav="new"]');
    await expect.poll(() => page.locator('#nav').getAttribute('data-actions')).toBe('ready');
    expect(await newTab.isVisible()).toBe(true);
    // One agency: nothing to switch to.
    await expect.poll(() => page.locator('#footer').isVisible()).toBe(false);
    await actAs('pustakawan_pendamping');
    // The tab appears only once the SOPs say this role may open a case; it never does here.
    await page.locator('#view h2', { hasText: 'Tugas saya' }).waitFor();
    await expect.poll(() => page.locator('#nav').getAttribute('data-actions')).toBe('ready');
    expect(await newTab.isVisible()).toBe(false);
    expect(await page.locator('#footer').isVisible()).toBe(false);
    await shot('tanpa-kasus-baru');
  }, 60_000);
});
