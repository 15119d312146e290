// The letter templates: one spec per template (what it is, whether it gets a letter number, who signs,
// whether it is e-mailed to the partner) with its layout as data. docx/build.ts turns each layout into
// functions/templates/<id>.docx, the one template set both renderers use (the local .docx backend and
// Google Docs, where the same files are uploaded as template Docs). fields/index.ts fills the placeholders.
//
// Layout text conventions: `{{name}}` is a placeholder (always written as one text run), `**text**` is
// bold. Every word a reader sees is Bahasa Indonesia following tata naskah dinas (Permendagri 1/2023).
import { fileURLToPath } from 'node:url';
import { producedOf, type SopDefinition } from '../sop/schema.ts';

/** Where the generated .docx templates live (committed): functions/templates. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export type Align = 'left' | 'center' | 'right' | 'justify';

/** A table cell: one or more paragraphs. */
export interface Cell {
  text: string | readonly string[];
  span?: number;
  bold?: boolean;
  align?: Align;
  /** Grey header shading. */
  shade?: boolean;
}

/** A signature column: lines above the blank signing space, the name (bold, underlined), lines below. */
export interface SignatureLines {
  top: readonly string[];
  name: string;
  bottom: readonly string[];
}

export type Block =
  /**
   * Letterhead: the agency's lambang daerah at the left (when it has one; see docx/lambang.ts), the
   * lines centred beside it, the first two bold and large, a double rule below.
   */
  | { kind: 'kop'; lines: readonly string[] }
  /** Centred bold title lines, kept together and with what follows; the first may be underlined. `before`: space above, in lines. */
  | { kind: 'title'; lines: readonly string[]; underlineFirst?: boolean; before?: number }
  | {
      kind: 'para';
      text: string;
      align?: Align;
      /** first = first-line indent (alinea), hanging = numbered item "1. ..." / "(1) ...", left = indented block. */
      indent?: 'first' | 'hanging' | 'left';
      bold?: boolean;
      /** Space before the paragraph, in lines (default 0.5). */
      before?: number;
      /** A heading: kept on the page of the paragraph after it, never split itself. */
      keepNext?: boolean;
    }
  /** "Yth." and the addressee, every following line (the address, more addressees) aligned under the text after "Yth. ". */
  | { kind: 'addressee'; lines: readonly string[] }
  /** Borderless "Label : value" rows; `aside` is set right-aligned on the first row (place and date). */
  | { kind: 'fields'; rows: readonly (readonly [string, string])[]; aside?: string; labelWidth?: number; indentLeft?: boolean }
  /**
   * A bordered table; widths are relative column widths. `repeat` names a list: the table's last
   * row is written once per item of it (its placeholders, `{{<list>_<column>}}`, are the list's
   * columns), so the table is as long as the list, never cut at a fixed length. `rowHeight`: the
   * least height of the rows under the first, in twips (room to sign).
   */
  | { kind: 'table'; widths: readonly number[]; rows: readonly (readonly Cell[])[]; repeat?: string; rowHeight?: number }
  /**
   * A signature on the right half of the page, kept on the page of the block before it.
   * `meterai`: a taller signing space, room for a meterai stamp left of where the name is signed.
   */
  | { kind: 'signature'; sig: SignatureLines; meterai?: boolean }
  /** Two signatures side by side (agreements: PIHAK KEDUA left, PIHAK PERTAMA right), names on one baseline. */
  | { kind: 'signatures'; left: SignatureLines; right: SignatureLines; meterai?: boolean }
  | { kind: 'spacer' }
  | { kind: 'pageBreak' };

export interface TemplateSpec {
  id: string;
  /** Document title (also the generated file's title). */
  title: string;
  /** Whether a letter number is reserved for it when a step produces it. */
  numbered: boolean;
  /** Default classification code of the letter number; an agency overrides it in its numbering settings. */
  klasifikasi: string;
  /** E-mailed (as PDF in production) to the case's partner when the partner has an address. */
  emailToPartner: boolean;
  /** Role id whose active staff member signs; without it (or with nobody active) the step's actor signs. */
  signerRole?: string;
  /**
   * Signed on behalf of the head of the agency ("a.n.", and "u.b." below a direct report) when the
   * signer's role is not the head: letters that leave the agency. Internal documents (disposisi,
   * nota dinas, laporan, notula) are signed in one's own name.
   */
  atasNama: boolean;
  /** Wording variants a produced document may choose (its `variant`), each with its document title. */
  variants?: Readonly<Record<string, string>>;
  /** Slots whose values are staff e-mails or names, looked up in the staff directory when the letter is planned. */
  people?: readonly string[];
  /** The record of an event (minutes): dated by the event, it cannot be made before the event. */
  record?: boolean;
  /** A draft: marked DRAF, without a number, its dates left as blanks to fill at signing. */
  draft?: boolean;
  /** Placeholders that may go without a value: the table row holding them is then removed (a table of fixed length). */
  droppable: readonly string[];
  /** Every {{name}} in the layout, in order of first appearance. */
  placeholders: readonly string[];
  /** The lists of its growing tables (see `repeat`): list name -> the placeholders of the repeated row, in column order. */
  lists: Readonly<Record<string, readonly string[]>>;
  blocks: readonly Block[];
}

// ---------------------------------------------------------------------------------------------
// Placeholders
// ---------------------------------------------------------------------------------------------

export const PLACEHOLDER_RE = /\{\{([a-z][a-z0-9_]*)\}\}/g;

function blockTexts(b: Block): string[] {
  switch (b.kind) {
    case 'kop':
    case 'title':
    case 'addressee':
      return [...b.lines];
    case 'para':
      return [b.text];
    case 'fields':
      return [...b.rows.flatMap(([l, v]) => [l, v]), ...(b.aside ? [b.aside] : [])];
    case 'table':
      return b.rows.flatMap((r) => r.flatMap((c) => (typeof c.text === 'string' ? [c.text] : [...c.text])));
    case 'signature':
      return sigTexts(b.sig);
    case 'signatures':
      return [...sigTexts(b.left), ...sigTexts(b.right)];
    case 'spacer':
    case 'pageBreak':
      return [];
  }
}

function sigTexts(s: SignatureLines): string[] {
  return [...s.top, s.name, ...s.bottom];
}

/** Every placeholder name in these blocks, in order of first appearance. */
export function placeholdersOf(blocks: readonly Block[]): string[] {
  const seen = new Set<string>();
  for (const b of blocks) for (const t of blockTexts(b)) for (const m of t.matchAll(PLACEHOLDER_RE)) seen.add(m[1]!);
  return [...seen];
}

// ---------------------------------------------------------------------------------------------
// Building blocks shared by the templates
// ---------------------------------------------------------------------------------------------

const KOP: Block = { kind: 'kop', lines: ['{{kop_pemerintah}}', '{{kop_dinas}}', '{{kop_alamat}}', '{{kop_kontak}}'] };

const para = (text: string, opts: Omit<Extract<Block, { kind: 'para' }>, 'kind' | 'text'> = {}): Block => ({ kind: 'para', text, align: 'justify', ...opts });
/** A body paragraph (alinea) with a first-line indent. */
const alinea = (text: string): Block => para(text, { indent: 'first' });
const title = (...lines: string[]): Block => ({ kind: 'title', lines });
const fields = (rows: (readonly [string, string])[], opts: { aside?: string; labelWidth?: number; indentLeft?: boolean } = {}): Block => ({ kind: 'fields', rows, ...opts });
const SPACER: Block = { kind: 'spacer' };

