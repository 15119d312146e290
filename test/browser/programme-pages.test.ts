// The Bimtek programme's public pages as a participant sees them on a 360 px phone: certificate
// verification (valid and forged), the registration status page with its withdraw button, and the
// check-in page (button, then confirmed). Each page must fit the phone (nothing wider than the
// screen), keep text readable without zooming, have no two boxes overlapping and buttons big
// enough for a thumb; and the buttons must do what they say in Firestore.
// Screenshots: test-output/sidebar/bimtek/.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Participant, Programme } from '../../functions/src/model/programme.ts';
import { smallProgramme } from '../../functions/src/programme/demo.ts';
import { demoAttendance, demoResponses, registerAll, seedProgrammeDemo } from '../../functions/src/programme/demo-seed.ts';
import { eventById } from '../../functions/src/programme/events.ts';
import { registrationFormId } from '../../functions/src/programme/registration.ts';
import { sidebarHarness } from './harness.ts';

const h = sidebarHarness('bimtek');
let p: Programme;
/** The worst case for the layout: a long name and a long library name, registered through the form's service. */
let longName: Participant;
let certificate: string;

const LONG = { nama: 'Raden Ayu Siti Nurhaliza Kusumawardhani Purbaningrum', lembaga: 'Taman Bacaan Masyarakat Cahaya Ilmu Pengetahuan Desa Tanjung Harapan Jaya' };

beforeAll(async () => {
  const pp = h.s.app.programme!;
  const seeded = await seedProgrammeDemo({ setup: h.s.app.store, programmes: pp.programmes, registration: pp.registration }, smallProgramme(), { trainers: 12, participants: 0 });
  p = seeded.programme;
  // The long name registers first (a place in babel-1), then 200 more for 170 places: Bangka
  // Belitung gets a waiting list, so a withdrawal there promotes someone.
  const r = await pp.registration.receive('perpusnas', {
    formId: registrationFormId(p.id),
    responseId: 'panjang-1',
    submittedAt: new Date().toISOString(),
    respondentEmail: null,
    answers: { ...Object.fromEntries(Object.entries(LONG).map(([k, v]) => [k, [v]])), desa: ['Tanjung Harapan Jaya'], kecamatan: ['Kecamatan Merawang'], kabupaten: ['Kabupaten Bangka'], provinsi: ['babel'], telepon: ['0812 9999 0001'], email: ['siti.nurhaliza@tbm-cahaya.example.org'] },
  });
  expect(r.outcome).toBe('registered');
  longName = (await pp.programmes.participant(p.id, r.participantId!))!;
  await registerAll(pp.registration, demoResponses(p, 200, { spread: 'quota' }).responses);
  await demoAttendance(pp.programmes, p, 'babel-1', 3, 'panitia@babel.demo.perpustakaan.id');
  // A certificate for a babel-1 participant who attended all five sessions.
  const first = (await pp.programmes.participants(p.id, { eventId: 'babel-1', status: 'registered' })).filter((x) => x.id !== longName.id).sort((a, b) => a.id.localeCompare(b.id))[0]!;
  for (const s of [1, 2, 3, 4, 5]) await pp.programmes.markAttendance(p.id, 'babel-1', [first.id], s, { at: new Date().toISOString(), via: 'petugas', by: 'uji' });
  certificate = (await pp.service.issue(p, eventById(p, 'babel-1')!)).certificates.find((c) => c.participantId === first.id)!.number;
}, 120_000);

/** Fits a 360 px screen, text at least 14 px, no two boxes overlapping, every button at least 44 px high and 120 px wide, links 44 px high. */
async function fitsPhone(page: Page): Promise<void> {
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
  const smallest = await page.evaluate<number>('Math.min(...[...document.querySelectorAll("body *")].filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())).map((e) => parseFloat(getComputedStyle(e).fontSize)))');
  expect(smallest).toBeGreaterThanOrEqual(14);
  const overlaps = await page.evaluate<string[]>(`(() => {
    const boxes = [...document.querySelectorAll('h1, p, dt, dd, button')].map((e) => ({ e, r: e.getBoundingClientRect() }));
    const out = [];
    for (const a of boxes) for (const b of boxes) {
      if (a === b || a.e.contains(b.e) || b.e.contains(a.e) || a.e.compareDocumentPosition(b.e) & Node.DOCUMENT_POSITION_PRECEDING) continue;
      const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
      const hh = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
      if (w > 1 && hh > 1) out.push(a.e.tagName + ' "' + a.e.textContent.slice(0, 30) + '" / ' + b.e.tagName + ' "' + b.e.textContent.slice(0, 30) + '"');
    }
    return out;
  })()`);
  expect(overlaps).toEqual([]);
  for (const a of await page.locator('a').all()) expect((await a.boundingBox())!.height, (await a.textContent()) ?? '').toBeGreaterThanOrEqual(44);
  for (const b of await page.locator('button').all()) {
    const box = (await b.boundingBox())!;
    expect(box.height, await b.textContent() ?? '').toBeGreaterThanOrEqual(44);
    expect(box.width).toBeGreaterThanOrEqual(120);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
  }
}

const rows = async (page: Page) => Object.fromEntries(await Promise.all((await page.locator('dt').all()).map(async (dt) => [await dt.textContent(), await dt.locator('xpath=following-sibling::dd[1]').textContent()])));

