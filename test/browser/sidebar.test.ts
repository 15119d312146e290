// The sidebar as people use it: headless Chromium (Debian's package, driven by playwright-core)
// opens the local preview, and each role of Kunjungan resmi at babel takes its step in turn by
// clicking, picking its identity in the preview's "Masuk sebagai" bar and finding the case in
// "Tugas saya". One validation error is provoked on the way; then the Kepala Bidang finds a case
// waiting on someone else in "Semua kasus" and cancels it. At balangan, the Petugas Sirkulasi records
// visitors and books read at the reading desk ("Meja baca"), which other roles do not see.
// Screenshots go to test-output/sidebar/.
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENCIES, type DemoAgencyId } from '../../functions/src/dev/demo.ts';
import { createDevHandler } from '../../functions/src/dev/dev-routes.ts';
import { serve, type Served } from '../../functions/src/dev/serve.ts';
import { createLocalDocBackend } from '../../functions/src/documents/local.ts';
import { createLocalMailSender } from '../../functions/src/mail/local.ts';
import { createPreviewHandler } from '../../sheets-addon/preview/preview.ts';
import { AUDIENCE, startStack, type Stack } from '../support/stack.ts';

const CHROMIUM = '/usr/bin/chromium';
const OUT = resolve('test-output/sidebar');
const AGENCY = 'babel';

let s: Stack;
let served: Served;
let browser: Browser;
let page: Page;
const drains = new Set<Promise<unknown>>();
/** The API's clock runs this far from the real one (a case can be opened in the past, to be late). */
let clockOffsetMs = 0;
/** The case the second test leaves at step 3 (the agendaris'), for the Kepala Bidang to find and cancel. */
let waiting: { caseId: string; nomor: string } | null = null;
/** The nomor of the first test's case, opened today. */
let todays: string | null = null;

beforeAll(async () => {
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
  // Letters are rendered as the local stack does (.docx files), so the sidebar shows them ready.
  s = await startStack({
    clock: () => new Date(Date.now() + clockOffsetMs),
    documents: {
      backendFor: () => createLocalDocBackend({ templatesDir: resolve('functions/templates'), outDir: join(OUT, 'dokumen') }),
      mailerFor: () => createLocalMailSender({ dir: join(OUT, 'outbox') }),
    },
    notify: async (agencyId, ids) => {
      const p = Promise.all(ids.map((id) => s.app.worker!.drain(agencyId, id))).catch((err) => console.error('worker:', err));
      drains.add(p);
      void p.finally(() => drains.delete(p));
    },
  });
  served = await serve(createDevHandler({ api: s.app.api, signer: s.signer, audience: AUDIENCE, people: s.people, preview: createPreviewHandler() }));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // A fresh context: its own profile, storage and cookies.
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (err) => console.error('browser error:', err.message));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([...drains]);
  await served?.close();
  await s?.close();
});

let shotNo = 0;
/** The sidebar column as it appears at 300 px. */
async function shot(name: string): Promise<void> {
  shotNo++;
  await page.locator('#sidebar').screenshot({ path: join(OUT, `${String(shotNo).padStart(2, '0')}-${name}.png`) });
}

function person(role: string, agency: string = AGENCY) {
  const p = s.people.find((x) => x.agencyId === agency && x.role === role);
  if (!p) throw new Error(`no demo staff with role ${role} at ${agency}`);
  return p;
}

/** The preview page, opened unless it is already. */
async function openPreview(): Promise<void> {
  if (!page.url().startsWith(`${served.url}/preview`)) await page.goto(`${served.url}/preview`);
}

/** Picks the identity in the preview's top bar (the page reloads) and waits for "Tugas saya". */
async function actAs(role: string, agency: string = AGENCY): Promise<void> {
  const p = person(role, agency);
  const select = page.locator('#preview-identity');
  await expect.poll(() => select.locator('option').count()).toBeGreaterThan(1);
  if ((await select.inputValue()) !== p.email) {
    await Promise.all([page.waitForEvent('load'), select.selectOption(p.email)]);
  }
  await expect.poll(() => page.locator('#who .who-name').textContent()).toBe(p.name);
  await expect.poll(() => page.locator('#who .who-agency').textContent()).toBe(DEMO_AGENCIES[agency as DemoAgencyId].shortName);
  await page.locator('#view h2', { hasText: 'Tugas saya' }).waitFor();
}

async function openTask(nomor: string, step: number): Promise<void> {
  const card = page.locator('#task-list .card', { hasText: nomor });
  await expect.poll(() => card.textContent()).toContain(`Langkah ${step}:`);
  await card.click();
  await expectStep(step);
}

