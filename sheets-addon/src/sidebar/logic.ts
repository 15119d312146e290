// The sidebar's pure logic: the JSON shapes it reads, failure parsing, turning form values into
// the API's step input, time formatting and the idempotency key rule. No DOM here, so it is
// unit-tested in Node (test/sidebar/) and bundled into the sidebar by esbuild.
import type { CaseDocument, CaseRow, CaseState, DataType, DeskReadRequest, Exit, ProducedDocument, DeskVisitRequest, DescribedStep, Kelengkapan, SopDescription } from '../../../functions/src/contract.ts';
import type { ApiError, Me } from '../contract.ts';

/** A step as the sidebar shows it: from the SOP, or the case's current step (which says whether I can act). */
export type StepView = DescribedStep & { canAct?: boolean };

/** The exit a decision takes ('yes'/'no'); none for other steps or no decision. */
export function exitFor(step: Pick<DescribedStep, 'kind'> & Partial<Record<'ifYes' | 'ifNo', Exit>>, decision: 'yes' | 'no' | null | undefined): Exit | undefined {
  return step.kind === 'decision' && decision ? (decision === 'yes' ? step.ifYes : step.ifNo) : undefined;
}

/** Every document a step can produce, on any path. */
export function producible(step: DescribedStep): ProducedDocument[] {
  return [...step.produces, ...(step.kind === 'decision' ? [...step.ifYes.produces, ...step.ifNo.produces] : [])];
}

// ---- Failures ----

const NETWORK_MESSAGE = 'Tidak dapat menghubungi server. Periksa koneksi internet, lalu kirim lagi.';

/**
 * google.script.run failures carry `error.message` = JSON of ApiError (sometimes wrapped in
 * {error: ...}). Anything else is a transport failure: the request may or may not have arrived.
 */
export function parseFailure(e: unknown): ApiError {
  const raw = e instanceof Error ? e.message : typeof e === 'string' ? e : e && typeof e === 'object' && 'message' in e ? String((e as { message: unknown }).message) : String(e);
  const asError = (v: unknown): ApiError | null => {
    if (!v || typeof v !== 'object') return null;
    const o = v as Record<string, unknown>;
    if (o.error && typeof o.error === 'object') return asError(o.error);
    if (typeof o.code !== 'string' || typeof o.message !== 'string') return null;
    const out: ApiError = { code: o.code, message: o.message };
    if (typeof o.path === 'string') out.path = o.path;
    if (Array.isArray(o.fields)) {
      const fields = o.fields.filter((f): f is { path: string; message: string } => !!f && typeof f === 'object' && typeof f.path === 'string' && typeof f.message === 'string');
      if (fields.length) out.fields = fields.map((f) => ({ path: f.path, message: f.message }));
    }
    return out;
  };
  // Apps Script may prefix the thrown message ("Error: {...}"): take the JSON object inside.
  for (const candidate of [raw, raw.slice(Math.max(0, raw.indexOf('{')))]) {
    try {
      const parsed = asError(JSON.parse(candidate));
      if (parsed) return parsed;
    } catch {
      // not JSON
    }
  }
  if (e && typeof e === 'object' && !(e instanceof Error)) {
    const direct = asError(e);
    if (direct) return direct;
  }
  return { code: 'NETWORK', message: raw && !/^\s*$/.test(raw) ? `${NETWORK_MESSAGE} (${raw.slice(0, 200)})` : NETWORK_MESSAGE };
}

/** Errors after which the case on screen is stale: show the message, then load the case again. */
export const RELOAD_CODES = new Set(['WRONG_ROLE', 'NOT_CURRENT_STEP', 'VERSION_CONFLICT', 'CASE_CLOSED']);
/** Errors that name fields of the form. */
export const FIELD_CODES = new Set(['MISSING_KELENGKAPAN', 'INVALID_INPUT']);

/** The form field an error path concerns: `documents.x.url` -> `documents.x`, `data.x` stays. */
export function fieldKey(path: string): string {
  const parts = path.split('.');
  if ((parts[0] === 'data' || parts[0] === 'checklist' || parts[0] === 'documents' || parts[0] === 'partner') && parts.length > 2) return parts.slice(0, 2).join('.');
  return path;
}

// ---- Idempotency ----

