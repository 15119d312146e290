// The local preview's stand-in for Apps Script: implements google.script.run in the browser
// against the same-origin local API (`npm start`), with a top bar to pick the demo staff member
// to act as. It runs before the sidebar script, in the same page. Local only.
import type { ApiError, Me, Membership, SidebarCallName, SidebarCalls } from '../src/contract.ts';
import type { CaseRow, ProgrammeReport, SopReport } from '../../functions/src/contract.ts';
import { MAX_DOCX_BYTES } from '../src/limits.ts';
import { checkDocumentEntry, checkDocumentRequest, checkEvent, type Checked } from '../src/server/programme-documents.ts';
import { caseListQuery, participantListQuery } from '../src/server/query.ts';
import { reportSheetName, reportTables, type ReportTables } from '../src/server/report-table.ts';
import { CHART_COLUMNS, sopReportSheetName, sopReportTables, type SopReportTables } from '../src/server/sop-report-table.ts';

const SOP_ID = /^[a-z][a-z0-9_]{0,63}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The add-on's checks of a report call (server/main.ts), so the preview refuses what Apps Script refuses. */
function checkReportCall(sopId: unknown, from: unknown, to: unknown): void {
  if (typeof sopId !== 'string' || !SOP_ID.test(sopId)) throw new CallFailure({ code: 'INVALID_INPUT', message: 'SOP tidak valid: gunakan id SOP (huruf kecil, angka dan garis bawah, diawali huruf).', path: 'sopId' });
  if (typeof from !== 'string' || !DATE.test(from)) throw new CallFailure({ code: 'INVALID_INPUT', message: 'Tanggal awal periode tidak valid: gunakan YYYY-MM-DD, misalnya 2026-01-01.', path: 'from' });
  if (typeof to !== 'string' || !DATE.test(to)) throw new CallFailure({ code: 'INVALID_INPUT', message: 'Tanggal akhir periode tidak valid: gunakan YYYY-MM-DD, misalnya 2026-01-01.', path: 'to' });
  if (to < from) throw new CallFailure({ code: 'INVALID_INPUT', message: 'Tanggal akhir periode tidak boleh sebelum tanggal awal.', path: 'to' });
}

/** A document call's input as the add-on checks it (server/programme-documents.ts), refused the same way. */
function checked<T>(c: Checked<T>): T {
  if (!c.ok) throw new CallFailure({ code: 'INVALID_INPUT', message: c.message, path: c.path, fields: [{ path: c.path, message: c.message }] });
  return c.value;
}

interface DemoPerson {
  agencyId: string;
  email: string;
  role: string;
  name: string;
}


const STORAGE_KEY = 'sop-preview.email';

/** A failure as google.script.run reports it: an Error whose message is the JSON of ApiError. */
class CallFailure extends Error {
  constructor(e: ApiError) {
    super(JSON.stringify(e));
    this.name = 'ScriptError';
  }
}

// ---- Who am I acting as ----

let staffPromise: Promise<DemoPerson[]> | null = null;
function staff(): Promise<DemoPerson[]> {
  staffPromise ??= fetch('/dev/staff')
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((b: { staff?: DemoPerson[] }) => b.staff ?? []);
  return staffPromise;
}

async function identity(): Promise<DemoPerson> {
  const people = await staff();
  if (!people.length) throw new CallFailure({ code: 'CONFIG', message: 'Tidak ada pegawai demo (GET /dev/staff kosong).' });
  const wanted = sessionStorage.getItem(STORAGE_KEY);
  return people.find((p) => p.email === wanted) ?? people[0]!;
}

let tokenPromise: Promise<string> | null = null;
async function token(): Promise<string> {
  tokenPromise ??= identity().then(async (p) => {
    const r = await fetch(`/dev/token?email=${encodeURIComponent(p.email)}`);
    const b = (await r.json()) as { token?: string; error?: ApiError };
    if (!r.ok || !b.token) throw new CallFailure(b.error ?? { code: 'CONFIG', message: `Token demo untuk ${p.email} tidak dapat dibuat.` });
    return b.token;
  });
  return tokenPromise;
}

/** The agency this "spreadsheet" works for: the chosen person's, unless chooseAgency changed it. */
let agencyOverride: string | null = null;
async function agency(): Promise<string> {
  return agencyOverride ?? (await identity()).agencyId;
}

// ---- The local API ----

