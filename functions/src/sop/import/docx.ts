// A .docx read as rows of cells, in document order: each paragraph outside a table is a row of one
// cell (titles, legal basis), each table row a row whose cells follow the table grid: a cell spanning
// columns (w:gridSpan) keeps its text in its first column and leaves the others empty, as a pasted
// table does; a cell continuing a vertical merge (w:vMerge) repeats the text of the cell it continues,
// so a mark or an item merged over several steps applies to each. Pure: the bytes come from the caller.
import PizZip from 'pizzip';
import { ImportError } from './types.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? m),
  );

export function isDocx(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

interface Cell {
  text: string;
  span: number;
  vmerge: 'restart' | 'continue' | null;
}

/** The document's body as rows of cells; throws when it is no .docx or holds no table. */
export function rowsFromDocx(bytes: Uint8Array): { rows: string[][]; tables: number } {
  let xml: string;
  try {
    const zip = new PizZip(bytes);
    const file = zip.file('word/document.xml');
    if (!file) throw new Error('no document.xml');
    xml = file.asText();
  } catch {
    throw new ImportError('NOT_DOCX', 'Berkas bukan .docx yang dapat dibaca (rusak, terkunci sandi, atau format lain). Simpan ulang dari Word sebagai .docx.');
  }
  const rows: string[][] = [];
  let tables = 0;
  const re = /<(\/?)(w:[A-Za-z]+)((?:\s[^>]*?)?)(\/?)>|([^<]+)/g;
  let tblDepth = 0;
  let inText = false;
  let para = '';
  let row: Cell[] | null = null;
  let cell: Cell | null = null;
  let paraInCell: string[] = [];
  /** Text of each grid column in the previous row of the current table (for vertical merges). */
  let above: string[] = [];
  let gridRows: Cell[][] = [];
  const attr = (a: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(a)?.[1];

  for (const m of xml.matchAll(re)) {
    const [, close, tag, attrs = '', self, text] = m;
    if (text !== undefined) {
      if (inText) para += decode(text);
      continue;
    }
    const open = !close;
    switch (tag) {
      case 'w:tbl':
        if (open) {
          tblDepth++;
          if (tblDepth === 1) {
            tables++;
            gridRows = [];
            above = [];
          }
        } else {
          tblDepth--;
          if (tblDepth === 0) {
            for (const r of gridRows) {
              const out: string[] = [];
              for (const c of r) {
                const col = out.length;
                const t = c.vmerge === 'continue' ? (above[col] ?? '') : c.text;
                out.push(t);
                for (let k = 1; k < c.span; k++) out.push('');
              }
              above = out;
              rows.push(out);
            }
          }
        }
        break;
      case 'w:tr':
        if (tblDepth === 1) {
          if (open && !self) row = [];
          else if (!open && row) {
            gridRows.push(row);
            row = null;
          }
        }
        break;
      case 'w:tc':
        if (tblDepth === 1) {
          if (open && !self) {
            cell = { text: '', span: 1, vmerge: null };
            paraInCell = [];
          } else if (!open && cell && row) {
            cell.text = paraInCell.join('\n').trim();
            row.push(cell);
            cell = null;
          }
        }
        break;
      case 'w:gridSpan':
        if (cell && tblDepth === 1) cell.span = Math.max(1, Number(attr(attrs, 'w:val') ?? 1) || 1);
        break;
      case 'w:vMerge':
        if (cell && tblDepth === 1) cell.vmerge = attr(attrs, 'w:val') === 'restart' ? 'restart' : 'continue';
        break;
      case 'w:t':
        inText = open && !self;
        break;
      case 'w:tab':
        if (open) para += '\t';
        break;
      case 'w:br':
      case 'w:cr':
        if (open) para += '\n';
        break;
      case 'w:p':
        if (open && !self) para = '';
        else if (!open || self) {
          if (tblDepth > 0) {
            if (cell) paraInCell.push(para);
          } else if (para.trim()) rows.push([para]);
          para = '';
        }
        break;
      default:
        break;
    }
  }
  if (!tables) throw new ImportError('DOCX_NO_TABLE', 'Berkas .docx tidak berisi tabel: SOP harus berupa tabel (No, Kegiatan, Pelaksana, Mutu Baku). Bila SOP berupa daftar langkah, tempel teksnya.');
  return { rows, tables };
}