export function newKey(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string; getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  // Outside a secure context (preview opened over a LAN address) randomUUID is missing.
  const b = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(b);
  else for (let i = 0; i < 16; i++) b[i] = Math.floor(Math.random() * 256);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * One key per submit attempt. After a NETWORK failure the request may have arrived, so resending
 * the very same submission reuses its key (the API then answers with the first result instead
 * of acting twice). Any other outcome ends the attempt.
 */
export class KeyKeeper {
  private pending: { fingerprint: string; key: string } | null = null;
  private readonly make: () => string;
  constructor(make: () => string = newKey) {
    this.make = make;
  }
  keyFor(fingerprint: string): string {
    if (this.pending && this.pending.fingerprint === fingerprint) return this.pending.key;
    this.pending = { fingerprint, key: this.make() };
    return this.pending.key;
  }
  settle(error: ApiError | null): void {
    if (!error || error.code !== 'NETWORK') this.pending = null;
  }
}

// ---- Time ----

export const ZONE_OFFSET: Record<string, string> = {
  'Asia/Jakarta': '+07:00',
  'Asia/Makassar': '+08:00',
  'Asia/Jayapura': '+09:00',
};
export const ZONE_NAME: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

/** A datetime-local value ("2026-12-10T09:00") as ISO 8601 with the agency's offset. */
export function localInputToIso(value: string, timeZone: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value.trim());
  if (!m) return value.trim();
  return `${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}${ZONE_OFFSET[timeZone] ?? '+07:00'}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];

/** "10 Des 2026 09.05 WIB": an instant in the agency's time zone (fixed offsets, no DST in Indonesia). */
export function formatInstant(iso: string, timeZone: string): string {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return iso;
  const offset = ZONE_OFFSET[timeZone] ?? '+07:00';
  const hours = Number(offset.slice(1, 3));
  const d = new Date(t + hours * 3600_000);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${hh}.${mm} ${ZONE_NAME[timeZone] ?? ''}`.trim();
}

/** Elapsed time as people say it: "kurang dari 1 menit", "12 menit", "2 jam 5 menit", "3 hari 4 jam". */
export function formatMinutes(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return '–';
  if (minutes < 1) return 'kurang dari 1 menit';
  const total = Math.round(minutes);
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  if (days > 0) return hours > 0 ? `${days} hari ${hours} jam` : `${days} hari`;
  if (hours > 0) return mins > 0 ? `${hours} jam ${mins} menit` : `${hours} jam`;
  return `${mins} menit`;
}

// ---- Forms ----

/** What the form holds, as read from the DOM: strings for inputs, booleans for checkboxes. */
export interface RawStepForm {
  data: Record<string, string | boolean>;
  checklist: Record<string, boolean>;
  documents: Record<string, string>;
  note: string;
}

export interface StepInput {
  data?: Record<string, unknown>;
  checklist?: Record<string, boolean>;
  documents?: Record<string, { url: string; title?: string }>;
  note?: string;
}

/** A typed value for the API, or undefined when the field is empty (empty fields are never sent). */
export function dataValue(dataType: DataType, raw: string | boolean | undefined, timeZone: string): unknown {
  if (dataType === 'boolean') return raw === true;
  if (typeof raw !== 'string') return undefined;
  const v = raw.trim();
  if (v === '') return undefined;
  switch (dataType) {
    case 'number':
    case 'integer': {
      const n = Number(v.replace(',', '.'));
      // A value that is not a number is sent as typed: the API names the field and the problem.
      return Number.isFinite(n) ? n : v;
    }
    case 'datetime':
      return localInputToIso(v, timeZone);
    case 'list': {
      const items = v.split(/\r?\n/).map((x) => x.trim()).filter((x) => x !== '');
      return items.length ? items : undefined;
    }
    default:
      return v;
  }
}

/** Which kelengkapan items the form asks the user for (assigned data and documents already on the case are not asked). */
export function documentNeedsInput(k: Kelengkapan, onCase: boolean): boolean {
  return k.type === 'document' && (k.source === 'input' || (k.source === 'case' && !onCase));
}

/** The step input from the form, in the API's shape; only what the step asks for, nothing empty. */
export function buildStepInput(kelengkapan: Kelengkapan[], raw: RawStepForm, timeZone: string, documentsOnCase: Record<string, unknown>): StepInput {
  const data: Record<string, unknown> = {};
  const checklist: Record<string, boolean> = {};
  const documents: Record<string, { url: string }> = {};
  for (const k of kelengkapan) {
    if (k.type === 'data') {
      if (k.assign) continue;
      const v = dataValue(k.dataType, raw.data[k.id], timeZone);
      if (v !== undefined) data[k.id] = v;
    } else if (k.type === 'checklist') {
      if (raw.checklist[k.id] === true) checklist[k.id] = true;
    } else if (k.type === 'document' && documentNeedsInput(k, k.id in documentsOnCase)) {
      const url = (raw.documents[k.id] ?? '').trim();
      if (url) documents[k.id] = { url };
    }
  }
  const out: StepInput = {};
  if (Object.keys(data).length) out.data = data;
  if (Object.keys(checklist).length) out.checklist = checklist;
  if (Object.keys(documents).length) out.documents = documents;
  const note = raw.note.trim();
  if (note) out.note = note;
  return out;
}

