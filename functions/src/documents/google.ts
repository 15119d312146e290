// The production document backend: a letter is a copy of the agency's Google Doc template (Drive
// files.copy, tagged with the outbox key in appProperties), filled with ONE Docs batchUpdate of
// replaceAllText requests, and exported as PDF (Drive files.export). A letter whose table of fixed
// length it fills only in part (a surat tugas for fewer than its ten assignee rows) reads the copy
// once (documents.get) to find those rows, and the same batchUpdate deletes them first. A letter
// with a growing table (the participants of an invitation) reads the copy, inserts the rows its
// list needs under the repeated row (one batchUpdate of insertTableRow), reads it again for where
// the new cells start, and writes them with insertText in the batchUpdate that replaces the
// placeholders: two reads and two writes, whatever the length of the list.
//
// Every call is made exactly once: gaxios' own retries are switched off (by default it repeats the
// GETs on 5xx, 429 and dropped connections) because the outbox worker owns retries and knows which
// calls are safe to repeat. Failures come back as classified EffectErrors.
//
// The lambang daerah is in the agency's template Docs themselves: uploadDocxTemplates puts the
// agency's PNG in place of the kop's placeholder image (or removes it) before Drive converts each
// .docx. A letter is then still copy + one batchUpdate + export. Swapping the image per letter
// (Docs replaceImage, or insertInlineImage) would need a URI Google can fetch without credentials
// (a public link to the file) and the image's object id in the copy, and a fetch that failed would
// fail the whole batchUpdate, and with it the letter.
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { drive_v3 } from '@googleapis/drive';
import type { docs_v1 } from '@googleapis/docs';
import PizZip from 'pizzip';
import { applyLambang } from './docx/lambang.ts';
import { EffectError, type CopiedDocument, type DocumentBackend, type Fields, type FillOptions } from './types.ts';
import { toEffectError } from '../google/errors.ts';

export const GOOGLE_DOC_MIME = 'application/vnd.google-apps.document';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const DEFAULT_TIMEOUT_MS = 30_000;

/** Per-call gaxios options: one attempt, bounded in time. */
export function singleAttempt(timeoutMs: number) {
  return {
    retry: false,
    // Also neutralise a retryConfig a caller may have set on the client: gaxios consults it even
    // when `retry` is false.
    retryConfig: { retry: 0, noResponseRetries: 0 },
    timeout: timeoutMs,
  };
}

