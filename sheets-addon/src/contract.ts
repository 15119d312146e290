// The contract between the sidebar (sheets-addon/src/sidebar/*, runs in the browser inside
// Google Sheets) and the server functions it calls with google.script.run (sheets-addon/src/server/*,
// runs in Apps Script). The local preview implements the same calls against the local API.
//
// Every call resolves with plain JSON data or fails with an Error whose message is a JSON string
// of `ApiError` (so the sidebar can show `message` next to the field named by `path`/`fields`).
// Calls that change something carry an idempotency key the sidebar generates once per user
// action (crypto.randomUUID()), so a retried click never acts twice.

import type * as Api from '../../functions/src/contract.ts';

/**
 * The API's error (its codes: Api.ErrorCode), plus the add-on's own codes for failures on its side:
 * CONFIG, NETWORK, CHOOSE_AGENCY, SHEETS_PERMISSION, SHEETS_ERROR, DRIVE_PERMISSION, DRIVE_ERROR. Any string is accepted, since a
 * newer API may answer with a code this build does not know.
 */
export type ApiError = Api.ApiError<string>;

export type { Membership } from '../../functions/src/contract.ts';

export interface Me {
  email: string;
  name: string;
  agency: { id: string; name: string; shortName: string; timeZone: string };
  roles: { id: string; label: string }[];
  /**
   * The view the sidebar opens at, set only when the menu item "Kasus baru" opened it ('new-case');
   * absent for "Buka panel". Handed out once (a 5-minute per-user, per-spreadsheet cache entry that the
   * first whoAmI or chooseAgency answer consumes), so a reload shows the normal start view.
   */
  initialView?: 'new-case';
}

