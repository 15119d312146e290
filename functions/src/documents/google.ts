// The production document backend: a letter is a copy of the agency's Google Doc template (Drive
// files.copy, tagged with the outbox key in appProperties), filled with ONE Docs batchUpdate of
// replaceAllText requests, and exported as PDF (Drive files.export). A letter whose table of fixed
// length it fills only in part (a surat tugas for fewer than its ten assignee rows) reads the copy
// once (documents.get) to find those rows, and the same batchUpdate deletes them first.
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
import { EffectError, type CopiedDocument, type DocumentBackend, type Fields } from './types.ts';
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

  /**
   * deleteTableRow requests for every table row holding one of `placeholders`. A retry after a lost
   * reply finds those rows gone already and deletes nothing.
   */
  async function rowDeletes(documentId: string, placeholders: readonly string[]): Promise<docs_v1.Schema$Request[]> {
    let res;
    try {
      res = await docs.documents.get({ documentId, fields: 'body(content(startIndex,table(tableRows(tableCells(content(paragraph(elements(textRun(content)))))))))' }, call);
    } catch (err) {
      throw toEffectError(err, 'Google Docs documents.get');
    }
    const tags = placeholders.map((p) => `{{${p}}}`);
    const rows: { index: number; row: number }[] = [];
    for (const el of res.data.body?.content ?? []) {
      if (!el.table || typeof el.startIndex !== 'number') continue;
      (el.table.tableRows ?? []).forEach((r, row) => {
        const text = (r.tableCells ?? []).flatMap((c) => c.content ?? []).flatMap((c) => c.paragraph?.elements ?? []).map((e) => e.textRun?.content ?? '').join('');
        if (tags.some((t) => text.includes(t))) rows.push({ index: el.startIndex!, row });
      });
    }
    rows.sort((a, b) => b.index - a.index || b.row - a.row);
    return rows.map(({ index, row }) => ({ deleteTableRow: { tableCellLocation: { tableStartLocation: { index }, rowIndex: row, columnIndex: 0 } } }));
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

    async fill(doc: CopiedDocument, fields: Fields, opts?: { dropRows?: readonly string[] }): Promise<{ missingPlaceholders: string[] }> {
      const names = Object.keys(fields);
      if (names.length === 0) return { missingPlaceholders: [] };
      // Rows of a fixed-length table the letter leaves unused go first, by their table's start
      // index (read once with documents.get): deleting bottom-up keeps the indexes still to use valid.
      const deletes = opts?.dropRows?.length ? await rowDeletes(doc.documentId, opts.dropRows) : [];
      const requests: docs_v1.Schema$Request[] = [
        ...deletes,
        ...names.map((name) => ({
          replaceAllText: {
            containsText: { text: `{{${name}}}`, matchCase: true },
            replaceText: fields[name] ?? '',
          },
        })),
      ];
      let res;
      try {
        res = await docs.documents.batchUpdate({ documentId: doc.documentId, requestBody: { requests } }, call);
      } catch (err) {
        throw toEffectError(err, 'Google Docs documents.batchUpdate');
      }
      // One reply per request, in order; the API leaves occurrencesChanged out when it is 0.
      const replies = (res.data.replies ?? []).slice(deletes.length);
      const missingPlaceholders = names.filter((_, i) => !(replies[i]?.replaceAllText?.occurrencesChanged ?? 0));
      return { missingPlaceholders };
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
