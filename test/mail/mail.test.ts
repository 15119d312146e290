// MIME building, the Gmail sender against the local Google fake (real generated client), and the
// local .eml sender.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EffectError, type MailMessage } from '../../functions/src/documents/types.ts';
import { createGmailSender } from '../../functions/src/mail/gmail.ts';
import { createLocalMailSender } from '../../functions/src/mail/local.ts';
import { buildMime, messageIdFor } from '../../functions/src/mail/mime.ts';
import { fakeClients, startFakeGoogle, type FakeGoogle } from '../support/fake-google/index.ts';

const SUBJECT = 'Surat Jawaban Kunjungan – Dinas Perpustakaan';
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('Nomor: 000.5.2/12/DISPUSIP/XI/2026 — isi surat')]);

function message(key = 'case-42/step-3/email-jawaban', text = 'Yth. Bapak/Ibu,\nterlampir surat jawaban kunjungan – mohon diperiksa.\nSalam.'): MailMessage {
  return {
    key,
    from: { name: 'Dinas Perpustakaan dan Kearsipan Kota Palu', address: 'dispusip@palukota.go.id' },
    to: ['kepsek@sman1palu.sch.id'],
    cc: ['arsip@palukota.go.id'],
    subject: SUBJECT,
    text,
    attachments: [{ filename: 'Surat Jawaban Kunjungan.pdf', contentType: 'application/pdf', content: PDF }],
  };
}

