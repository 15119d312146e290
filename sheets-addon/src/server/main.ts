/// <reference types="google-apps-script" />
// Every Apps Script entry point of the add-on: the menu (simple trigger onOpen / onInstall), the
// menu items, and every google.script.run call of the sidebar (contract.ts). sheets-addon/build.ts
// bundles this module and writes one top-level stub per export, because Apps Script only calls
// top-level functions: export entry points from this module and nothing else.
import type * as Api from '../../../functions/src/contract.ts';
import type { CaseListCall, DashboardSync, DriveDocxPage, Me, ParticipantListCall, ProgrammeReportSheet, SidebarCalls, SopReportSheet } from '../contract.ts';
import { agencyPath, apiErrorOf, apiFailure, callApi, currentAgencyId, myMemberships, storeAgency } from './api.ts';
import { caseListQuery, participantListQuery } from './query.ts';
import { listDriveDocx as driveList, readDriveDocx } from './drive.ts';
import { syncDashboard as writeDashboard, syncDashboardRow as writeDashboardRow } from './dashboard.ts';
import { checkDocumentEntry, checkDocumentRequest, checkEvent, type Checked } from './programme-documents.ts';
import { writeProgrammeReport as writeReport } from './programme-report.ts';
import { writeSopReport as writeSopSheet } from './sop-report.ts';
import { roleLabelsOf, toMe, type MeReply } from './me.ts';

const TITLE = 'Layanan Perpustakaan';
/** User-cache key (per spreadsheet) for the view the next opened sidebar starts in; see Me.initialView. */
const INITIAL_VIEW_KEY = 'initialView:';
const INITIAL_VIEW_SECONDS = 300;
const ROLE_LABELS_KEY = 'roleLabels:';
const ROLE_LABELS_SECONDS = 600;

// ---- Menu and triggers ------------------------------------------------------------------------

/** Simple trigger. Under AuthMode.NONE only the menu may be built: no properties, no fetch. */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Buka panel', 'showSidebar')
    .addItem('Kasus baru', 'showNewCase')
    .addItem('Sinkronkan dasbor', 'syncDashboardFromMenu')
    .addToUi();
  // Nothing else, in any AuthMode: under AuthMode.NONE (before the add-on is authorised in this
  // document) properties, caches and UrlFetch are unavailable, and the sidebar loads its own data.
  void e;
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

function openSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}

function initialViewKey(): string {
  return INITIAL_VIEW_KEY + SpreadsheetApp.getActive().getId();
}

export function showSidebar(): void {
  CacheService.getUserCache().remove(initialViewKey());
  openSidebar();
}

/** Opens the sidebar at the new-case form: the next whoAmI/chooseAgency answer carries initialView. */
export function showNewCase(): void {
  CacheService.getUserCache().put(initialViewKey(), 'new-case', INITIAL_VIEW_SECONDS);
  openSidebar();
}

export function syncDashboardFromMenu(): void {
  const ss = SpreadsheetApp.getActive();
  try {
    const { rows } = writeDashboard();
    ss.toast(`${rows} kasus disinkronkan ke lembar "Kasus".`, TITLE, 5);
  } catch (err) {
    const e = apiErrorOf(err);
    const hint = e?.code === 'CHOOSE_AGENCY' ? ' Buka panel (Ekstensi → Layanan Perpustakaan → Buka panel) untuk memilih instansi.' : '';
    ss.toast((e ? e.message : String(err instanceof Error ? err.message : err)) + hint, 'Sinkronisasi gagal', 15);
  }
}

// ---- google.script.run calls (contract.ts) ------------------------------------------------------

function invalid(path: string, message: string): Error {
  return apiFailure({ code: 'INVALID_INPUT', message, path, fields: [{ path, message }] });
}

function requireId(value: unknown, path: string, label: string): string {
  if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{1,128}$/.test(value)) throw invalid(path, `${label} tidak valid.`);
  return value;
}