/** The signer of a document: jabatan (may be multi-line: "a.n. ..."), name, NIP. */
const SIGNATURE: SignatureLines = { top: ['{{ttd_jabatan}}'], name: '{{ttd_nama}}', bottom: ['{{ttd_nip}}'] };
const SIGNATURE_WITH_PLACE: SignatureLines = { top: ['{{tempat_tanggal}}', '{{ttd_jabatan}}'], name: '{{ttd_nama}}', bottom: ['{{ttd_nip}}'] };

/** Surat dinas head: number block with the place and date on the right, then the addressee. */
const SURAT_HEAD: Block[] = [
  KOP,
  fields(
    [
      ['Nomor', '{{nomor}}'],
      ['Sifat', '{{sifat}}'],
      ['Lampiran', '{{lampiran}}'],
      ['Hal', '{{hal}}'],
    ],
    { aside: '{{tempat_tanggal}}' },
  ),
  SPACER,
  { kind: 'addressee', lines: ['{{tujuan}}', '{{tujuan_alamat}}'] },
  SPACER,
];

const TEMBUSAN: Block[] = [para('Tembusan:', { align: 'left', before: 1, keepNext: true }), para('{{tembusan}}', { align: 'left', before: 0 })];

/** A surat dinas: head, body blocks, closing alinea, signature (right), optional tembusan. */
function surat(body: Block[], opts: { tembusan?: boolean; after?: Block[] } = {}): Block[] {
  return [
    ...SURAT_HEAD,
    ...body,
    alinea('{{isi_penutup}}'),
    SPACER,
    { kind: 'signature', sig: SIGNATURE },
    ...(opts.tembusan ? TEMBUSAN : []),
    ...(opts.after ?? []),
  ];
}

/** A nota dinas (internal letter between officials of the agency). */
function notaDinas(): Block[] {
  return [
    KOP,
    title('NOTA DINAS'),
    SPACER,
    fields([
      ['Yth.', '{{tujuan}}'],
      ['Dari', '{{dari}}'],
      ['Tembusan', '{{tembusan}}'],
      ['Tanggal', '{{tanggal}}'],
      ['Nomor', '{{nomor}}'],
      ['Sifat', '{{sifat}}'],
      ['Lampiran', '{{lampiran}}'],
      ['Hal', '{{hal}}'],
    ]),
    para('', { before: 0 }),
    alinea('{{isi_pembuka}}'),
    alinea('{{isi_utama}}'),
    alinea('{{isi_penutup}}'),
    SPACER,
    { kind: 'signature', sig: SIGNATURE },
  ];
}

/** A pasal's number and name: one kept paragraph (LibreOffice did not always honour a chain of keep-with-next paragraphs). */
const pasal = (no: number, name: string): Block[] => [{ kind: 'title', lines: [`Pasal ${no}`, name], before: 1 }];
const ayat = (text: string): Block => para(text, { indent: 'hanging' });

/** How an agreement opens: its title, both parties' numbers, the day and place, and who signs for each party. */
function agreementOpening(...titleLines: string[]): Block[] {
  return [
    title(...titleLines, 'ANTARA', '{{pihak_pertama_lembaga_kapital}}', 'DENGAN', '{{pihak_kedua_lembaga_kapital}}', 'TENTANG', '{{tentang_kapital}}'),
    SPACER,
    para('NOMOR: {{nomor_pihak_pertama}}', { align: 'center', bold: true, before: 0 }),
    para('NOMOR: {{nomor_pihak_kedua}}', { align: 'center', bold: true, before: 0 }),
    SPACER,
    alinea('{{pembukaan}}, bertempat di {{tempat_penandatanganan}}, yang bertanda tangan di bawah ini:'),
    ayat(
      '1.\t{{pihak_pertama_nama}}, {{pihak_pertama_jabatan}}, dalam hal ini bertindak untuk dan atas nama {{pihak_pertama_lembaga}}, berkedudukan di {{pihak_pertama_alamat}}, selanjutnya disebut **PIHAK PERTAMA**;',
    ),
    ayat(
      '2.\t{{pihak_kedua_nama}}, {{pihak_kedua_jabatan}}, dalam hal ini bertindak untuk dan atas nama {{pihak_kedua_lembaga}}, berkedudukan di {{pihak_kedua_alamat}}, selanjutnya disebut **PIHAK KEDUA**.',
    ),
  ];
}

/**
 * A cooperation agreement (PKS), draft or final. No kop: a bilateral agreement is not one party's
 * letter. Both parties number it.
 */
