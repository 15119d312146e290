// The sidebar's "Bimtek" view in headless Chromium at 300 px against the local stack: a host
// agency (Bangka Belitung) with an event of 300 registrants reads them 100 at a time with "Muat
// lagi", ticks all 300 and marks a session in one press (the figures follow), sees a repeat counted
// as already marked, withdraws one after a confirmation, issues the certificates and starts their
// mailing; the mailing view's progress bar moves as the paced runner (createMailingRunner, driven
// here on the fake Gmail) sends, and says when it is done. The owner (Perpusnas) sees every
// province's event and the mailing per sending account. Screenshots: test-output/sidebar/bimtek/.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoPerson } from '../../functions/src/dev/dev-routes.ts';
import { createGmailSender } from '../../functions/src/mail/gmail.ts';
import type { Agency } from '../../functions/src/model/records.ts';
import { OWNER, OWNER_AGENCY, seedProgramme, smallProgramme } from '../../functions/src/programme/demo.ts';
import { createMailingRunner } from '../../functions/src/programme/mailing.ts';
import { registrationFormId } from '../../functions/src/programme/registration.ts';
import { fakeClients, startFakeGoogle, type FakeGoogle } from '../support/fake-google/index.ts';
import { AGENCY, sidebarHarness, type Sidebar } from './harness.ts';

const h = sidebarHarness('bimtek');
const P = 'spptikdemo';
const N = 300;
const babelPanitia = 'panitia@babel.demo.perpustakaan.id';
const ownerPanitia = `panitia@${OWNER_AGENCY}.demo.perpustakaan.id`;
let fake: FakeGoogle;
let mailingId = '';

beforeAll(async () => {
  const parts = h.s.app.programme!;
  // Bangka Belitung's first event holds 300: the sidebar must page and mark them all.
  await seedProgramme(h.s.app.store, parts.programmes, { ...smallProgramme(), quotas: { babel: { '1': 320, '2': 30 }, kalsel: { '1': 40 }, jateng: { '2': 60 } } });
  for (let i = 0; i < N; i++) {
    const r = await parts.registration.receive(OWNER_AGENCY, {
      formId: registrationFormId(P),
      responseId: `resp-babel-${i}`,
      submittedAt: new Date(Date.UTC(2024, 3, 1, 0, 0, i)).toISOString(),
      respondentEmail: null,
      answers: { nama: [`Peserta Babel ${String(i + 1).padStart(3, '0')}`], lembaga: [`TBM Cahaya ${i + 1}`], desa: ['Air Itam'], kecamatan: ['Bukit Intan'], kabupaten: ['Kota Pangkalpinang'], provinsi: ['babel'], telepon: [`0813${String(60_000_000 + i)}`], email: [`peserta${i}@desa.example.id`] },
    });
    expect(r.outcome).toBe('registered');
  }
  fake = await startFakeGoogle();
  // The owner's committee member, so the preview can act as them too.
  (h.s.people as DemoPerson[]).push({ agencyId: OWNER_AGENCY, email: ownerPanitia, role: 'panitia_bimtek', name: 'Rina Kusumawati' });
}, 240_000);
afterAll(async () => fake?.close());

const api = (path: string, as: string) => h.s.call('GET', `/v1/agencies/${as === ownerPanitia ? OWNER_AGENCY : AGENCY}/programmes/${P}${path}`, { as });

/** The sidebar's top `height` px from `selector` down (a 300-person list is too long for one picture to be read). */
async function shotFrom(sb: Sidebar, selector: string, name: string, height = 640): Promise<void> {
  const target = sb.page.locator(selector);
  await target.scrollIntoViewIfNeeded();
  const bar = (await sb.page.locator('#sidebar').boundingBox())!;
  const box = (await target.boundingBox())!;
  await sb.page.screenshot({ path: join('test-output/sidebar/bimtek', `${name}.png`), clip: { x: bar.x, y: Math.max(bar.y, box.y - 8), width: bar.width, height } });
}

async function openBimtek(sb: Sidebar): Promise<void> {
  const tab = sb.page.locator('#bimtek-tab');
  await expect.poll(() => tab.isVisible()).toBe(true);
  await tab.click();
  await sb.page.locator('#programme-name').waitFor();
}