function requireKey(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) throw invalid('Idempotency-Key', 'Kunci tindakan (idempotency key) wajib dikirim bersama setiap perubahan.');
  return value;
}

function requireObject(value: unknown, path: string, label: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(path, `${label} harus berupa objek.`);
  return value as Record<string, unknown>;
}

function takeInitialView(): Me['initialView'] {
  const cache = CacheService.getUserCache();
  const key = initialViewKey();
  const view = cache.get(key);
  if (view === null) return undefined;
  cache.remove(key);
  return view === 'new-case' ? 'new-case' : undefined;
}

/** Role labels of the agency's SOPs, cached per user for 10 minutes (they change only with a new SOP version). */
function roleLabels(agencyId: string): Record<string, string> {
  const cache = CacheService.getUserCache();
  const key = ROLE_LABELS_KEY + agencyId;
  const cached = cache.get(key);
  if (cached !== null) {
    try {
      return JSON.parse(cached) as Record<string, string>;
    } catch {
      cache.remove(key);
    }
  }
  const labels = roleLabelsOf(callApi<Partial<Api.SopListResponse>>('GET', agencyPath(agencyId, 'sops')));
  const text = JSON.stringify(labels);
  if (text.length < 90_000) cache.put(key, text, ROLE_LABELS_SECONDS);
  return labels;
}

function me(agencyId: string): Me {
  const reply = callApi<MeReply>('GET', agencyPath(agencyId, 'me'));
  const out = toMe(reply, agencyId, roleLabels(agencyId));
  const view = takeInitialView();
  if (view) out.initialView = view;
  return out;
}

export function whoAmI(): Me {
  return me(currentAgencyId());
}

export function listMemberships(): Api.Membership[] {
  return myMemberships().memberships;
}

export function chooseAgency(agencyId: string): Me {
  storeAgency(requireId(agencyId, 'agencyId', 'Instansi'));
  return me(agencyId);
}

function pageTokenParam(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{1,600}$/.test(value)) throw invalid('pageToken', 'Token halaman tidak valid; muat ulang daftar dari awal.');
  return value;
}

export function listTasks(pageToken: string | null): Api.TaskListResponse {
  const token = pageTokenParam(pageToken);
  return callApi<Api.TaskListResponse>('GET', `${agencyPath(currentAgencyId(), 'tasks')}${token ? `?pageToken=${token}` : ''}`);
}

export function listSops(): Api.SopListResponse {
  return callApi<Api.SopListResponse>('GET', agencyPath(currentAgencyId(), 'sops'));
}

export function listCases(query: CaseListCall | null): Api.CaseListResponse {
  const q = query === null || query === undefined ? {} : requireObject(query, '(query)', 'Pencarian kasus');
  if (q.q !== undefined && typeof q.q !== 'string') throw invalid('q', 'Kata pencarian harus berupa teks.');
  if (q.status !== undefined && q.status !== 'open' && q.status !== 'closed' && q.status !== 'cancelled') throw invalid('status', 'Status kasus harus open, closed, atau cancelled.');
  const pageToken = pageTokenParam(q.pageToken);
  if (q.limit !== undefined && (typeof q.limit !== 'number' || !Number.isInteger(q.limit) || q.limit < 1 || q.limit > 1000)) throw invalid('limit', 'Jumlah kasus per halaman harus bilangan bulat 1–1000.');
  const checked: CaseListCall = { ...(q.q ? { q: q.q } : {}), ...(q.status ? { status: q.status } : {}), ...(pageToken ? { pageToken } : {}), ...(q.limit !== undefined ? { limit: q.limit } : {}) };
  return callApi<Api.CaseListResponse>('GET', agencyPath(currentAgencyId(), 'cases') + caseListQuery(checked));
}