function agreement(kind: 'draft' | 'final'): Block[] {
  return [
    ...agreementOpening(...(kind === 'draft' ? ['DRAF'] : []), 'PERJANJIAN KERJA SAMA'),
    alinea('**PIHAK PERTAMA** dan **PIHAK KEDUA** yang selanjutnya secara bersama-sama disebut **PARA PIHAK**, terlebih dahulu menerangkan hal-hal sebagai berikut:'),
    ayat('a.\tbahwa **PIHAK PERTAMA** merupakan perangkat daerah yang melaksanakan urusan pemerintahan di bidang perpustakaan dan kearsipan;'),
    ayat('b.\tbahwa **PIHAK KEDUA** berkeinginan untuk bekerja sama dengan **PIHAK PERTAMA** dalam pengembangan perpustakaan dan budaya gemar membaca;'),
    ayat('c.\tbahwa **PARA PIHAK** sepakat untuk bekerja sama sesuai dengan tugas, fungsi, dan kewenangan masing-masing.'),
    alinea(`Berdasarkan pertimbangan tersebut, **PARA PIHAK** sepakat untuk mengadakan Perjanjian Kerja Sama tentang {{tentang}}, yang selanjutnya disebut Perjanjian, dengan ketentuan sebagai berikut:`),
    ...pasal(1, 'MAKSUD DAN TUJUAN'),
    ayat(`(1)\tMaksud Perjanjian ini adalah sebagai pedoman bagi **PARA PIHAK** dalam melaksanakan kerja sama tentang {{tentang}}.`),
    ayat(`(2)\tTujuan Perjanjian ini adalah meningkatkan mutu layanan perpustakaan dan budaya gemar membaca masyarakat melalui pemanfaatan sumber daya **PARA PIHAK** secara optimal.`),
    ...pasal(2, 'RUANG LINGKUP'),
    para(`Ruang lingkup Perjanjian ini meliputi:`),
    para('{{ruang_lingkup}}', { indent: 'left', before: 0 }),
    ...pasal(3, 'HAK DAN KEWAJIBAN'),
    ayat('(1)\t**PIHAK PERTAMA** berhak memperoleh data, informasi, dan laporan pelaksanaan kegiatan kerja sama dari **PIHAK KEDUA**.'),
    ayat('(2)\t**PIHAK PERTAMA** berkewajiban menyediakan bahan pustaka, tenaga pustakawan, sarana layanan, dan pembinaan teknis sesuai dengan kemampuan.'),
    ayat(`(3)\t**PIHAK KEDUA** berhak memperoleh layanan, bahan pustaka, dan pembinaan teknis dari **PIHAK PERTAMA** sesuai dengan ruang lingkup Perjanjian ini.`),
    ayat('(4)\t**PIHAK KEDUA** berkewajiban menyediakan tempat dan sarana pendukung kegiatan, menjaga dan mengembalikan bahan pustaka yang dipinjamkan dalam keadaan baik, serta menyampaikan laporan pelaksanaan kegiatan kepada **PIHAK PERTAMA**.'),
    ...pasal(4, 'JANGKA WAKTU'),
    ayat(`(1)\tPerjanjian ini berlaku untuk jangka waktu {{jangka_waktu}} terhitung sejak tanggal ditandatangani oleh **PARA PIHAK**.`),
    ayat(`(2)\tPerjanjian ini dapat diperpanjang atau diakhiri sebelum jangka waktunya berakhir atas kesepakatan **PARA PIHAK** yang dituangkan secara tertulis.`),
    ...pasal(5, 'PEMBIAYAAN'),
    para(`Biaya yang timbul dalam pelaksanaan Perjanjian ini dibebankan kepada anggaran masing-masing **PARA PIHAK** sesuai dengan ketentuan peraturan perundang-undangan.`),
    ...pasal(6, 'KEADAAN KAHAR'),
    ayat(`(1)\tKeadaan kahar adalah keadaan di luar kemampuan **PARA PIHAK**, antara lain bencana alam, kebakaran, wabah penyakit, dan kebijakan pemerintah, yang mengakibatkan Perjanjian ini tidak dapat dilaksanakan.`),
    ayat('(2)\tPihak yang mengalami keadaan kahar memberitahukan secara tertulis kepada pihak lainnya paling lambat 7 (tujuh) hari sejak terjadinya keadaan kahar.'),
    ayat(`(3)\tPelaksanaan Perjanjian ini yang terhambat karena keadaan kahar ditinjau kembali oleh **PARA PIHAK**.`),
    ...pasal(7, 'PENYELESAIAN PERSELISIHAN'),
    ayat(`(1)\tPerselisihan yang timbul dalam pelaksanaan Perjanjian ini diselesaikan oleh **PARA PIHAK** secara musyawarah untuk mufakat.`),
    ayat('(2)\tApabila musyawarah sebagaimana dimaksud pada ayat (1) tidak mencapai mufakat, **PARA PIHAK** sepakat menyelesaikannya sesuai dengan ketentuan peraturan perundang-undangan.'),
    ...pasal(8, 'PENUTUP'),
    ayat(`(1)\tHal-hal yang belum diatur dalam Perjanjian ini akan diatur kemudian oleh **PARA PIHAK** dalam adendum yang merupakan bagian tidak terpisahkan dari Perjanjian ini.`),
    ayat(`(2)\tPerjanjian ini dibuat dalam rangkap 2 (dua) asli, masing-masing dibubuhi meterai Rp10.000,00 (sepuluh ribu rupiah) sesuai dengan Undang-Undang Nomor 10 Tahun 2020 tentang Bea Meterai, mempunyai kekuatan hukum yang sama, dan ditandatangani oleh **PARA PIHAK**.`),
    SPACER,
    {
      kind: 'signatures',
      meterai: true,
      left: { top: ['**PIHAK KEDUA**,', '{{pihak_kedua_jabatan}},'], name: '{{pihak_kedua_nama}}', bottom: [] },
      right: { top: ['**PIHAK PERTAMA**,', '{{pihak_pertama_jabatan}},'], name: '{{pihak_pertama_nama}}', bottom: ['{{pihak_pertama_nip}}'] },
    },
  ];
}

/** An attachment (Lampiran) on a page of its own, headed by the letter it belongs to: whose, its number, date and Hal. */
const LAMPIRAN_HEAD: Block[] = [
  { kind: 'pageBreak' },
  fields(
    [
      ['Lampiran', '{{lampiran_dari}}'],
      ['Nomor', '{{nomor}}'],
      ['Tanggal', '{{tanggal}}'],
      ['Hal', '{{hal}}'],
    ],
    { indentLeft: true, labelWidth: 18 },
  ),
  SPACER,
];

/** The schedule attachment of a notification letter (Lampiran). */
const LAMPIRAN_JADWAL: Block[] = [
  ...LAMPIRAN_HEAD,
  title('{{judul_jadwal}}'),
  SPACER,
  {
    kind: 'table',
    widths: [1],
    rows: [[{ text: 'Hari, Tanggal dan Perpustakaan yang Dikunjungi', bold: true, align: 'center', shade: true }], [{ text: '{{jadwal_rincian}}' }]],
  },
];

/** Main classes of the Dewey Decimal Classification (the desk records' `classification`), and the rest. */
export const DDC_CLASSES: readonly (readonly [string, string])[] = [
  ['000', 'Karya Umum'],
  ['100', 'Filsafat dan Psikologi'],
  ['200', 'Agama'],
  ['300', 'Ilmu Sosial'],
  ['400', 'Bahasa'],
  ['500', 'Ilmu Murni'],
  ['600', 'Ilmu Terapan'],
  ['700', 'Kesenian, Hiburan, dan Olahraga'],
  ['800', 'Kesusastraan'],
  ['900', 'Geografi dan Sejarah'],
  ['lain', 'Tanpa klasifikasi'],
];

// ---------------------------------------------------------------------------------------------
// The templates
// ---------------------------------------------------------------------------------------------

type SpecInput = Omit<TemplateSpec, 'placeholders' | 'droppable' | 'lists'> & { droppable?: readonly string[] };

function spec(s: SpecInput): TemplateSpec {
  return { ...s, droppable: s.droppable ?? [], placeholders: placeholdersOf(s.blocks), lists: listsOf(s.id, s.blocks) };
}

/**
 * The growing tables' lists. Each repeated row's placeholders are named after its list and stand
 * nowhere else in the layout: a backend finds the row by them and fills its copies from the list.
 */
export function listsOf(id: string, blocks: readonly Block[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const b of blocks) {
    if (b.kind !== 'table' || b.repeat === undefined) continue;
    const cols = placeholdersOf([{ ...b, rows: [b.rows.at(-1)!] }]);
    if (!cols.length || cols.some((c) => !c.startsWith(`${b.repeat}_`)) || Object.hasOwn(out, b.repeat)) throw new Error(`Templat ${id}: baris berulang "${b.repeat}" harus memuat isian {{${b.repeat}_...}} saja, satu tabel per daftar`);
    out[b.repeat] = cols;
  }
  const uses = blocks.flatMap(blockTexts).join('\n');
  for (const [list, cols] of Object.entries(out)) {
    if (uses.split(`{{${list}_`).length - 1 !== cols.length) throw new Error(`Templat ${id}: isian {{${list}_...}} hanya boleh ada di baris berulangnya, masing-masing sekali`);
  }
  return out;
}

/** Rows of the surat tugas's table of assignees; the unused ones are removed from the letter. */
export const MAX_ASSIGNEES = 10;
const ASSIGNEE_COLUMNS = ['nama', 'nip', 'pangkat', 'jabatan'] as const;
const assigneeCell = (i: number, c: (typeof ASSIGNEE_COLUMNS)[number]) => `petugas_${i}_${c}`;

const ASSIGNEE_TABLE: Block = {
  kind: 'table',
  widths: [6, 27, 23, 20, 24],
  rows: [
    ['No.', 'Nama', 'NIP', 'Pangkat/Golongan', 'Jabatan'].map((t) => ({ text: t, bold: true, align: 'center' as const, shade: true })),
    ...Array.from({ length: MAX_ASSIGNEES }, (_, k) => [
      { text: `${k + 1}.`, align: 'center' as const },
      ...ASSIGNEE_COLUMNS.map((c) => ({ text: `{{${assigneeCell(k + 1, c)}}}` })),
    ]),
  ],
};

