// The "Dokumen" section of a Bimtek event in headless Chromium at 300 px against the local stack,
// whose worker renders the letters to .docx files (so the documents become ready here): the host
// (Bangka Belitung) makes the invitation and the daftar hadir of session 1 and follows both until
// their links show; a date the sidebar cannot read is named under its box before anything is sent;
// the owner (Perpusnas) is offered the trainers' surat tugas only, and makes one per assigned trainer.
// Screenshots: test-output/sidebar/bimtek-documents/.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DemoPerson } from '../../functions/src/dev/dev-routes.ts';
import { OWNER, OWNER_AGENCY, seedProgramme, smallProgramme } from '../../functions/src/programme/demo.ts';
import { registrationFormId } from '../../functions/src/programme/registration.ts';
import { sidebarHarness, type Sidebar } from './harness.ts';

const h = sidebarHarness('bimtek-documents');
const P = 'spptikdemo';
const N = 12;
const ownerPanitia = `panitia@${OWNER_AGENCY}.demo.perpustakaan.id`;

beforeAll(async () => {
  const parts = h.s.app.programme!;
  await seedProgramme(h.s.app.store, parts.programmes, smallProgramme(), { trainers: 6 });
  for (let i = 0; i < N; i++) {
    const r = await parts.registration.receive(OWNER_AGENCY, {
      formId: registrationFormId(P),
      responseId: `resp-doc-${i}`,
      submittedAt: new Date(Date.UTC(2024, 3, 1, 0, 0, i)).toISOString(),
      respondentEmail: null,
      answers: { nama: [`Peserta Dokumen ${i + 1}`], lembaga: [`TBM Pelita ${i + 1}`], desa: ['Air Itam'], kecamatan: ['Bukit Intan'], kabupaten: ['Kota Pangkalpinang'], provinsi: ['babel'], telepon: [`0813${String(70_000_000 + i)}`], email: [`dok${i}@desa.example.id`] },
    });
    expect(r.outcome).toBe('registered');
  }
  (h.s.people as DemoPerson[]).push({ agencyId: OWNER_AGENCY, email: ownerPanitia, role: 'panitia_bimtek', name: 'Rina Kusumawati' });
}, 120_000);

async function openEvent(sb: Sidebar, eventId: string): Promise<void> {
  const tab = sb.page.locator('#bimtek-tab');
  await expect.poll(() => tab.isVisible()).toBe(true);
  await tab.click();
  await sb.page.locator(`#event-list .card[data-event="${eventId}"]`).click();
  await sb.page.locator('#event-documents').waitFor();
}

/** The documents' lines once none is still being made: each line's status and its links' texts and targets. */
async function settled(sb: Sidebar, request: string) {
  const lines = sb.page.locator(`#document-list li[data-request="${request}"] li[data-entry]`);
  await expect.poll(async () => (await lines.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))).join(','), { timeout: 60_000 }).toMatch(/^(ready|failed)(,(ready|failed))*$/);
  return lines.evaluateAll((els) =>
    els.map((e) => ({ status: e.getAttribute('data-status'), title: e.querySelector('.doc-title')?.textContent, links: [...e.querySelectorAll('a')].map((a) => ({ text: a.textContent, href: a.getAttribute('href') })), error: e.querySelector('.doc-error')?.textContent ?? null })),
  );
}

const newestRequest = (sb: Sidebar) => sb.page.locator('#document-list > li').first().getAttribute('data-request');

/** The sidebar is 300 px wide and nothing in the documents section runs past it. */
async function fitsSidebar(sb: Sidebar): Promise<void> {
  // A string, evaluated in the page: this file is compiled without the DOM's types.
  const overflow = await sb.page.evaluate<string[]>(`(() => {
    const bar = document.querySelector('#sidebar').getBoundingClientRect();
    return [...document.querySelectorAll('#event-documents *')].filter((e) => e.getBoundingClientRect().right > bar.right + 0.5).map((e) => e.id || e.className || e.tagName);
  })()`);
  expect(overflow).toEqual([]);
}