export function getCase(caseId: string): Api.CaseDetail {
  return callApi<Api.CaseDetail>('GET', agencyPath(currentAgencyId(), 'cases', requireId(caseId, 'caseId', 'Nomor kasus')));
}

export function createCase(input: Api.CreateCaseRequest, idempotencyKey: string): Api.TransitionResponse {
  const body = requireObject(input, '(body)', 'Data kasus baru');
  return callApi<Api.TransitionResponse>('POST', agencyPath(currentAgencyId(), 'cases'), body, requireKey(idempotencyKey));
}

export function takeStep(caseId: string, action: Api.StepActionRequest, idempotencyKey: string): Api.TransitionResponse {
  const id = requireId(caseId, 'caseId', 'Nomor kasus');
  const body = requireObject(action, '(body)', 'Tindakan langkah');
  return callApi<Api.TransitionResponse>('POST', agencyPath(currentAgencyId(), 'cases', id, 'actions'), body, requireKey(idempotencyKey));
}

export function cancelCase(caseId: string, reason: string, expectedVersion: number | undefined, idempotencyKey: string): Api.TransitionResponse {
  const id = requireId(caseId, 'caseId', 'Nomor kasus');
  const body: Record<string, unknown> = { reason };
  if (expectedVersion !== undefined && expectedVersion !== null) body.expectedVersion = expectedVersion;
  return callApi<Api.TransitionResponse>('POST', agencyPath(currentAgencyId(), 'cases', id, 'cancel'), body, requireKey(idempotencyKey));
}

// Reading desk (Meja baca): records of the `referensi` SOP's desk steps, and the monthly recap.

export function recordVisit(input: Api.DeskVisitRequest, idempotencyKey: string): Api.DeskVisitResponse {
  const key = requireKey(idempotencyKey);
  const body = requireObject(input, '(body)', 'Data pengunjung');
  return callApi<Api.DeskVisitResponse>('POST', agencyPath(currentAgencyId(), 'desk', 'visits'), body, key);
}

export function recordRead(input: Api.DeskReadRequest, idempotencyKey: string): Api.DeskReadResponse {
  const key = requireKey(idempotencyKey);
  const body = requireObject(input, '(body)', 'Data buku dibaca');
  return callApi<Api.DeskReadResponse>('POST', agencyPath(currentAgencyId(), 'desk', 'reads'), body, key);
}

export function deskRecap(month: string): Api.DeskRecap {
  if (typeof month !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw invalid('month', 'Bulan rekap tidak valid: gunakan tahun-bulan, misalnya 2026-07.');
  return callApi<Api.DeskRecap>('GET', `${agencyPath(currentAgencyId(), 'desk', 'recap')}?month=${month}`);
}

export function syncDashboard(): DashboardSync {
  return writeDashboard();
}

export function syncDashboardRow(caseId: string): DashboardSync {
  return writeDashboardRow(requireId(caseId, 'caseId', 'Nomor kasus'));
}

// Kiriman mitra: partner form submissions, cases opened from them, and the partner's form link.

const SUBMISSION_STATUSES: readonly string[] = ['accepted', 'rejected', 'held'];

export function listSubmissions(status: Api.SubmissionStatus | null, limit: number | null): Api.SubmissionListResponse {
  const query: string[] = [];
  if (status !== null && status !== undefined) {
    if (!SUBMISSION_STATUSES.includes(status)) throw invalid('status', 'Status kiriman tidak valid: pilih accepted, rejected atau held.');
    query.push(`status=${status}`);
  }
  if (limit !== null && limit !== undefined) {
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 200) throw invalid('limit', 'Jumlah kiriman harus bilangan bulat 1–200.');
    query.push(`limit=${limit}`);
  }
  return callApi<Api.SubmissionListResponse>('GET', `${agencyPath(currentAgencyId(), 'submissions')}${query.length ? `?${query.join('&')}` : ''}`);
}

function requireSubmissionId(value: unknown): string {
  if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{1,300}$/.test(value)) throw invalid('submissionId', 'Kiriman tidak valid.');
  return value;
}