/** The signatures of an agreement with room for the meterai each original bears (UU 10/2020). */
function withMeterai(blocks: Block[]): Block[] {
  return blocks.map((b) => (b.kind === 'signatures' ? { ...b, meterai: true } : b));
}

/**
 * A memorandum of understanding: the parties agree on aims and scope, and leave the rights,
 * duties and costs of each activity to the cooperation agreements (PKS) that carry it out.
 */
function notaKesepahaman(): Block[] {
  return [
    ...agreementOpening('NOTA KESEPAHAMAN'),
    alinea(
      '**PIHAK PERTAMA** dan **PIHAK KEDUA** yang selanjutnya secara bersama-sama disebut **PARA PIHAK**, sesuai dengan tugas, fungsi, dan kewenangan masing-masing, sepakat untuk menyusun Nota Kesepahaman tentang {{tentang}}, dengan ketentuan sebagai berikut:',
    ),
    ...pasal(1, 'MAKSUD DAN TUJUAN'),
    ayat('(1)\tNota Kesepahaman ini dimaksudkan sebagai landasan bagi **PARA PIHAK** untuk bekerja sama tentang {{tentang}}.'),
    ayat('(2)\tNota Kesepahaman ini bertujuan menumbuhkan budaya gemar membaca masyarakat dan meningkatkan pemanfaatan layanan perpustakaan melalui sinergi sumber daya **PARA PIHAK**.'),
    ...pasal(2, 'RUANG LINGKUP'),
    para('Ruang lingkup Nota Kesepahaman ini meliputi:'),
    para('{{ruang_lingkup}}', { indent: 'left', before: 0 }),
    ...pasal(3, 'PELAKSANAAN'),
    ayat('(1)\tPelaksanaan Nota Kesepahaman ini dituangkan lebih lanjut dalam perjanjian kerja sama yang disusun oleh **PARA PIHAK** atau oleh unit kerja yang ditunjuk oleh **PARA PIHAK**.'),
    ayat('(2)\tPerjanjian kerja sama sebagaimana dimaksud pada ayat (1) memuat paling sedikit kegiatan, hak dan kewajiban, jangka waktu, serta pembiayaan.'),
    ayat('(3)\tBiaya pelaksanaan Nota Kesepahaman ini dibebankan kepada anggaran masing-masing **PARA PIHAK** sesuai dengan ketentuan peraturan perundang-undangan.'),
    ...pasal(4, 'JANGKA WAKTU'),
    ayat('(1)\tNota Kesepahaman ini berlaku untuk jangka waktu {{jangka_waktu}} terhitung sejak tanggal ditandatangani oleh **PARA PIHAK**.'),
    ayat('(2)\tNota Kesepahaman ini dapat diperpanjang atau diakhiri sebelum jangka waktunya berakhir atas kesepakatan **PARA PIHAK** yang dituangkan secara tertulis.'),
    ...pasal(5, 'PENUTUP'),
    ayat('(1)\tHal-hal yang belum diatur dalam Nota Kesepahaman ini akan diatur kemudian berdasarkan kesepakatan **PARA PIHAK**.'),
    ayat(
      '(2)\tNota Kesepahaman ini dibuat dalam rangkap 2 (dua) asli, masing-masing dibubuhi meterai Rp10.000,00 (sepuluh ribu rupiah) sesuai dengan Undang-Undang Nomor 10 Tahun 2020 tentang Bea Meterai, mempunyai kekuatan hukum yang sama, dan ditandatangani oleh **PARA PIHAK** pada hari, tanggal, bulan, dan tahun sebagaimana tersebut di atas.',
    ),
    SPACER,
    {
      kind: 'signatures',
      left: { top: ['**PIHAK KEDUA**,', '{{pihak_kedua_jabatan}},'], name: '{{pihak_kedua_nama}}', bottom: [] },
      right: { top: ['**PIHAK PERTAMA**,', '{{pihak_pertama_jabatan}},'], name: '{{pihak_pertama_nama}}', bottom: ['{{pihak_pertama_nip}}'] },
      meterai: true,
    },
  ];
}

/** Who signs the disposition and what the superior writes: to whom, the "harap" choices, the note. */
const DISPOSISI_TABLE: Block = {
  kind: 'table',
  widths: [22, 28, 22, 28],
  rows: [
    [{ text: 'Surat dari' }, { text: '{{surat_dari}}' }, { text: 'Diterima tanggal' }, { text: '{{diterima_tanggal}}' }],
    [{ text: 'Nomor surat' }, { text: '{{nomor_surat}}' }, { text: 'Nomor agenda' }, { text: '{{nomor_agenda}}' }],
    [{ text: 'Tanggal surat' }, { text: '{{tanggal_surat}}' }, { text: 'Sifat' }, { text: '{{sifat}}' }],
    [{ text: 'Hal' }, { text: '{{hal}}', span: 3 }],
    [
      { text: 'Diteruskan kepada Sdr.:', bold: true, span: 2, shade: true },
      { text: 'Dengan hormat harap:', bold: true, span: 2, shade: true },
    ],
    [{ text: '{{diteruskan_kepada}}', span: 2 }, { text: '{{harap}}', span: 2 }],
    [{ text: 'Catatan:', bold: true, span: 4, shade: true }],
    [{ text: '{{catatan}}', span: 4 }],
    [{ text: 'Tanggal disposisi' }, { text: '{{tanggal_disposisi}}' }, { text: 'Paraf' }, { text: '{{paraf}}' }],
  ],
};

/** Rows of the Tabel 7 draft in the SOP performance report (the SOP as a whole, then its steps); unused rows are removed. */
export const MAX_TABEL7_ROWS = 40;
export const TABEL7_COLUMNS = ['no', 'prosedur', 'penilaian', 'catatan'] as const;
export const tabel7Cell = (i: number, c: (typeof TABEL7_COLUMNS)[number]) => `t7_${i}_${c}`;
/** Tabel 8 of Permenpan-RB 35/2012: seven fixed aspects. */
export const TABEL8_ROWS = 7;

const HEAD = (t: string) => ({ text: t, bold: true, align: 'center' as const, shade: true });

