// The reading desk of the `referensi` SOP: who may record there, and the guest-book and books-read
// entries built from the quick forms and confirmed after a save.
import type { DeskReadRequest, DeskVisitRequest, SopDescription } from '../../../../functions/src/contract.ts';
import type { FieldProblem } from './failures.ts';
import { formatTime } from './time.ts';

export const DESK_SOP = 'referensi';
/** The desk steps whose actors record: 3 the guest book, 7 the books read (functions/src/desk/service.ts). */
export const DESK_VISIT_STEP = 3;
export const DESK_READ_STEP = 7;

export interface DeskAccess {
  /** May record visitors (desk step 3). */
  visits: boolean;
  /** May record books read (desk step 7). */
  reads: boolean;
}

/** What these roles may record at the reading desk, from the `referensi` SOP; null when nothing (the tab is hidden). */
export function deskAccess(sops: SopDescription[] | null | undefined, roles: string[]): DeskAccess | null {
  const sop = sops?.find((s) => s.id === DESK_SOP);
  if (!sop) return null;
  const may = (no: number) => !!sop.steps.find((s) => s.no === no)?.actors.some((r) => roles.includes(r));
  const access = { visits: may(DESK_VISIT_STEP), reads: may(DESK_READ_STEP) };
  return access.visits || access.reads ? access : null;
}

export type VisitCategory = NonNullable<DeskVisitRequest['category']>;

export const VISIT_CATEGORIES: { id: VisitCategory; label: string }[] = [
  { id: 'pelajar', label: 'Pelajar' },
  { id: 'mahasiswa', label: 'Mahasiswa' },
  { id: 'umum', label: 'Umum' },
  { id: 'instansi', label: 'Instansi' },
];
export const DEFAULT_VISIT_CATEGORY: VisitCategory = 'umum';

export interface VisitForm {
  name: string;
  institution: string;
  category: string;
  purpose: string;
}

export interface ReadForm {
  title: string;
  callNumber: string;
  classification: string;
  copies: string;
}

/** The guest-book entry in the API's shape (nothing empty), or the fields to fix first. */
export function buildVisitInput(f: VisitForm): { input: DeskVisitRequest; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const name = f.name.trim();
  if (!name) problems.push({ path: 'name', message: 'Nama pengunjung wajib diisi.' });
  const category = VISIT_CATEGORIES.find((c) => c.id === f.category)?.id ?? DEFAULT_VISIT_CATEGORY;
  const input: DeskVisitRequest = { name, category };
  if (f.institution.trim()) input.institution = f.institution.trim();
  if (f.purpose.trim()) input.purpose = f.purpose.trim();
  return { input, problems };
}

export const DDC_PATTERN = /^\d{3}(\.\d+)?$/;

/** The book-read entry in the API's shape (nothing empty, copies a number), or the fields to fix first. */
export function buildReadInput(f: ReadForm): { input: DeskReadRequest; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const title = f.title.trim();
  if (!title) problems.push({ path: 'title', message: 'Judul buku wajib diisi.' });
  const input: DeskReadRequest = { title };
  if (f.callNumber.trim()) input.callNumber = f.callNumber.trim();
  const cls = f.classification.trim().replace(',', '.');
  if (cls) {
    if (DDC_PATTERN.test(cls)) input.classification = cls;
    else problems.push({ path: 'classification', message: 'Klasifikasi DDC berupa 3 angka, misalnya 900 (boleh dengan desimal: 899.221).' });
  }
  const copies = f.copies.trim();
  if (copies === '') input.copies = 1;
  else if (/^\d+$/.test(copies) && Number(copies) >= 1 && Number(copies) <= 100) input.copies = Number(copies);
  else problems.push({ path: 'copies', message: 'Eksemplar berupa bilangan bulat 1 sampai 100.' });
  return { input, problems };
}

/** What the confirmation line says about a record just stored ("Tercatat: …"). */
export function deskConfirmation(what: string, reply: unknown, timeZone: string): string {
  const r = (reply ?? {}) as { at?: unknown; replayed?: unknown };
  const at = typeof r.at === 'string' ? formatTime(r.at, timeZone) : '';
  const replay = r.replayed === true ? ' Sudah tercatat sebelumnya; tidak dicatat dua kali.' : '';
  return `Tercatat: ${what}${at ? ` · ${at}` : ''}.${replay}`;
}

export function visitSummary(v: DeskVisitRequest): string {
  const cat = VISIT_CATEGORIES.find((c) => c.id === v.category)?.label;
  const detail = [cat, v.institution].filter(Boolean).join(', ');
  return detail ? `${v.name} (${detail})` : v.name;
}

export function readSummary(r: DeskReadRequest): string {
  const detail = [r.classification ? `DDC ${r.classification}` : '', `${r.copies ?? 1} eksemplar`].filter(Boolean).join(', ');
  return `${r.title} (${detail})`;
}
