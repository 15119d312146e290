// The contract between the sidebar (sheets-addon/src/sidebar/*, runs in the browser inside
// Google Sheets) and the server functions it calls with google.script.run (sheets-addon/src/server/*,
// runs in Apps Script). The local preview implements the same calls against the local API.
//
// Every call resolves with plain JSON data or fails with an Error whose message is a JSON string
// of `ApiError` (so the sidebar can show `message` next to the field named by `path`/`fields`).
// Calls that change something carry an idempotency key the sidebar generates once per user
// action (crypto.randomUUID()), so a retried click never acts twice.

/** The API's error body (functions/src/sop/errors.ts), plus NETWORK/CONFIG for add-on side failures. */
export interface ApiError {
  code: string;
  message: string;
  path?: string;
  fields?: { path: string; message: string }[];
}

export interface Membership {
  agencyId: string;
  agencyName: string;
  roles: string[];
}

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

/** A visitor in the guest book of the reading desk (desk step 3 of the `referensi` SOP). */
export interface DeskVisitInput {
  name: string;
  institution?: string;
  /** The API's default is 'umum'. */
  category?: 'pelajar' | 'mahasiswa' | 'umum' | 'instansi';
  purpose?: string;
}

/** A book read at the reading desk (desk step 7 of the `referensi` SOP). */
export interface DeskReadInput {
  title: string;
  callNumber?: string;
  /** DDC class: three digits, optionally with decimals ("900", "899.221"). */
  classification?: string;
  /** 1-100; the API's default is 1. */
  copies?: number;
}

/** google.script.run function names and their arguments/results (results are the API's JSON). */
export interface SidebarCalls {
  /** The caller and the agency this spreadsheet works for (chosen once, kept in document properties). */
  whoAmI(): Me;
  /** Agencies where the caller is active staff (GET /v1/me): the sidebar asks to pick one when there are several. */
  listMemberships(): Membership[];
  chooseAgency(agencyId: string): Me;
  /** GET /v1/agencies/{a}/tasks -> { tasks } */
  listTasks(): unknown;
  /** GET /v1/agencies/{a}/sops -> { sops } (each step with `standard`) */
  listSops(): unknown;
  /**
   * GET /v1/agencies/{a}/cases -> { cases }: one dashboard row per case of the agency, newest first
   * ({ caseId, nomor, sop, mitra, langkah, pelaksana, jatuhTempo, status, dokumen, updatedAt }).
   */
  listCases(): unknown;
  /** GET /v1/agencies/{a}/cases/{id} -> { case, events, currentStep, dueLocal, timeZone } */
  getCase(caseId: string): unknown;
  /** POST /v1/agencies/{a}/cases */
  createCase(input: { sop: string; title?: string; partner?: { name: string; email?: string; phone?: string; address?: string } }, idempotencyKey: string): unknown;
  /** POST /v1/agencies/{a}/cases/{id}/actions */
  takeStep(caseId: string, action: Record<string, unknown>, idempotencyKey: string): unknown;
  /** POST /v1/agencies/{a}/cases/{id}/cancel */
  cancelCase(caseId: string, reason: string, expectedVersion: number | undefined, idempotencyKey: string): unknown;
  /** POST /v1/agencies/{a}/desk/visits -> the record ({ id, ...input, at, date, month, recordedBy, replayed }) */
  recordVisit(input: DeskVisitInput, idempotencyKey: string): unknown;
  /** POST /v1/agencies/{a}/desk/reads -> the record ({ id, ...input, at, date, month, recordedBy, replayed }) */
  recordRead(input: DeskReadInput, idempotencyKey: string): unknown;
  /**
   * GET /v1/agencies/{a}/desk/recap?month=yyyy-mm -> { month, visits, booksRead, byDay, byCategory,
   * byClassification, titles } (classes as "900" or "tanpa klasifikasi"; titles most read first).
   */
  deskRecap(month: string): unknown;
  /** Writes the "Kasus" sheet (one values batchUpdate, RAW); returns how many cases it holds. */
  syncDashboard(): { rows: number };
}

export type SidebarCallName = keyof SidebarCalls;