export interface PartnerForm {
  name: string;
  email: string;
  phone: string;
  address: string;
}

export function buildCreateInput(sop: string, title: string, p: PartnerForm): { sop: string; title?: string; partner: { name: string; email?: string; phone?: string; address?: string } } {
  const partner: { name: string; email?: string; phone?: string; address?: string } = { name: p.name.trim() };
  if (p.email.trim()) partner.email = p.email.trim();
  if (p.phone.trim()) partner.phone = p.phone.trim();
  if (p.address.trim()) partner.address = p.address.trim();
  return { sop, ...(title.trim() ? { title: title.trim() } : {}), partner };
}

// ---- Roles ----

export function roleIds(me: Pick<Me, 'roles'>): string[] {
  return me.roles.map((r) => r.id);
}

export function canCreate(sop: SopDescription, roles: string[]): boolean {
  const start = sop.steps.find((s) => s.no === sop.startStep);
  const allowed = sop.createRoles ?? start?.actors ?? [];
  return allowed.some((r) => roles.includes(r));
}

export function canCancel(sop: SopDescription | undefined, roles: string[]): boolean {
  return !!sop && sop.cancelRoles.some((r) => roles.includes(r));
}

export function roleLabel(sop: SopDescription | undefined, id: string): string {
  return sop?.roles.find((r) => r.id === id)?.label ?? id.replace(/_/g, ' ');
}

export const DOCUMENT_STATUS: Record<CaseDocument['status'], string> = {
  provided: 'dilampirkan',
  pending: 'menunggu dibuat',
  ready: 'siap',
  failed: 'gagal',
};

/**
 * How a document's state reads. A produced document without a template (an entry in the agenda
 * register, not a letter) stays "pending" on the case for ever: it is shown as recorded.
 */
export function documentStatus(d: Pick<CaseDocument, 'status' | 'templateId' | 'outboxId'>): { text: string; kind: 'ok' | 'warn' | 'late' | 'muted' } {
  if (d.status === 'pending' && !d.templateId && !d.outboxId) return { text: 'tercatat', kind: 'muted' };
  const kind = d.status === 'ready' || d.status === 'provided' ? 'ok' : d.status === 'failed' ? 'late' : 'warn';
  return { text: DOCUMENT_STATUS[d.status] ?? d.status, kind };
}

export const CASE_STATUS: Record<CaseState['status'], string> = {
  open: 'Berjalan',
  closed: 'Selesai',
  cancelled: 'Dibatalkan',
};

// ---- Semua kasus ----

/** The badge colour of a row's status, the same as on the case detail. */
export function rowStatusKind(status: string): 'late' | 'ok' | 'muted' | 'info' {
  return status === 'Terlambat' ? 'late' : status === 'Selesai' ? 'ok' : status === 'Dibatalkan' ? 'muted' : 'info';
}

/** The rows of the answer, dropping anything without an id (the API sends them newest first). */
export function caseRows(reply: unknown): CaseRow[] {
  const list = (reply as { cases?: unknown } | null)?.cases;
  if (!Array.isArray(list)) return [];
  return list
    .filter((r): r is Record<string, unknown> => !!r && typeof r === 'object' && typeof (r as { caseId?: unknown }).caseId === 'string')
    .map((r) => {
      const text = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : '');
      const status = text('status');
      return {
        caseId: r.caseId as string,
        nomor: text('nomor'),
        sop: text('sop'),
        mitra: text('mitra'),
        langkah: text('langkah'),
        pelaksana: text('pelaksana'),
        jatuhTempo: text('jatuhTempo'),
        status: (['Berjalan', 'Terlambat', 'Selesai', 'Dibatalkan'].includes(status) ? status : 'Berjalan') as CaseRow['status'],
        dokumen: text('dokumen'),
        updatedAt: text('updatedAt'),
      };
    });
}

/** Lower case without diacritics and with runs of spaces folded, for matching what people type. */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The rows matching what was typed: every word must occur in the nomor, the partner, the SOP or
 * the status (in any of them, in any order). An empty query keeps every row, in the same order.
 */
export function filterCases<T extends Pick<CaseRow, 'nomor' | 'mitra' | 'sop' | 'status'>>(rows: T[], query: string): T[] {
  const words = searchKey(query).split(' ').filter(Boolean);
  if (!words.length) return rows;
  return rows.filter((r) => {
    const hay = searchKey(`${r.nomor} ${r.mitra} ${r.sop} ${r.status}`);
    return words.every((w) => hay.includes(w));
  });
}

/**
 * Where the case stands, as the row reads: the current step while open ("Langkah 3: ..."), the
 * outcome once closed ("Hasil: ..."), the reason once cancelled (the API's outcome then reads
 * "Dibatalkan: <alasan>").
 */
