// Docs v1: documents.get and documents.batchUpdate over a document's structure (paragraphs and
// tables of rows of cells), indexed as Google Docs indexes it, with the requests the letters use:
// replaceAllText, deleteTableRow, insertTableRow and insertText.
//
// Indexes (as in Docs): the body starts at 1; a paragraph takes its text and its newline; a table
// takes one index where it starts, each row one before its first cell, each cell one before its
// content, and one more where the table ends. documents.get answers that structure (startIndex and
// endIndex of every element, paragraph runs with their text and newline), cut to `fields` when
// the request names them. A batch is applied request by request on a copy, each request seeing
// the indexes the ones before it left, and kept only when every request succeeded, as in Docs.
import type { docs_v1 } from '@googleapis/docs';
import { parseFields, select } from './drive-query.ts';
import { HttpFailure } from './errors.ts';
import type { Answer, FakeDocument, FakeElement, Handler } from './types.ts';

export const handleDocs: Handler = (req, store) => {
  const get = req.method === 'GET' ? /^\/v1\/documents\/([^/:]+)$/.exec(req.path) : null;
  const update = req.method === 'POST' ? /^\/v1\/documents\/([^/:]+):batchUpdate$/.exec(req.path) : null;
  const m = get ?? update;
  if (!m) return undefined;
  const id = decodeURIComponent(m[1]!);
  const doc = store.documents.get(id);
  if (!doc) throw new HttpFailure(404, `Requested entity was not found.`, 'notFound');
  if (get) {
    const full = structure(id, doc);
    return { status: 200, json: req.query['fields'] ? select(full, parseFields(req.query['fields'])) : full };
  }
  return batchUpdate(id, doc, (req.body ?? {}) as docs_v1.Schema$BatchUpdateDocumentRequest, store.nextId('rev'));
};

/** A document's body: as converted from .docx, or one paragraph per line of its text. */
export function bodyOf(doc: FakeDocument): FakeElement[] {
  return doc.body ?? doc.text.split('\n').map((text) => ({ paragraph: text }));
}

/** The text a test reads: one line per paragraph, a table's cells row by row. */
export function textOf(body: readonly FakeElement[]): string {
  return lines(body).join('\n');
}

function lines(body: readonly FakeElement[]): string[] {
  return body.flatMap((el) => ('paragraph' in el ? [el.paragraph] : el.table.flatMap((row) => row.flatMap((cell) => lines(cell)))));
}

function cloneBody(body: readonly FakeElement[]): FakeElement[] {
  return body.map((el) => ('paragraph' in el ? { paragraph: el.paragraph } : { table: el.table.map((row) => row.map((cell) => cloneBody(cell))) }));
}

// ---------------------------------------------------------------------------------------------
// Indexes
// ---------------------------------------------------------------------------------------------

interface Span {
  startIndex: number;
  endIndex: number;
}

interface IndexedParagraph extends Span {
  kind: 'paragraph';
  /** The content array holding it, and its place there: what insertText changes. */
  owner: FakeElement[];
  at: number;
  text: string;
}

interface IndexedTable extends Span {
  kind: 'table';
  element: { table: FakeElement[][][] };
  rows: (Span & { cells: (Span & { content: Indexed[] })[] })[];
}

type Indexed = IndexedParagraph | IndexedTable;

/** Every element of `content` with its indexes, from `start`. */
function indexed(content: FakeElement[], start: number): { items: Indexed[]; end: number } {
  let i = start;
  const items: Indexed[] = content.map((el, at) => {
    if ('paragraph' in el) {
      const p: IndexedParagraph = { kind: 'paragraph', owner: content, at, text: el.paragraph, startIndex: i, endIndex: i + el.paragraph.length + 1 };
      i = p.endIndex;
      return p;
    }
    const tableStart = i;
    i++;
    const rows = el.table.map((row) => {
      const rowStart = i;
      i++;
      const cells = row.map((cell) => {
        const cellStart = i;
        const inner = indexed(cell, i + 1);
        i = inner.end;
        return { startIndex: cellStart, endIndex: i, content: inner.items };
      });
      return { startIndex: rowStart, endIndex: i, cells };
    });
    i++;
    return { kind: 'table', element: el, rows, startIndex: tableStart, endIndex: i };
  });
  return { items, end: i };
}

function* paragraphs(items: Indexed[]): Generator<IndexedParagraph> {
  for (const it of items) {
    if (it.kind === 'paragraph') yield it;
    else for (const r of it.rows) for (const c of r.cells) yield* paragraphs(c.content);
  }
}

function* tables(items: Indexed[]): Generator<IndexedTable> {
  for (const it of items) {
    if (it.kind !== 'table') continue;
    yield it;
    for (const r of it.rows) for (const c of r.cells) yield* tables(c.content);
  }
}

// ---------------------------------------------------------------------------------------------
// documents.get
// ---------------------------------------------------------------------------------------------

