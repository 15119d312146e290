// Partner forms as staff and partners see them, in headless Chromium (see ./harness.ts), at babel:
// the front office opens "Kiriman mitra", finds a rejected Kunjungan request with its reasons under
// the questions, corrects the answers and turns it into a case; a case waiting on the partner's
// guest book offers its prefilled link to copy; the partner's status page on a 360 px phone.
// Screenshots go to test-output/sidebar/kiriman/.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEMO_AGENCIES } from '../../functions/src/dev/demo.ts';
import { sampleAnswers } from '../../functions/src/dev/sample-answers.ts';
import { fullInput, stepOf } from '../../functions/src/dev/sample-input.ts';
import { formById } from '../../functions/src/forms/index.ts';
import type { IncomingResponse } from '../../functions/src/forms/service.ts';
import { catalogById } from '../../functions/src/sop/catalog/index.ts';
import { AGENCY, sidebarHarness } from './harness.ts';

const h = sidebarHarness('kiriman');

function request(answers: Record<string, string[]>): IncomingResponse {
  return { formId: 'kunjungan_permohonan', responseId: `resp${randomUUID().replace(/-/g, '')}`, submittedAt: new Date().toISOString(), respondentEmail: null, answers };
}

/** A Kunjungan request as the SMP typed it, with its own contact. */
function answers(school: string, phone: string, change: Record<string, string[]> = {}) {
  return { ...sampleAnswers(formById('kunjungan_permohonan')!), instansi: [school], nama_kontak: ['Ibu Ratna Sari'], telepon: [phone], email: [`tu@${school.toLowerCase().replace(/\W+/g, '')}.example.org`], ...change };
}

/** Takes Kunjungan steps through the API as the demo staff of each (decisions "yes"). */
async function advance(caseId: string, steps: number[]) {
  for (const no of steps) {
    const st = stepOf(catalogById('kunjungan'), no);
    const decide = st.kind === 'decision';
    const r = await h.s.call('POST', `/v1/agencies/${AGENCY}/cases/${caseId}/actions`, { as: h.person(st.actors[0]!).email, body: { type: decide ? 'decide' : 'complete', step: no, ...(decide ? { decision: 'yes' } : {}), ...fullInput(st) } });
    expect(r.status, `step ${no}: ${JSON.stringify(r.body).slice(0, 300)}`).toBe(200);
  }
}

