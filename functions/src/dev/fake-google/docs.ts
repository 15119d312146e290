// Docs v1: documents.get (the tables of a document) and documents.batchUpdate with replaceAllText
// and deleteTableRow, the requests the letters use.
import type { docs_v1 } from '@googleapis/docs';
import { HttpFailure } from './errors.ts';
import type { Answer, FakeDocument, Handler } from './types.ts';

export const handleDocs: Handler = (req, store) => {
  const get = req.method === 'GET' ? /^\/v1\/documents\/([^/:]+)$/.exec(req.path) : null;
  const update = req.method === 'POST' ? /^\/v1\/documents\/([^/:]+):batchUpdate$/.exec(req.path) : null;
  const m = get ?? update;
  if (!m) return undefined;
  const id = decodeURIComponent(m[1]!);
  const doc = store.documents.get(id);
  if (!doc) throw new HttpFailure(404, `Requested entity was not found.`, 'notFound');
  if (get) return { status: 200, json: structure(id, doc) };
  return batchUpdate(id, doc, (req.body ?? {}) as docs_v1.Schema$BatchUpdateDocumentRequest, store.nextId('rev'));
};

/** The document's tables as documents.get gives them (one cell per row here, holding the row's text). */
function structure(id: string, doc: FakeDocument): docs_v1.Schema$Document {
  const content: docs_v1.Schema$StructuralElement[] = (doc.tables ?? []).map((t) => ({
    startIndex: t.startIndex,
    table: {
      rows: t.rows.length,
      columns: 1,
      tableRows: t.rows.map((r) => ({ tableCells: [{ content: [{ paragraph: { elements: [{ textRun: { content: `${r}\n` } }] } }] }] })),
    },
  }));
  return { documentId: id, title: doc.name, body: { content } };
}

/** All requests of a batch are applied or none, as in Docs. */
function batchUpdate(id: string, doc: FakeDocument, body: docs_v1.Schema$BatchUpdateDocumentRequest, revision: string): Answer {
  let text = doc.text;
  const tables = (doc.tables ?? []).map((t) => ({ startIndex: t.startIndex, rows: [...t.rows] }));
  const replies: docs_v1.Schema$Response[] = [];
  for (const [i, r] of (body.requests ?? []).entries()) {
    if (Object.keys(r).length !== 1) throw new HttpFailure(400, `Invalid requests[${i}]: exactly one request kind per entry`);
    if (r.deleteTableRow) {
      text = deleteRow(text, tables, r.deleteTableRow, i);
      replies.push({});
      continue;
    }
    const rat = r.replaceAllText;
    const needle = rat?.containsText?.text;
    if (!rat || !needle) throw new HttpFailure(400, `Invalid requests[${i}]: the fake knows replaceAllText with containsText.text and deleteTableRow only`);
    const flags = rat.containsText?.matchCase ? 'g' : 'gi';
    const re = new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags);
    const count = text.match(re)?.length ?? 0;
    text = text.replace(re, () => rat.replaceText ?? '');
    for (const t of tables) t.rows = t.rows.map((row) => row.replace(re, () => rat.replaceText ?? ''));
    // Like the real API, a zero count is left out (proto3 JSON omits defaults).
    replies.push({ replaceAllText: count > 0 ? { occurrencesChanged: count } : {} });
  }
  doc.text = text;
  if (doc.tables) doc.tables = tables;
  return { status: 200, json: { documentId: id, replies, writeControl: { requiredRevisionId: revision } } };
}

function deleteRow(text: string, tables: { startIndex: number; rows: string[] }[], req: docs_v1.Schema$DeleteTableRowRequest, i: number): string {
  const loc = req.tableCellLocation;
  const table = tables.find((t) => t.startIndex === loc?.tableStartLocation?.index);
  const row = loc?.rowIndex ?? -1;
  if (!table || row < 0 || row >= table.rows.length) throw new HttpFailure(400, `Invalid requests[${i}].deleteTableRow: no table row at that location`);
  const [gone] = table.rows.splice(row, 1);
  const at = text.indexOf(`${gone}\n`);
  return at < 0 ? text : text.slice(0, at) + text.slice(at + gone!.length + 1);
}