async function expectStep(step: number): Promise<void> {
  await expect.poll(() => page.locator('#current-step .step-no').textContent()).toBe(`Langkah ${step}`);
}

const submit = () => page.locator('#step-actions button').first().click();
/** The id of the element that has the keyboard focus. */
const activeId = () => page.evaluate<string | undefined>('document.activeElement?.id');
const field = (key: string) => page.locator(`[data-field="${key}"]`);

async function caseState(caseId: string) {
  const r = await s.call('GET', `/v1/agencies/${AGENCY}/cases/${caseId}`, { as: person('kabid_perpustakaan').email });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

// No skip when Chromium is missing: .ci/run installs Debian's package, and a silent skip would hide it.
if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (see .ci/run)`);

describe('sidebar in the local preview (headless Chromium)', () => {
  it('takes a Kunjungan resmi case from request to reply, one role after another', async () => {
    await page.goto(`${served.url}/preview`);

    // Front office: a new case.
    await actAs('front_office');
    await expect.poll(() => page.locator('#view .empty').textContent()).toContain('Tidak ada tugas');
    await shot('front-office-tugas-kosong');
    await page.getByRole('button', { name: 'Kasus baru' }).click();
    await page.getByLabel('SOP', { exact: true }).selectOption('kunjungan');
    await expect.poll(() => page.locator('#sop-start').textContent()).toContain('Mulai di langkah 1');
    await page.getByLabel('Nama mitra/instansi').fill('SMA Negeri 1 Pangkalpinang');
    await page.getByLabel('E-mail').fill('tu@sman1pkp.example.org');
    await shot('front-office-kasus-baru');
    await page.getByRole('button', { name: 'Buat kasus' }).click();
    await expect.poll(() => page.locator('#banner').textContent()).toMatch(/Kasus KUNJUNGAN\/\d{4}\/\d{4} dibuat/);
    await expectStep(1);
    const nomor = (await page.locator('#case-nomor').textContent())!.trim();
    todays = nomor;
    const tasks = await s.call('GET', `/v1/agencies/${AGENCY}/tasks`, { as: person('front_office').email });
    const caseId: string = tasks.body.tasks.find((t: { nomor: string }) => t.nomor === nomor).caseId;

    // Step 1, recorded for the visiting institution: first with a required field left empty.
    await expect.poll(() => page.locator('#current-step .note').textContent()).toContain('dicatat atas nama mitra/instansi');
    await page.getByLabel('Surat Kunjungan (tautan surat/email ijin kunjungan)').fill('https://drive.google.com/file/d/surat-kunjungan-sman1');
    await page.getByLabel('Tanggal kunjungan yang diminta').fill(inDays(21));
    await page.getByLabel('Jumlah pengunjung', { exact: true }).fill('35');
    await page.getByLabel('E-mail kontak pemohon').fill('tu@sman1pkp.example.org');
    await submit();
    const error = field('data.nama_instansi').locator('.field-error');
    await expect.poll(() => error.textContent()).toContain('wajib diisi');
    await expect.poll(() => error.isVisible()).toBe(true);
    expect(await page.getByLabel('Nama instansi/lembaga pemohon kunjungan').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.form-banner').textContent()).toContain('Kelengkapan belum lengkap');
    // Only that field is marked, and nothing advanced.
    expect(await page.locator('#current-step .field-error:not([hidden])').count()).toBe(1);
    await expectStep(1);
    expect((await caseState(caseId)).case).toMatchObject({ currentStep: 1, version: 1 });
    await shot('langkah-1-galat-isian');

    await page.getByLabel('Nama instansi/lembaga pemohon kunjungan').fill('SMA Negeri 1 Pangkalpinang');
    await shot('langkah-1-terisi');
    await submit();
    await expect.poll(() => page.locator('#banner').textContent()).toContain('Langkah 1 tersimpan');
    await expectStep(2);

    // Step 2: the front office receives the letter (it is on the case already).
    expect(await field('documents.surat_kunjungan').textContent()).toContain('ada pada kasus');
    expect(await field('data.tanggal_diterima').textContent()).toContain('diisi otomatis');
    await page.getByLabel('Nomor surat kunjungan').fill('421.3/112/SMAN1/2026');
    await page.getByLabel('Tanggal surat kunjungan').fill(inDays(-2));
    await shot('langkah-2-terisi');
    await submit();
    await expectStep(3);
    await expect.poll(() => page.locator('#current-step').textContent()).toContain('Anda dapat melihat kasus ini');

    // Agendaris: step 3 (the agenda number is automatic) and step 4.
    await actAs('agendaris');
    await shot('agendaris-tugas-saya');
    await openTask(nomor, 3);
    expect(await field('data.nomor_agenda').textContent()).toContain('diisi otomatis');
    await shot('langkah-3');
    await submit();
    await expectStep(4);
    await page.getByLabel('Jadwal Kegiatan masih kosong pada jadwal kunjungan yang diminta').check();
    await shot('langkah-4-terisi');
    await submit();
    await expectStep(5);

    // Kasi layanan: step 5.
    await actAs('kasi_layanan');
    await openTask(nomor, 5);
    await page.getByLabel('Kecocokan Jadwal kunjungan dan jadwal yang tersedia').check();
    await page.getByLabel('Saran dan pertimbangan Kasi untuk Kepala Bidang').fill('Jadwal cocok; mohon disetujui dengan pendamping dari layanan referensi.');
    await shot('langkah-5-terisi');
    await submit();
    await expectStep(6);

    // Kepala Bidang: the decision, YES, with the disposition.
    await actAs('kabid_perpustakaan');
    await openTask(nomor, 6);
    await page.getByLabel('Kecocokan jadwal kunjungan dan jadwal yang tersedia telah ditelaah').check();
    await page.getByLabel('Isi disposisi (kepada siapa dan tindak lanjutnya)').fill('Kepada Kasi Layanan: siapkan ruang dan pendamping, buat surat jawaban.');
    await page.getByLabel('Pustakawan pendamping yang ditunjuk (bila diterima)').fill('Rina Wulandari\nHendra Gunawan');
    await shot('langkah-6-keputusan');
    await page.getByRole('button', { name: 'YA: kunjungan diterima' }).click();
    await expectStep(7);

    // Kasi layanan: the reply follows the YES decision.
    await actAs('kasi_layanan');
    await openTask(nomor, 7);
    await expect.poll(() => page.locator('#current-step').textContent()).toContain('Mengikuti keputusan langkah 6: YA');
    const visit = inDays(21);
    await page.getByLabel(/^Waktu kunjungan/).fill(`${visit}T09:00`);
    await page.getByLabel(/^Tempat kunjungan/).fill('Ruang Baca Utama DKPUS Babel');
    await shot('langkah-7-surat-jawaban');
    await expect.poll(() => page.locator('#step-actions button').count()).toBe(1);
    await page.getByRole('button', { name: 'YA: surat jawaban kunjungan' }).click();
    await expectStep(8);

    // The case is at step 8 with the reply letter; once rendered, the sidebar shows it ready.
    await expect.poll(async () => (await caseState(caseId)).case.documents.surat_jawaban_kunjungan?.status, { timeout: 20_000 }).toBe('ready');
    await page.locator('#reload-case').click();
    await expectStep(8);
    const reply = page.locator('[data-doc="surat_jawaban_kunjungan"]');
    await expect.poll(() => reply.textContent()).toContain('siap');
    expect(await reply.locator('a').first().getAttribute('href')).toBeTruthy();
    expect(await page.locator('#timeline .event').count()).toBe(8);
    await shot('langkah-8-surat-jawaban-siap');
    await page.screenshot({ path: join(OUT, `${String(++shotNo).padStart(2, '0')}-pratinjau-halaman-penuh.png`), fullPage: true });

    const final = await caseState(caseId);
    expect(final.case).toMatchObject({ status: 'open', currentStep: 8, decisions: { '6': 'yes', '7': 'yes' } });
    expect(final.case.documents.surat_jawaban_kunjungan).toMatchObject({ status: 'ready', step: 7 });
    expect(final.case.documents.surat_jawaban_kunjungan.nomor).toMatch(/\/DKPUS\//);
    expect(final.case.data).toMatchObject({
      nama_instansi: 'SMA Negeri 1 Pangkalpinang',
      jumlah_pengunjung: 35,
      jadwal_tersedia: true,
      nama_pendamping: ['Rina Wulandari', 'Hendra Gunawan'],
      waktu_kunjungan: `${visit}T09:00:00+07:00`,
    });
    expect(final.case.data.nomor_agenda).toMatch(/^\d+$/);
    const actors = final.events.map((e: { action: string; step: number | null; actor: { roles: string[] } }) => [e.action, e.step, e.actor.roles[0]]);
    expect(actors).toEqual([
      ['create', null, 'front_office'],
      ['complete', 1, 'front_office'],
      ['complete', 2, 'front_office'],
      ['complete', 3, 'agendaris'],
      ['complete', 4, 'agendaris'],
      ['complete', 5, 'kasi_layanan'],
      ['decide', 6, 'kabid_perpustakaan'],
      ['decide', 7, 'kasi_layanan'],
    ]);
    // The preview's stand-in for the "Kasus" sheet was kept current by the sidebar.
    await expect.poll(() => page.locator('#preview-sheet-table').textContent()).toContain(nomor);
  }, 90_000);

  it('resends a submission whose answer was lost with the same key, and reloads a case that changed meanwhile', async () => {
    // A request that came in a month ago: step 1 (one week) is overdue.
    const fo = person('front_office').email;
    clockOffsetMs = -30 * 86_400_000;
    const created = await s.call('POST', `/v1/agencies/${AGENCY}/cases`, { as: fo, body: { sop: 'kunjungan', partner: { name: 'SD Negeri 7 Pangkalpinang' } } });
    clockOffsetMs = 0;
    expect(created.status).toBe(201);
    const { id: caseId, nomor } = created.body.state as { id: string; nomor: string };

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
    const once = await caseState(caseId);
    expect(once.events.filter((e: { step: number | null }) => e.step === 1)).toHaveLength(1);

    // Someone else takes step 2 while this form is open: the stale submission is refused and the case reloaded.
    const other = await s.call('POST', `/v1/agencies/${AGENCY}/cases/${caseId}/actions`, {
      as: fo,
      body: { type: 'complete', step: 2, data: { nomor_surat_kunjungan: '005/77/SDN7/2026', tanggal_surat_kunjungan: inDays(-1) } },
    });
    expect(other.status, JSON.stringify(other.body)).toBe(200);
    await page.getByLabel('Nomor surat kunjungan').fill('005/77/SDN7/2026');
    await page.getByLabel('Tanggal surat kunjungan').fill(inDays(-1));
    await submit();
    await expect.poll(() => page.locator('#banner').textContent()).toContain('sudah berubah');
    expect(await page.locator('#banner').textContent()).toContain('sudah dimuat ulang');
    await expectStep(3);
    await shot('kasus-berubah-dimuat-ulang');
    expect((await caseState(caseId)).case).toMatchObject({ currentStep: 3, version: 3 });
    waiting = { caseId, nomor };
  }, 60_000);

  it('the Kepala Bidang finds a case waiting on someone else in "Semua kasus" and cancels it', async () => {
    expect(waiting, 'the previous test leaves a case at step 3').not.toBeNull();
    const { caseId, nomor } = waiting!;
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
    const cancelled = await caseState(caseId);
    expect(cancelled.case).toMatchObject({ status: 'cancelled', currentStep: null, outcome: 'Dibatalkan: Sekolah menunda kunjungan ke semester depan.' });
    expect(cancelled.events.at(-1)).toMatchObject({ action: 'cancel', actor: { email: person('kabid_perpustakaan').email } });

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

  it('Meja baca at balangan: the Petugas Sirkulasi records visitors and books read in a row, and the recap counts them', async () => {
    await openPreview();
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
    await page.screenshot({ path: join(OUT, `${String(++shotNo).padStart(2, '0')}-meja-baca-halaman-penuh.png`), fullPage: true });

    // The API holds exactly these records.
    const month = (await page.locator('#f-recap-month').inputValue()).trim();
    const recap = await s.call('GET', `/v1/agencies/balangan/desk/recap?month=${month}`, { as: person('petugas_sirkulasi', 'balangan').email });
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
    await openPreview();
    await actAs('kabid_perpustakaan', 'balangan');
    // The SOPs are read by then: "Kasus baru" shows its SOP list.
    await page.locator('#nav [data-nav="new"]').click();
    await page.locator('#view h2', { hasText: 'Kasus baru' }).waitFor();
    expect(await page.locator('#nav .tab:visible').allTextContents()).toEqual(['Tugas saya', 'Kasus baru', 'Semua kasus']);
    expect(await page.locator('#nav [data-nav="desk"]').isHidden()).toBe(true);
    await shot('kabid-tanpa-meja-baca');
    // And the API refuses the Kepala Bidang's record.
    const r = await s.call('POST', '/v1/agencies/balangan/desk/visits', { as: person('kabid_perpustakaan', 'balangan').email, body: { name: 'Siti' } });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('WRONG_ROLE');
  }, 30_000);
});
