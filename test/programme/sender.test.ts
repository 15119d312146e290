// The send loop that drives the paced mailings in production (the `send` function), on the real
// Firestore emulator and the fake Gmail (which refuses a send past its per-account limits):
// - two loops side by side over the same mailings, and a lease left by a crashed holder: every
//   message sent exactly once, each account paced by one runner at a time, the mailings closed;
// - invitation e-mails (`kind: "undangan"`): refused by name for a daring event without a meeting
//   link (nothing queued), scoped to the host's province, idempotent, and what they say;
// - certificates stamped on the owner's template Doc: 50 e-mailed, ONE Drive files.export, every
//   attachment a valid PDF with the participant's name on the template's page.
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MailMessage, Programme, ProgrammeInput, ProgrammeStore } from '../../functions/src/model/programme.ts';
import { createCertificateAttachments } from '../../functions/src/programme/certificate-files.ts';
import { rentang } from '../../functions/src/programme/events.ts';
import { OWNER_AGENCY, seedProgramme, smallProgramme } from '../../functions/src/programme/demo.ts';
import { createSendLoop, type SendRunResult } from '../../functions/src/programme/sender.ts';
import { fakeClients, gmailSendersOn, startFakeGoogle, type FakeGoogle, type SentMessage } from '../support/fake-google/index.ts';
import { pdfText } from '../support/pdf-pages.ts';
import { startStack, type Stack } from '../support/stack.ts';

const run = promisify(execFile);
let s: Stack;
let fake: FakeGoogle;
let programmes: ProgrammeStore;
// Fast limits so the test runs in seconds; the fake enforces the same ones.
const limits = { perMinute: 1_200, perDay: 2_000 };
const SPACING = 60_000 / limits.perMinute;

beforeAll(async () => {
  s = await startStack();
  fake = await startFakeGoogle();
  fake.gmail.setLimits(limits);
  programmes = s.app.programme!.programmes;
}, 120_000);
afterAll(async () => {
  await s?.close();
  await fake?.close();
});

function loop(instance: string, extra: { attachment?: ReturnType<typeof createCertificateAttachments> } = {}) {
  return createSendLoop({ programmes, agency: (id) => s.app.store.agency(id), senderFor: gmailSendersOn(fake), limits, instance, ...extra });
}

/** Runs `loop` (runs of `budgetMs`) until no mailing is open; polls briefly when it held no account. */
async function drain(l: ReturnType<typeof loop>, budgetMs: number, until = Date.now() + 120_000): Promise<SendRunResult[]> {
  const results: SendRunResult[] = [];
  while ((await programmes.openMailings()).length) {
    if (Date.now() > until) throw new Error('mailings still open after 120 s');
    const r = await l.run({ budgetMs });
    results.push(r);
    if (!r.accounts.held.length) await new Promise((res) => setTimeout(res, 50));
  }
  return results;
}

function queued(programmeId: string, mailingId: string, counts: Record<string, number>): MailMessage[] {
  return Object.entries(counts).flatMap(([agency, n]) =>
    Array.from({ length: n }, (_, seq) => ({ id: `${mailingId}${agency.replace(/[^a-z]/g, '')}${String(seq).padStart(4, '0')}`, mailingId, participantId: 'x', senderAgencyId: agency, to: `peserta${seq}@${agency}.example.id`, subject: `Uji ${programmeId}`, text: 'Isi.', certificate: null, seq, status: 'queued' as const, intentAt: null, sentAt: null, messageId: null, attempts: 0, lastError: null })),
  );
}

async function messagesOf(programmeId: string, mailingId: string): Promise<MailMessage[]> {
  const snap = await s.db.collection('programmes').doc(programmeId).collection('mailings').doc(mailingId).collection('messages').get();
  return snap.docs.map((d) => d.data() as MailMessage);
}