async function api<T>(method: 'GET' | 'POST', path: string, body?: unknown, idempotencyKey?: string): Promise<T> {
  const headers: Record<string, string> = { Authorization: `Bearer ${await token()}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  } catch (e) {
    throw new CallFailure({ code: 'NETWORK', message: `Server lokal tidak dapat dihubungi (${String(e)}). Apakah \`npm start\` masih berjalan?` });
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CallFailure({ code: res.ok ? 'INTERNAL' : 'INVALID_INPUT', message: `Jawaban server bukan JSON (HTTP ${res.status}): ${text.slice(0, 200)}` });
  }
  if (!res.ok) {
    const err = (json as { error?: ApiError }).error;
    throw new CallFailure(err ?? { code: 'INTERNAL', message: `HTTP ${res.status}` });
  }
  return json as T;
}

const base = async () => `/v1/agencies/${await agency()}`;

let roleLabelsPromise: Promise<Map<string, string>> | null = null;
/** Role labels come from the SOP definitions (the staff directory holds only role ids). */
function roleLabels(): Promise<Map<string, string>> {
  roleLabelsPromise ??= (async () => {
    const { sops } = await api<{ sops: { roles: { id: string; label: string }[] }[] }>('GET', `${await base()}/sops`);
    const m = new Map<string, string>();
    for (const s of sops) for (const r of s.roles) if (!m.has(r.id)) m.set(r.id, r.label);
    return m;
  })();
  return roleLabelsPromise;
}

type Impl = { [K in SidebarCallName]: (...args: Parameters<SidebarCalls[K]>) => Promise<ReturnType<SidebarCalls[K]>> };