/** The SOP performance report: monitoring (Tabel 7, drafted from the audit trail) and evaluation (Tabel 8, a form). */
const LAPORAN_KINERJA_SOP: SpecInput = {
  id: 'laporan_kinerja_sop',
  title: 'Laporan Monitoring dan Evaluasi Pelaksanaan SOP',
  numbered: false,
  klasifikasi: '000.5.2',
  emailToPartner: false,
  atasNama: false,
  droppable: Array.from({ length: MAX_TABEL7_ROWS - 1 }, (_, k) => TABEL7_COLUMNS.map((c) => tabel7Cell(k + 2, c))).flat(),
  blocks: [
    KOP,
    title('LAPORAN MONITORING DAN EVALUASI', 'PELAKSANAAN STANDAR OPERASIONAL PROSEDUR'),
    SPACER,
    fields(
      [
        ['Nama SOP', '{{sop_judul}}'],
        ['Periode', '{{periode}}'],
        ['Dihitung dari', '{{sumber}}'],
      ],
      { labelWidth: 24 },
    ),
    para('A. Ringkasan Kasus', { bold: true, align: 'left', keepNext: true, before: 1 }),
    para('{{ringkasan_kasus}}', { indent: 'left', align: 'left' }),
    para('B. Waktu Pelaksanaan per Langkah terhadap Standar', { bold: true, align: 'left', keepNext: true }),
    para('{{waktu_langkah}}', { indent: 'left', align: 'left' }),
    para('C. Hambatan dan Keputusan', { bold: true, align: 'left', keepNext: true }),
    para('{{hambatan}}', { indent: 'left', align: 'left' }),
    para('D. Kasus yang Terlambat pada Saat Laporan Dibuat', { bold: true, align: 'left', keepNext: true }),
    para('{{terlambat}}', { indent: 'left', align: 'left' }),
    { kind: 'pageBreak' },
    title('TABEL 7', 'MONITORING PELAKSANAAN SOP'),
    SPACER,
    {
      kind: 'table',
      widths: [6, 27, 16, 26, 16, 9],
      rows: [
        ['No.', 'Prosedur', 'Penilaian terhadap penerapan', 'Catatan hasil penilaian', 'Tindakan yang harus diambil', 'Paraf'].map(HEAD),
        ...Array.from({ length: MAX_TABEL7_ROWS }, (_, k) => [
          { text: `{{${tabel7Cell(k + 1, 'no')}}}`, align: 'center' as const },
          { text: `{{${tabel7Cell(k + 1, 'prosedur')}}}` },
          { text: `{{${tabel7Cell(k + 1, 'penilaian')}}}` },
          { text: `{{${tabel7Cell(k + 1, 'catatan')}}}` },
          { text: '' },
          { text: '' },
        ]),
      ],
    },
    para('Penilaian diusulkan sistem: "Berjalan dengan baik" bila sekurang-kurangnya {{ambang}} penyelesaian langkah memenuhi standar waktu. Penilai memeriksa, mengisi tindakan, dan memaraf.', { align: 'left', before: 0.5 }),
    SPACER,
    title('TABEL 8', 'EVALUASI PELAKSANAAN SOP'),
    SPACER,
    {
      kind: 'table',
      widths: [6, 37, 8, 9, 40],
      rows: [
        ['No.', 'Penilaian terhadap SOP', 'Ya', 'Tidak', 'Catatan (bahan dari data terlampir)'].map(HEAD),
        ...Array.from({ length: TABEL8_ROWS }, (_, k) => [
          { text: `${k + 1}.`, align: 'center' as const },
          { text: `{{t8_${k + 1}_aspek}}` },
          { text: '' },
          { text: '' },
          { text: `{{t8_${k + 1}_bahan}}` },
        ]),
      ],
    },
    SPACER,
    { kind: 'signature', sig: { top: ['{{tempat_tanggal}}', 'Penilai,', '{{ttd_jabatan}}'], name: '{{ttd_nama}}', bottom: ['{{ttd_nip}}'] } },
  ],
};

// ---------------------------------------------------------------------------------------------
// The documents of a training programme (programme/documents.ts): issued outside any SOP case
// ---------------------------------------------------------------------------------------------

/** What a training programme's documents are made from: template and variant per kind of document. */
export const PROGRAMME_DOCUMENTS = {
  /** One per trainer, from the programme's owner (whose trainers they are), signed by the programme's signer. */
  surat_tugas_pelatih: { template: 'surat_tugas', variant: 'bimtek' },
  /** One per event, from its host agency, to the participants listed in its lampiran. */
  undangan: { template: 'undangan_bimtek' },
  /** One per session of an event, a row per registered participant with their check-in code. */
  daftar_hadir: { template: 'daftar_hadir_bimtek' },
  /** One per event, from its host agency: what happened, in figures, with the organiser's notes. */
  laporan_pelaksanaan: { template: 'laporan_pelaksanaan_bimtek' },
} as const satisfies Record<string, { template: string; variant?: string }>;
export type ProgrammeDocumentKind = keyof typeof PROGRAMME_DOCUMENTS;

const HEADING = (text: string): Block => para(text, { bold: true, align: 'left', keepNext: true });

/** The participants' list attached to an invitation: as long as the list, its header on every page. */
const LAMPIRAN_PESERTA: Block[] = [
  ...LAMPIRAN_HEAD,
  title('DAFTAR PESERTA', '{{acara_kapital}}', '{{kegiatan_kapital}}'),
  SPACER,
  {
    kind: 'table',
    widths: [7, 27, 26, 20, 20],
    repeat: 'peserta',
    rows: [
      ['No.', 'Nama', 'Perpustakaan/TBM', 'Desa/Kelurahan', 'Kabupaten/Kota'].map(HEAD),
      [{ text: '{{peserta_no}}', align: 'center' }, { text: '{{peserta_nama}}' }, { text: '{{peserta_perpustakaan}}' }, { text: '{{peserta_desa}}' }, { text: '{{peserta_kabupaten}}' }],
    ],
  },
];

const PROGRAMME_SPECS: SpecInput[] = [
  {
    id: 'undangan_bimtek',
    title: 'Undangan Bimbingan Teknis',
    numbered: true,
    klasifikasi: '000.5.2',
    emailToPartner: false,
    atasNama: true,
    // The list of participants is part of the letter: its signer signs it too.
    blocks: surat(
      [
        alinea('{{isi_pembuka}}'),
        fields(
          [
            ['Hari, tanggal', '{{hari_tanggal}}'],
            ['Pukul', '{{pukul}}'],
            ['Tempat', '{{tempat}}'],
            ['Acara', '{{acara}}'],
          ],
          { indentLeft: true },
        ),
        alinea('{{isi_utama}}'),
        para('{{bawaan}}', { indent: 'left', align: 'left', before: 0 }),
      ],
      { after: [...LAMPIRAN_PESERTA, SPACER, { kind: 'signature', sig: SIGNATURE }] },
    ),
  },
  {
    id: 'daftar_hadir_bimtek',
    title: 'Daftar Hadir Peserta Bimbingan Teknis',
    numbered: false,
    klasifikasi: '000.5.2',
    emailToPartner: false,
    atasNama: false,
    blocks: [
      KOP,
      title('DAFTAR HADIR PESERTA', '{{acara_kapital}}'),
      SPACER,
      fields([
        ['Kegiatan', '{{kegiatan}}'],
        ['Sesi', '{{sesi}}'],
        ['Hari, tanggal', '{{hari_tanggal}}'],
        ['Tempat', '{{tempat}}'],
      ]),
      // Left-aligned: the check-in address cannot break, and a justified line before it would stretch.
      para('{{petunjuk_presensi}}', { align: 'left' }),
      SPACER,
      {
        kind: 'table',
        // The code column holds the widest code ("DDDDDD-WWWWWW") on one line, the number column "300.", and the signing column stays 3 cm wide.
        widths: [7, 24, 21, 29, 19],
        repeat: 'hadir',
        rowHeight: 620,
        rows: [
          ['No.', 'Nama', 'Perpustakaan/TBM', 'Kode Presensi', 'Tanda Tangan'].map(HEAD),
          [{ text: '{{hadir_no}}', align: 'center' }, { text: '{{hadir_nama}}' }, { text: '{{hadir_perpustakaan}}' }, { text: '{{hadir_kode}}', align: 'center' }, { text: '' }],
        ],
      },
      SPACER,
      { kind: 'signature', sig: SIGNATURE_WITH_PLACE },
    ],
  },
  {
    id: 'laporan_pelaksanaan_bimtek',
    title: 'Laporan Pelaksanaan Bimbingan Teknis',
    numbered: false,
    klasifikasi: '000.5.2',
    emailToPartner: false,
    atasNama: false,
    blocks: [
      KOP,
      title('LAPORAN PELAKSANAAN', '{{acara_kapital}}', '{{kegiatan_kapital}}'),
      SPACER,
      HEADING('A. Pendahuluan'),
      alinea('{{pendahuluan}}'),
      HEADING('B. Pelaksanaan'),
      fields(
        [
          ['Penyelenggara', '{{penyelenggara}}'],
          ['Tanggal', '{{tanggal_kegiatan}}'],
          ['Tempat', '{{tempat}}'],
          ['Pelatih', '{{pelatih}}'],
        ],
        { labelWidth: 24 },
      ),
      para('{{pengantar_sesi}}', { align: 'left' }),
      {
        kind: 'table',
        widths: [7, 51, 9, 15, 18],
        repeat: 'sesi',
        rows: [
          ['No.', 'Materi', 'JP', 'Hadir', 'Kehadiran'].map(HEAD),
          [{ text: '{{sesi_no}}', align: 'center' }, { text: '{{sesi_materi}}' }, { text: '{{sesi_jp}}', align: 'center' }, { text: '{{sesi_hadir}}', align: 'center' }, { text: '{{sesi_persen}}', align: 'center' }],
        ],
      },
      HEADING('C. Hasil'),
      fields(
        [
          ['Peserta terdaftar', '{{peserta_terdaftar}}'],
          ['Hadir paling sedikit satu sesi', '{{peserta_hadir}}'],
          ['Menyelesaikan pelatihan', '{{peserta_selesai}}'],
          ['Sertifikat diterbitkan', '{{sertifikat}}'],
        ],
        { labelWidth: 24 },
      ),
      alinea('{{hasil}}'),
      HEADING('D. Kendala'),
      alinea('{{kendala}}'),
      HEADING('E. Rekomendasi'),
      alinea('{{rekomendasi}}'),
      HEADING('F. Penutup'),
      alinea('{{penutup}}'),
      SPACER,
      { kind: 'signature', sig: SIGNATURE_WITH_PLACE },
    ],
  },
];

