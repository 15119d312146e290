// The sidebar as people use it, in headless Chromium on the local preview (see ./harness.ts): each
// role of Kunjungan resmi at babel takes its step in turn by clicking, picking its identity in the
// preview's "Masuk sebagai" bar and finding the case in "Tugas saya", with one validation error on
// the way. Alone in its file, so its stack starts with no case at all (the front office's "Tugas
// saya" is empty). Screenshots go to test-output/sidebar/walk/.
import { describe, expect, it } from 'vitest';
import { AGENCY, inDays, sidebarHarness } from './harness.ts';

const h = sidebarHarness('walk');

describe('a Kunjungan resmi case in the sidebar (headless Chromium)', () => {
  it('takes a Kunjungan resmi case from request to reply, one role after another', async () => {
    const { page, actAs, shot, fullShot, openTask, expectStep, submit, field } = await h.open('walk');

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
    const tasks = await h.s.call('GET', `/v1/agencies/${AGENCY}/tasks`, { as: h.person('front_office').email });
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
    expect((await h.caseState(caseId)).case).toMatchObject({ currentStep: 1, version: 1 });
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
    // Indonesian date and 24-hour time, typed: the same whatever the browser's locale.
    await page.getByLabel(/^Waktu kunjungan.*: tanggal$/).fill(visit.split('-').reverse().join('/'));
    await page.getByLabel(/^Waktu kunjungan.*: jam \(24 jam\)$/).fill('09.00');
    await page.getByLabel(/^Tempat kunjungan/).fill('Ruang Baca Utama DKPUS Babel');
    await shot('langkah-7-surat-jawaban');
    await expect.poll(() => page.locator('#step-actions button').count()).toBe(1);
    await page.getByRole('button', { name: 'YA: surat jawaban kunjungan' }).click();
    await expectStep(8);

    // The case is at step 8 with the reply letter; once rendered, the sidebar shows it ready.
    await expect.poll(async () => (await h.caseState(caseId)).case.documents.surat_jawaban_kunjungan?.status, { timeout: 20_000 }).toBe('ready');
    await page.locator('#reload-case').click();
    await expectStep(8);
    const reply = page.locator('[data-doc="surat_jawaban_kunjungan"]');
    await expect.poll(() => reply.textContent()).toContain('siap');
    expect(await reply.locator('a').first().getAttribute('href')).toBeTruthy();
    expect(await page.locator('#timeline .event').count()).toBe(8);
    await shot('langkah-8-surat-jawaban-siap');
    await fullShot('pratinjau-halaman-penuh');

    const final = await h.caseState(caseId);
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
});