const impl: Impl = {
  async whoAmI(): Promise<Me> {
    const me = await api<{ agency: { id: string; name: string; shortName: string; timeZone: string }; staff: { email: string; name?: string; roles: string[] } }>('GET', `${await base()}/me`);
    const labels = await roleLabels();
    return {
      email: me.staff.email,
      name: me.staff.name ?? me.staff.email,
      agency: { id: me.agency.id, name: me.agency.name, shortName: me.agency.shortName, timeZone: me.agency.timeZone },
      roles: me.staff.roles.map((id) => ({ id, label: labels.get(id) ?? id })),
    };
  },
  async listMemberships(): Promise<Membership[]> {
    return (await api<{ memberships: Membership[] }>('GET', '/v1/me')).memberships;
  },
  async chooseAgency(agencyId) {
    const list = await impl.listMemberships();
    if (!list.some((m) => m.agencyId === agencyId)) throw new CallFailure({ code: 'NOT_STAFF', message: `Anda bukan pegawai aktif instansi ${agencyId}.`, path: 'agencyId' });
    agencyOverride = agencyId;
    roleLabelsPromise = null;
    return impl.whoAmI();
  },
  async listTasks(pageToken) {
    return api('GET', `${await base()}/tasks${pageToken ? `?pageToken=${encodeURIComponent(pageToken)}` : ''}`);
  },
  async listSops() {
    return api('GET', `${await base()}/sops`);
  },
  async listCases(query) {
    return api('GET', `${await base()}/cases${caseListQuery(query ?? {})}`);
  },
  async getCase(caseId) {
    return api('GET', `${await base()}/cases/${encodeURIComponent(caseId)}`);
  },
  async createCase(input, idempotencyKey) {
    return api('POST', `${await base()}/cases`, input, idempotencyKey);
  },
  async takeStep(caseId, action, idempotencyKey) {
    return api('POST', `${await base()}/cases/${encodeURIComponent(caseId)}/actions`, action, idempotencyKey);
  },
  async cancelCase(caseId, reason, expectedVersion, idempotencyKey) {
    return api('POST', `${await base()}/cases/${encodeURIComponent(caseId)}/cancel`, { reason, ...(expectedVersion !== undefined ? { expectedVersion } : {}) }, idempotencyKey);
  },
  async recordVisit(input, idempotencyKey) {
    return api('POST', `${await base()}/desk/visits`, input, idempotencyKey);
  },
  async recordRead(input, idempotencyKey) {
    return api('POST', `${await base()}/desk/reads`, input, idempotencyKey);
  },
  async deskRecap(month) {
    return api('GET', `${await base()}/desk/recap?month=${encodeURIComponent(month)}`);
  },
  async listSubmissions(status, limit) {
    const q = [status ? `status=${encodeURIComponent(status)}` : '', limit ? `limit=${limit}` : ''].filter(Boolean).join('&');
    return api('GET', `${await base()}/submissions${q ? `?${q}` : ''}`);
  },
  async getSubmission(submissionId) {
    return api('GET', `${await base()}/submissions/${encodeURIComponent(submissionId)}`);
  },
  async openSubmissionCase(submissionId, input, idempotencyKey) {
    return api('POST', `${await base()}/submissions/${encodeURIComponent(submissionId)}/case`, input, idempotencyKey);
  },
  async partnerLink(caseId) {
    return api('GET', `${await base()}/cases/${encodeURIComponent(caseId)}/partner-link`);
  },
  async previewSopImport(input) {
    return api('POST', `${await base()}/sop-imports/preview`, input);
  },
  async previewSopImportFromSelection() {
    // The preview has no spreadsheet to select in: say so, as the add-on does for an empty selection.
    throw new Error(JSON.stringify({ code: 'INVALID_INPUT', message: 'Pratinjau lokal tidak punya lembar Sheets: tempel tabelnya di kotak teks.', path: 'rows' }));
  },
  async listDriveDocx(search, pageToken) {
    // The preview's Drive is a local folder (preview.ts); the add-on asks Drive's REST API (server/drive.ts).
    const q = [search ? `search=${encodeURIComponent(search)}` : '', pageToken ? `pageToken=${encodeURIComponent(pageToken)}` : ''].filter(Boolean).join('&');
    const r = await fetch(`/preview/drive${q ? `?${q}` : ''}`);
    return r.json();
  },
  async previewSopImportFromDrive(fileId, title) {
    const r = await fetch(`/preview/drive/${encodeURIComponent(fileId)}`);
    if (!r.ok) throw new CallFailure({ code: 'NOT_FOUND', message: 'Berkas tidak ditemukan di Drive, atau Anda tidak punya akses untuk membukanya. Muat ulang daftar berkas lalu pilih lagi.', path: 'fileId' });
    const bytes = new Uint8Array(await r.arrayBuffer());
    if (bytes.length > MAX_DOCX_BYTES) throw new CallFailure({ code: 'INVALID_INPUT', message: `Berkas terlalu besar untuk panel (${Math.ceil(bytes.length / 1024)} KB; paling besar ${MAX_DOCX_BYTES / 1024} KB). Tempel tabelnya, atau impor dengan perintah admin import-sop.`, path: 'fileId' });
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return api('POST', `${await base()}/sop-imports/preview`, { docxBase64: btoa(bin), ...(title ? { title } : {}) });
  },
  async publishSopImport(input, idempotencyKey) {
    return api('POST', `${await base()}/sop-imports/publish`, input, idempotencyKey);
  },
  async listProgrammes() {
    return api('GET', `${await base()}/programmes`);
  },
  async programmeSummary(programmeId) {
    return api('GET', `${await base()}/programmes/${encodeURIComponent(programmeId)}`);
  },
  async listParticipants(programmeId, query) {
    return api('GET', `${await base()}/programmes/${encodeURIComponent(programmeId)}/participants${participantListQuery(query ?? {})}`);
  },
  async markAttendance(programmeId, input, idempotencyKey) {
    return api('POST', `${await base()}/programmes/${encodeURIComponent(programmeId)}/attendance`, input, idempotencyKey);
  },
  async withdrawParticipant(programmeId, participantId, idempotencyKey) {
    return api('POST', `${await base()}/programmes/${encodeURIComponent(programmeId)}/participants/${encodeURIComponent(participantId)}/withdraw`, {}, idempotencyKey);
  },
  async issueCertificates(programmeId, eventId, idempotencyKey) {
    return api('POST', `${await base()}/programmes/${encodeURIComponent(programmeId)}/certificates`, { event: eventId }, idempotencyKey);
  },
  async startMailing(programmeId, kind, eventId, idempotencyKey) {
    return api('POST', `${await base()}/programmes/${encodeURIComponent(programmeId)}/mailings`, eventId ? { kind, event: eventId } : { kind }, idempotencyKey);
  },
  async listMailings(programmeId) {
    return api('GET', `${await base()}/programmes/${encodeURIComponent(programmeId)}/mailings`);
  },
  async mailingProgress(programmeId, mailingId) {
    return api('GET', `${await base()}/programmes/${encodeURIComponent(programmeId)}/mailings/${encodeURIComponent(mailingId)}`);
  },
  async requestProgrammeDocuments(programmeId, input, idempotencyKey) {
    return api('POST', `${await base()}/programmes/${encodeURIComponent(programmeId)}/documents`, checked(checkDocumentRequest(input)), idempotencyKey);
  },
  async listProgrammeDocuments(programmeId, eventId) {
    const q = eventId === null || eventId === undefined ? '' : `?event=${checked(checkEvent(eventId))}`;
    return api('GET', `${await base()}/programmes/${encodeURIComponent(programmeId)}/documents${q}`);
  },
  async programmeDocumentStatus(programmeId, entry) {
    return api('GET', `${await base()}/programmes/${encodeURIComponent(programmeId)}/documents/${checked(checkDocumentEntry(entry))}`);
  },
  /** Stand-in for the "Kasus" sheet: the same rows, drawn as a table under the sidebar. */
  async syncDashboard() {
    const cases: CaseRow[] = [];
    let token: string | null = null;
    do {
      const page: { cases: CaseRow[]; nextPageToken: string | null } = await api('GET', `${await base()}/cases?limit=1000${token ? `&pageToken=${token}` : ''}`);
      cases.push(...page.cases);
      token = page.nextPageToken;
    } while (token);
    renderSheet(cases);
    return { rows: cases.length, mode: 'full' as const, sheetsRequests: 0 };
  },
  /** The preview's sheet is redrawn whole; a failure can be provoked with sessionStorage 'sop-preview.sync-fails'. */
  async syncDashboardRow() {
    if (sessionStorage.getItem('sop-preview.sync-fails')) {
      throw new CallFailure({ code: 'SHEETS_ERROR', message: 'Penulisan lembar "Kasus" gagal (HTTP 503: The service is currently unavailable.). Data kasus aman; coba "Perbarui sheet Kasus" lagi sebentar lagi.' });
    }
    return impl.syncDashboard();
  },
  /** Stand-in for the "Laporan Bimtek" sheet: the same tables the add-on writes, and its chart drawn as SVG columns. */
  async writeProgrammeReport(programmeId) {
    if (typeof programmeId !== 'string' || !/^[a-z][a-z0-9]{1,31}$/.test(programmeId)) throw new CallFailure({ code: 'INVALID_INPUT', message: 'Program tidak valid: gunakan id program (huruf kecil dan angka, diawali huruf).', path: 'programmeId' });
    const report = await api<ProgrammeReport>('GET', `${await base()}/programmes/${encodeURIComponent(programmeId)}/report`);
    const t = reportTables(report);
    renderReport(reportSheetName(programmeId), t, `Peserta per provinsi: ${report.programme.name}`);
    return { sheetName: reportSheetName(programmeId), rows: t.rows };
  },
  async taskSummary() {
    return api('GET', `${await base()}/tasks/summary`);
  },
  async sopReport(sopId, from, to) {
    checkReportCall(sopId, from, to);
    return api('GET', `${await base()}/reports/sop/${sopId}?from=${from}&to=${to}`);
  },
  async requestReportDocument(sopId, from, to, idempotencyKey) {
    checkReportCall(sopId, from, to);
    return api('POST', `${await base()}/reports/sop/${sopId}/document`, { from, to }, idempotencyKey);
  },
  async reportDocumentStatus(entry) {
    return api('GET', `${await base()}/reports/documents?entry=${encodeURIComponent(entry)}`);
  },
  async ikmReport(from, to, sopId) {
    return api('GET', `${await base()}/reports/ikm?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}${sopId ? `&sop=${encodeURIComponent(sopId)}` : ''}`);
  },
  async digestSetting() {
    return api('GET', `${await base()}/me/digest`);
  },
  async setDigest(on, idempotencyKey) {
    return api('POST', `${await base()}/me/digest`, { on }, idempotencyKey);
  },
  /** Stand-in for the "Laporan SOP" sheet: the same values the add-on writes, and its two charts drawn as SVG columns. */
  async writeSopReport(sopId, from, to) {
    checkReportCall(sopId, from, to);
    const report = await api<SopReport>('GET', `${await base()}/reports/sop/${sopId}?from=${from}&to=${to}`);
    const t = sopReportTables(report);
    const name = sopReportSheetName(sopId, from, to);
    renderSopReport(name, t);
    return { sheetName: name, rows: t.rows };
  },
};