export function getSubmission(submissionId: string): Api.SubmissionView {
  return callApi<Api.SubmissionView>('GET', agencyPath(currentAgencyId(), 'submissions', requireSubmissionId(submissionId)));
}

export function openSubmissionCase(submissionId: string, input: Api.SubmissionCaseRequest, idempotencyKey: string): Api.TransitionResponse {
  const key = requireKey(idempotencyKey);
  const id = requireSubmissionId(submissionId);
  const body = requireObject(input, '(body)', 'Kasus dari kiriman');
  return callApi<Api.TransitionResponse>('POST', agencyPath(currentAgencyId(), 'submissions', id, 'case'), body, key);
}

export function partnerLink(caseId: string): Api.PartnerLinkResponse {
  return callApi<Api.PartnerLinkResponse>('GET', agencyPath(currentAgencyId(), 'cases', requireId(caseId, 'caseId', 'Nomor kasus'), 'partner-link'));
}

// Impor SOP: the draft of a pasted table or a .docx, and its publication (issue 14).

export function previewSopImport(input: Api.SopImportPreviewRequest): Api.SopImportPreviewResponse {
  const body = requireObject(input, '(body)', 'Impor SOP');
  // Writes nothing, so it needs no idempotency key.
  return callApi<Api.SopImportPreviewResponse>('POST', agencyPath(currentAgencyId(), 'sop-imports', 'preview'), body);
}

/** The most rows and columns a selected range may have (the API's own limits). */
const RANGE_LIMIT = { rows: 2000, cols: 60 };

/**
 * The table the user pasted into the sheet and selected, read as the sheet shows it
 * (getDisplayValues: dates and numbers as displayed), empty rows and columns around it dropped.
 */
export function previewSopImportFromSelection(title: string | null): Api.SopImportPreviewResponse {
  const range = SpreadsheetApp.getActiveRange();
  if (!range) throw invalid('rows', 'Pilih rentang tabel SOP di lembar (dengan baris judul kolom No, Kegiatan, Pelaksana, Mutu Baku), lalu coba lagi.');
  if (range.getNumRows() > RANGE_LIMIT.rows || range.getNumColumns() > RANGE_LIMIT.cols) throw invalid('rows', `Rentang terlalu besar: paling banyak ${RANGE_LIMIT.rows} baris dan ${RANGE_LIMIT.cols} kolom.`);
  let rows = range.getDisplayValues().map((r) => r.map((c) => String(c)));
  while (rows.length && rows[rows.length - 1]!.every((c) => !c.trim())) rows.pop();
  while (rows.length && rows[0]!.every((c) => !c.trim())) rows.shift();
  let width = Math.max(0, ...rows.map((r) => r.length));
  while (width > 0 && rows.every((r) => !(r[width - 1] ?? '').trim())) width--;
  rows = rows.map((r) => r.slice(0, width));
  if (!rows.length || !width) throw invalid('rows', 'Rentang terpilih kosong: pilih sel tabel SOP yang sudah ditempel di lembar.');
  if (title !== null && title !== undefined && (typeof title !== 'string' || title.length > 300 || /[\r\n]/.test(title))) throw invalid('title', 'Judul SOP satu baris, paling banyak 300 karakter.');
  return callApi<Api.SopImportPreviewResponse>('POST', agencyPath(currentAgencyId(), 'sop-imports', 'preview'), { rows, ...(title ? { title } : {}) });
}

export function listDriveDocx(search: string | null, pageToken: string | null): DriveDocxPage {
  return driveList(search, pageToken);
}