/** The parts of a MIME message, decoded (nodemailer: quoted-printable or base64). */
function mimeParts(raw: string): { type: string; body: Buffer }[] {
  const b = /boundary="?([^";\r\n]+)"?/i.exec(raw)?.[1];
  const chunks = b ? raw.split(`--${b}`).slice(1, -1) : [raw];
  return chunks.map((c) => {
    const i = c.indexOf('\r\n\r\n');
    const head = c.slice(0, i).replace(/\r\n[ \t]+/g, ' ');
    const body = c.slice(i + 4);
    const enc = /content-transfer-encoding:\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
    const type = /content-type:\s*([^;\r\n]+)/i.exec(head)?.[1]?.toLowerCase() ?? '';
    if (enc === 'base64') return { type, body: Buffer.from(body.replace(/\s+/g, ''), 'base64') };
    if (enc === 'quoted-printable') return { type, body: Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1') };
    return { type, body: Buffer.from(body, 'latin1') };
  });
}
const textOf = (m: SentMessage) => mimeParts(m.raw).find((p) => p.type === 'text/plain')!.body.toString('utf8');

let serial = 0;
async function register(p: Programme, province: string, mode: 'luring' | 'daring', n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = ++serial;
    const r = await programmes.register(
      p,
      { id: `uji-${k}`, receivedAt: new Date(Date.UTC(2024, 3, 1, 0, 0, k)).toISOString(), province, mode, name: `Peserta ${province} ${mode} ${k}`, library: `TBM Cahaya ${k}`, village: 'Air Itam', district: 'Bukit Intan', regency: 'Kota Pangkalpinang', phone: `0813${30_000_000 + k}`, phoneKey: `62813${30_000_000 + k}`, email: `p${k}@desa.example.id`, answers: {} },
      () => null,
    );
    expect(r.outcome).toBe('registered');
    ids.push(r.participant.id);
  }
  return ids;
}

it('two send loops side by side, and a crashed holder\'s lease: every message once, one runner per account, the limits kept', { timeout: 240_000 }, async () => {
  await seedProgramme(s.app.store, programmes, { ...smallProgramme(), id: 'kirimdua' });
  const counts1 = { babel: 40, 'dispusip-kalsel': 30, 'dispusip-jateng': 30 };
  const counts2 = { babel: 30 };
  const t0 = new Date().toISOString();
  await programmes.createMailing({ id: 'pertama', programmeId: 'kirimdua', kind: 'pengumuman', title: 'Uji 1', createdAt: t0, createdBy: 'uji', total: 100, senders: counts1 }, queued('kirimdua', 'pertama', counts1));
  await programmes.createMailing({ id: 'kedua', programmeId: 'kirimdua', kind: 'pengumuman', title: 'Uji 2', createdAt: t0, createdBy: 'uji', total: 30, senders: counts2 }, queued('kirimdua', 'kedua', counts2));
  expect((await programmes.openMailings()).map((m) => m.id).sort()).toEqual(['kedua', 'pertama']);
  // An instance died holding Central Java's account: nobody sends from it until the lease expires.
  expect(await programmes.acquireSendLease('dispusip-jateng', 'mati', Date.now() + 8_000, Date.now())).toBe(true);

  const [a, b] = await Promise.all([drain(loop('A'), 1_000), drain(loop('B'), 1_000)]);

  expect(a[0]!.accounts.busy).toContain('dispusip-jateng');
  expect(b[0]!.accounts.busy).toContain('dispusip-jateng');
  expect(fake.gmail.refused).toEqual([]);
  expect(fake.sent).toHaveLength(130);
  expect(new Set(fake.sent.map((m) => m.messageId)).size).toBe(130);
  // What the runs answered adds up to what went out: no message counted (or sent) by both loops.
  expect([...a, ...b].reduce((n, r) => n + r.sent, 0)).toBe(130);
  const all = [...(await messagesOf('kirimdua', 'pertama')), ...(await messagesOf('kirimdua', 'kedua'))];
  expect(all.every((m) => m.status === 'sent' && m.messageId && m.attempts === 1)).toBe(true);
  // One runner per account at a time: each account's send intents (both mailings) keep the spacing.
  for (const account of ['babel', 'dispusip-kalsel', 'dispusip-jateng']) {
    const times = all.filter((m) => m.senderAgencyId === account).map((m) => Date.parse(m.intentAt!)).sort((x, y) => x - y);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!, `${account} #${i}`).toBeGreaterThanOrEqual(SPACING);
  }
  expect(await programmes.openMailings()).toEqual([]);
  // Leases are given back at the end of each run.
  expect((await s.db.collection('sendLeases').get()).docs.filter((d) => d.get('holder') !== 'mati')).toEqual([]);
});