/** google.script.run function names and their arguments/results (results are the API's JSON). */
export interface SidebarCalls {
  /** The caller and the agency this spreadsheet works for (chosen once, kept in document properties). */
  whoAmI(): Me;
  /** Agencies where the caller is active staff (GET /v1/me): the sidebar asks to pick one when there are several. */
  listMemberships(): Api.Membership[];
  chooseAgency(agencyId: string): Me;
  /** GET /v1/agencies/{a}/tasks?pageToken=: one page of my tasks, overdue first (null: the first page). */
  listTasks(pageToken: string | null): Api.TaskListResponse;
  /** GET /v1/agencies/{a}/sops (each step with `standard`) */
  listSops(): Api.SopListResponse;
  /**
   * GET /v1/agencies/{a}/cases?q=&pageToken=&limit=: one page of the agency's cases as dashboard
   * rows, newest first, searched on the server (null: the first page of every case).
   */
  listCases(query: CaseListCall | null): Api.CaseListResponse;
  /** GET /v1/agencies/{a}/cases/{id} */
  getCase(caseId: string): Api.CaseDetail;
  /** POST /v1/agencies/{a}/cases */
  createCase(input: Api.CreateCaseRequest, idempotencyKey: string): Api.TransitionResponse;
  /** POST /v1/agencies/{a}/cases/{id}/actions */
  takeStep(caseId: string, action: Api.StepActionRequest, idempotencyKey: string): Api.TransitionResponse;
  /** POST /v1/agencies/{a}/cases/{id}/cancel */
  cancelCase(caseId: string, reason: string, expectedVersion: number | undefined, idempotencyKey: string): Api.TransitionResponse;
  /** POST /v1/agencies/{a}/desk/visits -> the record */
  recordVisit(input: Api.DeskVisitRequest, idempotencyKey: string): Api.DeskVisitResponse;
  /** POST /v1/agencies/{a}/desk/reads -> the record */
  recordRead(input: Api.DeskReadRequest, idempotencyKey: string): Api.DeskReadResponse;
  /** GET /v1/agencies/{a}/desk/recap?month=yyyy-mm */
  deskRecap(month: string): Api.DeskRecap;
  /** Writes every case to the "Kasus" sheet (values batchUpdate, RAW, in requests of at most ~2 MB). */
  syncDashboard(): DashboardSync;
  /** After a step: writes only that case's row (a full sync when the sheet was never synced). */
  syncDashboardRow(caseId: string): DashboardSync;
  /** GET /v1/agencies/{a}/submissions?status=&limit=: partner form submissions, newest first (status null: all). */
  listSubmissions(status: Api.SubmissionStatus | null, limit: number | null): Api.SubmissionListResponse;
  /** GET /v1/agencies/{a}/submissions/{id} */
  getSubmission(submissionId: string): Api.SubmissionView;
  /** POST /v1/agencies/{a}/submissions/{id}/case: a case from a rejected or held submission, with corrected answers. */
  openSubmissionCase(submissionId: string, input: Api.SubmissionCaseRequest, idempotencyKey: string): Api.TransitionResponse;
  /** GET /v1/agencies/{a}/cases/{id}/partner-link: the prefilled form link of the current step. */
  partnerLink(caseId: string): Api.PartnerLinkResponse;
  /** POST /v1/agencies/{a}/sop-imports/preview: a pasted table, a Sheets range or a .docx read into a draft (writes nothing). */
  previewSopImport(input: Api.SopImportPreviewRequest): Api.SopImportPreviewResponse;
  /** The same, from the range the user selected in the sheet (a table pasted there): its rows as displayed. */
  previewSopImportFromSelection(title: string | null): Api.SopImportPreviewResponse;
  /** The user's .docx files in Drive (files.list: not trashed, newest first, `search` by name; null: the first page). */
  listDriveDocx(search: string | null, pageToken: string | null): DriveDocxPage;
  /** The same preview as previewSopImport, from a .docx in Drive (files.get alt=media, at most MAX_DOCX_BYTES). */
  previewSopImportFromDrive(fileId: string, title: string | null): Api.SopImportPreviewResponse;
  /** POST /v1/agencies/{a}/sop-imports/publish: the reviewed draft as the SOP's next version (or a dry run). */
  publishSopImport(input: Api.SopImportPublishRequest, idempotencyKey: string): Api.SopImportPublishResponse;
  /**
   * GET /v1/agencies/{a}/programmes/{p}/report written to the sheet "Laporan Bimtek {p}": a row per
   * province and wave with totals, the totals per province, and one column chart of them (a
   * second write replaces the values and keeps that one chart).
   */
  writeProgrammeReport(programmeId: string): ProgrammeReportSheet;

  // Service standards (issue 13): "Tugas saya" counts, the "Laporan" view, the digest setting.
  /** GET .../tasks/summary: my open tasks counted (all, overdue, due soon), by SOP. */
  taskSummary(): Api.TaskSummary;
  /** GET .../reports/sop/{sop}?from=&to= (local dates, inclusive): for the SOP's cancelRoles. */
  sopReport(sopId: string, from: string, to: string): Api.SopReport;
  /** POST .../reports/sop/{sop}/document {from, to}: the report as a Google Doc, queued once per key. */
  requestReportDocument(sopId: string, from: string, to: string, idempotencyKey: string): Api.ReportDocumentResponse;
  /** GET .../reports/documents?entry=: the Doc's state while it is pending. */
  reportDocumentStatus(entry: string): Api.ReportDocumentResponse;
  /** GET .../reports/ikm?from=&to=[&sop=]: the IKM of the period (sopId null: every service). */
  ikmReport(from: string, to: string, sopId: string | null): Api.IkmResult;
  /** GET .../me/digest: whether my morning digest is on. */
  digestSetting(): Api.DigestSettingResponse;
  /** POST .../me/digest {on}: my morning digest on or off. */
  setDigest(on: boolean, idempotencyKey: string): Api.DigestSettingResponse;
  /**
   * GET .../reports/sop/{sop} written to the sheet "Laporan SOP {sop} {from}–{to}" in ONE RAW
   * values:batchUpdate, with two charts (per-step hours against the standard; trend by month),
   * kept at two however often it is written.
   */
  writeSopReport(sopId: string, from: string, to: string): SopReportSheet;