describe('Bimtek public pages on a 360 px phone', () => {
  it('/v/<number>: a valid certificate says SAH with name, programme and date; a forged number says TIDAK SAH (404)', async () => {
    const { page, response, shot } = await h.phone('verifikasi-sah', `/v/${certificate}`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('.ok').textContent()).toBe('SAH');
    const r = await rows(page);
    expect(r.Nomor).toBe(certificate);
    expect(r.Program).toBe(p.name);
    expect(r.Tanggal).toBe('22 Mei 2024');
    await fitsPhone(page);
    await shot('sah');

    const forged = `${certificate.slice(0, -4)}${certificate.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    const bad = await h.phone('verifikasi-palsu', `/v/${forged}`);
    expect(bad.response?.status()).toBe(404);
    expect(await bad.page.locator('.no').textContent()).toBe('TIDAK SAH');
    expect(await bad.page.locator('body').textContent()).not.toContain(r.Nama);
    await fitsPhone(bad.page);
    await bad.shot('tidak-sah');
  }, 60_000);

  it('/r/<token>: the registration with a withdraw button; it asks first, then withdraws and moves the first waiting registrant up', async () => {
    const pp = h.s.app.programme!;
    const waitingBefore = (await pp.programmes.participants(p.id, { status: 'waiting' })).filter((x) => x.province === 'babel').sort((a, b) => a.waitSeq! - b.waitSeq!);
    expect(waitingBefore.length).toBeGreaterThan(0);
    const path = new URL(pp.registration.statusUrl(p, longName.id, new Date())).pathname;
    const { page, response, shot } = await h.phone('status', path);
    expect(response?.status()).toBe(200);
    const r = await rows(page);
    expect(r.Nama).toBe(LONG.nama);
    expect(r['Perpustakaan/TBM']).toBe(LONG.lembaga);
    expect(r.Status).toBe('Terdaftar sebagai peserta');
    expect(r.Kegiatan).toBe('Gelombang 1, Kepulauan Bangka Belitung (luring)');
    expect(r.Tempat).toBe('Swiss-Belhotel Pangkalpinang');
    const button = page.getByRole('button', { name: 'Saya mengundurkan diri' });
    await fitsPhone(page);
    await shot('terdaftar');

    // One press only asks; "Batal" goes back with nothing changed.
    await Promise.all([page.waitForEvent('load'), button.click()]);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Mengundurkan diri?');
    expect(await page.locator('body').textContent()).toContain('Tempat Anda diberikan kepada pendaftar pertama di daftar tunggu. Pengunduran diri tidak dapat dibatalkan.');
    await fitsPhone(page);
    await shot('yakin');
    expect((await pp.programmes.participant(p.id, longName.id))!.status).toBe('registered');
    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'Batal, kembali ke status pendaftaran' }).click()]);
    await expect.poll(async () => (await rows(page)).Status).toBe('Terdaftar sebagai peserta');
    expect((await pp.programmes.participant(p.id, longName.id))!.status).toBe('registered');

    await Promise.all([page.waitForEvent('load'), button.click()]);
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Ya, saya mengundurkan diri' }).click()]);
    await expect.poll(() => page.locator('.ok').textContent()).toBe('Pengunduran diri Anda telah dicatat.');
    expect((await rows(page)).Status).toBe('Mengundurkan diri');
    expect(await page.locator('button').count()).toBe(0);
    await fitsPhone(page);
    await shot('mengundurkan-diri');
    expect((await pp.programmes.participant(p.id, longName.id))!.status).toBe('withdrawn');
    const promoted = (await pp.programmes.participant(p.id, waitingBefore[0]!.id))!;
    expect(promoted.status).toBe('registered');
    expect(promoted.eventId).toBe('babel-1');

    // Someone still waiting sees their current place on the list (one moved up ahead of them), with the button to leave it.
    const waiting = waitingBefore[2]!;
    const w = await h.phone('status-tunggu', new URL(pp.registration.statusUrl(p, waiting.id, new Date())).pathname);
    expect((await rows(w.page)).Status).toBe('Daftar tunggu nomor 2');
    expect(await w.page.locator('form p').textContent()).toMatch(/^Tidak jadi ikut\? Keluar dari daftar tunggu/);
    expect(await w.page.getByRole('button', { name: 'Saya mengundurkan diri' }).count()).toBe(1);
    await fitsPhone(w.page);
    await w.shot('daftar-tunggu');
  }, 60_000);

  it('/h/<token>: one button "Saya hadir"; pressing it records the session once, and the link then says it is recorded', async () => {
    const pp = h.s.app.programme!;
    const pt = (await pp.programmes.participants(p.id, { eventId: 'babel-1', status: 'registered' })).find((x) => !x.attendance['4'])!;
    const path = new URL(pp.service.checkInUrl(p, pt.id, 4)).pathname;
    const { page, response, shot } = await h.phone('presensi', path);
    expect(response?.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toBe('Presensi sesi 4');
    expect((await rows(page)).Nama).toBe(pt.name);
    await fitsPhone(page);
    await shot('tombol-hadir');

    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Saya hadir' }).click()]);
    await expect.poll(() => page.locator('.ok').textContent()).toBe('Kehadiran Anda tercatat. Terima kasih.');
    await fitsPhone(page);
    await shot('tercatat');
    expect((await pp.programmes.participant(p.id, pt.id))!.attendance['4']).toMatchObject({ via: 'tautan', by: pt.id });

    const again = await h.phone('presensi-lagi', path);
    expect(await again.page.locator('.ok').textContent()).toBe('Kehadiran Anda sudah tercatat.');
    expect(await again.page.locator('button').count()).toBe(0);
    await again.shot('sudah-tercatat');
  }, 60_000);
});