describe('Bimtek event documents in the sidebar (headless Chromium, 300 px)', () => {
  it('the host makes the invitation and a daftar hadir and follows both until their links show', async () => {
    const sb = await h.open('tuan-rumah');
    const { page, actAs, shotOf } = sb;
    await actAs('kabid_perpustakaan');
    await openEvent(sb, 'babel-1');
    // A host issues the event's documents, not the trainers' surat tugas.
    expect(await page.locator('#event-documents .doc-kind').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual(['undangan', 'daftar_hadir', 'laporan_pelaksanaan']);
    await expect.poll(() => page.locator('#document-list-note').textContent()).toBe('Belum ada dokumen yang dibuat instansi Anda untuk kegiatan ini.');
    await fitsSidebar(sb);
    await shotOf('#event-documents', 'tuan-rumah-dokumen');

    await page.locator('#doc-pukul').fill('8.30');
    await page.locator('#doc-undangan').click();
    await expect.poll(() => page.locator('#banner').textContent()).toContain('Undangan sedang dibuat');
    const invitation = (await newestRequest(sb))!;
    expect(invitation).toMatch(/^bimtek-undangan-[0-9a-f]{24}$/);
    const inv = await settled(sb, invitation);
    expect(inv).toHaveLength(1);
    expect(inv[0]).toMatchObject({ status: 'ready', error: null });
    expect(inv[0]!.title).toContain('Undangan');
    expect(inv[0]!.links[0]).toMatchObject({ text: 'Buka dokumen' });
    expect(inv[0]!.links[0]!.href).toMatch(/\.docx$/);
    // The API recorded what the sidebar sent: the time as the letter writes it.
    const [made] = await h.s.app.programme!.programmes.documentEntries('babel', [invitation]);
    expect(JSON.stringify(made?.context)).toContain('08.30');

    // A date the sidebar cannot read is named under its box, and nothing is sent.
    await page.locator('#session').selectOption('1');
    expect(await page.locator('#doc-daftar-hadir').textContent()).toBe('Buat daftar hadir sesi 1');
    await page.locator('#doc-tanggal').fill('31/02/2024');
    await page.locator('#doc-daftar-hadir').click();
    await expect.poll(() => page.locator('[data-field="tanggal"] .field-error').textContent()).toContain('Tanggal tidak terbaca');
    expect(await page.locator('#document-list > li').count()).toBe(1);
    await shotOf('[data-kind="daftar_hadir"]', 'tuan-rumah-tanggal-salah');

    await page.locator('#doc-tanggal').fill('');
    await page.locator('#doc-daftar-hadir').click();
    await expect.poll(() => page.locator('#document-list > li').count()).toBe(2);
    const list = (await newestRequest(sb))!;
    expect(list).toMatch(/^bimtek-hadir-[0-9a-f]{24}$/);
    expect(await page.locator(`#document-list li[data-request="${list}"] strong`).textContent()).toBe('Daftar hadir sesi 1');
    const dh = await settled(sb, list);
    expect(dh).toEqual([expect.objectContaining({ status: 'ready', links: [expect.objectContaining({ text: 'Buka dokumen' })] })]);
    await fitsSidebar(sb);
    await shotOf('#event-documents', 'tuan-rumah-siap');

    // Back later: both requests are listed from the API, newest first, ready.
    await page.locator('#back-programme').click();
    await page.locator('#event-list .card[data-event="babel-1"]').click();
    await expect.poll(() => page.locator('#document-list > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-request')))).toEqual([list, invitation]);
    expect(await page.locator('#document-list li[data-entry] a', { hasText: 'Buka dokumen' }).count()).toBe(2);
  }, 120_000);

  it('the owner makes one surat tugas per trainer assigned to the event', async () => {
    const assigned = await h.s.call('POST', `/v1/agencies/${OWNER_AGENCY}/programmes/${P}/trainers`, { as: ownerPanitia, body: { event: 'babel-1', trainers: ['pelatih-001', 'pelatih-002'] } });
    expect(assigned.status).toBe(200);
    const sb = await h.open('pemilik');
    const { page, shotOf } = sb;
    const select = page.locator('#preview-identity');
    await expect.poll(() => select.locator(`option[value="${ownerPanitia}"]`).count()).toBe(1);
    await Promise.all([page.waitForEvent('load'), select.selectOption(ownerPanitia)]);
    await expect.poll(() => page.locator('#who .who-agency').textContent()).toBe(OWNER.shortName);
    await openEvent(sb, 'babel-1');
    // The owner hosts no province here: the trainers' surat tugas is all it issues for this event.
    expect(await page.locator('#event-documents .doc-kind').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual(['surat_tugas_pelatih']);
    await page.locator('#doc-surat-tugas').click();
    await expect.poll(() => page.locator('#banner').textContent()).toContain('(2 dokumen)');
    const request = (await newestRequest(sb))!;
    expect(request).toMatch(/^bimtek-tugas-[0-9a-f]{24}$/);
    const docs = await settled(sb, request);
    expect(docs.map((d) => d.status)).toEqual(['ready', 'ready']);
    for (const d of docs) expect(d.links[0]).toMatchObject({ text: 'Buka dokumen' });
    expect(docs.map((d) => d.title).join(' ')).toMatch(/Surat Tugas Pelatih .+ Surat Tugas Pelatih /);
    await fitsSidebar(sb);
    await shotOf('#event-documents', 'pemilik-surat-tugas');
  }, 90_000);
});