/** The header block, unfolded, as name (lower case) -> raw value. */
function headers(mime: string): Map<string, string> {
  const head = mime.slice(0, mime.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
  return new Map(
    head.split('\r\n').map((line) => {
      const i = line.indexOf(':');
      return [line.slice(0, i).toLowerCase(), line.slice(i + 1).trim()] as const;
    }),
  );
}

/** RFC 2047 encoded words (Q and B), adjacent words joined. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_, _charset: string, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

function decodeQuotedPrintable(s: string): string {
  const bytes = s.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

describe('buildMime', () => {
  it('encodes the UTF-8 subject and body, attaches the PDF, and derives the Message-ID from the key', async () => {
    const msg = message();
    const mime = (await buildMime(msg)).toString('utf8');
    const h = headers(mime);

    expect(h.get('subject')).toMatch(/^=\?UTF-8\?[QB]\?/);
    expect(h.get('subject')).not.toContain('–'); // 7-bit on the wire
    expect(decodeWords(h.get('subject')!)).toBe(SUBJECT);
    expect(h.get('from')).toBe('Dinas Perpustakaan dan Kearsipan Kota Palu <dispusip@palukota.go.id>');
    expect(h.get('to')).toBe('kepsek@sman1palu.sch.id');
    expect(h.get('cc')).toBe('arsip@palukota.go.id');
    expect(h.get('mime-version')).toBe('1.0');

    const expectedId = `<${createHash('sha256').update(msg.key).digest('hex').slice(0, 32)}@sop-perpustakaan.local>`;
    expect(h.get('message-id')).toBe(expectedId);
    expect(messageIdFor(msg.key)).toBe(expectedId);

    // Body: text/plain UTF-8, quoted-printable.
    const textPart = /Content-Type: text\/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n([\s\S]*?)\r\n--/.exec(mime);
    expect(textPart).not.toBeNull();
    expect(decodeQuotedPrintable(textPart![1]!).replace(/\r\n/g, '\n')).toBe(msg.text);

    // Attachment: the PDF, base64, byte for byte.
    const att = /Content-Type: application\/pdf; name="?Surat Jawaban Kunjungan\.pdf"?\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename="?Surat Jawaban Kunjungan\.pdf"?\r\n\r\n([A-Za-z0-9+/=\r\n]+)/.exec(mime);
    expect(att).not.toBeNull();
    expect(Buffer.from(att![1]!.replace(/\r\n/g, ''), 'base64').equals(PDF)).toBe(true);
    expect(h.get('content-type')).toMatch(/^multipart\/mixed; boundary=/);
  });

  it('the same key gives the same Message-ID, another key another one', async () => {
    const a = headers((await buildMime(message('k-1', 'satu'))).toString()).get('message-id');
    const b = headers((await buildMime(message('k-1', 'dua'))).toString()).get('message-id');
    const c = headers((await buildMime(message('k-2', 'satu'))).toString()).get('message-id');
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});

describe('Gmail sender', () => {
  let fake: FakeGoogle;
  let gmail: ReturnType<typeof fakeClients>['gmail'];
  beforeAll(async () => {
    fake = await startFakeGoogle();
    gmail = fakeClients(fake).gmail;
  });
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(() => fake.reset());

  it('sends ONE users.messages.send whose raw decodes to the MIME message', async () => {
    const msg = message();
    const { id } = await createGmailSender({ gmail }).send(msg);

    expect(fake.requests).toHaveLength(1);
    const req = fake.requests[0]!;
    expect(req).toMatchObject({ method: 'POST', path: '/gmail/v1/users/me/messages/send', query: {} });
    const body = req.body as { raw: string };
    expect(Object.keys(body)).toEqual(['raw']);
    expect(body.raw).toMatch(/^[A-Za-z0-9_-]+$/); // base64url, unpadded
    const mime = Buffer.from(body.raw, 'base64url').toString('utf8');
    const h = headers(mime);
    expect(h.get('message-id')).toBe(messageIdFor(msg.key));
    expect(decodeWords(h.get('subject')!)).toBe(SUBJECT);
    expect(mime).toContain(PDF.toString('base64').slice(0, 40));

    expect(fake.sent).toHaveLength(1);
    expect(fake.sent[0]).toMatchObject({ id, userId: 'me', raw: mime, messageId: messageIdFor(msg.key) });
  });

  it('findSent asks Gmail for the message by its rfc822msgid', async () => {
    const sender = createGmailSender({ gmail, userId: 'dispusip@palukota.go.id' });
    const msg = message();
    expect(await sender.findSent(msg.key)).toBeNull();
    const { id } = await sender.send(msg);
    expect(await sender.findSent(msg.key)).toEqual({ id });
    expect(await sender.findSent('case-42/step-3/email-lain')).toBeNull();

    const lists = fake.requests.filter((r) => r.method === 'GET');
    expect(lists).toHaveLength(3);
    expect(lists[0]).toMatchObject({
      path: '/gmail/v1/users/dispusip%40palukota.go.id/messages',
      query: { q: `rfc822msgid:${messageIdFor(msg.key).slice(1, -1)}` },
    });
  });

  it('a failed send is classified and never repeated by the client', async () => {
    fake.fail({ match: (r) => r.path.endsWith('/send'), status: 500 });
    const err = await createGmailSender({ gmail }).send(message()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EffectError);
    expect(err).toMatchObject({ retryable: true, status: 500 });
    expect((err as EffectError).message).toMatch(/^Gmail users\.messages\.send gagal \(HTTP 500\)/);
    expect(fake.requests).toHaveLength(1);
    expect(fake.sent).toHaveLength(0);
  });

  it('a 400 is not retryable', async () => {
    fake.fail({ match: (r) => r.path.endsWith('/send'), status: 400, message: 'Invalid To header' });
    const err = await createGmailSender({ gmail }).send(message()).catch((e: unknown) => e);
    expect(err).toMatchObject({ retryable: false, status: 400 });
  });

  it('a send whose answer was lost is found again by key (the crash window)', async () => {
    const sender = createGmailSender({ gmail });
    fake.fail({ match: (r) => r.path.endsWith('/send'), status: 502, afterHandling: true, times: 1 });
    const err = await sender.send(message()).catch((e: unknown) => e);
    expect(err).toMatchObject({ retryable: true });
    expect(fake.sent).toHaveLength(1);
    expect(await sender.findSent(message().key)).toEqual({ id: fake.sent[0]!.id });
  });

  it('a send that never gets an answer times out as retryable', async () => {
    fake.fail({ match: (r) => r.path.endsWith('/send'), hang: true });
    const err = await createGmailSender({ gmail, timeoutMs: 300 }).send(message()).catch((e: unknown) => e);
    expect(err).toMatchObject({ retryable: true, status: null });
    expect(fake.requests).toHaveLength(1);
  });
});

describe('local mail sender', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sop-mail-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one .eml per key and never twice', async () => {
    const sender = createLocalMailSender({ dir: join(dir, 'outbox') });
    const msg = message('case-42/step-3/email-jawaban');
    expect(await sender.findSent(msg.key)).toBeNull();

    const first = await sender.send(msg);
    const written = await readFile(first.id, 'utf8');
    expect(headers(written).get('message-id')).toBe(messageIdFor(msg.key));

    const again = await sender.send({ ...msg, text: 'isi lain yang tidak boleh ditulis' });
    expect(again).toEqual(first);
    expect(await readFile(first.id, 'utf8')).toBe(written);
    expect(await sender.findSent(msg.key)).toEqual(first);

    const other = await sender.send(message('case-42/step-4/email-lain'));
    expect(other.id).not.toBe(first.id);

    const files = (await readdir(join(dir, 'outbox'))).sort();
    expect(files).toHaveLength(2);
    expect(files.every((f) => f.endsWith('.eml'))).toBe(true);
    expect(files.every((f) => !f.includes('/'))).toBe(true);
  });

  it('racing sends of one key leave exactly one complete file', async () => {
    const sender = createLocalMailSender({ dir });
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => sender.send(message('k/race', `versi ${i}`))));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    expect(headers(await readFile(join(dir, files[0]!), 'utf8')).get('message-id')).toBe(messageIdFor('k/race'));
  });
});
