// "Impor SOP" in the sidebar, in headless Chromium (see ./harness.ts), at babel: the Kepala Bidang
// pastes seed 002's Kunjungan resmi table, sees the flagged fields, fixes one inferred actor, removes
// a step (publishing is refused while a decision still points at it), adds one, edits an activity and
// kelengkapan items, checks the changes and publishes it as version 2; a new case then runs through
// the published version, the fixed actor taking its step. Screenshots (300 px sidebar) in test-output/sidebar/impor/.
import { readFileSync } from 'node:fs';
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDefinition } from '../../functions/src/sop/schema.ts';
import { walkYes } from '../support/import-walk.ts';
import { blocksOfTabText, docxOf } from '../support/seed-docx.ts';
import { AGENCY, sidebarHarness } from './harness.ts';

const DRIVE_DIR = resolve('test-output/sidebar/impor/drive');
const h = sidebarHarness('impor', { driveDir: DRIVE_DIR });
const SEED_002 = readFileSync(new URL('../../../shared/seeds/002_13bacb4177748aad.txt', import.meta.url), 'utf8');
const KUNJUNGAN = SEED_002.slice(SEED_002.indexOf('PROSEDUR LAYANAN KUNJUNGAN RESMI'));

describe('Impor SOP (headless Chromium)', () => {
  it('the Kepala Bidang pastes the Kunjungan resmi table, fixes a flagged actor, publishes, and a new case runs on the new version', async () => {
    const { page, actAs, shot, shotOf } = await h.open('impor');
    // Staff who administer no SOP do not get the tab.
    await actAs('front_office');
    await expect.poll(() => page.locator('#sopimport-tab').isHidden()).toBe(true);
    await actAs('kabid_perpustakaan');
    const tab = page.locator('#nav [data-nav="sopimport"]');
    await tab.waitFor();
    await tab.click();
    await page.locator('#view h2', { hasText: 'Impor SOP' }).waitFor();

    // Something that is no SOP table: the API's reason, and no draft.
    await page.locator('#sop-import-text').fill('Daftar hadir rapat tanggal 3 Maret.');
    await page.locator('#sop-import-read').click();
    await expect.poll(() => page.locator('#banner').textContent()).toContain('Tabel SOP tidak ditemukan');
    expect(await page.locator('#sop-import-steps').count()).toBe(0);

    await page.locator('#sop-import-text').fill(KUNJUNGAN);
    await page.locator('#sop-import-read').click();
    await expect.poll(() => page.locator('#sop-import-steps .import-step').count()).toBe(10);
    await expect.poll(() => page.locator('#sop-import-target').textContent()).toContain('versi 1 → 2');
    // Every actor was inferred (the marks were lost): each is highlighted, with the reason.
    expect(await page.locator('#sop-import-steps select.unsure[data-field^="actors-"]').count()).toBe(10);
    const step10 = page.locator('[data-field="actors-10"]');
    expect(await step10.inputValue()).toBe('pustakawan_pendamping');
    await shot('draft');
    await shotOf('[data-step="6"]', 'step-6-decision');
    await shotOf('[data-step="7"]', 'step-7-decision');

    // The librarian decides the Front Office closes the visit, as the disposition says.
    await step10.selectOption('front_office');
    await expect.poll(() => step10.getAttribute('class')).toContain('fixed');
    await page.locator('#sop-import-check').click();
    await expect.poll(() => page.locator('#banner').textContent()).toContain('Definisi valid');
    await expect.poll(() => page.locator('#sop-import-diff [data-path="steps.10.actors"]').textContent()).toContain('Langkah 10, pelaksana');
    await page.locator('[data-step="10"]').scrollIntoViewIfNeeded();
    await shotOf('[data-step="10"]', 'step-10-fixed');
    await shotOf('#sop-import-diff', 'diff');

    // Step 8 goes: the decision at 7 sent YES there, and is not re-aimed by guess. It shows red, and
    // publishing is refused with the step and the branch named; nothing is stored.
    await page.locator('[data-remove-step="8"]').click();
    await expect.poll(() => page.locator('#sop-import-steps .import-step').count()).toBe(9);
    await expect.poll(() => page.locator('#banner').textContent()).toContain('Keputusan langkah 7 (YA) masih menuju langkah 8');
    expect(await page.locator('[data-field="ifYes-7"]').getAttribute('class')).toContain('broken');
    expect(await page.locator('#sop-import-diff-stale').isVisible()).toBe(true);
    await page.locator('#sop-import-publish').click();
    await expect.poll(() => page.locator('#banner').textContent()).toContain('Langkah 7, cabang YA: langkah tujuan 8 tidak ada');
    await shotOf('#banner', 'refused-removed-target');
    await shotOf('[data-step="7"]', 'step-7-broken');
    const kabid = h.person('kabid_perpustakaan').email;
    expect((await h.s.call('GET', `/v1/agencies/${AGENCY}/sops/kunjungan`, { as: kabid })).body).toMatchObject({ version: 1 });
    await page.locator('[data-field="ifYes-7"]').selectOption('9');

    // A step added after 3, typed in place; step 1's activity and two kelengkapan lists edited.
    await page.locator('[data-add-step="3"]').click();
    const added = page.locator('[data-field="activity-11"]');
    await expect.poll(() => page.locator('[data-field="activity-11"]:focus').count()).toBe(1);
    await added.fill('Memindai surat ijin kunjungan ke arsip digital');
    await added.blur();
    expect(await page.locator('[data-field="next-3"]').inputValue()).toBe('11');
    expect(await page.locator('[data-field="next-11"]').inputValue()).toBe('4');
    const first = page.locator('[data-field="activity-1"]');
    await first.fill(`${await first.inputValue()} melalui surel dinas`);
    await first.blur();
    const question = page.locator('[data-field="question-6"]');
    expect(await question.inputValue()).not.toBe('');
    await question.fill('Apakah jadwal kunjungan sesuai dengan jadwal yang tersedia?');
    await question.blur();
    const noLabel = page.locator('[data-field="ifNo-label-6"]');
    await noLabel.fill('Tawarkan waktu lain');
    await noLabel.blur();
    await expect.poll(() => noLabel.getAttribute('class')).toContain('fixed');
    await shotOf('[data-step="6"]', 'step-6-edited');
    await page.locator('[data-remove-kel="kel-2-jaringan_internet"]').click();
    await page.locator('[data-add-kel="11"]').click();
    const kel = page.locator('[data-step="11"] [data-field^="kel-label-11-"]');
    await kel.fill('Pemindai dokumen');
    await kel.blur();
    await page.locator('[data-step="11"] select[data-field^="kel-11-"]').selectOption('office');
    await page.locator('[data-step="11"]').scrollIntoViewIfNeeded();
    await shotOf('[data-step="11"]', 'step-11-added');
    await page.locator('#sop-import-check').click();
    await expect.poll(() => page.locator('#banner').textContent()).toContain('Definisi valid');
    await expect.poll(() => page.locator('#sop-import-diff [data-path="steps.11"]').textContent()).toContain('Langkah 11');
    expect(await page.locator('#sop-import-diff [data-path="steps.11"]').textContent()).toContain('baru');
    expect(await page.locator('#sop-import-diff [data-path="steps.8"]').textContent()).toContain('dihapus');
    expect(await page.locator('#sop-import-diff-stale').isVisible()).toBe(false);
    await page.locator('#sop-import-diff [data-path="steps.3.flow"]').scrollIntoViewIfNeeded();
    await shotOf('#sop-import-diff [data-path="steps.3.flow"]', 'diff-flow');
    await shotOf('#sop-import-diff [data-path="steps.8"]', 'diff-removed');

    await page.locator('#sop-import-publish').click();
    await expect.poll(() => page.locator('#banner').textContent()).toContain('diterbitkan sebagai versi 2');
    await shot('published');

    const active = await h.s.call('GET', `/v1/agencies/${AGENCY}/sops/kunjungan`, { as: kabid });
    expect(active.body).toMatchObject({ version: 2 });
    const def = loadDefinition(active.body);
    expect(def.steps.find((s) => s.no === 10)!.actors).toEqual(['front_office']);
    expect(def.steps.map((s) => s.no)).toEqual([1, 2, 3, 11, 4, 5, 6, 7, 9, 10]);
    expect(def.steps.find((s) => s.no === 1)!.activity).toMatch(/ melalui surel dinas$/);
    expect(def.steps.find((s) => s.no === 2)!.kelengkapan.map((k) => k.label)).toEqual(['Surat Kunjungan', 'komputer']);
    expect(def.steps.find((s) => s.no === 11)).toMatchObject({ activity: 'Memindai surat ijin kunjungan ke arsip digital', actors: def.steps.find((s) => s.no === 3)!.actors, next: 4, kelengkapan: [{ type: 'office', label: 'Pemindai dokumen' }] });
    expect(def.steps.find((s) => s.no === 7)).toMatchObject({ ifYes: { to: 9 } });
    expect(def.steps.find((s) => s.no === 6)).toMatchObject({ question: 'Apakah jadwal kunjungan sesuai dengan jadwal yang tersedia?', ifNo: { label: 'Tawarkan waktu lain' } });

    const walked = await walkYes(h.s, AGENCY, def);
    expect(walked).toMatchObject({ sopVersion: 2, steps: [1, 2, 3, 11, 4, 5, 6, 7, 9, 10] });
    const c = await h.caseState(walked.caseId);
    expect(c.case.status).toBe('closed');
    expect(c.events.at(-1).actor.email).toBe(h.person('front_office').email);
  }, 120_000);

  it('the Kepala Bidang picks the Kunjungan resmi .docx from Drive by searching its name; a file over the limit cannot be picked', async () => {
    // The preview's Drive is a folder: the seed table as an agency's Word file, marks empty; a big file; another SOP.
    await mkdir(DRIVE_DIR, { recursive: true });
    await writeFile(join(DRIVE_DIR, 'SOP Kunjungan Resmi 2024.docx'), await docxOf(blocksOfTabText(KUNJUNGAN)));
    await writeFile(join(DRIVE_DIR, 'Lampiran foto kegiatan.docx'), Buffer.alloc(300 * 1024, 1));
    await writeFile(join(DRIVE_DIR, 'Catatan rapat.docx'), await docxOf(blocksOfTabText(KUNJUNGAN)));
    // Fifty older files: the first page is full, the real ones (newest) on top, the rest behind "Muat lagi".
    for (let i = 1; i <= 50; i++) {
      const f = join(DRIVE_DIR, `Arsip ${String(i).padStart(2, '0')}.docx`);
      await writeFile(f, 'bukan docx');
      await utimes(f, new Date(Date.UTC(2025, 0, i)), new Date(Date.UTC(2025, 0, i)));
    }
    const { page, actAs, shotOf } = await h.open('drive');
    await actAs('kabid_perpustakaan');
    await page.locator('#nav [data-nav="sopimport"]').click();
    await page.locator('#sop-import-drive-open').click();
    await expect.poll(() => page.locator('#sop-drive-list [data-drive-file]').count()).toBe(50);
    expect(await page.locator('#sop-drive-status').textContent()).toBe('50 berkas (ada lagi)');
    await page.locator('#sop-drive-more').click();
    await expect.poll(() => page.locator('#sop-drive-list [data-drive-file]').count()).toBe(53);
    expect(await page.locator('#sop-drive-more').isVisible()).toBe(false);
    expect(await page.locator('#sop-drive-list [data-drive-file]').last().textContent()).toContain('Arsip 01.docx');
    const big = page.locator('#sop-drive-list li', { hasText: 'Lampiran foto kegiatan.docx' });
    expect(await big.locator('button').isDisabled()).toBe(true);
    expect(await big.textContent()).toContain('300 KB · terlalu besar (paling besar 190 KB)');
    await page.locator('#sop-drive-list').evaluate((el) => el.scrollTo(0, 0));
    await shotOf('#sop-import-drive', 'drive-list');

    // A file that only has the .docx name: the API's reason, and no draft.
    const search = page.locator('#sop-drive-search');
    await search.fill('arsip 07');
    await search.press('Enter');
    await expect.poll(() => page.locator('#sop-drive-list [data-drive-file]').count()).toBe(1);
    await page.locator('#sop-drive-list [data-drive-file]').click();
    await expect.poll(() => page.locator('#banner').textContent()).toContain('Tabel SOP tidak ditemukan');
    expect(await page.locator('#banner').textContent()).not.toContain('diterbitkan');
    expect(await page.locator('#sop-import-steps').count()).toBe(0);
    await shotOf('#banner', 'drive-not-docx');

    // Drive matches the start of a word: "unjungan" finds nothing, "kunj" the SOP.
    await search.fill('unjungan');
    await search.press('Enter');
    await expect.poll(() => page.locator('#sop-drive-status').textContent()).toContain('Tidak ada berkas .docx yang namanya memuat kata berawalan "unjungan"');
    expect(await page.locator('#sop-drive-list [data-drive-file]').count()).toBe(0);
    await search.fill('kunj');
    await search.press('Enter');
    await expect.poll(() => page.locator('#sop-drive-list [data-drive-file]').count()).toBe(1);
    expect(await page.locator('#sop-drive-more').isVisible()).toBe(false);
    await shotOf('#sop-import-drive', 'drive-search');
    await page.locator('#sop-drive-list [data-drive-file]', { hasText: 'SOP Kunjungan Resmi 2024.docx' }).click();
    await expect.poll(() => page.locator('#sop-import-steps .import-step').count()).toBe(10);
    expect(await page.locator('#banner').textContent()).toContain('SOP Kunjungan Resmi 2024.docx: 1 tabel terbaca');
    expect(await page.locator('#sop-import-target').textContent()).toContain('Versi baru dari');
    await shotOf('#sop-import-form', 'drive-read');
  }, 120_000);

  it('a Pelaksana header the agency does not have is offered as a new role or one of its own; taken as its own, it stands for it in every step', async () => {
    const renamed = KUNJUNGAN.replace('Petugas/ Agendaris', 'Pengadministrasi Persuratan');
    const { page, actAs, shotOf } = await h.open('roles');
    await actAs('kabid_perpustakaan');
    await page.locator('#nav [data-nav="sopimport"]').click();
    await page.locator('#sop-import-text').fill(renamed);
    await page.locator('#sop-import-read').click();
    await expect.poll(() => page.locator('#sop-import-steps .import-step').count()).toBe(10);
    const row = page.locator('#sop-import-new-roles [data-field="role-pengadministrasi_persuratan"]');
    await row.waitFor();
    const stepsOfNew = async () => {
      const out: number[] = [];
      for (const sel of await page.locator('#sop-import-steps select[data-field^="actors-"]').all()) if ((await sel.inputValue()).split(',').includes('pengadministrasi_persuratan')) out.push(Number((await sel.getAttribute('data-field'))!.slice('actors-'.length)));
      return out;
    };
    // The renamed column lost the "Agendaris" cue: step 3 (mengagendakan) is given to it by hand.
    await page.locator('[data-field="actors-3"]').selectOption('pengadministrasi_persuratan');
    const before = await stepsOfNew();
    expect(before).toContain(3);
    await shotOf('#sop-import-new-roles', 'new-role');
    // The dry run says the new role is held by no one.
    await page.locator('#sop-import-check').click();
    await expect.poll(() => page.locator('#banner').textContent()).toContain('Peran baru belum dipegang pegawai: pengadministrasi_persuratan');

    await row.selectOption('agendaris');
    await expect.poll(() => page.locator('#banner').textContent()).toContain(`Kolom "Pengadministrasi Persuratan" kini peran dinas "Petugas/ Agendaris" (${before.length} langkah)`);
    expect(await page.locator('#sop-import-new-roles').count()).toBe(0);
    expect(await stepsOfNew()).toEqual([]);
    for (const no of before) expect((await page.locator(`[data-field="actors-${no}"]`).inputValue()).split(',')).toContain('agendaris');
    await page.locator('#sop-import-check').click();
    await expect.poll(() => page.locator('#banner').textContent()).toContain('Definisi valid');
    expect(await page.locator('#banner').textContent()).not.toContain('Peran baru');
  }, 120_000);
});
