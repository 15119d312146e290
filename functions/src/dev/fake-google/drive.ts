// Drive v3: copy a template, list by appProperties, export as PDF (a real one-page PDF of the text), upload a .docx converted into
// a Google Doc (or any other file, kept as uploaded), get a file or its content (`alt=media`), and
// move or trash a file (a partner form into the agency's folder, a replaced template to the trash).
import { PDFDocument, StandardFonts } from 'pdf-lib';
import PizZip from 'pizzip';
import type { drive_v3 } from '@googleapis/drive';
import { matches, parseFields, parseQuery, select } from './drive-query.ts';
import { HttpFailure } from './errors.ts';
import { textOf } from './docs.ts';
import type { Answer, FakeDocument, FakeElement, FakeRequest, Handler, Store } from './types.ts';

export const GOOGLE_DOC = 'application/vnd.google-apps.document';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const handleDrive: Handler = (req, store) => {
  const { method, path } = req;
  let m: RegExpExecArray | null;
  if (method === 'POST' && (m = /^\/drive\/v3\/files\/([^/]+)\/copy$/.exec(path))) return copy(decodeURIComponent(m[1]!), req, store);
  if (method === 'GET' && path === '/drive/v3/files') return list(req, store);
  if (method === 'GET' && (m = /^\/drive\/v3\/files\/([^/]+)\/export$/.exec(path))) return exportPdf(decodeURIComponent(m[1]!), req, store);
  if (method === 'POST' && path === '/upload/drive/v3/files') return upload(req, store);
  if (method === 'GET' && (m = /^\/drive\/v3\/files\/([^/]+)$/.exec(path))) {
    const id = decodeURIComponent(m[1]!);
    const doc = documentOr404(store, id);
    if (req.query['alt'] === 'media') {
      if (!doc.bytes) throw new HttpFailure(403, 'Only files with binary content can be downloaded. Use Export with Docs Editors files.', 'fileNotDownloadable');
      return { status: 200, bytes: doc.bytes, contentType: doc.mimeType };
    }
    return { status: 200, json: withFields(fileResource(id, doc), req.query['fields'], 'kind,id,name,mimeType') };
  }
  if (method === 'PATCH' && (m = /^\/drive\/v3\/files\/([^/]+)$/.exec(path))) return move(decodeURIComponent(m[1]!), req, store);
  return undefined;
};

/** files.update with addParents/removeParents (a file has exactly one parent, as in Drive today) and `trashed`. */
function move(id: string, req: FakeRequest, store: Store): Answer {
  const doc = documentOr404(store, id);
  const trashed = (req.body as drive_v3.Schema$File | undefined)?.trashed;
  if (typeof trashed === 'boolean') doc.trashed = trashed;
  const add = (req.query['addParents'] ?? '').split(',').filter(Boolean);
  const remove = (req.query['removeParents'] ?? '').split(',').filter(Boolean);
  const parents = [...doc.parents.filter((p) => !remove.includes(p)), ...add.filter((p) => !doc.parents.includes(p) || remove.includes(p))];
  if (parents.length > 1) throw new HttpFailure(403, 'Increasing the number of parents is not allowed.', 'cannotAddParent');
  doc.parents = parents;
  return { status: 200, json: withFields(fileResource(id, doc), req.query['fields'], 'kind,id,name,mimeType') };
}

function copy(sourceId: string, req: FakeRequest, store: Store): Answer {
  const source = documentOr404(store, sourceId);
  const body = (req.body ?? {}) as drive_v3.Schema$File;
  const id = store.nextId('copy');
  const doc: FakeDocument = {
    name: body.name ?? `Copy of ${source.name}`,
    text: source.text,
    ...(source.body ? { body: structuredClone(source.body) } : {}),
    parents: body.parents ?? [],
    appProperties: { ...(body.appProperties ?? {}) } as Record<string, string>,
    mimeType: source.mimeType,
    trashed: false,
  };
  store.documents.set(id, doc);
  return { status: 200, json: withFields(fileResource(id, doc), req.query['fields'], 'kind,id,name,mimeType') };
}

function list(req: FakeRequest, store: Store): Answer {
  const { query } = req;
  const terms = query['q'] ? parseQuery(query['q']) : [];
  const files = [...store.documents].filter(([, d]) => matches(d, terms)).map(([id, d]) => fileResource(id, d));
  const list = { kind: 'drive#fileList', incompleteSearch: false, files };
  return { status: 200, json: withFields(list, query['fields'], 'kind,incompleteSearch,files(kind,id,name,mimeType)') };
}

function exportPdf(id: string, req: FakeRequest, store: Store): Promise<Answer> {
  const { query } = req;
  const doc = documentOr404(store, id);
  if (query['mimeType'] !== 'application/pdf') {
    throw new HttpFailure(400, `The requested conversion is not supported: ${query['mimeType']}`, 'badRequest');
  }
  return textPdf(doc.text, doc.pageSize ?? A4_PORTRAIT).then((bytes) => ({ status: 200, bytes, contentType: 'application/pdf' }));
}

const A4_PORTRAIT = { width: 595.28, height: 841.89 };

