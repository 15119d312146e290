// What the importer refuses, each with a stable code and a message in Indonesian that says what to
// do, and no draft: an empty file, a table without a Waktu column, a .docx without tables, 5 MB of
// text, a binary file, a corrupt .docx.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { importSop, ImportError, type ImportErrorCode } from '../../functions/src/sop/import/index.ts';
import { docxOf } from '../support/seed-docx.ts';
import { Document, Packer, Paragraph, TextRun } from 'docx';

function refused(run: () => unknown): ImportError {
  try {
    const drafts = run();
    throw new Error(`a draft was produced: ${JSON.stringify(drafts).slice(0, 200)}`);
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return e as ImportError;
  }
}

const expectRefusal = (e: ImportError, code: ImportErrorCode, words: RegExp) => {
  expect(e.code).toBe(code);
  expect(e.message).toMatch(words);
};

describe('importer refusals', () => {
  it('an empty file or only whitespace', () => {
    expectRefusal(refused(() => importSop({ kind: 'bytes', bytes: new Uint8Array() })), 'EMPTY', /kosong/);
    expectRefusal(refused(() => importSop({ kind: 'text', text: ' \n\t \n' })), 'EMPTY', /kosong/);
    expectRefusal(refused(() => importSop({ kind: 'rows', rows: [['', ''], ['']] })), 'EMPTY', /kosong/);
  });

  it('a table without a Waktu column', () => {
    const text = ['PROSEDUR UJI', 'NO\tKEGIATAN\tPELAKSANA\t\tKelengkapan\tOutput', '\t\tKepala Bidang\tPetugas\t\t', '1\tMenyusun rencana\t\t\tATK\tRencana', '2\tMenyetujui rencana\t\t\tKomputer\tPersetujuan'].join('\n');
    expectRefusal(refused(() => importSop({ kind: 'text', text })), 'NO_WAKTU', /kolom Waktu/);
  });

  it('a .docx without tables, and one that is no .docx at all', async () => {
    const onlyText = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun('Prosedur tanpa tabel: 1. Menyusun rencana. 2. Menyetujui.')] })] }] })));
    expectRefusal(refused(() => importSop({ kind: 'bytes', bytes: onlyText })), 'DOCX_NO_TABLE', /tidak berisi tabel/);
    const corrupt = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...randomBytes(400)]);
    expectRefusal(refused(() => importSop({ kind: 'bytes', bytes: corrupt })), 'NOT_DOCX', /bukan \.docx/);
    // A .docx whose only table is no SOP table.
    const other = await docxOf([{ kind: 'table', rows: [['Nama', 'Alamat'], ['Budi', 'Paringin']] }]);
    expectRefusal(refused(() => importSop({ kind: 'bytes', bytes: other })), 'NO_TABLE', /tabel SOP/);
  });

  it('5 MB of text, as text and as a file', () => {
    const big = 'NO\tKEGIATAN\tWaktu\n'.padEnd(5 * 1024 * 1024, 'x');
    expectRefusal(refused(() => importSop({ kind: 'text', text: big })), 'TOO_LARGE', /terlalu besar/);
    expectRefusal(refused(() => importSop({ kind: 'bytes', bytes: new TextEncoder().encode(big + 'y') })), 'TOO_LARGE', /terlalu besar/);
  });

  it('a binary file (an image, random bytes)', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...randomBytes(2000)]);
    expectRefusal(refused(() => importSop({ kind: 'bytes', bytes: png })), 'BINARY', /bukan teks/);
    const nul = new TextEncoder().encode('NO\tKEGIATAN\u0000\u0000\u0001');
    expectRefusal(refused(() => importSop({ kind: 'bytes', bytes: nul })), 'BINARY', /bukan teks/);
  });

  it('text with no table and no numbered steps', () => {
    expectRefusal(refused(() => importSop({ kind: 'text', text: 'Surat ini hanya berisi salam pembuka dan penutup.' })), 'NO_TABLE', /tidak ditemukan/);
  });
});
