// The importer's vocabulary: what it reads (a grid of cells from any source), what it hands back
// (a draft definition plus a review list), and the refusals it answers with instead of a draft.
import type { SopImportReviewItem } from '../../contract.ts';
import type { SopDefinition } from '../schema.ts';

/** Where a draft came from: the review and the agreement figures are reported per input kind. */
export type InputKind = 'tsv' | 'docx' | 'rows' | 'ocr' | 'list';

/** A field the importer read but is not sure of: the reviewer checks it before publishing (the API's shape). */
export type ReviewItem = SopImportReviewItem;

export interface ImportedSop {
  definition: SopDefinition;
  review: ReviewItem[];
  inputKind: InputKind;
  /** 1-based position of the table in the source. */
  table: number;
}

/** Stable refusal codes; the message (Indonesian) says what to do. */
export type ImportErrorCode = 'EMPTY' | 'TOO_LARGE' | 'BINARY' | 'NOT_DOCX' | 'DOCX_NO_TABLE' | 'NO_TABLE' | 'NO_WAKTU' | 'NO_STEPS' | 'INVALID_DRAFT';

export class ImportError extends Error {
  readonly code: ImportErrorCode;
  constructor(code: ImportErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

export interface KnownRole {
  id: string;
  label: string;
  jabatan?: string;
  relation?: 'head' | 'direct' | 'indirect';
  reportsTo?: string;
}

export interface ImportOptions {
  /** Overrides the title read from the source. */
  title?: string;
  /** The SOP id to use (a new version of this SOP); default from the title. */
  id?: string;
  /** The version the draft gets; default 1. */
  version?: number;
  /** The case-number code; default from the title. */
  code?: string;
  /** The agency's roles (from its SOPs): a header naming one of them takes its id. */
  knownRoles?: KnownRole[];
  /** Letter templates a produced document may be mapped to; `surat_dinas` is the default. */
  templates?: { id: string; title: string }[];
  /** Name of the file or "teks tempel", recorded in `source`. */
  sourceName?: string;
}

/** One raw step as read from a table, before any interpretation. */
export interface RawStep {
  no: number;
  activity: string;
  /** Text of each Pelaksana column, in header order (a mark, or empty). */
  marks: string[];
  kelengkapan: string;
  waktu: string;
  output: string;
  keterangan: string;
  /** Text that belonged to this step but to no column (OCR). */
  extra: string[];
  /** Notes of the reader itself (an OCR mark removed, a cell joined). */
  notes: string[];
}

/** A table as read, before interpretation: its title, Pelaksana headers and rows. */
export interface RawTable {
  title: string | null;
  roleHeaders: string[];
  steps: RawStep[];
  /** Text around the table that is no part of it (before the title, between rows). */
  unplaced: { text: string; afterStep: number | null }[];
  /** Columns the table has, to say which are missing. */
  columns: { kelengkapan: boolean; waktu: boolean; output: boolean; keterangan: boolean };
  inputKind: InputKind;
  /** Legal basis and warnings found around the table ("Dasar Hukum", "Peringatan"). */
  legalBasis: string[];
  warnings: string[];
  serviceWaktu?: string;
}
