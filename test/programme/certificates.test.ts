// Certificates end to end through the API: attendance marked in bulk by the host's staff (and
// refused for another province), the completion rule deciding who gets one, numbers from the
// register without gaps or repeats, the public verification page valid for a real number and
// invalid for an altered or forged one; a participant's check-in link. Then 10,000 certificates
// rendered locally with pdf-lib: no duplicate number, file or QR code, every QR code resolving to
// a valid verification (a sample decoded from the rendered pixels), rendering deterministic.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jsqrModule from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Certificate, Programme } from '../../functions/src/model/programme.ts';
import { createCertificateRenderer, defaultTemplatePdf } from '../../functions/src/programme/certificates.ts';
import { OWNER_AGENCY, seedProgramme, smallProgramme } from '../../functions/src/programme/demo.ts';
import { registrationFormId } from '../../functions/src/programme/registration.ts';
import { certificateNumber } from '../../functions/src/programme/tokens.ts';
import { startStack, type Stack } from '../support/stack.ts';

const run = promisify(execFile);
type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
// jsqr is CommonJS with a default export: the callable is `.default` or the module itself.
const jsQR = ((jsqrModule as unknown as { default?: Decode }).default ?? jsqrModule) as unknown as Decode;
let s: Stack;
let p: Programme;
const babel = 'panitia@babel.demo.perpustakaan.id';
const kalsel = 'panitia@dispusip-kalsel.demo.perpustakaan.id';

beforeAll(async () => {
  s = await startStack();
  const parts = s.app.programme!;
  await seedProgramme(s.app.store, parts.programmes, smallProgramme());
  p = (await parts.programmes.programme('spptikdemo'))!;
}, 60_000);
afterAll(async () => s?.close());

async function registerMany(n: number, province: string): Promise<string[]> {
  const reg = s.app.programme!.registration;
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await reg.receive(OWNER_AGENCY, {
      formId: registrationFormId(p.id),
      responseId: `resp-${province}-${i}`,
      submittedAt: new Date().toISOString(),
      respondentEmail: null,
      answers: { nama: [`Peserta ${province} ${i}`], lembaga: [`TBM Cahaya ${i}`], desa: ['Air Itam'], kecamatan: ['Bukit Intan'], kabupaten: ['Kota Pangkalpinang'], provinsi: [province], telepon: [`0813${String(30_000_000 + i)}`], email: [`p${province}${i}@desa.example.id`] },
    });
    expect(r.outcome).toBe('registered');
    ids.push(r.participantId!);
  }
  return ids;
}

it('attendance, completion, certificate numbers and the verification page through the API', { timeout: 120_000 }, async () => {
  const ids = await registerMany(20, 'babel');
  const mark = (as: string, session: number, participants: string[]) => s.call('POST', `/v1/agencies/${as.split('@')[1]!.split('.')[0]}/programmes/${p.id}/attendance`, { as, body: { event: 'babel-1', session, participants } });
  // 15 attend all five sessions; 5 only the first two (14 of 30 JP: under the 80 % rule).
  for (const session of [1, 2]) expect((await mark(babel, session, ids)).body).toMatchObject({ marked: 20, already: 0, refused: [] });
  for (const session of [3, 4, 5]) expect((await mark(babel, session, ids.slice(0, 15))).body.marked).toBe(15);
  expect((await mark(babel, 1, ids)).body).toMatchObject({ marked: 0, already: 20 });
  // Another province's staff cannot touch Bangka Belitung's event; an unknown session is named.
  const refused = await mark(kalsel, 1, ids);
  expect(refused.status).toBe(400);
  expect(refused.body.error.path).toBe('event');
  expect((await mark(babel, 9, ids)).body.error.path).toBe('session');
  // The host lists only its own participants.
  const listed = await s.call('GET', `/v1/agencies/dispusip-kalsel/programmes/${p.id}/participants`, { as: kalsel });
  expect(listed.status).toBe(200);
  expect(listed.body.participants).toEqual([]);

  const issue = () => s.call('POST', `/v1/agencies/babel/programmes/${p.id}/certificates`, { as: babel, body: { event: 'babel-1' } });
  const first = await issue();
  expect(first.status).toBe(200);
  expect(first.body.issued).toBe(15);
  expect(first.body.numbers.map((n: string) => Number(n.split('-')[1]))).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
  expect((await issue()).body.issued).toBe(0);

  const number: string = first.body.numbers[0];
  const page = await fetch(`${s.url}/v/${number}`);
  const html = await page.text();
  expect(page.status).toBe(200);
  expect(html).toContain('SAH');
  expect(html).toContain('Peserta babel 0');
  expect(html).toContain(p.name);
  expect(html).toContain('22 Mei 2024');
  expect(html).not.toContain('desa.example.id');
  expect(html).not.toContain('0813');
  const altered = number.replace(/-(\d{6})-/, (_, d: string) => `-${String(Number(d) + 1).padStart(6, '0')}-`);
  for (const bad of [altered, number.slice(0, -1) + (number.endsWith('A') ? 'B' : 'A'), `${p.certificatePrefix}-999999-ABCD`, 'bukan-nomor', 'SPPTIK24-000001-ABCD%00']) {
    const r = await fetch(`${s.url}/v/${bad}`);
    expect(r.status, bad).toBe(404);
    expect(await r.text()).toContain('TIDAK SAH');
  }
  // A valid-looking number whose check characters are ours but which was never issued.
  const unissued = certificateNumber(s.app.programme!.tokens, p.certificatePrefix, 9_999);
  expect((await fetch(`${s.url}/v/${unissued}`)).status).toBe(404);

  // Check-in through a participant's own signed link (one session, once).
  const link = s.app.programme!.service.checkInUrl(p, ids[19]!, 3).replace('https://api.example.test', s.url);
  expect((await (await fetch(link)).text())).toContain('Saya hadir');
  const post = await fetch(link, { method: 'POST' });
  expect(post.status).toBe(200);
  expect(await post.text()).toContain('tercatat');
  expect((await s.app.programme!.programmes.participant(p.id, ids[19]!))!.attendance['3']?.via).toBe('tautan');
  expect((await fetch(link.slice(0, -2) + 'xx')).status).toBe(404);
});