/** A Drive query string literal: backslashes and single quotes escaped. */
function driveQuoted(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function docUrl(id: string): string {
  return `https://docs.google.com/document/d/${encodeURIComponent(id)}/edit`;
}

/** What the fill reads of a document: its tables' rows and cells, with where each starts. */
const STRUCTURE = 'body(content(startIndex,table(tableRows(startIndex,tableCells(content(startIndex,paragraph(elements(textRun(content)))))))))';

/** A table of the document: where it starts, and per row where it starts, its text and its cells (text, where the first paragraph starts). */
interface DocTable {
  start: number;
  rows: { start: number; text: string; cells: { text: string; at: number | null }[] }[];
}

function docTable(start: number, table: docs_v1.Schema$Table): DocTable {
  return {
    start,
    rows: (table.tableRows ?? []).map((r) => {
      const cells = (r.tableCells ?? []).map((c) => {
        const paragraphs = (c.content ?? []).filter((x) => x.paragraph);
        const text = paragraphs.map((x) => (x.paragraph!.elements ?? []).map((e) => e.textRun?.content ?? '').join('').replace(/\n$/, '')).join('\n');
        return { text, at: paragraphs[0]?.startIndex ?? null };
      });
      return { start: r.startIndex ?? start, text: cells.map((c) => c.text).join('\n'), cells };
    }),
  };
}

/**
 * A list's repeated row: the first row holding one of its placeholders (`{{<list>_...}}`), and how
 * many empty rows stand right under it (inserted for the list by an earlier attempt).
 */
function markerOf(tables: DocTable[], list: string): { table: DocTable; row: number; below: number } | null {
  for (const table of tables) {
    const row = table.rows.findIndex((r) => r.text.includes(`{{${list}_`));
    if (row < 0) continue;
    let below = 0;
    while (table.rows[row + 1 + below]?.cells.every((c) => c.text === '')) below++;
    return { table, row, below };
  }
  return null;
}

export function createGoogleDocBackend(opts: {
  drive: drive_v3.Drive;
  docs: docs_v1.Docs;
  /** templateId -> Google Doc id of the agency's template. */
  templates: Record<string, string>;
  /** Drive folder that receives the copies. */
  folderId: string;
  timeoutMs?: number;
}): DocumentBackend {
  const { drive, docs, templates, folderId } = opts;
  const call = singleAttempt(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);

  /** The document's tables as documents.get reads them (one read, the structure only). */
  async function tablesOf(documentId: string): Promise<DocTable[]> {
    let res;
    try {
      res = await docs.documents.get({ documentId, fields: STRUCTURE }, call);
    } catch (err) {
      throw toEffectError(err, 'Google Docs documents.get');
    }
    return (res.data.body?.content ?? []).flatMap((el) => (el.table && typeof el.startIndex === 'number' ? [docTable(el.startIndex, el.table)] : []));
  }

  async function batchUpdate(documentId: string, requests: docs_v1.Schema$Request[], pace: (() => Promise<void>) | undefined) {
    await pace?.();
    try {
      return await docs.documents.batchUpdate({ documentId, requestBody: { requests } }, call);
    } catch (err) {
      throw toEffectError(err, 'Google Docs documents.batchUpdate');
    }
  }

  return {
    async findCopy(key: string): Promise<CopiedDocument | null> {
      let res;
      try {
        res = await drive.files.list(
          {
            q: `appProperties has { key='sopKey' and value=${driveQuoted(key)} } and trashed = false`,
            fields: 'files(id,webViewLink)',
            supportsAllDrives: true,
            includeItemsFromAllDrives: true,
          },
          call,
        );
      } catch (err) {
        throw toEffectError(err, 'Google Drive files.list');
      }
      const file = res.data.files?.find((f) => typeof f.id === 'string' && f.id.length > 0);
      if (!file?.id) return null;
      return { documentId: file.id, url: file.webViewLink ?? docUrl(file.id) };
    },

    async copy({ key, templateId, title }): Promise<CopiedDocument> {
      const sourceId = Object.hasOwn(templates, templateId) ? templates[templateId] : undefined;
      if (!sourceId) {
        throw new EffectError(`Templat "${templateId}" belum terdaftar sebagai Google Doc untuk instansi ini`, {
          retryable: false,
        });
      }
      let res;
      try {
        res = await drive.files.copy(
          {
            fileId: sourceId,
            fields: 'id,webViewLink',
            supportsAllDrives: true,
            requestBody: { name: title, parents: [folderId], appProperties: { sopKey: key } },
          },
          call,
        );
      } catch (err) {
        throw toEffectError(err, 'Google Drive files.copy');
      }
      const id = res.data.id;
      if (!id) {
        throw new EffectError('Google Drive files.copy gagal: jawaban tanpa id dokumen', { retryable: false });
      }
      return { documentId: id, url: res.data.webViewLink ?? docUrl(id) };
    },

    async fill(doc: CopiedDocument, fields: Fields, opts: FillOptions = {}): Promise<{ missingPlaceholders: string[] }> {
      const lists = Object.entries(opts.rows ?? {});
      const drops = opts.dropRows ?? [];
      if (Object.keys(fields).length === 0 && lists.length === 0) return { missingPlaceholders: [] };
      // The structure is read only when rows are removed or written.
      let tables = drops.length || lists.length ? await tablesOf(doc.documentId) : [];
      let markers = lists.map(([list]) => markerOf(tables, list));
      // 1. The rows the lists still lack, inserted under each repeated row, the tables further
      //    down first so the start of those above stays put. A retry after this batch finds the
      //    rows there (empty, right under the repeated row) and inserts none; then the structure
      //    is read again for where the new rows' cells start.
      const inserts = lists.flatMap(([, items], i) => {
        const m = markers[i];
        return m && items.length > 1 ? Array.from({ length: Math.max(0, items.length - 1 - m.below) }, () => ({ start: m.table.start, row: m.row })) : [];
      });
      if (inserts.length) {
        inserts.sort((a, b) => b.start - a.start);
        await batchUpdate(
          doc.documentId,
          inserts.map((x) => ({ insertTableRow: { tableCellLocation: { tableStartLocation: { index: x.start }, rowIndex: x.row, columnIndex: 0 }, insertBelow: true } })),
          opts.pace,
        );
        tables = await tablesOf(doc.documentId);
        markers = lists.map(([list]) => markerOf(tables, list));
      }
      // 2. One batch: the rows removed and the new rows' cells written, from the bottom of the
      //    document up (each change moves only what follows it), then every placeholder replaced:
      //    the fields, and the repeated row's own with the first item.
      const placed: { at: number; request: docs_v1.Schema$Request }[] = [];
      const tags = drops.map((p) => `{{${p}}}`);
      for (const t of tables) {
        t.rows.forEach((r, row) => {
          if (tags.some((tag) => r.text.includes(tag))) placed.push({ at: r.start, request: { deleteTableRow: { tableCellLocation: { tableStartLocation: { index: t.start }, rowIndex: row, columnIndex: 0 } } } });
        });
      }
      const first: Fields = {};
      for (const [i, [list, items]] of lists.entries()) {
        const m = markers[i];
        if (!m) continue;
        const template = m.table.rows[m.row]!;
        if (!items.length) {
          placed.push({ at: template.start, request: { deleteTableRow: { tableCellLocation: { tableStartLocation: { index: m.table.start }, rowIndex: m.row, columnIndex: 0 } } } });
          continue;
        }
        if (m.below < items.length - 1) throw new EffectError(`Google Docs: tabel "${list}" tidak memuat ${items.length - 1} baris yang disisipkan`, { retryable: true });
        Object.assign(first, items[0]);
        items.slice(1).forEach((item, k) => {
          const row = m.table.rows[m.row + 1 + k]!;
          template.cells.forEach((cell, c) => {
            const text = cell.text.replace(/\{\{([a-z][a-z0-9_]*)\}\}/g, (tag, name: string) => (name.startsWith(`${list}_`) ? (item[name] ?? '') : tag));
            const at = row.cells[c]?.at;
            if (text && typeof at === 'number') placed.push({ at, request: { insertText: { location: { index: at }, text } } });
          });
        });
      }
      placed.sort((a, b) => b.at - a.at);
      const replace = Object.entries({ ...fields, ...first });
      const requests: docs_v1.Schema$Request[] = [
        ...placed.map((x) => x.request),
        ...replace.map(([name, value]) => ({ replaceAllText: { containsText: { text: `{{${name}}}`, matchCase: true }, replaceText: value } })),
      ];
      const res = await batchUpdate(doc.documentId, requests, opts.pace);
      // One reply per request, in order; the API leaves occurrencesChanged out when it is 0. A
      // list whose repeated row is missing counts its columns missing here too.
      const replies = (res.data.replies ?? []).slice(placed.length);
      const missing = replace.filter((_, i) => !(replies[i]?.replaceAllText?.occurrencesChanged ?? 0)).map(([name]) => name);
      const listed = lists.flatMap(([, items], i) => (items.length && !markers[i] ? Object.keys(items[0]!) : []));
      return { missingPlaceholders: [...new Set([...missing, ...listed])] };
    },

    async export(doc: CopiedDocument) {
      let res;
      try {
        res = await drive.files.export(
          { fileId: doc.documentId, mimeType: 'application/pdf' },
          { ...call, responseType: 'arraybuffer' },
        );
      } catch (err) {
        throw toEffectError(err, 'Google Drive files.export');
      }
      const data = res.data;
      const content =
        data instanceof ArrayBuffer
          ? Buffer.from(data)
          : Buffer.isBuffer(data)
            ? data
            : ArrayBuffer.isView(data)
              ? Buffer.from(data.buffer, data.byteOffset, data.byteLength)
              : null;
      if (content === null) {
        throw new EffectError('Google Drive files.export gagal: isi PDF tidak terbaca', { retryable: false });
      }
      return {
        // The backend only knows the document id; the worker may rename the attachment after the letter.
        filename: `${doc.documentId}.pdf`,
        contentType: 'application/pdf',
        content,
        url: `https://docs.google.com/document/d/${encodeURIComponent(doc.documentId)}/export?format=pdf`,
      };
    },
  };
}

/** Per-call options of the admin uploads: one attempt, and the client's rootUrl for media uploads (see below). */
function uploadCall(drive: drive_v3.Drive, timeoutMs: number | undefined) {
  const rootUrl = drive.context._options.rootUrl;
  return { ...singleAttempt(timeoutMs ?? 120_000), ...(rootUrl ? { rootUrl } : {}) };
}

/**
 * Uploads the agency's .docx templates into `folderId`, each converted into a Google Doc (Drive
 * converts on upload when the requested mimeType is a Google Docs type), with the agency's
 * `lambang` (PNG) in the kop, or the kop without one. Returns templateId ->
 * Google Doc id, the `templates` map of createGoogleDocBackend. Not idempotent: a second run
 * creates second copies (each tagged with appProperties.sopTemplate, so they can be found).
 *
 * Media uploads and `rootUrl`: the generated clients build the upload URL from the rootUrl of the
 * per-call options (default https://www.googleapis.com/), and googleapis-common only rewrites the
 * ordinary URL with the client's rootUrl, not the upload URL. So the client's rootUrl is passed on
 * per call here, which is what lets tests upload to a local fake.
 */
export async function uploadDocxTemplates(opts: {
  drive: drive_v3.Drive;
  folderId: string;
  /** templateId -> local .docx path. */
  files: Record<string, string>;
  /** The agency's lambang daerah (PNG); null or absent: the kops have none. */
  lambang?: Buffer | null;
  timeoutMs?: number;
}): Promise<Record<string, string>> {
  const { drive, folderId } = opts;
  const call = uploadCall(drive, opts.timeoutMs);
  const out: Record<string, string> = {};
  for (const [templateId, path] of Object.entries(opts.files)) {
    const zip = new PizZip(await readFile(path));
    applyLambang(zip, opts.lambang ?? null);
    const docx = zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
    let res;
    try {
      res = await drive.files.create(
        {
          fields: 'id',
          supportsAllDrives: true,
          requestBody: {
            name: templateId,
            mimeType: GOOGLE_DOC_MIME,
            parents: [folderId],
            appProperties: { sopTemplate: templateId },
          },
          media: { mimeType: DOCX_MIME, body: Readable.from([docx]) },
        },
        call,
      );
    } catch (err) {
      throw toEffectError(err, `Google Drive files.create (templat ${templateId})`);
    }
    if (!res.data.id) {
      throw new EffectError(`Google Drive files.create gagal: templat ${templateId} tanpa id dokumen`, {
        retryable: false,
      });
    }
    out[templateId] = res.data.id;
  }
  return out;
}

/** Puts the agency's lambang daerah (PNG) in its Drive folder, where a re-upload of its templates finds it again; returns the file's id. */
export async function uploadLambang(opts: { drive: drive_v3.Drive; folderId: string; agencyId: string; png: Buffer; timeoutMs?: number }): Promise<string> {
  let res;
  try {
    res = await opts.drive.files.create(
      {
        fields: 'id',
        supportsAllDrives: true,
        requestBody: { name: `Lambang daerah ${opts.agencyId}.png`, mimeType: 'image/png', parents: [opts.folderId], appProperties: { sopLambang: opts.agencyId } },
        media: { mimeType: 'image/png', body: Readable.from([opts.png]) },
      },
      uploadCall(opts.drive, opts.timeoutMs),
    );
  } catch (err) {
    throw toEffectError(err, 'Google Drive files.create (lambang daerah)');
  }
  if (!res.data.id) throw new EffectError('Google Drive files.create gagal: lambang daerah tanpa id berkas', { retryable: false });
  return res.data.id;
}

/** The lambang daerah stored by uploadLambang. */
export async function downloadLambang(opts: { drive: drive_v3.Drive; fileId: string; timeoutMs?: number }): Promise<Buffer> {
  let res;
  try {
    res = await opts.drive.files.get({ fileId: opts.fileId, alt: 'media', supportsAllDrives: true }, { ...singleAttempt(opts.timeoutMs ?? 60_000), responseType: 'arraybuffer' });
  } catch (err) {
    throw toEffectError(err, 'Google Drive files.get (lambang daerah)');
  }
  return Buffer.from(res.data as unknown as ArrayBuffer);
}

/** Moves files (the template Docs a new upload replaced) to the trash. */
export async function trashFiles(opts: { drive: drive_v3.Drive; fileIds: readonly string[]; timeoutMs?: number }): Promise<void> {
  for (const fileId of opts.fileIds) {
    try {
      await opts.drive.files.update({ fileId, supportsAllDrives: true, requestBody: { trashed: true } }, singleAttempt(opts.timeoutMs ?? 30_000));
    } catch (err) {
      throw toEffectError(err, `Google Drive files.update (buang ${fileId})`);
    }
  }
}