/** A .docx chosen in Drive, into the same preview as one uploaded from the device. */
export function previewSopImportFromDrive(fileId: string, title: string | null): Api.SopImportPreviewResponse {
  if (title !== null && title !== undefined && (typeof title !== 'string' || title.length > 300 || /[\r\n]/.test(title))) throw invalid('title', 'Judul SOP satu baris, paling banyak 300 karakter.');
  const file = readDriveDocx(fileId);
  return callApi<Api.SopImportPreviewResponse>('POST', agencyPath(currentAgencyId(), 'sop-imports', 'preview'), { docxBase64: file.base64, ...(title ? { title } : {}) });
}

export function publishSopImport(input: Api.SopImportPublishRequest, idempotencyKey: string): Api.SopImportPublishResponse {
  const key = requireKey(idempotencyKey);
  const body = requireObject(input, '(body)', 'Penerbitan SOP');
  return callApi<Api.SopImportPublishResponse>('POST', agencyPath(currentAgencyId(), 'sop-imports', 'publish'), body, key);
}

// Bimtek: the programme view (attendance in bulk, certificates, paced mailings and their progress).

function requireProgramme(value: unknown): string {
  if (typeof value !== 'string' || !/^[a-z][a-z0-9]{1,31}$/.test(value)) throw invalid('programmeId', 'Program tidak valid: gunakan id program (huruf kecil dan angka, diawali huruf).');
  return value;
}

function requireEvent(value: unknown): string {
  if (typeof value !== 'string' || !/^[a-z]{2,12}-\d{1,2}$/.test(value)) throw invalid('event', 'Kegiatan tidak valid.');
  return value;
}

function requireLowerId(value: unknown, path: string, label: string): string {
  if (typeof value !== 'string' || !/^[a-z0-9]{8,40}$/.test(value)) throw invalid(path, `${label} tidak valid.`);
  return value;
}

function programmePath(programmeId: unknown, ...rest: string[]): string {
  return agencyPath(currentAgencyId(), 'programmes', requireProgramme(programmeId), ...rest);
}

export function listProgrammes(): Api.ProgrammeListResponse {
  return callApi<Api.ProgrammeListResponse>('GET', agencyPath(currentAgencyId(), 'programmes'));
}

export function programmeSummary(programmeId: string): Api.ProgrammeSummary {
  return callApi<Api.ProgrammeSummary>('GET', programmePath(programmeId));
}

export function listParticipants(programmeId: string, query: ParticipantListCall): Api.ParticipantListResponse {
  const q = query === null || query === undefined ? {} : requireObject(query, '(query)', 'Daftar peserta');
  if (q.status !== undefined && q.status !== 'registered' && q.status !== 'waiting' && q.status !== 'withdrawn') throw invalid('status', 'Status peserta harus registered, waiting, atau withdrawn.');
  if (q.limit !== undefined && (typeof q.limit !== 'number' || !Number.isInteger(q.limit) || q.limit < 1 || q.limit > 2000)) throw invalid('limit', 'Jumlah peserta per halaman harus bilangan bulat 1–2000.');
  const pageToken = pageTokenParam(q.pageToken);
  const checked: ParticipantListCall = { ...(q.event !== undefined ? { event: requireEvent(q.event) } : {}), ...(q.status ? { status: q.status } : {}), ...(pageToken ? { pageToken } : {}), ...(q.limit !== undefined ? { limit: q.limit } : {}) };
  return callApi<Api.ParticipantListResponse>('GET', programmePath(programmeId, 'participants') + participantListQuery(checked));
}

export function markAttendance(programmeId: string, input: Api.AttendanceRequest, idempotencyKey: string): Api.AttendanceResponse {
  const key = requireKey(idempotencyKey);
  const body = requireObject(input, '(body)', 'Presensi');
  return callApi<Api.AttendanceResponse>('POST', programmePath(programmeId, 'attendance'), body, key);
}

export function withdrawParticipant(programmeId: string, participantId: string, idempotencyKey: string): Api.WithdrawResponse {
  const key = requireKey(idempotencyKey);
  return callApi<Api.WithdrawResponse>('POST', programmePath(programmeId, 'participants', requireLowerId(participantId, 'participantId', 'Peserta'), 'withdraw'), {}, key);
}