function withDaring(id: string, meetingUrl?: string): ProgrammeInput {
  const base = smallProgramme();
  return {
    ...base,
    id,
    waves: [...base.waves, { no: 3, mode: 'daring', start: '2024-06-24', end: '2024-06-27' }],
    quotas: { ...base.quotas, babel: { ...base.quotas.babel, '3': 100 }, kalsel: { ...base.quotas.kalsel, '3': 100 } },
    events: [...(base.events ?? []), ...(meetingUrl ? [{ province: 'babel', wave: 3, meetingUrl }] : [])],
    bring: ['Laptop dengan pengisi daya', 'Surat tugas dari desa'],
  };
}

it('invitations: refused by name without a meeting link, scoped to the host, idempotent, and what they say', { timeout: 240_000 }, async () => {
  fake.reset();
  fake.gmail.setLimits(limits);
  await seedProgramme(s.app.store, programmes, withDaring('undangan'));
  let p = (await programmes.programme('undangan'))!;
  const luring = await register(p, 'babel', 'luring', 6);
  await register(p, 'babel', 'daring', 4);
  await register(p, 'kalsel', 'luring', 3);
  const babel = 'panitia@babel.demo.perpustakaan.id';
  const kalsel = 'panitia@dispusip-kalsel.demo.perpustakaan.id';
  const owner = `panitia@${OWNER_AGENCY}.demo.perpustakaan.id`;
  const post = (agency: string, as: string, body: unknown, idem?: string) => s.call('POST', `/v1/agencies/${agency}/programmes/undangan/mailings`, { as, body, ...(idem ? { idem } : {}) });

  const refused = await post('babel', babel, { kind: 'undangan' });
  expect(refused.status).toBe(400);
  expect(refused.body.error.code).toBe('INVALID_INPUT');
  expect(refused.body.error.path).toBe('events[].meetingUrl');
  expect(refused.body.error.message).toMatch(/babel-3.*tautan pertemuan/);
  expect(await programmes.mailings('undangan')).toEqual([]);
  // Another province's event, and an unknown kind, are refused by the field.
  expect((await post('dispusip-kalsel', kalsel, { kind: 'undangan', event: 'babel-1' })).body.error.path).toBe('event');
  expect((await post('babel', babel, { kind: 'surat' })).body.error.path).toBe('kind');

  // One luring event: only its participants; the same key again is the same mailing.
  const one = await post('babel', babel, { kind: 'undangan', event: 'babel-1' }, 'undangan-babel-1');
  expect(one.status).toBe(201);
  expect(one.body).toMatchObject({ total: 6, created: true });
  const again = await post('babel', babel, { kind: 'undangan', event: 'babel-1' }, 'undangan-babel-1');
  expect(again.status).toBe(200);
  expect(again.body).toEqual({ ...one.body, created: false });

  // With the meeting link set, the host invites all its events; the owner everyone.
  await programmes.putProgramme(withDaring('undangan', 'https://meet.example.id/spptik-babel'), new Date().toISOString());
  p = (await programmes.programme('undangan'))!;
  const host = await post('babel', babel, { kind: 'undangan' });
  expect(host.status).toBe(201);
  expect(host.body.total).toBe(10);
  const all = await post(OWNER_AGENCY, owner, { kind: 'undangan' });
  expect(all.body.total).toBe(13);
  expect((await programmes.mailing('undangan', all.body.mailingId))!.senders).toEqual({ babel: 10, 'dispusip-kalsel': 3 });

  await drain(loop('U'), 2_000);
  expect(fake.sent).toHaveLength(6 + 10 + 13);
  expect(fake.gmail.refused).toEqual([]);
  const first = luring[0]!;
  const pt = (await programmes.participant('undangan', first))!;
  const mine = fake.sent.filter((m) => m.raw.includes(`To: ${pt.email}`));
  expect(mine).toHaveLength(3); // the event's, the host's and the owner's mailing
  const text = textOf(mine[0]!);
  expect(text).toContain(`Yth. ${pt.name},`);
  expect(text).toContain('Tempat   : Swiss-Belhotel Pangkalpinang');
  expect(text).toContain(`Tanggal  : ${rentang(p.waves[0]!.start, p.waves[0]!.end)}`);
  for (const x of p.sessions) expect(text).toContain(`${x.no}. ${x.title} (${x.jp} JP)`);
  for (const x of p.bring) expect(text).toContain(`- ${x}`);
  expect(text).not.toContain('meet.example.id');
  // The participant's own check-in link per session opens the check-in page for them.
  const links = [...text.matchAll(/Sesi (\d+): https:\/\/api\.example\.test(\/h\/\S+)/g)];
  expect(links.map((l) => Number(l[1]))).toEqual(p.sessions.map((x) => x.no));
  const page = await s.call('GET', links[2]![2]!);
  expect(page.status).toBe(200);
  expect(String(page.body)).toContain(pt.name);

  const daring = fake.sent.find((m) => textOf(m).includes('(daring)'))!;
  const dText = textOf(daring);
  expect(dText).toContain('Pertemuan: daring, melalui tautan https://meet.example.id/spptik-babel');
  expect(dText).not.toContain('Yang perlu dibawa');
  expect(dText).not.toContain('Tempat');
});

