// The Google Docs backend against a local fake of Drive and Docs, through the real generated
// clients: each operation is exactly the requests we expect, and failures are classified.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGoogleDocBackend, uploadDocxTemplates } from '../../functions/src/documents/google.ts';
import { TEMPLATES, TEMPLATES_DIR } from '../../functions/src/documents/templates.ts';
import { EffectError } from '../../functions/src/documents/types.ts';
import { toEffectError } from '../../functions/src/google/errors.ts';
import { fakeClients, startFakeGoogle, type FakeGoogle } from '../support/fake-google/index.ts';
import { pdfText } from '../support/pdf-pages.ts';

const TEMPLATE_TEXT = [
  'Nomor: {{nomor}}',
  'Kepada Yth. {{tujuan}}',
  'Hal: {{hal}}',
  'Salam, {{penandatangan}} ({{nomor}})',
].join('\n');

let fake: FakeGoogle;
let clients: ReturnType<typeof fakeClients>;

beforeAll(async () => {
  fake = await startFakeGoogle();
  clients = fakeClients(fake);
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.reset();
  fake.addTemplate('gdoc-jawaban', TEMPLATE_TEXT, 'Templat Surat Jawaban');
});

function backend(timeoutMs?: number) {
  return createGoogleDocBackend({
    drive: clients.drive,
    docs: clients.docs,
    templates: { 'surat-jawaban-kunjungan': 'gdoc-jawaban', 'surat-hilang': 'gdoc-tidak-ada' },
    folderId: 'folder-surat',
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  });
}

const KEY = 'case-42/step-3/surat-jawaban-kunjungan';
const FIELDS = {
  nomor: '000.5.2/12/DISPUSIP/XI/2026',
  tujuan: 'Kepala SMA Negeri 1 Palu',
  hal: 'Jawaban Permohonan Kunjungan',
  penandatangan: 'Dra. Siti Rahma',
};

async function caught(p: Promise<unknown>): Promise<EffectError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(EffectError);
    return e as EffectError;
  }
  throw new Error('expected an EffectError');
}

describe('Google Docs backend: the happy path', () => {
  it('copy + fill + export are exactly three requests with the expected bodies', async () => {
    const b = backend();
    const doc = await b.copy({ key: KEY, templateId: 'surat-jawaban-kunjungan', title: 'Surat Jawaban Kunjungan 42' });
    const filled = await b.fill(doc, FIELDS);
    const pdf = await b.export(doc);

    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /drive/v3/files/gdoc-jawaban/copy',
      `POST /v1/documents/${doc.documentId}:batchUpdate`,
      `GET /drive/v3/files/${doc.documentId}/export`,
    ]);
    const [copy, batch, exp] = fake.requests;
    expect(copy!.query).toEqual({ fields: 'id,webViewLink', supportsAllDrives: 'true' });
    expect(copy!.body).toEqual({
      name: 'Surat Jawaban Kunjungan 42',
      parents: ['folder-surat'],
      appProperties: { sopKey: KEY },
    });
    expect(batch!.query).toEqual({});
    expect(batch!.body).toEqual({
      requests: Object.entries(FIELDS).map(([name, value]) => ({
        replaceAllText: { containsText: { text: `{{${name}}}`, matchCase: true }, replaceText: value },
      })),
    });
    expect(exp!.query).toEqual({ mimeType: 'application/pdf' });
    expect(exp!.body).toBeUndefined();

    expect(doc.url).toBe(`https://docs.google.com/document/d/${doc.documentId}/edit?usp=drivesdk`);
    expect(filled).toEqual({ missingPlaceholders: [] });
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.filename).toMatch(/\.pdf$/);
    expect(pdf.url).toBe(`https://docs.google.com/document/d/${doc.documentId}/export?format=pdf`);
    expect(Buffer.isBuffer(pdf.content)).toBe(true);
    expect(pdf.content.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf.content);
    expect(text).toContain('Nomor: 000.5.2/12/DISPUSIP/XI/2026\nKepada Yth. Kepala SMA Negeri 1 Palu');
    expect(text).toContain('Salam, Dra. Siti Rahma (000.5.2/12/DISPUSIP/XI/2026)');

    // The copy lives in the folder, tagged with the key; the template is untouched.
    expect(fake.documents.get(doc.documentId)).toMatchObject({
      name: 'Surat Jawaban Kunjungan 42',
      parents: ['folder-surat'],
      appProperties: { sopKey: KEY },
    });
    expect(fake.documents.get('gdoc-jawaban')!.text).toBe(TEMPLATE_TEXT);
  });

  it('reports the placeholders the template lacks', async () => {
    const b = backend();
    const doc = await b.copy({ key: KEY, templateId: 'surat-jawaban-kunjungan', title: 'Surat' });
    const result = await b.fill(doc, { nomor: '1/2026', lampiran: '1 (satu) berkas', tembusan: 'Arsip' });
    expect(result).toEqual({ missingPlaceholders: ['lampiran', 'tembusan'] });
    expect(fake.requests.filter((r) => r.path.endsWith(':batchUpdate'))).toHaveLength(1);
  });

  it('makes no call to fill nothing', async () => {
    const b = backend();
    expect(await b.fill({ documentId: 'gdoc-jawaban', url: 'x' }, {})).toEqual({ missingPlaceholders: [] });
    expect(fake.requests).toHaveLength(0);
  });

  it('findCopy finds a copy by its key with one query, and null for another key', async () => {
    const b = backend();
    const tricky = "case-7/step-1/surat 'khusus' \\ \"kutip\"";
    const doc = await b.copy({ key: tricky, templateId: 'surat-jawaban-kunjungan', title: 'Surat' });
    fake.requests.length = 0;

    expect(await b.findCopy(tricky)).toEqual(doc);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({
      method: 'GET',
      path: '/drive/v3/files',
      query: {
        q: "appProperties has { key='sopKey' and value='case-7/step-1/surat \\'khusus\\' \\\\ \"kutip\"' } and trashed = false",
        fields: 'files(id,webViewLink)',
        supportsAllDrives: 'true',
        includeItemsFromAllDrives: 'true',
      },
    });
    expect(await b.findCopy('case-7/step-1/surat lain')).toBeNull();

    fake.documents.get(doc.documentId)!.trashed = true;
    expect(await b.findCopy(tricky)).toBeNull();
  });

  it('a copy whose answer was lost is found again by its key (the crash window)', async () => {
    const b = backend();
    fake.fail({ match: (r) => r.path.endsWith('/copy'), status: 503, afterHandling: true, times: 1 });
    const err = await caught(b.copy({ key: KEY, templateId: 'surat-jawaban-kunjungan', title: 'Surat' }));
    expect(err.retryable).toBe(true);
    const found = await b.findCopy(KEY);
    expect(found).not.toBeNull();
    expect(fake.documents.get(found!.documentId)!.appProperties).toEqual({ sopKey: KEY });
  });
});