describe('Kiriman mitra and partner links (headless Chromium)', () => {
  it('the front office sees a rejected request with its reasons, corrects it and turns it into a case', async () => {
    const forms = h.s.app.forms!;
    const ok = answers('SMP Negeri 2 Pangkalpinang', '+62 812 7000 0002');
    const accepted = await forms.receive(AGENCY, request(ok));
    const held = await forms.receive(AGENCY, request(ok));
    const rejected = await forms.receive(AGENCY, request(answers('SMP Negeri 3 Pangkalpinang', '0812 7000 0003', { email: ['tu smpn3 di gmail'], jumlah: ['tiga puluh'] })));
    expect([accepted, held, rejected].map((r) => r.submission.status)).toEqual(['accepted', 'held', 'rejected']);
    const id = rejected.submission.id;

    const { page, actAs, shot, expectStep } = await h.open('kiriman');
    await actAs('front_office');
    await page.locator('#nav [data-nav="submissions"]').click();
    await page.locator('#view h2', { hasText: 'Kiriman mitra' }).waitFor();
    expect(await page.locator('#nav [data-nav="submissions"]').getAttribute('aria-current')).toBe('page');
    const card = page.locator(`#submission-list .card[data-submission="${id}"]`);
    await expect.poll(() => card.locator('.badge').textContent()).toBe('Ditolak');
    expect(await card.textContent()).toContain('Jawaban formulir tidak lengkap atau tidak valid');
    expect(await card.textContent()).toContain('Dari: SMP Negeri 3 Pangkalpinang0812 7000 0003 · tu smpn3 di gmail');
    expect(await page.locator(`#submission-list .card[data-submission="${held.submission.id}"] .badge`).textContent()).toBe('Ditahan');
    expect(await page.locator(`#submission-list .card[data-submission="${accepted.submission.id}"]`).textContent()).toContain(`Kasus: ${accepted.submission.caseNomor}`);
    // Newest first.
    expect(await page.locator('#submission-list .card').first().getAttribute('data-submission')).toBe(id);
    await shot('daftar-kiriman');

    await page.getByLabel('Tampilkan').selectOption('rejected');
    await expect.poll(() => page.locator('#submission-list .card').count()).toBe(1);
    await card.click();
    await page.locator('#submission-title').waitFor();
    expect(await page.locator('#submission-reason').textContent()).toContain('Tidak ada e-mail yang dikirim');
    const problem = (q: string) => page.locator(`[data-field="answers.${q}"] .field-error`);
    await expect.poll(() => problem('email').textContent()).toContain('bukan alamat e-mail yang valid');
    await expect.poll(() => problem('jumlah').textContent()).toContain('harus bilangan bulat');
    expect(await page.getByLabel('Alamat e-mail (tanda terima dikirim ke sini)').getAttribute('aria-invalid')).toBe('true');
    await shot('kiriman-ditolak-alasan');

    // Only the e-mail corrected: still refused, naming the count.
    await page.getByLabel('Alamat e-mail (tanda terima dikirim ke sini)').fill('tu.smpn3@example.org');
    await page.getByRole('button', { name: 'Jadikan kasus' }).click();
    await expect.poll(() => page.locator('.form-banner').textContent()).toContain('1 isian perlu diperbaiki');
    expect(await problem('jumlah').isVisible()).toBe(true);
    expect(await problem('email').isVisible()).toBe(false);
    await shot('koreksi-masih-salah');

    await page.getByLabel('Jumlah pengunjung', { exact: true }).fill('30');
    await page.getByRole('button', { name: 'Jadikan kasus' }).click();
    await expect.poll(() => page.locator('#banner').textContent()).toMatch(/Kasus KUNJUNGAN\/\d{4}\/\d{4} dibuka dari kiriman "Permohonan Kunjungan Resmi ke Perpustakaan"\. Kasus kini di langkah 2\./);
    await expectStep(2);
    const nomor = (await page.locator('#case-nomor').textContent())!.trim();
    expect(await page.locator('#timeline .event[data-seq="2"]').textContent()).toContain(h.person('front_office').name);
    await shot('kasus-dari-kiriman');

    // Back in the list, it reads handled; the API agrees.
    await page.locator('.back', { hasText: '← Kiriman mitra' }).click();
    await expect.poll(() => card.locator('.badge').textContent()).toBe('Sudah dijadikan kasus');
    expect(await card.textContent()).toContain(`Kasus: ${nomor}`);
    const sub = (await h.s.call('GET', `/v1/agencies/${AGENCY}/submissions/${id}`, { as: h.person('front_office').email })).body;
    expect(sub).toMatchObject({ handledBy: h.person('front_office').email, caseNomor: nomor, canOpenCase: false });
    await card.click();
    await expect.poll(() => page.locator('#submission-case').textContent()).toBe(nomor);
    expect(await page.locator('#submission-form').count()).toBe(0);
    expect(await page.locator('#submission-handled').textContent()).toContain(h.person('front_office').name);
    await shot('kiriman-sudah-ditangani');
  }, 90_000);

  it('a case waiting on the guest book offers the prefilled link to copy for WhatsApp', async () => {
    await h.s.app.store.putAgency(AGENCY, {
      ...DEMO_AGENCIES.babel,
      forms: { kunjungan_buku_tamu: { googleFormId: 'g-bt', responderUri: 'https://docs.google.com/forms/d/e/FAKE-buku-tamu/viewform', questionIds: { kode_kasus: '5e1f' }, version: 1 } },
    });
    const created = await h.s.call('POST', `/v1/agencies/${AGENCY}/cases`, { as: h.person('front_office').email, body: { sop: 'kunjungan', partner: { name: 'SMA Negeri 4 Pangkalpinang', phone: '0812 7000 0004' } } });
    expect(created.status).toBe(201);
    const { id: caseId, nomor } = created.body.state as { id: string; nomor: string };
    await advance(caseId, [1, 2, 3, 4, 5, 6, 7, 8]);

    const { page, actAs, shot, shotOf, openTask } = await h.open('tautan');
    await actAs('front_office');
    await openTask(nomor, 9);
    await expect.poll(() => page.locator('#partner-link').textContent()).toContain('"Buku Tamu Kunjungan Resmi"');
    await page.getByRole('button', { name: 'Buat tautan untuk mitra' }).click();
    const url = page.locator('#partner-link-url');
    await expect.poll(() => url.inputValue()).toMatch(/^https:\/\/docs\.google\.com\/forms\/d\/e\/FAKE-buku-tamu\/viewform\?usp=pp_url&entry\.24095=[\w-]+\.[\w-]{43}$/);
    await page.getByRole('button', { name: 'Salin tautan' }).click();
    await expect.poll(() => page.locator('#partner-link-out').textContent()).toMatch(/Tautan disalin|Ctrl\+C/);
    expect(await page.locator('#partner-link-out').textContent()).toContain('Berlaku sekali untuk langkah 9');
    await shotOf('#partner-link', 'tautan-formulir-mitra');
    await shot('kasus-langkah-9');
  }, 90_000);

  it("the partner's status page on a 360 px phone, and a tampered link", async () => {
    const r = await h.s.app.forms!.receive(AGENCY, request(answers('SD Negeri 9 Pangkalpinang', '+62 812 7000 0009')));
    expect(r.submission.status).toBe('accepted');
    await advance(r.submission.caseId!, [2, 3]);
    const mail = (await h.s.db.doc(`agencies/${AGENCY}/outbox/${r.submission.caseId}-tanda_terima-${r.submission.responseId}`).get()).data()!;
    const path = /https:\/\/api\.example\.test(\/p\/[\w.-]+)/.exec(mail.email.text)![1]!;

    const { page, response, shot } = await h.phone('status', path);
    expect(response?.status()).toBe(200);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Status permohonan');
    expect(await page.locator('dd').first().textContent()).toBe(r.submission.caseNomor);
    expect(await page.locator('li.done').count()).toBe(3);
    expect(await page.locator('li.current .mark').textContent()).toBe('Langkah 4');
    expect(await page.locator('li.current .what').textContent()).toMatch(/^Memeriksa jadwal/);
    expect(await page.locator('.box').textContent()).toMatch(/Target selesai langkah ini: \w+, \d{1,2} \w+ \d{4} \d{2}\.\d{2} WIB/);
    // Nothing wider than the phone, and text no smaller than 13 px.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    const smallest = await page.evaluate<number>('Math.min(...[...document.querySelectorAll("body *")].filter((e) => e.childNodes.length && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())).map((e) => parseFloat(getComputedStyle(e).fontSize)))');
    expect(smallest).toBeGreaterThanOrEqual(13);
    await shot('halaman-status-360');

    const tampered = await h.phone('status-palsu', `${path.slice(0, -3)}AAA`);
    expect(tampered.response?.status()).toBe(404);
    expect(await tampered.page.locator('h1').textContent()).toBe('Tautan tidak sah');
    await tampered.shot('tautan-tidak-sah-360');
  }, 60_000);
});