// ---- google.script.run ----

type Handler = (value: unknown) => void;

function runner(success: Handler | null, failure: Handler | null): Record<string, unknown> {
  const r: Record<string, unknown> = {
    withSuccessHandler: (f: Handler) => runner(f, failure),
    withFailureHandler: (f: Handler) => runner(success, f),
    withUserObject: () => r,
  };
  for (const name of Object.keys(impl) as SidebarCallName[]) {
    r[name] = (...args: unknown[]) => {
      // Like Apps Script: asynchronous, handlers called later, nothing returned.
      void (impl[name] as (...a: unknown[]) => Promise<unknown>)(...args).then(
        (v) => success?.(v),
        (e: unknown) => failure?.(e instanceof CallFailure ? e : new CallFailure({ code: 'INTERNAL', message: String(e instanceof Error ? e.message : e) })),
      );
    };
  }
  return r;
}

(window as unknown as { google: unknown }).google = {
  script: {
    get run() {
      return runner(null, null);
    },
    host: { close: () => undefined, setHeight: () => undefined, setWidth: () => undefined },
  },
};

// ---- The page around the sidebar: identity picker on top, the "Kasus" sheet below ----

const CSS = `
body.preview { background: #f1f3f4; }
.preview-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 10px; padding: 8px 12px; background: #202124; color: #fff; font: 13px Roboto, Arial, sans-serif; }
.preview-bar strong { font-weight: 600; }
.preview-bar label { display: flex; align-items: center; gap: 6px; white-space: nowrap; }
.preview-bar select { font: inherit; color: #202124; background: #fff; padding: 3px 4px; max-width: 100%; }
.preview-bar .preview-note { color: #bdc1c6; font-size: 12px; }
body.preview #sidebar { width: 300px; margin: 12px; background: #fff; border: 1px solid #dadce0; box-shadow: 0 1px 3px rgba(0,0,0,.15); }
.preview-sheet { margin: 12px; font: 12px Roboto, Arial, sans-serif; overflow-x: auto; }
.preview-sheet h2 { font-size: 14px; margin: 0 0 6px; }
.preview-sheet table { border-collapse: collapse; background: #fff; }
.preview-sheet th, .preview-sheet td { border: 1px solid #dadce0; padding: 3px 6px; text-align: left; vertical-align: top; white-space: pre-line; }
.preview-sheet th { background: #f8f9fa; }
.preview-sheet td.late { color: #c5221f; font-weight: 600; }
`;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  return e;
}