function structural(items: Indexed[]): docs_v1.Schema$StructuralElement[] {
  return items.map((it) => {
    if (it.kind === 'paragraph') {
      return {
        startIndex: it.startIndex,
        endIndex: it.endIndex,
        paragraph: { elements: [{ startIndex: it.startIndex, endIndex: it.endIndex, textRun: { content: `${it.text}\n` } }] },
      };
    }
    return {
      startIndex: it.startIndex,
      endIndex: it.endIndex,
      table: {
        rows: it.rows.length,
        columns: Math.max(0, ...it.rows.map((r) => r.cells.length)),
        tableRows: it.rows.map((r) => ({ startIndex: r.startIndex, endIndex: r.endIndex, tableCells: r.cells.map((c) => ({ startIndex: c.startIndex, endIndex: c.endIndex, content: structural(c.content) })) })),
      },
    };
  });
}

function structure(id: string, doc: FakeDocument): docs_v1.Schema$Document {
  return { documentId: id, title: doc.name, body: { content: structural(indexed(bodyOf(doc), 1).items) } };
}

// ---------------------------------------------------------------------------------------------
// documents.batchUpdate
// ---------------------------------------------------------------------------------------------

const KNOWN = 'replaceAllText, deleteTableRow, insertTableRow and insertText';

/** All requests of a batch are applied or none, as in Docs. */
function batchUpdate(id: string, doc: FakeDocument, body: docs_v1.Schema$BatchUpdateDocumentRequest, revision: string): Answer {
  const content = cloneBody(bodyOf(doc));
  const replies: docs_v1.Schema$Response[] = [];
  for (const [i, r] of (body.requests ?? []).entries()) {
    if (Object.keys(r).length !== 1) throw new HttpFailure(400, `Invalid requests[${i}]: exactly one request kind per entry`);
    if (r.replaceAllText) replies.push({ replaceAllText: replaceAll(content, r.replaceAllText, i) });
    else if (r.deleteTableRow) replies.push(changeRows(content, r.deleteTableRow.tableCellLocation, i, 'deleteTableRow', (rows, at) => rows.splice(at, 1)));
    else if (r.insertTableRow) {
      const below = r.insertTableRow.insertBelow === true;
      replies.push(changeRows(content, r.insertTableRow.tableCellLocation, i, 'insertTableRow', (rows, at) => rows.splice(below ? at + 1 : at, 0, rows[at]!.map(() => [{ paragraph: '' }]))));
    } else if (r.insertText) replies.push(insertText(content, r.insertText, i));
    else throw new HttpFailure(400, `Invalid requests[${i}]: the fake knows ${KNOWN} only`);
  }
  doc.body = content;
  doc.text = textOf(content);
  return { status: 200, json: { documentId: id, replies, writeControl: { requiredRevisionId: revision } } };
}

/** Splits paragraphs at the line breaks a replacement or an insertion brought in: each is a paragraph of its own, as in Docs. */
function splitLines(content: FakeElement[], at: number): void {
  const el = content[at]!;
  if ('paragraph' in el && el.paragraph.includes('\n')) content.splice(at, 1, ...el.paragraph.split('\n').map((t) => ({ paragraph: t })));
}

function replaceAll(content: FakeElement[], rat: docs_v1.Schema$ReplaceAllTextRequest, i: number): docs_v1.Schema$ReplaceAllTextResponse {
  const needle = rat.containsText?.text;
  if (!needle) throw new HttpFailure(400, `Invalid requests[${i}].replaceAllText: containsText.text is required`);
  const re = new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), rat.containsText?.matchCase ? 'g' : 'gi');
  let count = 0;
  const walk = (items: FakeElement[]) => {
    for (let k = items.length - 1; k >= 0; k--) {
      const el = items[k]!;
      if ('paragraph' in el) {
        el.paragraph = el.paragraph.replace(re, () => {
          count++;
          return rat.replaceText ?? '';
        });
        splitLines(items, k);
      } else for (const row of el.table) for (const cell of row) walk(cell);
    }
  };
  walk(content);
  // Like the real API, a zero count is left out (proto3 JSON omits defaults).
  return count > 0 ? { occurrencesChanged: count } : {};
}

function changeRows(content: FakeElement[], loc: docs_v1.Schema$TableCellLocation | undefined, i: number, kind: string, change: (rows: FakeElement[][][], at: number) => void): docs_v1.Schema$Response {
  const start = loc?.tableStartLocation?.index;
  const table = [...tables(indexed(content, 1).items)].find((t) => t.startIndex === start);
  const row = loc?.rowIndex ?? -1;
  if (!table || row < 0 || row >= table.rows.length) throw new HttpFailure(400, `Invalid requests[${i}].${kind}: no table row at that location`);
  change(table.element.table, row);
  if (!table.element.table.length) throw new HttpFailure(400, `Invalid requests[${i}].${kind}: a table keeps at least one row`);
  return {};
}

function insertText(content: FakeElement[], req: docs_v1.Schema$InsertTextRequest, i: number): docs_v1.Schema$Response {
  const at = req.location?.index;
  if (typeof at !== 'number') throw new HttpFailure(400, `Invalid requests[${i}].insertText: location.index is required`);
  // The index must fall inside a paragraph, before its newline at the latest.
  const p = [...paragraphs(indexed(content, 1).items)].find((x) => at >= x.startIndex && at < x.endIndex);
  if (!p) throw new HttpFailure(400, `Invalid requests[${i}].insertText: The insertion index must be inside the bounds of an existing paragraph.`);
  const offset = at - p.startIndex;
  p.owner[p.at] = { paragraph: p.text.slice(0, offset) + (req.text ?? '') + p.text.slice(offset) };
  splitLines(p.owner, p.at);
  return {};
}