export function rowProgress(r: Pick<CaseRow, 'status' | 'langkah'>): string {
  const text = r.langkah.trim();
  if (r.status === 'Dibatalkan') {
    const m = /^Dibatalkan:\s*([\s\S]+)$/.exec(text);
    return m ? `Alasan pembatalan: ${m[1]}` : text || 'Kasus dibatalkan.';
  }
  if (r.status === 'Selesai') return text ? `Hasil: ${text}` : 'Kasus selesai.';
  const m = /^(\d+)\.\s*([\s\S]*)$/.exec(text);
  return m ? `Langkah ${m[1]}: ${m[2]}` : text || 'Langkah belum diketahui.';
}

// ---- Meja baca (the reading desk of the `referensi` SOP) ----

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

/** The main DDC classes, as the monthly report names them. */
export const DDC_CLASSES: Record<string, string> = {
  '000': 'Karya umum, komputer dan informasi',
  '100': 'Filsafat dan psikologi',
  '200': 'Agama',
  '300': 'Ilmu sosial',
  '400': 'Bahasa',
  '500': 'Ilmu murni (sains dan matematika)',
  '600': 'Ilmu terapan (teknologi)',
  '700': 'Kesenian, hiburan dan olahraga',
  '800': 'Kesusastraan',
  '900': 'Sejarah dan geografi',
};
export const NO_CLASS = 'tanpa klasifikasi';

export interface FieldProblem {
  path: string;
  message: string;
}

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

/** "09.05 WITA": the time of day of an instant in the agency's zone. */
export function formatTime(iso: string, timeZone: string): string {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return '';
  const d = new Date(t + Number((ZONE_OFFSET[timeZone] ?? '+07:00').slice(1, 3)) * 3600_000);
  return `${String(d.getUTCHours()).padStart(2, '0')}.${String(d.getUTCMinutes()).padStart(2, '0')} ${ZONE_NAME[timeZone] ?? ''}`.trim();
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

const MONTH_NAMES = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** The month (yyyy-mm) an instant falls in, in the agency's zone (fixed offsets: no DST in Indonesia). */
export function currentMonth(now: Date, timeZone: string): string {
  const d = new Date(now.getTime() + Number((ZONE_OFFSET[timeZone] ?? '+07:00').slice(1, 3)) * 3600_000);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** "2026-07" -> "Juli 2026" (anything else as given). */
export function monthLabel(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const name = m ? MONTH_NAMES[Number(m[2]) - 1] : undefined;
  return m && name ? `${name} ${m[1]}` : month;
}

export const RECAP_TOP_TITLES = 10;

export interface RecapView {
  month: string;
  visits: number;
  booksRead: number;
  /** The four categories in the form's order (zeros included), then any other the API counted. */
  byCategory: { id: string; label: string; count: number }[];
  /** DDC classes with books read, by class, "tanpa klasifikasi" last. */
  byClass: { id: string; label: string; count: number }[];
  /** The most read titles, at most RECAP_TOP_TITLES, in the API's order (most read first). */
  topTitles: { title: string; count: number }[];
  /** How many different titles were read. */
  titleCount: number;
}

const count = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0);

/** The recap as the panel shows it, read defensively from GET .../desk/recap. */
export function recapView(reply: unknown, month: string): RecapView {
  const r = (reply && typeof reply === 'object' ? reply : {}) as Record<string, unknown>;
  const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const cats = obj(r.byCategory);
  const byCategory = [
    ...VISIT_CATEGORIES.map((c) => ({ id: c.id, label: c.label, count: count(cats[c.id]) })),
    ...Object.entries(cats)
      .filter(([id, n]) => !VISIT_CATEGORIES.some((c) => c.id === id) && count(n) > 0)
      .map(([id, n]) => ({ id, label: id, count: count(n) })),
  ];
  const byClass = Object.entries(obj(r.byClassification))
    .filter(([, n]) => count(n) > 0)
    .sort(([a], [b]) => (a === NO_CLASS ? 1 : b === NO_CLASS ? -1 : a.localeCompare(b)))
    .map(([id, n]) => ({ id, label: id === NO_CLASS ? 'Tanpa klasifikasi' : DDC_CLASSES[id] ? `${id} ${DDC_CLASSES[id]}` : id, count: count(n) }));
  const titles = (Array.isArray(r.titles) ? r.titles : [])
    .filter((t): t is { title: string; count: unknown } => !!t && typeof t === 'object' && typeof (t as { title?: unknown }).title === 'string')
    .map((t) => ({ title: t.title, count: count(t.count) }));
  return {
    month: typeof r.month === 'string' ? r.month : month,
    visits: count(r.visits),
    booksRead: count(r.booksRead),
    byCategory,
    byClass,
    topTitles: titles.slice(0, RECAP_TOP_TITLES),
    titleCount: titles.length,
  };
}