let sheet: HTMLElement | null = null;

function renderSheet(rows: CaseRow[]): void {
  if (!sheet) return;
  const cols: [keyof CaseRow, string][] = [
    ['nomor', 'Nomor'],
    ['sop', 'SOP'],
    ['mitra', 'Mitra'],
    ['langkah', 'Langkah'],
    ['pelaksana', 'Pelaksana'],
    ['jatuhTempo', 'Jatuh tempo'],
    ['status', 'Status'],
    ['dokumen', 'Dokumen'],
  ];
  const table = el('table');
  table.id = 'preview-sheet-table';
  const head = el('tr');
  for (const [, label] of cols) head.append(el('th', label));
  table.append(el('thead'), el('tbody'));
  table.tHead!.append(head);
  for (const r of rows) {
    const tr = el('tr');
    for (const [k] of cols) {
      const td = el('td', String(r[k] ?? ''));
      if (k === 'status' && r.status === 'Terlambat') td.className = 'late';
      tr.append(td);
    }
    table.tBodies[0]!.append(tr);
  }
  sheet.replaceChildren(el('h2', `Sheet "Kasus" (${rows.length} kasus)`), table);
}

function renderTable(rows: (string | number)[][], bold: number[] = []): HTMLTableElement {
  const table = el('table');
  rows.forEach((r, i) => {
    const tr = el('tr');
    for (const c of r) {
      const cell = el(i === 0 ? 'th' : 'td', String(c));
      if (typeof c === 'number') cell.style.textAlign = 'right';
      if (bold.includes(i)) cell.style.fontWeight = '600';
      tr.append(cell);
    }
    table.append(tr);
  });
  return table;
}

/** The report's two tables and its one column chart (provinces on the axis, one colour per series). */
function renderReport(name: string, t: ReportTables, title: string): void {
  if (!sheet) return;
  const detail = renderTable(t.detail, t.totalRows);
  detail.id = 'preview-report-table';
  const chart = columnChart('preview-report-chart', title, t.provinces);
  sheet.replaceChildren(el('h2', `Sheet "${name}" (${t.rows} baris provinsi dan gelombang)`), detail, el('h2', 'Per provinsi'), renderTable(t.provinces), chart);
}