/**
 * One page with the document's lines in Helvetica: a real PDF as Docs exports one. The text is
 * shrunk until every line fits on the page (nothing is left out); characters the standard font
 * cannot print (outside WinAnsi) become "?".
 */
async function textPdf(text: string, size: { width: number; height: number }): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage([size.width, size.height]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const printable = (line: string) => [...line].map((c) => (c.charCodeAt(0) < 256 || '‘’“”–—…•€™'.includes(c) ? c : '?')).join('').replace(/\t/g, '    ');
  const lines = text.split('\n').map(printable);
  const margin = 56;
  let fontSize = 11;
  const fits = (s: number) => lines.length * s * 1.3 <= size.height - 2 * margin && lines.every((l) => font.widthOfTextAtSize(l, s) <= size.width - 2 * margin);
  while (fontSize > 2 && !fits(fontSize)) fontSize -= 0.5;
  lines.forEach((l, i) => page.drawText(l, { x: margin, y: size.height - margin - (i + 1) * fontSize * 1.3, size: fontSize, font }));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** files.create with a multipart media upload (a .docx converted into a Google Doc). */
function upload(req: FakeRequest, store: Store): Answer {
  const { query } = req;
  if (query['uploadType'] !== 'multipart') throw new HttpFailure(400, `Fake supports uploadType=multipart only`);
  const parts = req.body as { contentType: string; body: unknown }[];
  const meta = (parts[0]?.body ?? {}) as drive_v3.Schema$File;
  const media = parts[1];
  if (!media || !Buffer.isBuffer(media.body)) throw new HttpFailure(400, 'Media part is missing');
  const docx = media.contentType.startsWith(DOCX);
  const converted = docx ? docxDocument(media.body) : { text: media.body.toString('utf8') };
  const id = store.nextId('upload');
  const doc: FakeDocument = {
    ...(docx ? {} : { bytes: Buffer.from(media.body) }),
    name: meta.name ?? 'Untitled',
    ...converted,
    parents: meta.parents ?? [],
    appProperties: { ...(meta.appProperties ?? {}) } as Record<string, string>,
    mimeType: meta.mimeType ?? media.contentType,
    trashed: false,
  };
  store.documents.set(id, doc);
  return { status: 200, json: withFields(fileResource(id, doc), query['fields'], 'kind,id,name,mimeType') };
}

function fileResource(id: string, d: FakeDocument) {
  return {
    kind: 'drive#file',
    id,
    name: d.name,
    mimeType: d.mimeType,
    parents: d.parents,
    appProperties: d.appProperties,
    trashed: d.trashed,
    webViewLink: `https://docs.google.com/document/d/${id}/edit?usp=drivesdk`,
  };
}

function withFields(value: unknown, fields: string | undefined, defaults: string): unknown {
  return select(value, parseFields(fields ?? defaults));
}

function documentOr404(store: Store, id: string): FakeDocument {
  const d = store.documents.get(id);
  if (!d) throw new HttpFailure(404, `File not found: ${id}.`, 'notFound');
  return d;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function paragraphText(p: string): string {
  return (p.match(/<w:t(?:\s[^>]*)?>[\s\S]*?<\/w:t>|<w:tab\/>|<w:br\/>/g) ?? [])
    .map((t) => (t === '<w:tab/>' ? '\t' : t === '<w:br/>' ? '\n' : t.replace(/<[^>]+>/g, '')))
    .join('')
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => XML_ENTITIES[e] ?? '');
}

/**
 * A .docx as Drive converts it into a Google Doc: its paragraphs (runs joined, so split
 * placeholders rejoin) and tables (rows of cells, nested tables kept), and the text tests read.
 */
export function docxDocument(bytes: Buffer): { text: string; body: FakeElement[] } {
  const xml = new PizZip(bytes).file('word/document.xml')?.asText();
  if (xml === undefined) throw new HttpFailure(400, 'Not a .docx file: word/document.xml is missing');
  const body: FakeElement[] = [];
  // Where elements go: the body, or the cell being read (innermost last).
  const stack: { content: FakeElement[]; table?: FakeElement[][][] }[] = [{ content: body }];
  const top = () => stack.at(-1)!;
  for (const token of xml.match(/<w:tbl>|<\/w:tbl>|<w:tr[ >]|<\/w:tr>|<w:tc[ >]|<\/w:tc>|<w:p[\s>][\s\S]*?<\/w:p>|<w:p\/>/g) ?? []) {
    if (token === '<w:tbl>') {
      const table: FakeElement[][][] = [];
      top().content.push({ table });
      stack.push({ content: [], table });
    } else if (token === '</w:tbl>') stack.pop();
    else if (token.startsWith('<w:tr')) top().table?.push([]);
    else if (token.startsWith('<w:tc')) {
      const cell: FakeElement[] = [];
      top().table?.at(-1)?.push(cell);
      stack.push({ content: cell });
    } else if (token === '</w:tc>') stack.pop();
    else if (token !== '</w:tr>') top().content.push({ paragraph: paragraphText(token) });
  }
  return { text: textOf(body), body };
}