it('10,000 certificates rendered locally: no duplicates, every QR code verifies, deterministic', { timeout: 600_000 }, async () => {
  const tokens = s.app.programme!.tokens;
  const N = 10_000;
  const certs: Certificate[] = Array.from({ length: N }, (_, i) => ({
    number: certificateNumber(tokens, 'SPPTIK24', i + 1),
    programmeId: p.id,
    programmeName: p.name,
    participantId: `peserta${String(i).padStart(6, '0')}`,
    hostAgencyId: 'babel',
    name: i % 97 === 0 ? `Ṡiti Nur’aini Āmalia ${i}` : `Peserta Nomor ${i}`,
    library: `TBM Pelangi Desa ${i}`,
    eventId: 'babel-1',
    eventLabel: 'Gelombang 1, Kepulauan Bangka Belitung (luring)',
    start: '2024-05-19',
    end: '2024-05-22',
    jp: 30,
    date: '2024-05-22',
    issuedAt: new Date().toISOString(),
    revoked: false,
  }));
  const writer = s.db.bulkWriter();
  for (const c of certs) void writer.set(s.db.collection('certificates').doc(c.number), c);
  await writer.close();

  const renderer = await createCertificateRenderer({ template: await defaultTemplatePdf(p), programme: p, verifyUrl: (n) => `${s.url}/v/${n}` });
  const hashes = new Set<string>();
  const qrs = new Set<string>();
  const sample: { bytes: Uint8Array; qr: string }[] = [];
  const started = Date.now();
  for (const [i, c] of certs.entries()) {
    const out = await renderer.render(c);
    hashes.add(createHash('sha256').update(out.bytes).digest('hex'));
    qrs.add(out.qr);
    if (i % 1_000 === 7) sample.push(out);
  }
  const elapsed = Date.now() - started;
  expect(new Set(certs.map((c) => c.number)).size).toBe(N);
  expect(hashes.size).toBe(N);
  expect(qrs.size).toBe(N);
  // The same certificate renders to the same bytes: it can be made again for each e-mail.
  const again = await renderer.render(certs[7]!);
  expect(Buffer.from(again.bytes).equals(Buffer.from(sample[0]!.bytes))).toBe(true);

  // Every QR code's address is a valid verification (the register, read as the page reads it).
  const pages = s.app.programme!.pages;
  let valid = 0;
  const list = [...qrs];
  await Promise.all(Array.from({ length: 32 }, async (_, w) => {
    for (let i = w; i < list.length; i += 32) if ((await pages.verify(decodeURIComponent(list[i]!.split('/v/')[1]!))).valid) valid++;
  }));
  expect(valid).toBe(N);

  // A sample decoded from the printed page's pixels, then opened as a phone would.
  const dir = await mkdtemp(join(tmpdir(), 'sertifikat-'));
  try {
    for (const [i, out] of sample.entries()) {
      await writeFile(join(dir, `${i}.pdf`), out.bytes);
      await run('pdftoppm', ['-r', '150', '-png', '-singlefile', join(dir, `${i}.pdf`), join(dir, `${i}`)]);
      const png = PNG.sync.read(await readFile(join(dir, `${i}.png`)));
      const code = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
      expect(code?.data).toBe(out.qr);
      const r = await fetch(code!.data);
      expect(r.status).toBe(200);
      expect(await r.text()).toContain('SAH');
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  console.log(`certificates: ${N} rendered in ${elapsed} ms (${(elapsed / N).toFixed(2)} ms each on average)`);
});