const SPECS: SpecInput[] = [
  {
    id: 'surat_tugas',
    title: 'Surat Tugas',
    numbered: true,
    klasifikasi: '800.1.11.1',
    emailToPartner: false,
    signerRole: 'kabid_perpustakaan',
    // Issued on the agency's kop: a Kepala Bidang signs it on behalf of the Kepala Dinas.
    atasNama: true,
    variants: {
      pusling: 'Surat Tugas Layanan Perpustakaan Keliling',
      pusling_perubahan: 'Surat Tugas Layanan Perpustakaan Keliling (Perubahan Jadwal)',
      monev: 'Surat Tugas Monitoring dan Evaluasi Perpustakaan',
      pembinaan: 'Surat Tugas Pembinaan dan Pendampingan Akreditasi Perpustakaan',
      bimtek: 'Surat Tugas Pelatih Bimbingan Teknis',
    },
    people: ['petugas'],
    droppable: Array.from({ length: MAX_ASSIGNEES - 1 }, (_, k) => ASSIGNEE_COLUMNS.map((c) => assigneeCell(k + 2, c))).flat(),
    blocks: [
      KOP,
      title('SURAT TUGAS'),
      para('NOMOR {{nomor}}', { align: 'center', before: 0 }),
      SPACER,
      fields([['Dasar', '{{dasar}}']]),
      SPACER,
      title('MENUGASKAN:'),
      SPACER,
      fields([['Kepada', '{{kepada_tugas}}']]),
      // Two tables back to back are one table to Word and LibreOffice: a paragraph keeps them apart.
      SPACER,
      ASSIGNEE_TABLE,
      SPACER,
      fields([['Untuk', '{{untuk}}']]),
      SPACER,
      { kind: 'signature', sig: SIGNATURE_WITH_PLACE },
    ],
  },
  {
    id: 'lembar_disposisi',
    title: 'Lembar Disposisi',
    numbered: false,
    klasifikasi: '000.5.2',
    emailToPartner: false,
    signerRole: 'kabid_perpustakaan',
    atasNama: false,
    variants: {
      permohonan_kunjungan: 'Lembar Disposisi Permohonan Izin Kunjungan',
      konsep_rencana: 'Lembar Disposisi Konsep Rencana Kunjungan Perpustakaan Keliling',
      konsep_perubahan: 'Lembar Disposisi Konsep Perubahan Rencana Kunjungan Perpustakaan Keliling',
    },
    blocks: [KOP, title('LEMBAR DISPOSISI'), SPACER, DISPOSISI_TABLE],
  },
  {
    id: 'rencana_kunjungan_pusling',
    title: 'Rencana Kunjungan Perpustakaan Keliling',
    numbered: false,
    klasifikasi: '000.5.2',
    emailToPartner: false,
    atasNama: false,
    variants: { perubahan: 'Perubahan Rencana Kunjungan Perpustakaan Keliling' },
    people: ['petugas'],
    blocks: [
      KOP,
      title('{{judul}}'),
      SPACER,
      alinea(
        'Berdasarkan hasil koordinasi dengan pengguna layanan perpustakaan keliling mengenai kesiapan dan kecocokan waktu antara petugas dan pengguna layanan, disusun rencana kunjungan Mobil Perpustakaan Keliling {{nama_dinas}} sebagai berikut:',
      ),
      SPACER,
      {
        kind: 'table',
        widths: [6, 20, 14, 22, 18, 20],
        rows: [
          ['No.', 'Hari, Tanggal', 'Pukul', 'Lokasi', 'Pengguna Layanan', 'Petugas'].map((t) => ({ text: t, bold: true, align: 'center' as const, shade: true })),
          [
            { text: '1.', align: 'center' },
            { text: '{{hari_tanggal_kunjungan}}' },
            { text: '{{jam_kunjungan}}' },
            { text: '{{lokasi_kunjungan}}' },
            { text: '{{pengguna_layanan}}' },
            { text: '{{daftar_petugas}}' },
          ],
        ],
      },
      SPACER,
      fields([
        ['Perkiraan jumlah pemustaka', '{{jumlah_pemustaka}}'],
        ['Keterangan', '{{keterangan}}'],
      ], { labelWidth: 32 }),
      SPACER,
      { kind: 'signature', sig: SIGNATURE_WITH_PLACE },
    ],
  },
  {
    id: 'pemberitahuan_jadwal_pusling',
    title: 'Pemberitahuan Jadwal Kunjungan Perpustakaan Keliling',
    numbered: true,
    klasifikasi: '000.5.2',
    emailToPartner: true,
    signerRole: 'kabid_perpustakaan',
    atasNama: true,
    people: ['petugas'],
    blocks: surat([
      alinea('{{isi_pembuka}}'),
      fields(
        [
          ['Hari, tanggal', '{{hari_tanggal_kunjungan}}'],
          ['Pukul', '{{jam_kunjungan}}'],
          ['Tempat', '{{lokasi_kunjungan}}'],
          ['Petugas', '{{daftar_petugas}}'],
        ],
        { indentLeft: true },
      ),
      alinea('{{isi_utama}}'),
    ]),
  },
  {
    id: 'surat_jawaban_kunjungan',
    title: 'Surat Jawaban Permohonan Izin Kunjungan',
    numbered: true,
    klasifikasi: '000.5.2',
    emailToPartner: true,
    signerRole: 'kabid_perpustakaan',
    atasNama: true,
    blocks: surat([
      alinea('{{isi_pembuka}}'),
      fields(
        [
          ['Hari, tanggal', '{{hari_tanggal_kunjungan}}'],
          ['Pukul', '{{jam_kunjungan}}'],
          ['Tempat', '{{tempat_kunjungan}}'],
          ['Jumlah peserta', '{{jumlah_pengunjung}}'],
          ['Pendamping', '{{pendamping}}'],
        ],
        { indentLeft: true },
      ),
      alinea('{{isi_utama}}'),
    ]),
  },
  {
    id: 'surat_balasan_pergantian_waktu',
    title: 'Surat Balasan Permintaan Pergantian Waktu Kunjungan',
    numbered: true,
    klasifikasi: '000.5.2',
    emailToPartner: true,
    signerRole: 'kabid_perpustakaan',
    atasNama: true,
    blocks: surat([
      alinea('{{isi_pembuka}}'),
      fields(
        [
          ['Hari, tanggal', '{{hari_tanggal_usulan}}'],
          ['Pukul', '{{jam_usulan}}'],
          ['Tempat', '{{tempat_kunjungan}}'],
        ],
        { indentLeft: true },
      ),
      alinea('{{isi_utama}}'),
    ]),
  },
  {
    id: 'draft_pks',
    title: 'Draf Perjanjian Kerja Sama',
    numbered: false,
    draft: true,
    klasifikasi: '000.5.2',
    emailToPartner: false,
    signerRole: 'kepala_dinas',
    atasNama: false,
    variants: {
      awal: 'Draf Perjanjian Kerja Sama',
      para_pihak: 'Draf Perjanjian Kerja Sama Para Pihak',
      revisi: 'Draf Perjanjian Kerja Sama (Perbaikan atas Pertimbangan Bagian Hukum)',
      akhir: 'Draf Akhir Perjanjian Kerja Sama',
    },
    blocks: agreement('draft'),
  },
  {
    id: 'pks_final',
    title: 'Perjanjian Kerja Sama',
    // Numbered when it is made to be signed (PKS step 12), so its number's month and year are
    // those of the signing date printed in it.
    numbered: true,
    klasifikasi: '000.5.2',
    emailToPartner: true,
    signerRole: 'kepala_dinas',
    atasNama: false,
    blocks: withMeterai(agreement('final')),
  },
  {
    id: 'nota_kesepahaman',
    title: 'Nota Kesepahaman',
    numbered: true,
    klasifikasi: '000.5.2',
    emailToPartner: true,
    signerRole: 'kepala_dinas',
    atasNama: false,
    blocks: notaKesepahaman(),
  },
  {
    id: 'surat_pemberitahuan_monev',
    title: 'Surat Pemberitahuan Monitoring dan Evaluasi Perpustakaan',
    numbered: true,
    klasifikasi: '000.5.2',
    emailToPartner: true,
    signerRole: 'kabid_perpustakaan',
    atasNama: true,
    variants: { monev: 'Surat Pemberitahuan Monitoring dan Evaluasi Perpustakaan', pembinaan: 'Surat Pemberitahuan Pembinaan dan Pendampingan Akreditasi Perpustakaan' },
    // The schedule page is part of the letter: its signer signs it too.
    blocks: surat([alinea('{{isi_pembuka}}'), alinea('{{isi_utama}}')], { tembusan: true, after: [...LAMPIRAN_JADWAL, SPACER, { kind: 'signature', sig: SIGNATURE }] }),
  },
  {
    id: 'jadwal_kegiatan',
    title: 'Jadwal Kegiatan',
    numbered: false,
    klasifikasi: '000.5.2',
    emailToPartner: true,
    signerRole: 'kabid_perpustakaan',
    // Signed as the notice it goes with.
    atasNama: true,
    variants: { monev: 'Jadwal Monitoring dan Evaluasi Perpustakaan', pembinaan: 'Jadwal Pembinaan dan Pendampingan Akreditasi Perpustakaan' },
    blocks: [
      KOP,
      title('{{judul_jadwal}}'),
      SPACER,
      alinea('{{keterangan_jadwal}}'),
      SPACER,
      {
        kind: 'table',
        widths: [1],
        rows: [[{ text: 'Hari, Tanggal dan Perpustakaan yang Dikunjungi', bold: true, align: 'center', shade: true }], [{ text: '{{jadwal_rincian}}' }]],
      },
      SPACER,
      { kind: 'signature', sig: SIGNATURE_WITH_PLACE },
    ],
  },
  {
    id: 'laporan_monev',
    title: 'Laporan Monitoring dan Evaluasi Perpustakaan',
    numbered: false,
    klasifikasi: '000.5.2',
    emailToPartner: false,
    atasNama: false,
    blocks: [
      KOP,
      title('LAPORAN HASIL MONITORING DAN EVALUASI', 'PENYELENGGARAAN PERPUSTAKAAN'),
      SPACER,
      para('A. Pendahuluan', { bold: true, align: 'left', keepNext: true }),
      alinea('{{pendahuluan}}'),
      para('B. Pelaksanaan Kegiatan', { bold: true, align: 'left', keepNext: true }),
      fields([
        ['Jadwal', '{{jadwal_rincian}}'],
        ['Perpustakaan sasaran', '{{perpustakaan_sasaran}}'],
        ['Petugas', '{{ttd_nama}}'],
      ], { labelWidth: 28 }),
      para('C. Hasil Monitoring dan Evaluasi', { bold: true, align: 'left', keepNext: true }),
      alinea('{{hasil_monev}}'),
      para('D. Simpulan dan Tindak Lanjut', { bold: true, align: 'left', keepNext: true }),
      alinea('{{tindak_lanjut}}'),
      para('E. Penutup', { bold: true, align: 'left', keepNext: true }),
      alinea('Demikian laporan ini dibuat untuk dipergunakan sebagaimana mestinya.'),
      SPACER,
      { kind: 'signature', sig: SIGNATURE_WITH_PLACE },
    ],
  },
  {
    id: 'balasan_peminjaman_kolektif',
    title: 'Balasan Permohonan Peminjaman Kolektif Buku',
    numbered: true,
    klasifikasi: '000.5.2',
    emailToPartner: true,
    signerRole: 'kepala_dinas',
    atasNama: true,
    blocks: surat([
      alinea('{{isi_pembuka}}'),
      alinea('{{pengantar_daftar_buku}}'),
      para('{{daftar_judul_buku}}', { indent: 'left', align: 'left', before: 0 }),
      alinea('{{isi_utama}}'),
    ]),
  },
  {
    id: 'laporan_bulanan_referensi',
    title: 'Laporan Bulanan Layanan Baca di Tempat',
    numbered: false,
    klasifikasi: '000.5.2',
    emailToPartner: false,
    atasNama: false,
    blocks: [
      KOP,
      title('LAPORAN BULANAN', 'LAYANAN BACA DI TEMPAT KOLEKSI REFERENSI', 'BULAN {{periode_kapital}}'),
      SPACER,
      para('A. Pendahuluan', { bold: true, align: 'left', keepNext: true }),
      alinea(
        'Laporan ini disusun berdasarkan rekapitulasi harian layanan peminjaman koleksi referensi untuk dibaca di tempat pada {{nama_dinas}} selama bulan {{periode}}, dan disampaikan kepada {{kepada}}.',
      ),
      para('B. Jumlah Pengunjung', { bold: true, align: 'left', keepNext: true }),
      {
        kind: 'table',
        widths: [8, 62, 30],
        rows: [
          ['No.', 'Kategori Pengunjung', 'Jumlah (orang)'].map((t) => ({ text: t, bold: true, align: 'center' as const, shade: true })),
          ...(
            [
              ['1.', 'Pelajar', '{{pengunjung_pelajar}}'],
              ['2.', 'Mahasiswa', '{{pengunjung_mahasiswa}}'],
              ['3.', 'Umum', '{{pengunjung_umum}}'],
              ['4.', 'Instansi', '{{pengunjung_instansi}}'],
            ] as const
          ).map(([no, label, v]) => [{ text: no, align: 'center' as const }, { text: label }, { text: v, align: 'center' as const }]),
          [{ text: 'Jumlah', bold: true, span: 2 }, { text: '{{jumlah_pengunjung}}', bold: true, align: 'center' }],
        ],
      },
      para('C. Koleksi yang Dibaca menurut Klasifikasi', { bold: true, align: 'left', keepNext: true }),
      {
        kind: 'table',
        widths: [8, 62, 30],
        rows: [
          ['No.', 'Kelas', 'Jumlah (eksemplar)'].map((t) => ({ text: t, bold: true, align: 'center' as const, shade: true })),
          ...DDC_CLASSES.map(([code, label], i) => [
            { text: `${i + 1}.`, align: 'center' as const },
            { text: code === 'lain' ? label : `${code} ${label}` },
            { text: `{{buku_${code}}}`, align: 'center' as const },
          ]),
          [{ text: 'Jumlah', bold: true, span: 2 }, { text: '{{jumlah_buku}}', bold: true, align: 'center' }],
        ],
      },
      para('D. Judul yang Paling Banyak Dibaca', { bold: true, align: 'left', keepNext: true }),
      para('{{judul_terbanyak}}', { indent: 'left', align: 'left' }),
      para('E. Rekapitulasi Harian', { bold: true, align: 'left', keepNext: true }),
      para('{{rekap_harian}}', { indent: 'left', align: 'left' }),
      para('F. Penutup', { bold: true, align: 'left', keepNext: true }),
      // Left-aligned: the long link cannot break, and a justified line before it would stretch.
      para('Demikian laporan ini disampaikan. Buku rekapitulasi harian: {{tautan_rekapitulasi}}.', { indent: 'first', align: 'left' }),
      SPACER,
      { kind: 'signature', sig: SIGNATURE_WITH_PLACE },
    ],
  },
  {
    id: 'surat_dinas',
    title: 'Surat Dinas',
    numbered: true,
    klasifikasi: '000.5.2',
    emailToPartner: true,
    signerRole: 'kepala_dinas',
    atasNama: true,
    variants: { permohonan_kerja_sama: 'Surat Permohonan Kerja Sama' },
    blocks: surat([alinea('{{isi_pembuka}}'), alinea('{{isi_utama}}')], { tembusan: true }),
  },
  {
    id: 'nota_dinas_permohonan_izin',
    title: 'Nota Dinas Permohonan Izin Persetujuan Kerja Sama',
    numbered: true,
    klasifikasi: '000.5.2',
    emailToPartner: false,
    signerRole: 'kabid_perpustakaan',
    atasNama: false,
    blocks: notaDinas(),
  },
  {
    id: 'nota_dinas_persetujuan',
    title: 'Nota Dinas Persetujuan Kerja Sama',
    numbered: true,
    klasifikasi: '000.5.2',
    emailToPartner: false,
    signerRole: 'kepala_dinas',
    atasNama: false,
    blocks: notaDinas(),
  },
  {
    id: 'notula_rapat',
    title: 'Notula Rapat',
    numbered: false,
    klasifikasi: '000.5.2',
    emailToPartner: false,
    atasNama: false,
    people: ['pimpinan_rapat', 'peserta_rapat'],
    record: true,
    blocks: [
      KOP,
      title('NOTULA RAPAT'),
      SPACER,
      fields([
        ['Hari, tanggal', '{{hari_tanggal_rapat}}'],
        ['Pukul', '{{jam_rapat}}'],
        ['Tempat', '{{tempat_rapat}}'],
        ['Acara', '{{acara}}'],
        ['Pimpinan rapat', '{{pimpinan_rapat}}'],
        ['Peserta', '{{peserta_rapat}}'],
      ]),
      para('A. Pembahasan', { bold: true, align: 'left', keepNext: true, before: 1 }),
      alinea('{{pembahasan}}'),
      para('B. Manfaat dan Risiko Pelaksanaan Kerja Sama', { bold: true, align: 'left', keepNext: true }),
      alinea('{{hasil_rapat}}'),
      para('C. Tindak Lanjut', { bold: true, align: 'left', keepNext: true }),
      alinea('{{tindak_lanjut}}'),
      SPACER,
      para('{{tempat_tanggal}}', { align: 'right', before: 0 }),
      {
        kind: 'signatures',
        left: { top: ['Pimpinan Rapat,'], name: '{{pimpinan_nama}}', bottom: ['{{pimpinan_nip}}'] },
        right: { top: ['Notulis,'], name: '{{ttd_nama}}', bottom: ['{{ttd_nip}}'] },
      },
    ],
  },
];