export function issueCertificates(programmeId: string, eventId: string, idempotencyKey: string): Api.CertificatesResponse {
  const key = requireKey(idempotencyKey);
  return callApi<Api.CertificatesResponse>('POST', programmePath(programmeId, 'certificates'), { event: requireEvent(eventId) }, key);
}

export function startMailing(programmeId: string, kind: 'sertifikat' | 'undangan', eventId: string | null, idempotencyKey: string): Api.MailingStartResponse {
  const key = requireKey(idempotencyKey);
  if (kind !== 'sertifikat' && kind !== 'undangan') throw invalid('kind', 'Jenis pengiriman harus sertifikat atau undangan.');
  const body = eventId === null || eventId === undefined ? { kind } : { kind, event: requireEvent(eventId) };
  return callApi<Api.MailingStartResponse>('POST', programmePath(programmeId, 'mailings'), body, key);
}

export function listMailings(programmeId: string): Api.MailingListResponse {
  return callApi<Api.MailingListResponse>('GET', programmePath(programmeId, 'mailings'));
}

export function mailingProgress(programmeId: string, mailingId: string): Api.MailingProgressResponse {
  return callApi<Api.MailingProgressResponse>('GET', programmePath(programmeId, 'mailings', requireLowerId(mailingId, 'mailingId', 'Pengiriman')));
}

// Bimtek: an event's documents (surat tugas, undangan, daftar hadir, laporan), made by the worker.

function checked<T>(c: Checked<T>): T {
  if (!c.ok) throw invalid(c.path, c.message);
  return c.value;
}

export function requestProgrammeDocuments(programmeId: string, input: Api.ProgrammeDocumentRequest, idempotencyKey: string): Api.ProgrammeDocumentsResponse {
  const key = requireKey(idempotencyKey);
  const path = programmePath(programmeId, 'documents');
  return callApi<Api.ProgrammeDocumentsResponse>('POST', path, checked(checkDocumentRequest(input)), key);
}

export function listProgrammeDocuments(programmeId: string, eventId: string | null): Api.ProgrammeDocumentListResponse {
  const path = programmePath(programmeId, 'documents');
  return callApi<Api.ProgrammeDocumentListResponse>('GET', eventId === null || eventId === undefined ? path : `${path}?event=${checked(checkEvent(eventId))}`);
}

export function programmeDocumentStatus(programmeId: string, entry: string): Api.ReportDocumentResponse {
  return callApi<Api.ReportDocumentResponse>('GET', programmePath(programmeId, 'documents', checked(checkDocumentEntry(entry))));
}

// Bimtek: the programme report as a sheet with a chart.

export function writeProgrammeReport(programmeId: string): ProgrammeReportSheet {
  return writeReport(requireProgramme(programmeId));
}

// Service standards (issue 13): task counts, the SOP report and its Doc and sheet, the IKM, the digest.

function requireSop(value: unknown, path = 'sopId'): string {
  if (typeof value !== 'string' || !/^[a-z][a-z0-9_]{0,63}$/.test(value)) throw invalid(path, 'SOP tidak valid: gunakan id SOP (huruf kecil, angka dan garis bawah, diawali huruf).');
  return value;
}

function requireDate(value: unknown, path: 'from' | 'to'): string {
  const label = path === 'from' ? 'Tanggal awal periode' : 'Tanggal akhir periode';
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw invalid(path, `${label} tidak valid: gunakan YYYY-MM-DD, misalnya 2026-01-01.`);
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) throw invalid(path, `${label} tidak ada di kalender: ${value}.`);
  return value;
}

/** A period of two valid local dates in order: the query string the report routes take. */
function period(from: unknown, to: unknown): { from: string; to: string } {
  const f = requireDate(from, 'from');
  const t = requireDate(to, 'to');
  if (t < f) throw invalid('to', 'Tanggal akhir periode tidak boleh sebelum tanggal awal.');
  return { from: f, to: t };
}