it('50 certificates on the owner\'s template Doc: one Drive export, every attachment a PDF with the name on the template', { timeout: 240_000 }, async () => {
  fake.reset();
  fake.gmail.setLimits(limits);
  fake.addTemplate('tpl-sertifikat-perpusnas', 'PERPUSTAKAAN NASIONAL REPUBLIK INDONESIA\nTemplat sertifikat pemilik program', 'Templat sertifikat');
  fake.documents.get('tpl-sertifikat-perpusnas')!.pageSize = { width: 841.89, height: 595.28 };
  const small = smallProgramme();
  await seedProgramme(s.app.store, programmes, { ...small, id: 'templat', certificatePrefix: 'TPL24', certificateTemplateDocId: 'tpl-sertifikat-perpusnas', quotas: { ...small.quotas, babel: { '1': 60 } } });
  const p = (await programmes.programme('templat'))!;
  const ids = await register(p, 'babel', 'luring', 50);
  for (const x of p.sessions) await programmes.markAttendance(p.id, 'babel-1', ids, x.no, { at: new Date().toISOString(), via: 'petugas', by: 'uji' });
  const babel = 'panitia@babel.demo.perpustakaan.id';
  const issued = await s.call('POST', `/v1/agencies/babel/programmes/templat/certificates`, { as: babel, body: { event: 'babel-1' } });
  expect(issued.body.issued).toBe(50);
  const mailing = await s.call('POST', `/v1/agencies/babel/programmes/templat/mailings`, { as: babel, body: { kind: 'sertifikat', event: 'babel-1' } });
  expect(mailing.body.total).toBe(50);

  const attachment = createCertificateAttachments({ programmes, drive: fakeClients(fake).drive, verifyUrl: (n) => `https://api.example.test/v/${n}` });
  await drain(loop('S', { attachment }), 5_000);
  expect(fake.sent).toHaveLength(50);
  expect(fake.requests.filter((r) => r.path.endsWith('/export'))).toHaveLength(1);
  expect(fake.requests.find((r) => r.path.endsWith('/export'))!.query['mimeType']).toBe('application/pdf');

  const people = new Map((await programmes.participants(p.id, {})).map((x) => [x.email!, x]));
  let sample: Buffer | null = null;
  for (const m of fake.sent) {
    const to = /^To: (.+)$/m.exec(m.raw)![1]!.trim();
    const person = people.get(to)!;
    const pdf = mimeParts(m.raw).find((x) => x.type === 'application/pdf')!.body;
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(1);
    const text = await pdfText(pdf);
    expect(text).toContain(person.name);
    expect(text).toContain(person.certificate!.number);
    expect(text).toContain('PERPUSTAKAAN NASIONAL REPUBLIK INDONESIA'); // the owner's template, not the built-in layout
    expect(text).not.toContain('diberikan kepada');
    sample ??= pdf;
  }
  // Without a template in the set-up the built-in layout is used, and Drive is not asked.
  await seedProgramme(s.app.store, programmes, { ...smallProgramme(), id: 'bawaan', certificatePrefix: 'BWN24' });
  const q = (await programmes.programme('bawaan'))!;
  const [one] = await register(q, 'babel', 'luring', 1);
  for (const x of q.sessions) await programmes.markAttendance(q.id, 'babel-1', [one!], x.no, { at: new Date().toISOString(), via: 'petugas', by: 'uji' });
  await s.call('POST', `/v1/agencies/babel/programmes/bawaan/certificates`, { as: babel, body: { event: 'babel-1' } });
  const cert = (await programmes.certificates('bawaan'))[0]!;
  const builtIn = await attachment('bawaan', cert.number);
  expect(await pdfText(builtIn.content)).toContain('diberikan kepada');
  expect(fake.requests.filter((r) => r.path.endsWith('/export'))).toHaveLength(1);

  // For people to look at: the first certificate as a PNG.
  const dir = await mkdtemp(join(tmpdir(), 'sertifikat-templat-'));
  await writeFile(join(dir, 'sertifikat.pdf'), sample!);
  await run('pdftoppm', ['-png', '-r', '60', '-singlefile', join(dir, 'sertifikat.pdf'), join(dir, 'sertifikat')]);
  console.log(`certificate on the owner's template: ${join(dir, 'sertifikat.png')}`);
});