describe('Bimtek in the sidebar (headless Chromium, 300 px)', () => {
  it('a host marks an event of 300 in bulk, withdraws one, issues certificates and follows the mailing to the end', async () => {
    const sb = await h.open('tuan-rumah');
    const { page, actAs, shot } = sb;
    await actAs('kabid_perpustakaan');
    await openBimtek(sb);
    const card = page.locator('#event-list .card[data-event="babel-1"]');
    await expect.poll(() => card.locator('[data-fig="taken"]').textContent()).toBe('300 / 320');
    // A host sees its own province's events only.
    expect(await page.locator('#event-list .card').evaluateAll((els) => els.map((e) => e.getAttribute('data-event')))).toEqual(['babel-1', 'babel-2']);
    await shot('program');

    await card.click();
    const rows = page.locator('#participant-list li');
    await expect.poll(() => rows.count()).toBe(100);
    const status = page.locator('#participant-status');
    expect(await status.textContent()).toContain('100 dari 300 peserta');
    await page.locator('#participant-more').click();
    await expect.poll(() => rows.count()).toBe(200);
    await page.locator('#participant-more').click();
    await expect.poll(() => rows.count()).toBe(300);
    expect(await page.locator('#participant-more').isVisible()).toBe(false);
    expect(await status.textContent()).toBe('300 peserta terdaftar.');
    await page.locator('#select-all').check();
    await expect.poll(() => page.locator('#selected-count').textContent()).toBe('300 dipilih');
    expect(await page.locator('#mark-attendance').textContent()).toBe('Tandai hadir sesi 1 (300)');
    await shotFrom(sb, '#event-name', 'daftar-1-pilih-semua');
    await shotFrom(sb, '#mark-attendance', 'daftar-2-tombol-hadir', 300);

    await page.locator('#mark-attendance').click();
    await expect.poll(() => page.locator('#attendance-result').textContent()).toBe('Sesi 1: 300 ditandai hadir, 0 sudah tercatat, 0 ditolak.');
    await expect.poll(() => page.locator('#event-figures [data-fig="attended"]').textContent()).toBe('300');
    expect(await page.locator('#selected-count').textContent()).toBe('0 dipilih');
    expect(await page.locator('#participant-list .person.is-here').count()).toBe(300);
    const summary = await api('', babelPanitia);
    expect(summary.body.events.find((e: { id: string }) => e.id === 'babel-1').attendedAny).toBe(300);
    await shotFrom(sb, '#event-name', 'daftar-3-hadir');

    // The same three again: counted as already marked, nothing doubled.
    for (const i of [0, 1, 2]) await rows.nth(i).locator('input[type="checkbox"]').check();
    await expect.poll(() => page.locator('#selected-count').textContent()).toBe('3 dipilih');
    await page.locator('#mark-attendance').click();
    await expect.poll(() => page.locator('#attendance-result').textContent()).toBe('Sesi 1: 0 ditandai hadir, 3 sudah tercatat, 0 ditolak.');

    // Withdraw the first participant, after saying yes.
    const firstId = await rows.first().getAttribute('data-participant');
    await rows.first().locator('button.withdraw').click();
    await shotFrom(sb, '#participant-list', 'daftar-4-undurkan-konfirmasi', 300);
    await rows.first().locator('[data-confirm="withdraw"]').click();
    await expect.poll(() => page.locator('#banner').textContent()).toContain('Peserta Babel 001 mengundurkan diri.');
    await expect.poll(() => rows.count()).toBe(299);
    expect(await status.textContent()).toBe('299 peserta terdaftar.');
    await expect.poll(() => page.locator('#event-figures [data-fig="taken"]').textContent()).toBe('299 / 320');
    expect((await h.s.app.programme!.programmes.participant(P, firstId!))?.status).toBe('withdrawn');

    // Twenty complete (sessions 2-4 bring them to 24 of 30 JP, the 80 % rule), marked through the API.
    const listed = await api('/participants?event=babel-1&limit=20', babelPanitia);
    const twenty: string[] = listed.body.participants.map((x: { id: string }) => x.id);
    for (const session of [2, 3, 4]) {
      const r = await h.s.call('POST', `/v1/agencies/${AGENCY}/programmes/${P}/attendance`, { as: babelPanitia, body: { event: 'babel-1', session, participants: twenty } });
      expect(r.body.marked).toBe(20);
    }
    await page.locator('#issue-certificates').click();
    await expect.poll(() => page.locator('#banner').textContent()).toBe('20 sertifikat diterbitkan.');
    await expect.poll(() => page.locator('#event-figures [data-fig="certificates"]').textContent()).toBe('20');
    expect(await page.locator('#event-figures [data-fig="completed"]').textContent()).toBe('20');

    await page.locator('#send-certificates').click();
    await expect.poll(() => page.locator('#mailing-sent').textContent()).toBe('0 dari 20 terkirim (0%)');
    expect(await page.locator('#mailing-figures [data-fig="queued"]').textContent()).toBe('20');
    expect(await page.locator('#mailing-figures [data-fig="finish"]').textContent()).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}\.\d{2} WIB$/);
    expect(await page.locator('#mailing-bar').getAttribute('aria-valuenow')).toBe('0');
    await shot('kirim-antre');
    const mailings = await api('/mailings', babelPanitia);
    expect(mailings.body.mailings).toHaveLength(1);
    mailingId = mailings.body.mailings[0].id;

    // The paced runner on the fake Gmail: one tick sends what is due now (one message per account).
    const clients = fakeClients(fake);
    let virtual = Date.now();
    const runner = createMailingRunner(P, mailingId, {
      programmes: h.s.app.programme!.programmes,
      agency: (id) => h.s.app.store.agency(id),
      senderFor: (a: Agency) => createGmailSender({ gmail: clients.gmail, userId: a.mail!.fromAddress, timeoutMs: 10_000 }),
      clock: () => new Date(virtual),
    });
    const first = await runner.tick(new Date(virtual));
    expect(first.sent).toBe(1);
    // The open view reads the progress again by itself.
    await expect.poll(() => page.locator('#mailing-sent').textContent(), { timeout: 30_000 }).toBe('1 dari 20 terkirim (5%)');
    expect(await page.locator('#mailing-bar').getAttribute('aria-valuenow')).toBe('1');
    await shot('kirim-berjalan');
    for (let r = first; r.nextAt; ) {
      virtual = r.nextAt.getTime();
      r = await runner.tick(new Date(virtual));
    }
    expect(fake.sent.filter((m) => m.userId === 'surat@babel.demo.perpustakaan.id')).toHaveLength(20);
    await expect.poll(() => page.locator('#mailing-sent').textContent(), { timeout: 30_000 }).toBe('20 dari 20 terkirim (100%)');
    expect(await page.locator('#mailing-figures [data-fig="finish"]').textContent()).toBe('Selesai');
    expect(await page.locator('#mailing-stamp').textContent()).toContain('Tidak ada lagi yang antre');
    await shot('kirim-selesai');

    // Back on the programme: the mailing is listed as done.
    await page.locator('#back-programme').click();
    const m = page.locator(`#mailing-list .card[data-mailing="${mailingId}"]`);
    await expect.poll(() => m.textContent()).toContain('20 dari 20 terkirim');
    expect(await m.textContent()).toContain('Selesai');
    await shot('program-sesudah');

    // The invitations of the same event: one e-mail per registered participant, queued on the host's account.
    await page.locator('#event-list .card[data-event="babel-1"]').click();
    await page.locator('#send-invitations').click();
    await expect.poll(() => page.locator('#banner').textContent()).toMatch(/^Pengiriman dimulai: \d+ e-mail undangan diantrekan\.$/);
    const invited = Number(/(\d+) e-mail/.exec((await page.locator('#banner').textContent()) ?? '')![1]);
    const registered = await api('/participants?event=babel-1&status=registered&limit=1', babelPanitia);
    expect(invited).toBe(registered.body.total);
    await expect.poll(() => page.locator('#mailing-sent').textContent()).toBe(`0 dari ${invited} terkirim (0%)`);
  }, 180_000);

  it('the owner sees every province\'s event and the mailing per sending account', async () => {
    expect(mailingId).not.toBe('');
    const sb = await h.open('pemilik');
    const { page, shot } = sb;
    const select = page.locator('#preview-identity');
    await expect.poll(() => select.locator(`option[value="${ownerPanitia}"]`).count()).toBe(1);
    await Promise.all([page.waitForEvent('load'), select.selectOption(ownerPanitia)]);
    await expect.poll(() => page.locator('#who .who-agency').textContent()).toBe(OWNER.shortName);
    await openBimtek(sb);
    expect(await page.locator('#event-list .card').evaluateAll((els) => els.map((e) => e.getAttribute('data-event')))).toEqual(['babel-1', 'babel-2', 'kalsel-1', 'jateng-2']);
    expect(await page.locator('#programme-counts').textContent()).toBe('299 terdaftar · 0 menunggu · 1 mundur');
    await shot('pemilik-program');
    // The report sheet from the programme view: the owner's rows are every event's province and wave.
    await page.locator('#write-report').click();
    await expect.poll(() => page.locator('#banner').textContent()).toContain('Sheet "Laporan Bimtek');
    expect(await page.locator('#banner').textContent()).toMatch(/diperbarui: \d+ baris provinsi dan gelombang/);
    await page.locator(`#mailing-list .card[data-mailing="${mailingId}"]`).click();
    const sender = page.locator('#mailing-senders li[data-sender="babel"]');
    await expect.poll(() => sender.textContent()).toContain('Kepulauan Bangka Belitung');
    expect(await sender.textContent()).toContain('20 / 20');
    await shot('pemilik-pengiriman');
  }, 90_000);
});