SPECS.push(LAPORAN_KINERJA_SOP, ...PROGRAMME_SPECS);

/** Templates the SOP catalog does not produce: the reports the service standards write. */
export const REPORT_TEMPLATES: readonly string[] = ['laporan_kinerja_sop'];
/** Templates (and variants) the SOP catalog does not produce: a training programme's documents. */
export const PROGRAMME_TEMPLATES: readonly { template: string; variant?: string }[] = Object.values(PROGRAMME_DOCUMENTS);

/** Every template, keyed by its id. */
export const TEMPLATES: Readonly<Record<string, TemplateSpec>> = Object.freeze(Object.fromEntries(SPECS.map((s) => [s.id, spec(s)])));

/** The template with this id, or undefined. */
export function templateById(id: string): TemplateSpec | undefined {
  return Object.hasOwn(TEMPLATES, id) ? TEMPLATES[id] : undefined;
}

/**
 * The template that renders a produced document (as the SOP names it), or null when the document
 * is not a letter. Throws for a template or variant that does not exist: an edited SOP must not
 * silently produce nothing.
 */
export function templateFor(doc: { id: string; template: string | null; variant?: string | undefined }): TemplateSpec | null {
  if (doc.template === null) return null;
  const t = templateById(doc.template);
  if (!t) throw new Error(`Templat surat "${doc.template}" untuk dokumen "${doc.id}" tidak ada`);
  if (doc.variant !== undefined && !Object.hasOwn(t.variants ?? {}, doc.variant)) {
    throw new Error(`Templat surat "${t.id}" tidak mengenal varian "${doc.variant}" (dokumen "${doc.id}")`);
  }
  return t;
}

/** The title of a document made from the template in this variant ("Draf Akhir Perjanjian Kerja Sama"). */
export function documentTitle(t: TemplateSpec, variant: string | undefined): string {
  return (variant !== undefined && t.variants?.[variant]) || t.title;
}

/** Every problem of the letters a definition names (unknown templates or variants), in Indonesian; empty when all exist. */
export function letterProblems(def: SopDefinition): string[] {
  const out: string[] = [];
  for (const s of def.steps) {
    for (const d of producedOf(s)) {
      try {
        templateFor(d);
      } catch (e) {
        out.push(`SOP ${def.id} langkah ${s.no}: ${(e as Error).message}`);
      }
    }
  }
  return out;
}