describe('Google Docs backend: a table of fixed length filled in part', () => {
  it('reads the document once, deletes the unused rows bottom up in the batchUpdate, and a retry deletes nothing more', async () => {
    const bytes = await readFile(join(TEMPLATES_DIR, 'surat_tugas.docx'));
    fake.addDocxTemplate('gdoc-tugas', bytes, 'Templat Surat Tugas');
    const b = createGoogleDocBackend({ drive: clients.drive, docs: clients.docs, templates: { surat_tugas: 'gdoc-tugas' }, folderId: 'folder-surat' });
    const doc = await b.copy({ key: 'case-7/surat_tugas/1', templateId: 'surat_tugas', title: 'Surat Tugas' });
    const fields: Record<string, string> = Object.fromEntries(TEMPLATES.surat_tugas!.placeholders.filter((p) => !/^petugas_([2-9]|10)_/.test(p)).map((p) => [p, `<${p}>`]));
    const dropRows = TEMPLATES.surat_tugas!.droppable;
    const before = fake.requests.length;
    expect((await b.fill(doc, fields, { dropRows })).missingPlaceholders).toEqual([]);
    const made = fake.requests.slice(before);
    expect(made.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /v1/documents/${doc.documentId}`, `POST /v1/documents/${doc.documentId}:batchUpdate`]);
    const rows = (made[1]!.body as { requests: { deleteTableRow?: { tableCellLocation: { rowIndex: number } } }[] }).requests.flatMap((r) => (r.deleteTableRow ? [r.deleteTableRow.tableCellLocation.rowIndex] : []));
    expect(rows).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2]);
    const text = fake.documents.get(doc.documentId)!.text;
    expect(text).toContain('1.\n<petugas_1_nama>\n<petugas_1_nip>');
    expect(text).not.toMatch(/\{\{|\n2\.\n/);
    // A retry after a lost reply: nothing left to delete, nothing left to replace (the worker knows the fill happened).
    const again = await b.fill(doc, fields, { dropRows });
    expect(again.missingPlaceholders).toHaveLength(Object.keys(fields).length);
    const last = fake.requests.at(-1)!.body as { requests: Record<string, unknown>[] };
    expect(last.requests.some((r) => r.deleteTableRow)).toBe(false);
  });

  it('without rows to drop, fills with one batchUpdate and reads nothing', async () => {
    const doc = await backend().copy({ key: KEY, templateId: 'surat-jawaban-kunjungan', title: 'Surat' });
    const before = fake.requests.length;
    await backend().fill(doc, FIELDS, { dropRows: [] });
    expect(fake.requests.slice(before).map((r) => r.method)).toEqual(['POST']);
  });
});

describe('Google Docs backend: a growing table', () => {
  it('the fake indexes a table as Docs does: one index for the table, each row and each cell before its content', async () => {
    fake.addDocxTemplate('gdoc-laporan', await readFile(join(TEMPLATES_DIR, 'laporan_pelaksanaan_bimtek.docx')));
    const content = (await clients.docs.documents.get({ documentId: 'gdoc-laporan' })).data.body!.content!;
    const at = content.findIndex((el) => JSON.stringify(el.table ?? '').includes('{{sesi_no}}'));
    const table = content[at]!;
    const start = table.startIndex!;
    const [header, row] = table.table!.tableRows!;
    expect(header!.startIndex).toBe(start + 1);
    expect(header!.tableCells![0]!.startIndex).toBe(start + 2);
    expect(header!.tableCells![0]!.content![0]!.startIndex).toBe(start + 3);
    expect(table.endIndex).toBe(row!.endIndex! + 1);
    expect(content[at + 1]!.startIndex).toBe(table.endIndex);
    // A row inserted under the last: five empty cells, each one index and a newline; what follows moves by 11.
    await clients.docs.documents.batchUpdate({ documentId: 'gdoc-laporan', requestBody: { requests: [{ insertTableRow: { tableCellLocation: { tableStartLocation: { index: start }, rowIndex: 1, columnIndex: 0 }, insertBelow: true } }] } });
    const after = (await clients.docs.documents.get({ documentId: 'gdoc-laporan' })).data.body!.content!;
    const added = after[at]!.table!.tableRows![2]!;
    expect(added.tableCells!.map((c) => c.content![0]!.paragraph!.elements![0]!.textRun!.content)).toEqual(['\n', '\n', '\n', '\n', '\n']);
    expect(after[at + 1]!.startIndex).toBe(content[at + 1]!.startIndex! + 11);
    // Text goes into a paragraph only, as in Docs: the table's own index is refused, and the batch with it.
    const refused = await caught(clients.docs.documents.batchUpdate({ documentId: 'gdoc-laporan', requestBody: { requests: [{ insertText: { location: { index: added.tableCells![0]!.content![0]!.startIndex! }, text: 'ok' } }, { insertText: { location: { index: start }, text: 'x' } }] } }).catch((e) => { throw toEffectError(e, 'uji'); }));
    expect(refused.status).toBe(400);
    expect(fake.documents.get('gdoc-laporan')!.text).not.toContain('ok');
  });

  it('writes a list of 25 in two reads and two writes, and a retry after the rows were inserted inserts none', async () => {
    fake.addDocxTemplate('gdoc-laporan', await readFile(join(TEMPLATES_DIR, 'laporan_pelaksanaan_bimtek.docx')));
    const b = createGoogleDocBackend({ drive: clients.drive, docs: clients.docs, templates: { laporan_pelaksanaan_bimtek: 'gdoc-laporan' }, folderId: 'folder-surat' });
    const doc = await b.copy({ key: 'laporan-25', templateId: 'laporan_pelaksanaan_bimtek', title: 'Laporan' });
    const spec = TEMPLATES.laporan_pelaksanaan_bimtek!;
    const listed = new Set(spec.lists.sesi);
    const fields = Object.fromEntries(spec.placeholders.filter((p) => !listed.has(p)).map((p) => [p, `<${p}>`]));
    const rows = { sesi: Array.from({ length: 25 }, (_, i) => ({ sesi_no: `${i + 1}.`, sesi_materi: `Materi ${i + 1}\nbaris kedua`, sesi_jp: '2', sesi_hadir: `${30 - i} orang`, sesi_persen: '-' })) };
    // The fill's write fails once, after the rows were inserted.
    fake.fail({ match: (q) => q.path.endsWith(':batchUpdate') && JSON.stringify(q.body).includes('replaceAllText'), status: 503, times: 1 });
    const paced: number[] = [];
    const pace = async () => void paced.push(fake.requests.length);
    expect((await caught(b.fill(doc, fields, { rows, pace }))).retryable).toBe(true);
    expect((await b.fill(doc, fields, { rows, pace })).missingPlaceholders).toEqual([]);
    const calls = fake.requests.filter((q) => q.path.includes(doc.documentId)).map((q) => `${q.method} ${q.path.endsWith(':batchUpdate') ? (JSON.stringify(q.body).includes('insertTableRow') ? 'rows' : 'fill') : 'get'}`);
    expect(calls).toEqual(['GET get', 'POST rows', 'GET get', 'POST fill', 'GET get', 'POST fill']);
    expect(paced).toHaveLength(3); // before every write, the failed one included
    const text = fake.documents.get(doc.documentId)!.text;
    expect(text).toContain('1.\nMateri 1\nbaris kedua\n2\n30 orang\n-\n2.\nMateri 2\nbaris kedua');
    expect(text.match(/^Materi \d+$/gm)).toEqual(Array.from({ length: 25 }, (_, i) => `Materi ${i + 1}`));
    expect(text).not.toContain('{{');
    // Filled once more (a lost reply): nothing inserted, every name missing (the worker knows the fill happened).
    const again = await b.fill(doc, fields, { rows, pace });
    expect(again.missingPlaceholders).toHaveLength(Object.keys(fields).length + 5);
    expect(fake.documents.get(doc.documentId)!.text).toBe(text);
  });
});

describe('Google Docs backend: failures are classified once, never retried by the client', () => {
  it('an unknown template is not retryable and makes no call', async () => {
    const err = await caught(backend().copy({ key: KEY, templateId: 'surat-entah', title: 'Surat' }));
    expect(err.retryable).toBe(false);
    expect(err.message).toContain('surat-entah');
    expect(fake.requests).toHaveLength(0);
  });

  it('429 with Retry-After: 7 is retryable after 7000 ms', async () => {
    fake.fail({ match: (r) => r.path.endsWith('/copy'), status: 429, headers: { 'Retry-After': '7' } });
    const err = await caught(backend().copy({ key: KEY, templateId: 'surat-jawaban-kunjungan', title: 'Surat' }));
    expect(err).toMatchObject({ retryable: true, status: 429, retryAfterMs: 7000 });
    expect(err.message).toMatch(/^Google Drive files\.copy gagal \(HTTP 429\)/);
    expect(fake.requests).toHaveLength(1);
    expect(fake.documents.size).toBe(1); // the template only
  });

  it('Retry-After as an HTTP date', async () => {
    const at = new Date(Date.now() + 60_000).toUTCString();
    fake.fail({ match: () => true, status: 503, headers: { 'Retry-After': at } });
    const err = await caught(backend().findCopy(KEY));
    expect(err.retryable).toBe(true);
    expect(err.retryAfterMs).toBeGreaterThan(55_000);
    expect(err.retryAfterMs).toBeLessThanOrEqual(60_000);
    expect(fake.requests).toHaveLength(1);
  });

  it.each([
    ['copy', 'POST', (b: ReturnType<typeof backend>) => b.copy({ key: KEY, templateId: 'surat-jawaban-kunjungan', title: 'S' })],
    ['fill', 'POST', (b: ReturnType<typeof backend>) => b.fill({ documentId: 'gdoc-jawaban', url: '' }, { nomor: '1' })],
    ['export', 'GET', (b: ReturnType<typeof backend>) => b.export({ documentId: 'gdoc-jawaban', url: '' })],
    ['findCopy', 'GET', (b: ReturnType<typeof backend>) => b.findCopy(KEY)],
  ] as const)('500 on %s is retryable, and sent exactly once (%s)', async (_name, method, run) => {
    fake.fail({ match: () => true, status: 500 });
    const err = await caught(run(backend()));
    expect(err).toMatchObject({ retryable: true, status: 500, retryAfterMs: null });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.method).toBe(method);
  });

  it('404 (the template document is gone) is not retryable', async () => {
    const err = await caught(backend().copy({ key: KEY, templateId: 'surat-hilang', title: 'Surat' }));
    expect(err).toMatchObject({ retryable: false, status: 404 });
    expect(err.message).toBe('Google Drive files.copy gagal (HTTP 404): File not found: gdoc-tidak-ada.');
    expect(fake.requests).toHaveLength(1);
  });

  it('403 User rate limit exceeded is retryable, any other 403 is not', async () => {
    fake.fail({ match: () => true, status: 403, reason: 'userRateLimitExceeded', message: 'User rate limit exceeded.', times: 1 });
    const limited = await caught(backend().findCopy(KEY));
    expect(limited).toMatchObject({ retryable: true, status: 403 });
    fake.fail({ match: () => true, status: 403, reason: 'insufficientFilePermissions', message: 'No access.', times: 1 });
    const denied = await caught(backend().findCopy(KEY));
    expect(denied).toMatchObject({ retryable: false, status: 403 });
    expect(fake.requests).toHaveLength(2);
  });

  it('a request that never gets an answer times out (timeoutMs 300) as retryable, once', async () => {
    fake.fail({ match: (r) => r.path.endsWith('/export'), hang: true });
    const started = Date.now();
    const err = await caught(backend(300).export({ documentId: 'gdoc-jawaban', url: '' }));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(err).toMatchObject({ retryable: true, status: null });
    expect(err.message).toMatch(/^Google Drive files\.export gagal \(batas waktu habis\)/);
    expect(fake.requests).toHaveLength(1);
  });

  it('a refused connection is retryable', async () => {
    const gone = await startFakeGoogle();
    const clientsOfGone = fakeClients(gone);
    await gone.close();
    const b = createGoogleDocBackend({ ...clientsOfGone, templates: {}, folderId: 'f' });
    const err = await caught(b.findCopy(KEY));
    expect(err).toMatchObject({ retryable: true, status: null });
    expect(err.message).toContain('ECONNREFUSED');
  });

  it('toEffectError: codes and messages without a status', () => {
    const withCause = new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code: 'UND_ERR_SOCKET' }) });
    expect(toEffectError(withCause, 'X').retryable).toBe(true);
    expect(toEffectError(Object.assign(new Error('reset'), { code: 'ECONNRESET' }), 'X').retryable).toBe(true);
    expect(toEffectError(new DOMException('aborted', 'AbortError'), 'X').retryable).toBe(true);
    expect(toEffectError(new Error('socket timeout'), 'X').retryable).toBe(true);
    expect(toEffectError(new Error('Missing required parameters: fileId'), 'X').retryable).toBe(false);
    const already = new EffectError('e', { retryable: false });
    expect(toEffectError(already, 'X')).toBe(already);
  });
});

describe('uploadDocxTemplates', () => {
  it('uploads each .docx as a Google Doc through the media upload URL of the fake', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sop-docx-'));
    try {
      const docx = new Document({
        sections: [
          {
            children: [
              new Paragraph({ children: [new TextRun('Nomor: '), new TextRun({ text: '{{nomor}}', bold: true })] }),
              // A placeholder split across runs, as Word often stores it.
              new Paragraph({ children: [new TextRun('Kepada Yth. {{tu'), new TextRun('juan}}')] }),
            ],
          },
        ],
      });
      const path = join(dir, 'surat-jawaban-kunjungan.docx');
      await writeFile(path, await Packer.toBuffer(docx));

      const ids = await uploadDocxTemplates({ drive: clients.drive, folderId: 'folder-templat', files: { 'surat-jawaban-kunjungan': path } });

      expect(fake.requests).toHaveLength(1);
      const upload = fake.requests[0]!;
      expect(upload).toMatchObject({ method: 'POST', path: '/upload/drive/v3/files', query: { uploadType: 'multipart', fields: 'id', supportsAllDrives: 'true' } });
      const parts = upload.body as { contentType: string; body: unknown }[];
      expect(parts.map((p) => p.contentType)).toEqual([
        'application/json',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ]);
      expect(parts[0]!.body).toEqual({
        name: 'surat-jawaban-kunjungan',
        mimeType: 'application/vnd.google-apps.document',
        parents: ['folder-templat'],
        appProperties: { sopTemplate: 'surat-jawaban-kunjungan' },
      });
      const id = ids['surat-jawaban-kunjungan']!;
      expect(fake.documents.get(id)).toMatchObject({
        mimeType: 'application/vnd.google-apps.document',
        text: 'Nomor: {{nomor}}\nKepada Yth. {{tujuan}}',
      });

      // The uploaded template serves the backend.
      const b = createGoogleDocBackend({ ...clients, templates: ids, folderId: 'folder-surat' });
      const doc = await b.copy({ key: KEY, templateId: 'surat-jawaban-kunjungan', title: 'Surat' });
      expect(await b.fill(doc, { nomor: '7/2026', tujuan: 'Ketua RT 03' })).toEqual({ missingPlaceholders: [] });
      expect((await pdfText((await b.export(doc)).content)).trim()).toBe('Nomor: 7/2026\nKepada Yth. Ketua RT 03');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