  // Bimtek programmes (GET/POST /v1/agencies/{a}/programmes/...): the "Bimtek" view.
  /** GET .../programmes: programmes the agency owns or hosts (the "Bimtek" tab shows when there is one). */
  listProgrammes(): Api.ProgrammeListResponse;
  /** GET .../programmes/{p}: the events the agency may see, with their figures. */
  programmeSummary(programmeId: string): Api.ProgrammeSummary;
  /** GET .../programmes/{p}/participants?event=&status=&limit=&pageToken=: one page, registration order. */
  listParticipants(programmeId: string, query: ParticipantListCall): Api.ParticipantListResponse;
  /** POST .../programmes/{p}/attendance: up to 2,000 participants of one event, one session. */
  markAttendance(programmeId: string, input: Api.AttendanceRequest, idempotencyKey: string): Api.AttendanceResponse;
  /** POST .../programmes/{p}/participants/{id}/withdraw: the first waiting takes the place. */
  withdrawParticipant(programmeId: string, participantId: string, idempotencyKey: string): Api.WithdrawResponse;
  /** POST .../programmes/{p}/certificates: certificates for the event's completers without one. */
  issueCertificates(programmeId: string, eventId: string, idempotencyKey: string): Api.CertificatesResponse;
  /** POST .../programmes/{p}/mailings {kind: "sertifikat" | "undangan", event?}: a paced mailing (null: every event the agency may see). */
  startMailing(programmeId: string, kind: 'sertifikat' | 'undangan', eventId: string | null, idempotencyKey: string): Api.MailingStartResponse;
  /** GET .../programmes/{p}/mailings: newest first, with counts. */
  listMailings(programmeId: string): Api.MailingListResponse;
  /** GET .../programmes/{p}/mailings/{m}: sent, queued, failed, expected finish, per account. */
  mailingProgress(programmeId: string, mailingId: string): Api.MailingProgressResponse;
  /** POST .../programmes/{p}/documents: an event's documents (one per trainer for a surat tugas), queued once per key. */
  requestProgrammeDocuments(programmeId: string, input: Api.ProgrammeDocumentRequest, idempotencyKey: string): Api.ProgrammeDocumentsResponse;
  /** GET .../programmes/{p}/documents?event=: the agency's requests, newest first (null: every event). */
  listProgrammeDocuments(programmeId: string, eventId: string | null): Api.ProgrammeDocumentListResponse;
  /** GET .../programmes/{p}/documents/{entry}: one document while it is pending, then its links or why it failed. */
  programmeDocumentStatus(programmeId: string, entry: string): Api.ReportDocumentResponse;
}

/** The report sheet written: its name and how many province-and-wave rows it holds (totals not counted). */
export interface ProgrammeReportSheet {
  sheetName: string;
  rows: number;
}

/** The SOP report sheet written: its name and how many step rows it holds. */
export interface SopReportSheet {
  sheetName: string;
  rows: number;
}

/** What the event view asks for: one event's participants of a status, a page at a time (1-2000). */
export interface ParticipantListCall {
  event?: string;
  status?: Api.ParticipantStatus;
  pageToken?: string;
  limit?: number;
}

/** A page of the Drive picker of "Impor SOP"; `sizeBytes` null when Drive gives none. */
export interface DriveDocxPage {
  files: { id: string; name: string; modifiedTime: string | null; sizeBytes: number | null }[];
  nextPageToken: string | null;
}

/** What "Semua kasus" asks for: the search text, where the previous page ended, the page size (1-1000). */
export interface CaseListCall {
  q?: string;
  /** Only cases in this state (running, closed, cancelled). */
  status?: Api.CaseStatus;
  pageToken?: string;
  limit?: number;
}

/** A dashboard write: how many cases the sheet holds, whether one row or all were written, and the Sheets requests sent. */
export interface DashboardSync {
  rows: number;
  mode: 'full' | 'row';
  sheetsRequests: number;
}

export type SidebarCallName = keyof SidebarCalls;