export function taskSummary(): Api.TaskSummary {
  return callApi<Api.TaskSummary>('GET', agencyPath(currentAgencyId(), 'tasks', 'summary'));
}

export function sopReport(sopId: string, from: string, to: string): Api.SopReport {
  const sop = requireSop(sopId);
  const p = period(from, to);
  return callApi<Api.SopReport>('GET', `${agencyPath(currentAgencyId(), 'reports', 'sop', sop)}?from=${p.from}&to=${p.to}`);
}

export function requestReportDocument(sopId: string, from: string, to: string, idempotencyKey: string): Api.ReportDocumentResponse {
  const key = requireKey(idempotencyKey);
  const sop = requireSop(sopId);
  return callApi<Api.ReportDocumentResponse>('POST', agencyPath(currentAgencyId(), 'reports', 'sop', sop, 'document'), period(from, to), key);
}

export function reportDocumentStatus(entry: string): Api.ReportDocumentResponse {
  if (typeof entry !== 'string' || !/^laporan-[a-z][a-z0-9_]{0,63}-[0-9a-f]{24}$/.test(entry)) throw invalid('entry', 'Pengenal dokumen laporan tidak valid.');
  return callApi<Api.ReportDocumentResponse>('GET', `${agencyPath(currentAgencyId(), 'reports', 'documents')}?entry=${entry}`);
}

export function ikmReport(from: string, to: string, sopId: string | null): Api.IkmResult {
  const p = period(from, to);
  const sop = sopId === null || sopId === undefined ? null : requireSop(sopId, 'sop');
  return callApi<Api.IkmResult>('GET', `${agencyPath(currentAgencyId(), 'reports', 'ikm')}?from=${p.from}&to=${p.to}${sop ? `&sop=${sop}` : ''}`);
}

export function digestSetting(): Api.DigestSettingResponse {
  return callApi<Api.DigestSettingResponse>('GET', agencyPath(currentAgencyId(), 'me', 'digest'));
}

export function setDigest(on: boolean, idempotencyKey: string): Api.DigestSettingResponse {
  const key = requireKey(idempotencyKey);
  if (typeof on !== 'boolean') throw invalid('on', 'Pengaturan ringkasan pagi harus ya atau tidak (true/false).');
  return callApi<Api.DigestSettingResponse>('POST', agencyPath(currentAgencyId(), 'me', 'digest'), { on }, key);
}

export function writeSopReport(sopId: string, from: string, to: string): SopReportSheet {
  const sop = requireSop(sopId);
  const p = period(from, to);
  return writeSopSheet(sop, p.from, p.to);
}

// Compile-time check: the exports above implement every call of the contract with its signature.
const implemented: SidebarCalls = {
  whoAmI,
  listMemberships,
  chooseAgency,
  listTasks,
  listSops,
  listCases,
  getCase,
  createCase,
  takeStep,
  cancelCase,
  recordVisit,
  recordRead,
  deskRecap,
  syncDashboard,
  syncDashboardRow,
  listSubmissions,
  getSubmission,
  openSubmissionCase,
  partnerLink,
  previewSopImport,
  previewSopImportFromSelection,
  listDriveDocx,
  previewSopImportFromDrive,
  publishSopImport,
  writeProgrammeReport,
  listProgrammes,
  programmeSummary,
  listParticipants,
  markAttendance,
  withdrawParticipant,
  issueCertificates,
  startMailing,
  listMailings,
  mailingProgress,
  requestProgrammeDocuments,
  listProgrammeDocuments,
  programmeDocumentStatus,
  taskSummary,
  sopReport,
  requestReportDocument,
  reportDocumentStatus,
  ikmReport,
  digestSetting,
  setDigest,
  writeSopReport,
};
void implemented;