it('a template Drive cannot export sends nothing: the messages stay queued with the reason, and go once it can', { timeout: 240_000 }, async () => {
  fake.reset();
  fake.gmail.setLimits(limits);
  const small = smallProgramme();
  await seedProgramme(s.app.store, programmes, { ...small, id: 'gagal', certificatePrefix: 'GGL24', certificateTemplateDocId: 'tpl-belum-dibagikan' });
  const p = (await programmes.programme('gagal'))!;
  const ids = await register(p, 'babel', 'luring', 3);
  for (const x of p.sessions) await programmes.markAttendance(p.id, 'babel-1', ids, x.no, { at: new Date().toISOString(), via: 'petugas', by: 'uji' });
  const babel = 'panitia@babel.demo.perpustakaan.id';
  await s.call('POST', `/v1/agencies/babel/programmes/gagal/certificates`, { as: babel, body: { event: 'babel-1' } });
  const m = await s.call('POST', `/v1/agencies/babel/programmes/gagal/mailings`, { as: babel, body: { kind: 'sertifikat' } });
  expect(m.body.total).toBe(3);

  // The Doc is not there (not shared yet): Drive answers 404.
  const l = loop('G', { attachment: createCertificateAttachments({ programmes, drive: fakeClients(fake).drive, verifyUrl: (n) => `https://api.example.test/v/${n}` }) });
  const first = await l.run({ budgetMs: 1_000 });
  expect(first.sent).toBe(0);
  expect(fake.sent).toEqual([]);
  const waiting = await messagesOf('gagal', m.body.mailingId);
  expect(waiting.filter((x) => x.status === 'queued')).toHaveLength(3);
  const tried = waiting.filter((x) => x.lastError);
  expect(tried).toHaveLength(1);
  expect(tried[0]).toMatchObject({ attempts: 1, intentAt: null });
  expect(tried[0]!.lastError).toMatch(/Templat sertifikat \(Google Docs tpl-belum-dibagikan\).*404.*dibagikan/);

  // Shared now: the next run exports it and sends all three.
  fake.addTemplate('tpl-belum-dibagikan', 'TEMPLAT PEMILIK', 'Templat');
  await drain(l, 2_000);
  expect(fake.sent).toHaveLength(3);
  expect((await messagesOf('gagal', m.body.mailingId)).every((x) => x.status === 'sent')).toBe(true);
  expect(fake.requests.filter((r) => r.path.endsWith('/export'))).toHaveLength(2);
});