/** A chart's table (category, then series) as grouped SVG columns; empty cells draw nothing. */
function columnChart(id: string, title: string, table: (string | number)[][]): HTMLElement {
  const series = table[0]!.slice(1).map(String);
  const data = table.slice(1);
  const max = Math.max(1, ...data.flatMap((r) => r.slice(1).map((v) => (typeof v === 'number' ? v : 0))));
  const colours = ['#4285f4', '#ea4335', '#fbbc04', '#34a853'];
  const group = series.length * 10 + 10;
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('width', String(Math.max(240, data.length * group + 40)));
  svg.setAttribute('height', '180');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', title);
  data.forEach((r, i) => {
    r.slice(1).forEach((v, j) => {
      if (typeof v !== 'number') return;
      const hgt = Math.round((v / max) * 140);
      const bar = document.createElementNS(ns, 'rect');
      bar.setAttribute('x', String(20 + i * group + j * 10));
      bar.setAttribute('y', String(150 - hgt));
      bar.setAttribute('width', '9');
      bar.setAttribute('height', String(hgt));
      bar.setAttribute('fill', colours[j % colours.length]!);
      const tip = document.createElementNS(ns, 'title');
      tip.textContent = `${r[0]}: ${series[j]} ${v}`;
      bar.append(tip);
      svg.append(bar);
    });
  });
  const legend = el('p');
  series.forEach((x, j) => {
    const key = el('span', '■ ');
    key.style.color = colours[j % colours.length]!;
    legend.append(key, el('span', `${x}   `));
  });
  const chart = el('figure');
  chart.id = id;
  chart.append(el('figcaption', title), svg, legend);
  return chart;
}

function renderSopReport(name: string, t: SopReportTables): void {
  if (!sheet) return;
  const table = renderTable(t.values, t.headerRows.filter((r) => r > 0));
  table.id = 'preview-sop-report-table';
  const cut = (at: { header: number; rows: number }) => t.values.slice(at.header, at.header + at.rows + 1).map((r) => r.slice(0, CHART_COLUMNS));
  sheet.replaceChildren(
    el('h2', `Sheet "${name}" (${t.rows} langkah)`),
    table,
    columnChart('preview-sop-step-chart', 'Waktu per langkah (jam): median dan P90 terhadap standar', cut(t.steps)),
    columnChart('preview-sop-trend-chart', 'Tren bulanan: kasus dibuka, selesai, dan % dalam standar', cut(t.trend)),
  );
}

async function mountPage(): Promise<void> {
  const style = el('style', CSS);
  const icon = el('link');
  icon.rel = 'icon';
  icon.href = 'data:,'; // no favicon request
  document.head.append(style, icon);
  document.body.classList.add('preview');

  const bar = el('div');
  bar.className = 'preview-bar';
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', 'Pratinjau lokal');
  const label = el('label');
  const select = el('select');
  select.id = 'preview-identity';
  label.append(el('strong', 'Masuk sebagai'), select);
  const note = el('span', 'Pratinjau lokal: google.script.run → API lokal');
  note.className = 'preview-note';
  bar.append(label, note);
  document.body.prepend(bar);

  sheet = el('section');
  sheet.className = 'preview-sheet';
  sheet.id = 'preview-sheet';
  sheet.setAttribute('aria-label', 'Sheet Kasus (pratinjau)');
  document.getElementById('sidebar')?.after(sheet);

  try {
    const [people, me] = await Promise.all([staff(), identity()]);
    const groups = new Map<string, DemoPerson[]>();
    for (const p of people) groups.set(p.agencyId, [...(groups.get(p.agencyId) ?? []), p]);
    for (const [agencyId, list] of groups) {
      const g = el('optgroup');
      g.label = agencyId;
      for (const p of list) {
        const o = el('option', `${p.name} — ${p.role.replace(/_/g, ' ')}`);
        o.value = p.email;
        o.selected = p.email === me.email;
        g.append(o);
      }
      select.append(g);
    }
    sessionStorage.setItem(STORAGE_KEY, me.email);
  } catch (e) {
    note.textContent = `Daftar pegawai demo tidak dapat dimuat: ${String(e)}`;
  }
  // Another identity is another session: the sidebar starts again as that person.
  select.addEventListener('change', () => {
    sessionStorage.setItem(STORAGE_KEY, select.value);
    location.reload();
  });
  // Fill the sheet once at start, as the add-on does when it opens.
  impl.syncDashboard().catch(() => undefined);
}

// The shim is placed after the sidebar's markup, so the page can be dressed at once.
if (document.getElementById('sidebar')) void mountPage();
else document.addEventListener('DOMContentLoaded', () => void mountPage());
