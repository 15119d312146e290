// The Sheets sidebar: my tasks, every case of the agency (searchable), a case with its history and
// documents, the form of the current step generated from its kelengkapan, new cases and cancellation,
// and the reading desk (guest book, books read, monthly recap). Runs in the browser (inside
// Google Sheets, or the local preview) and talks only through google.script.run
// (sheets-addon/src/contract.ts). Everything the user reads is in Bahasa Indonesia.
import type { CaseDetail, CaseDocument, CaseEvent, CaseRow, Kelengkapan, SopDescription, StepActionRequest, Task } from '../../../functions/src/contract.ts';
import type { ApiError, Me, Membership, SidebarCallName, SidebarCalls } from '../contract.ts';
import { caseRows, filterCases, rowProgress, rowStatusKind } from './logic/cases.ts';
import { buildReadInput, buildVisitInput, DEFAULT_VISIT_CATEGORY, deskAccess, deskConfirmation, readSummary, VISIT_CATEGORIES, visitSummary, type DeskAccess } from './logic/desk.ts';
import { FIELD_CODES, fieldKey, parseFailure, RELOAD_CODES, type FieldProblem } from './logic/failures.ts';
import { buildCreateInput, buildStepInput, documentNeedsInput, type RawStepForm } from './logic/form-input.ts';
import { KeyKeeper } from './logic/idempotency.ts';
import { recapView, type RecapView } from './logic/recap.ts';
import { canCancel, canCreate, roleIds, roleLabel } from './logic/roles.ts';
import { CASE_STATUS, documentStatus } from './logic/statuses.ts';
import { exitFor, producible, type StepView } from './logic/steps.ts';
import { currentMonth, formatInstant, formatMinutes, monthLabel } from './logic/time.ts';

// ---- google.script.run ----

interface ScriptRunner {
  withSuccessHandler(f: (value: unknown) => void): ScriptRunner;
  withFailureHandler(f: (error: unknown) => void): ScriptRunner;
}
declare const google: { script: { run: ScriptRunner } };

function call<K extends SidebarCallName>(name: K, ...args: Parameters<SidebarCalls[K]>): Promise<ReturnType<SidebarCalls[K]>> {
  return new Promise((resolve, reject) => {
    let runner: ScriptRunner;
    try {
      runner = google.script.run.withSuccessHandler((v) => resolve(v as ReturnType<SidebarCalls[K]>)).withFailureHandler(reject);
    } catch (e) {
      reject(new Error(JSON.stringify({ code: 'CONFIG', message: 'google.script.run tidak tersedia: buka sidebar dari menu add-on di Google Sheets.' })));
      return;
    }
    const fn = (runner as unknown as Record<string, (...a: unknown[]) => void>)[name];
    if (typeof fn !== 'function') {
      reject(new Error(JSON.stringify({ code: 'CONFIG', message: `Fungsi server "${name}" tidak ada.` })));
      return;
    }
    fn.apply(runner, args);
  });
}

// ---- DOM helpers ----

type Child = Node | string | number | null | undefined | false;
type Props = Record<string, unknown>;

function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = String(v);
    else if (k === 'text') el.textContent = String(v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v as EventListener);
    else if (k === 'checked' || k === 'disabled' || k === 'hidden' || k === 'open' || k === 'selected') (el as unknown as Record<string, unknown>)[k] = !!v;
    else if (k === 'value') (el as unknown as { value: string }).value = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'number' ? String(c) : c);
  }
  return el;
}

const $ = (id: string) => document.getElementById(id)!;

function link(url: string, text: string): HTMLAnchorElement {
  return h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, text);
}

function badge(text: string, kind: 'late' | 'ok' | 'muted' | 'warn' | 'info'): HTMLElement {
  return h('span', { class: `badge badge-${kind}` }, text);
}

function append(parent: HTMLElement, ...children: Child[]): void {
  for (const c of children) if (c !== null && c !== undefined && c !== false) parent.append(typeof c === 'number' ? String(c) : c);
}

// ---- App state ----

const app = {
  me: null as Me | null,
  /** The agency's SOPs, read once per agency (the first caller starts the read, the others wait for it). */
  sops: null as Promise<SopDescription[]> | null,
  /** What the user may record at the reading desk; null hides the "Meja baca" tab. */
  desk: null as DeskAccess | null,
  view: 'tasks' as 'tasks' | 'cases' | 'case' | 'new' | 'desk' | 'agency',
  caseId: null as string | null,
  /** The list a case was opened from: the case's back link returns there. */
  returnTo: 'tasks' as 'tasks' | 'cases',
  /** What was typed in the search box of "Semua kasus", kept while the sidebar stays open. */
  casesQuery: '',
};
const keys = new KeyKeeper();
let busyCount = 0;

type Flash = { kind: 'error' | 'ok' | 'info'; text: string; lines?: string[] };

function tz(): string {
  return app.me?.agency.timeZone ?? 'Asia/Jakarta';
}

/** Runs a call with the spinner shown and every button disabled until it settles. */
async function busy<T>(label: string, work: () => Promise<T>): Promise<T> {
  busyCount++;
  $('busy-text').textContent = label;
  $('busy').hidden = false;
  $('view').setAttribute('aria-busy', 'true');
  for (const b of document.querySelectorAll<HTMLButtonElement>('#sidebar button')) {
    if (!b.disabled) {
      b.disabled = true;
      b.dataset.busy = '1';
    }
  }
  try {
    return await work();
  } finally {
    busyCount--;
    if (busyCount === 0) {
      $('busy').hidden = true;
      $('view').removeAttribute('aria-busy');
      for (const b of document.querySelectorAll<HTMLButtonElement>('#sidebar button[data-busy]')) {
        b.disabled = false;
        delete b.dataset.busy;
      }
    }
  }
}

function setView(...nodes: (Node | null)[]): void {
  $('view').replaceChildren(...nodes.filter((n): n is Node => n !== null));
}

function renderLoading(text: string): void {
  setView(h('p', { class: 'loading' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), ` ${text}`));
}

function showBanner(f: Flash | null): void {
  const b = $('banner');
  if (!f) {
    b.hidden = true;
    b.replaceChildren();
    return;
  }
  b.className = `banner banner-${f.kind}`;
  b.setAttribute('role', f.kind === 'error' ? 'alert' : 'status');
  b.replaceChildren(h('p', null, f.text), ...(f.lines?.length ? [h('ul', null, ...f.lines.map((l) => h('li', null, l)))] : []));
  b.hidden = false;
}

function setNav(active: 'tasks' | 'cases' | 'new' | 'desk' | null): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>('#nav [data-nav]')) {
    if (b.dataset.nav === active) b.setAttribute('aria-current', 'page');
    else b.removeAttribute('aria-current');
  }
}

function errorPanel(err: ApiError, retry: () => void): HTMLElement {
  return h(
    'div',
    { class: 'panel panel-error', role: 'alert' },
    h('p', null, err.message),
    h('p', { class: 'muted small' }, `Kode: ${err.code}`),
    h('button', { type: 'button', class: 'btn', onclick: retry }, 'Coba lagi'),
  );
}

function loadSops(): Promise<SopDescription[]> {
  if (app.sops) return app.sops;
  const read = call('listSops').then((r) => {
    const sops = (r as { sops?: SopDescription[] } | null)?.sops;
    return Array.isArray(sops) ? sops : [];
  });
  app.sops = read;
  // A failed read is not kept: the next caller asks again.
  read.catch(() => {
    if (app.sops === read) app.sops = null;
  });
  return read;
}

/** Keeps the "Kasus" sheet current after a change; a failure here never bothers the user. */
function syncQuietly(): void {
  call('syncDashboard').catch((e) => console.warn('syncDashboard gagal:', parseFailure(e).message));
}

// ---- Start, identity, agency ----

async function start(): Promise<void> {
  renderLoading('Memuat…');
  let me: Me;
  try {
    me = await busy('Memuat…', () => call('whoAmI'));
  } catch (e) {
    const err = parseFailure(e);
    if (err.code === 'CHOOSE_AGENCY') return pickAgency();
    setView(errorPanel(err, () => void start()));
    return;
  }
  signedIn(me);
  openStartView(me);
}

/** "Kasus baru" from the add-on menu opens the sidebar at the new-case form; otherwise my tasks. */
function openStartView(me: Me, flash?: Flash): void {
  if (me.initialView === 'new-case') void showNewCase(flash);
  else void showTasks(flash);
}

function signedIn(me: Me): void {
  app.me = me;
  const roles = me.roles.map((r) => r.label).join(', ');
  $('who').replaceChildren(
    h('div', { class: 'who-agency' }, me.agency.shortName || me.agency.name),
    h('div', { class: 'who-name' }, me.name || me.email),
    h('div', { class: 'who-roles muted small' }, roles || 'tanpa peran'),
  );
  $('nav').hidden = false;
  $('footer').hidden = false;
  void refreshDeskTab();
}

async function pickAgency(flash?: Flash): Promise<void> {
  app.view = 'agency';
  setNav(null);
  showBanner(flash ?? null);
  renderLoading('Memuat daftar instansi…');
  let list: Membership[];
  try {
    list = await busy('Memuat…', () => call('listMemberships'));
  } catch (e) {
    setView(errorPanel(parseFailure(e), () => void pickAgency()));
    return;
  }
  if (!list.length) {
    setView(h('div', { class: 'panel' }, h('h2', null, 'Belum terdaftar'), h('p', null, 'Akun Anda belum terdaftar sebagai pegawai aktif di instansi mana pun. Hubungi admin instansi Anda.')));
    return;
  }
  const choose = async (m: Membership) => {
    try {
      const me = await busy('Menghubungkan…', () => call('chooseAgency', m.agencyId));
      app.sops = null;
      app.desk = null;
      $('desk-tab').hidden = true;
      app.casesQuery = '';
      signedIn(me);
      openStartView(me, { kind: 'ok', text: `Spreadsheet ini kini bekerja untuk ${m.agencyName}.` });
    } catch (e) {
      showBanner({ kind: 'error', text: parseFailure(e).message });
    }
  };
  setView(
    h('h2', null, 'Pilih instansi'),
    h(
      'p',
      null,
      app.me
        ? `Spreadsheet ini bekerja untuk ${app.me.agency.name}. Pilih instansi lain bila spreadsheet ini melayani instansi lain:`
        : 'Spreadsheet ini belum terhubung ke instansi. Pilih instansi tempat Anda bekerja:',
    ),
    h(
      'ul',
      { class: 'cards' },
      ...list.map((m) =>
        h(
          'li',
          null,
          h('button', { type: 'button', class: 'card', onclick: () => void choose(m) }, h('strong', null, m.agencyName), h('span', { class: 'muted small' }, `Peran: ${m.roles.map((r) => r.replace(/_/g, ' ')).join(', ')}`)),
        ),
      ),
    ),
  );
}

// ---- Tugas saya ----

async function showTasks(flash?: Flash): Promise<void> {
  app.view = 'tasks';
  app.caseId = null;
  app.returnTo = 'tasks';
  setNav('tasks');
  showBanner(flash ?? null);
  renderLoading('Memuat tugas…');
  let tasks: Task[];
  try {
    const r = (await busy('Memuat tugas…', () => call('listTasks'))) as { tasks?: Task[] };
    tasks = Array.isArray(r?.tasks) ? r.tasks : [];
  } catch (e) {
    setView(errorPanel(parseFailure(e), () => void showTasks()));
    return;
  }
  const sync = async () => {
    try {
      const r = await busy('Memperbarui sheet Kasus…', () => call('syncDashboard'));
      showBanner({ kind: 'ok', text: `Sheet "Kasus" diperbarui: ${r.rows} kasus.` });
    } catch (e) {
      showBanner({ kind: 'error', text: parseFailure(e).message });
    }
  };
  const list = tasks.length
    ? h('ul', { class: 'cards', id: 'task-list' }, ...tasks.map((t) => h('li', null, taskCard(t))))
    : h('p', { class: 'empty' }, 'Tidak ada tugas untuk peran Anda saat ini. Kasus yang menunggu langkah dari peran Anda akan muncul di sini.');
  setView(
    h('div', { class: 'view-head' }, h('h2', null, 'Tugas saya', tasks.length ? h('span', { class: 'count' }, ` (${tasks.length})`) : null)),
    list,
    h(
      'div',
      { class: 'toolbar' },
      h('button', { type: 'button', class: 'btn', onclick: () => void showTasks() }, 'Muat ulang'),
      h('button', { type: 'button', class: 'btn', onclick: () => void sync() }, 'Perbarui sheet Kasus'),
    ),
  );
}

function taskCard(t: Task): HTMLElement {
  return h(
    'button',
    { type: 'button', class: `card task${t.overdue ? ' task-late' : ''}`, 'data-case': t.caseId, onclick: () => void showCase(t.caseId) },
    h('span', { class: 'card-top' }, h('strong', { class: 'nomor' }, t.nomor), t.overdue ? badge('Terlambat', 'late') : null),
    h('span', { class: 'muted small' }, t.sopTitle),
    t.partner ? h('span', { class: 'small' }, `Mitra: ${t.partner}`) : null,
    h('span', { class: 'step-line' }, `Langkah ${t.step}: ${t.activity}`),
    h('span', { class: `small${t.overdue ? ' late-text' : ' muted'}` }, t.dueLocal ? `Batas: ${t.dueLocal}` : 'Tanpa batas waktu'),
  );
}

// ---- Semua kasus ----

/** Rows drawn at once; "Tampilkan lagi" adds as many (an agency may hold a couple of thousand cases). */
const CASES_PAGE = 50;

async function showCases(flash?: Flash): Promise<void> {
  app.view = 'cases';
  app.caseId = null;
  app.returnTo = 'cases';
  setNav('cases');
  showBanner(flash ?? null);
  renderLoading('Memuat daftar kasus…');
  let rows: CaseRow[];
  try {
    rows = caseRows(await busy('Memuat daftar kasus…', () => call('listCases')));
  } catch (e) {
    setView(errorPanel(parseFailure(e), () => void showCases()));
    return;
  }
  if (app.view !== 'cases') return; // the user went elsewhere meanwhile
  const toolbar = h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'btn', onclick: () => void showCases() }, 'Muat ulang'));
  if (!rows.length) {
    setView(
      h('div', { class: 'view-head' }, h('h2', null, 'Semua kasus')),
      h('p', { class: 'empty' }, 'Belum ada kasus di instansi ini. Kasus yang dibuka lewat "Kasus baru" akan tampil di sini.'),
      toolbar,
    );
    return;
  }

  const input = h('input', {
    type: 'search',
    id: 'case-search',
    value: app.casesQuery,
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'Nomor, mitra, SOP, atau status',
    'aria-controls': 'case-results',
    'aria-describedby': 'case-search-status',
  });
  const status = h('p', { class: 'hint', id: 'case-search-status', role: 'status' });
  const results = h('div', { id: 'case-results' });
  const render = () => {
    const query = input.value.trim();
    const hits = filterCases(rows, query);
    status.textContent = query ? `${hits.length} dari ${rows.length} kasus cocok.` : `${rows.length} kasus, terbaru di atas.`;
    if (!hits.length) {
      results.replaceChildren(h('p', { class: 'empty' }, `Tidak ada kasus yang cocok dengan "${query}". Coba sebagian nomor, nama mitra, judul SOP, atau status (Berjalan, Terlambat, Selesai, Dibatalkan).`));
      return;
    }
    const list = h('ul', { class: 'cards', id: 'case-list' });
    let shown = 0;
    const more = h('button', { type: 'button', class: 'btn more' });
    const showMore = () => {
      list.append(...hits.slice(shown, shown + CASES_PAGE).map((r) => h('li', null, caseRowCard(r))));
      shown = Math.min(hits.length, shown + CASES_PAGE);
      const left = hits.length - shown;
      more.hidden = left === 0;
      more.textContent = `Tampilkan ${Math.min(left, CASES_PAGE)} lagi (${left} belum tampil)`;
    };
    more.addEventListener('click', showMore);
    showMore();
    results.replaceChildren(list, more);
  };
  input.addEventListener('input', () => {
    app.casesQuery = input.value;
    render();
  });
  render();
  setView(
    h('div', { class: 'view-head' }, h('h2', null, 'Semua kasus', h('span', { class: 'count' }, ` (${rows.length})`))),
    h('div', { class: 'field search' }, h('label', { for: 'case-search' }, 'Cari kasus'), input, status),
    results,
    toolbar,
  );
  if (app.casesQuery) input.focus();
}

function caseRowCard(r: CaseRow): HTMLElement {
  const open = r.status === 'Berjalan' || r.status === 'Terlambat';
  const late = r.status === 'Terlambat';
  return h(
    'button',
    { type: 'button', class: `card case-row${late ? ' task-late' : open ? '' : ' case-done'}`, 'data-case': r.caseId, onclick: () => void showCase(r.caseId) },
    h('span', { class: 'card-top' }, h('strong', { class: 'nomor' }, r.nomor), badge(r.status, rowStatusKind(r.status))),
    h('span', { class: 'muted small' }, r.sop),
    r.mitra ? h('span', { class: 'small' }, `Mitra: ${r.mitra}`) : null,
    h('span', { class: 'clamp progress' }, rowProgress(r)),
    open && r.pelaksana ? h('span', { class: 'small muted' }, `Pelaksana: ${r.pelaksana}`) : null,
    late && r.jatuhTempo ? h('span', { class: 'small late-text' }, `Batas: ${r.jatuhTempo}`) : null,
  );
}

// ---- Case detail ----

/** "← Tugas saya" or "← Semua kasus": back to the list the case was opened from. */
function backLink(): HTMLElement {
  const toCases = app.returnTo === 'cases';
  return h('button', { type: 'button', class: 'linkish back', onclick: () => void (toCases ? showCases() : showTasks()) }, toCases ? '← Semua kasus' : '← Tugas saya');
}

async function showCase(caseId: string, flash?: Flash): Promise<void> {
  app.view = 'case';
  app.caseId = caseId;
  setNav(null);
  showBanner(flash ?? null);
  renderLoading('Memuat kasus…');
  let detail: CaseDetail;
  let sops: SopDescription[] | null = null;
  try {
    [detail, sops] = await busy('Memuat kasus…', () =>
      Promise.all([call('getCase', caseId) as Promise<CaseDetail>, loadSops().catch(() => null)]),
    );
  } catch (e) {
    setView(backLink(), errorPanel(parseFailure(e), () => void showCase(caseId, flash)));
    return;
  }
  if (app.caseId !== caseId) return; // the user went elsewhere meanwhile
  renderCase(detail, sops?.find((s) => s.id === detail.case.sopId));
}

function renderCase(d: CaseDetail, sop: SopDescription | undefined): void {
  const c = d.case;
  const late = c.status === 'open' && c.dueAt !== null && Date.now() > new Date(c.dueAt).getTime();
  const statusKind = c.status === 'open' ? (late ? 'late' : 'info') : c.status === 'closed' ? 'ok' : 'muted';
  const head = h(
    'section',
    { class: 'case-head', 'aria-labelledby': 'case-nomor' },
    h(
      'div',
      { class: 'head-links' },
      backLink(),
      h('button', { type: 'button', class: 'linkish', id: 'reload-case', onclick: () => void showCase(c.id) }, 'Muat ulang'),
    ),
    h('h2', { id: 'case-nomor' }, c.nomor),
    h('p', { class: 'muted small' }, c.sopTitle),
    c.title ? h('p', { class: 'case-title' }, c.title) : null,
    h(
      'dl',
      { class: 'facts' },
      h('dt', null, 'Mitra'),
      h('dd', null, c.partner?.name ?? '–', c.partner?.email ? h('span', { class: 'muted small block' }, c.partner.email) : null),
      h('dt', null, 'Status'),
      h('dd', { id: 'case-status' }, badge(CASE_STATUS[c.status] ?? c.status, statusKind), late ? badge('Terlambat', 'late') : null),
      c.outcome ? h('dt', null, 'Hasil') : null,
      c.outcome ? h('dd', null, c.outcome) : null,
    ),
  );
  setView(head, currentStepSection(d, sop), documentsSection(c.documents), timelineSection(d.events, sop), cancelSection(d, sop));
}

function currentStepSection(d: CaseDetail, sop: SopDescription | undefined): HTMLElement {
  const c = d.case;
  const step = d.currentStep;
  const sec = h('section', { class: 'section current', id: 'current-step', 'aria-labelledby': 'current-title' }, h('h3', { id: 'current-title' }, 'Langkah saat ini'));
  if (!step) {
    sec.append(h('p', null, c.status === 'cancelled' ? 'Kasus ini sudah dibatalkan.' : 'Kasus ini sudah selesai; tidak ada langkah lagi.'));
    return sec;
  }
  const late = c.dueAt !== null && Date.now() > new Date(c.dueAt).getTime();
  const actors = step.actors.map((r) => roleLabel(sop, r)).join(' atau ');
  append(
    sec,
    h('p', { class: 'step-title' }, h('span', { class: 'step-no' }, `Langkah ${step.no}`), ' ', step.activity),
    step.performer === 'partner' || step.performer === 'institution'
      ? h(
          'p',
          { class: 'note' },
          `Langkah ini dilakukan oleh ${step.performerLabel ?? (step.performer === 'partner' ? 'mitra' : 'instansi lain')}; petugas mengisinya dan tindakan dicatat atas nama mitra/instansi.`,
        )
      : null,
    h(
      'dl',
      { class: 'facts' },
      h('dt', null, 'Pelaksana'),
      h('dd', null, actors),
      h('dt', null, 'Standar waktu'),
      h('dd', null, step.standard?.label ?? step.waktu ?? 'tidak ditentukan'),
      h('dt', null, 'Batas waktu'),
      h('dd', null, d.dueLocal ?? 'tidak ada', late ? badge('Terlambat', 'late') : null),
    ),
  );
  if (step.canAct) sec.append(stepForm(d, step));
  else sec.append(h('p', { class: 'muted' }, `Langkah ini dikerjakan oleh ${actors}. Anda dapat melihat kasus ini, tetapi tidak dapat mengisi langkahnya.`));
  return sec;
}

// ---- Forms: fields with their error slots ----

interface FieldRef {
  control: HTMLElement;
  error: HTMLElement;
}

class FormFields {
  readonly map = new Map<string, FieldRef>();
  readonly banner: HTMLElement = h('div', { class: 'banner banner-error form-banner', role: 'alert', hidden: true });

  register(key: string, control: HTMLElement, error: HTMLElement): void {
    this.map.set(key, { control, error });
  }

  clear(): void {
    for (const f of this.map.values()) {
      f.error.textContent = '';
      f.error.hidden = true;
      f.control.removeAttribute('aria-invalid');
    }
    this.banner.hidden = true;
    this.banner.replaceChildren();
  }

  /** Shows each problem under its field; what matches no field goes to the form's banner. */
  show(err: ApiError, summary: string): void {
    this.clear();
    const problems = err.fields?.length ? err.fields : err.path ? [{ path: err.path, message: err.message }] : [];
    const unmatched: string[] = [];
    let first: HTMLElement | null = null;
    for (const p of problems) {
      const f = this.map.get(fieldKey(p.path));
      if (!f) {
        unmatched.push(p.message);
        continue;
      }
      f.error.textContent = f.error.textContent ? `${f.error.textContent} ${p.message}` : p.message;
      f.error.hidden = false;
      f.control.setAttribute('aria-invalid', 'true');
      first ??= f.control;
    }
    const matched = problems.length - unmatched.length;
    const text = matched > 0 ? `${summary} ${matched} isian perlu diperbaiki (ditandai di atas).` : summary;
    this.banner.replaceChildren(h('p', null, text), ...(unmatched.length ? [h('ul', null, ...unmatched.map((m) => h('li', null, m)))] : problems.length ? [] : [h('p', null, err.message)]));
    this.banner.hidden = false;
    (first as HTMLElement | null)?.focus();
  }

  message(text: string): void {
    this.clear();
    this.banner.replaceChildren(h('p', null, text));
    this.banner.hidden = false;
  }
}

let seq = 0;
function uid(prefix: string): string {
  return `${prefix}-${++seq}`;
}

/** A labelled control with a hint and an error slot; returns the wrapper. */
function field(fields: FormFields, key: string, label: string, control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, opts: { hint?: Child; optional?: boolean; inline?: boolean } = {}): HTMLElement {
  const id = control.id || uid('f');
  control.id = id;
  const err = h('p', { class: 'field-error', id: `${id}-err`, hidden: true });
  const hint = opts.hint ? h('p', { class: 'hint', id: `${id}-hint` }, opts.hint) : null;
  control.setAttribute('aria-describedby', [hint ? `${id}-hint` : '', `${id}-err`].filter(Boolean).join(' '));
  if (!opts.optional && !(control instanceof HTMLInputElement && control.type === 'checkbox')) control.setAttribute('aria-required', 'true');
  fields.register(key, control, err);
  const labelEl = h('label', { for: id }, label, opts.optional ? h('span', { class: 'optional' }, ' (opsional)') : null);
  if (opts.inline) return h('div', { class: 'field field-check', 'data-field': key }, control, labelEl, hint, err);
  return h('div', { class: 'field', 'data-field': key }, labelEl, control, hint, err);
}

function dataControl(k: Extract<Kelengkapan, { type: 'data' }>, id: string): HTMLInputElement | HTMLTextAreaElement {
  switch (k.dataType) {
    case 'longtext':
      return h('textarea', { id, rows: 3 });
    case 'list':
      return h('textarea', { id, rows: 3 });
    case 'number':
      return h('input', { id, type: 'number', step: 'any', inputmode: 'decimal' });
    case 'integer':
      return h('input', { id, type: 'number', step: 1, min: 0, inputmode: 'numeric' });
    case 'date':
      return h('input', { id, type: 'date' });
    case 'datetime':
      return h('input', { id, type: 'datetime-local' });
    case 'month':
      return h('input', { id, type: 'month', placeholder: 'YYYY-MM' });
    case 'email':
      return h('input', { id, type: 'email', autocomplete: 'off' });
    case 'url':
      return h('input', { id, type: 'url', placeholder: 'https://' });
    case 'boolean':
      return h('input', { id, type: 'checkbox' });
    default:
      return h('input', { id, type: 'text' });
  }
}

const DATA_HINT: Partial<Record<string, string>> = {
  list: 'Satu butir per baris.',
  boolean: 'Centang bila ya.',
  month: 'Bulan dan tahun.',
};

function stepForm(d: CaseDetail, step: StepView): HTMLElement {
  const c = d.case;
  const fields = new FormFields();
  const form = h('form', { class: 'step-form', novalidate: true, 'aria-label': `Isian langkah ${step.no}` });
  const controls: { data: Map<string, HTMLInputElement | HTMLTextAreaElement>; checklist: Map<string, HTMLInputElement>; documents: Map<string, HTMLInputElement> } = {
    data: new Map(),
    checklist: new Map(),
    documents: new Map(),
  };
  const checklist: HTMLElement[] = [];
  const office: string[] = [];
  const produced: string[] = [];
  const zone = tz();

  for (const k of step.kelengkapan) {
    if (k.type === 'data') {
      if (k.assign) {
        form.append(h('div', { class: 'field field-auto', 'data-field': `data.${k.id}` }, h('span', { class: 'label' }, k.label), h('span', { class: 'auto' }, 'diisi otomatis')));
        continue;
      }
      const control = dataControl(k, `f-data-${k.id}`);
      controls.data.set(k.id, control);
      const hint = k.dataType === 'datetime' ? `Jam setempat (${zoneName(zone)}).` : DATA_HINT[k.dataType];
      form.append(field(fields, `data.${k.id}`, k.label, control, { ...(hint ? { hint } : {}), optional: !!k.optional, inline: k.dataType === 'boolean' }));
    } else if (k.type === 'checklist') {
      const control = h('input', { type: 'checkbox', id: `f-checklist-${k.id}` });
      controls.checklist.set(k.id, control);
      checklist.push(field(fields, `checklist.${k.id}`, k.label, control, { inline: true }));
    } else if (k.type === 'document') {
      const onCase = c.documents[k.id];
      if (k.source === 'produced') {
        produced.push(k.label);
      } else if (documentNeedsInput(k, !!onCase)) {
        const control = h('input', { type: 'url', id: `f-documents-${k.id}`, placeholder: 'https://' });
        controls.documents.set(k.id, control);
        const hint: Child = onCase
          ? h('span', null, 'Sudah ada: ', onCase.url ? link(onCase.url, onCase.title ?? onCase.label) : onCase.label, '. Isi hanya untuk menggantinya.')
          : 'Tautan dokumen (Google Drive/Docs atau alamat lain).';
        form.append(field(fields, `documents.${k.id}`, k.label, control, { hint, optional: !!onCase }));
      } else if (onCase) {
        form.append(
          h(
            'div',
            { class: 'field field-doc', 'data-field': `documents.${k.id}` },
            h('span', { class: 'label' }, k.label),
            h('span', { class: 'doc-present' }, '✓ ada pada kasus', onCase.url ? ' · ' : '', onCase.url ? link(onCase.url, 'buka') : ''),
          ),
        );
      }
    } else if (k.type === 'office') {
      office.push(k.label);
    }
  }
  if (checklist.length) form.append(h('fieldset', { class: 'checklist' }, h('legend', null, 'Daftar periksa'), ...checklist));
  if (office.length) form.append(h('p', { class: 'info small' }, `Perlengkapan: ${office.join(', ')}.`));
  const carriedDecision = step.kind === 'decision' && step.branchFrom !== undefined ? c.decisions[String(step.branchFrom)] : undefined;
  const carriedExit = exitFor(step, carriedDecision);
  const makes = [...(step.produces ?? []), ...(carriedExit?.produces ?? [])].map((p) => p.label);
  for (const p of produced) if (!makes.includes(p)) makes.push(p);
  if (makes.length) form.append(h('p', { class: 'info small' }, `Langkah ini menghasilkan: ${makes.join(', ')}.`));

  const note = h('textarea', { id: `f-note-${step.no}`, rows: 2 });
  form.append(field(fields, 'note', 'Catatan', note, { optional: true }));

  const readForm = (): RawStepForm => {
    const raw: RawStepForm = { data: {}, checklist: {}, documents: {}, note: note.value };
    for (const [id, el] of controls.data) raw.data[id] = el instanceof HTMLInputElement && el.type === 'checkbox' ? el.checked : el.value;
    for (const [id, el] of controls.checklist) raw.checklist[id] = el.checked;
    for (const [id, el] of controls.documents) raw.documents[id] = el.value;
    return raw;
  };

  const submit = (decision: 'yes' | 'no' | null) => void submitStep(d, step, fields, readForm, decision);
  const buttons = h('div', { class: 'actions', id: 'step-actions' });
  const decisionErr = h('p', { class: 'field-error', id: `decision-err-${step.no}`, hidden: true });
  fields.register('decision', buttons, decisionErr);
  if (step.kind === 'decision' && step.ifYes && step.ifNo) {
    const carried = carriedDecision;
    if (step.question) form.append(h('p', { class: 'question' }, step.question));
    if (step.branchFrom !== undefined && carried) {
      const exit = carried === 'yes' ? step.ifYes : step.ifNo;
      form.append(h('p', { class: 'note' }, `Mengikuti keputusan langkah ${step.branchFrom}: ${carried === 'yes' ? 'YA' : 'TIDAK'}.`));
      buttons.append(h('button', { type: 'button', class: 'btn btn-primary', 'data-decision': carried, onclick: () => submit(carried) }, exit.label));
    } else {
      buttons.append(
        h('button', { type: 'button', class: 'btn btn-primary', 'data-decision': 'yes', onclick: () => submit('yes') }, step.ifYes.label),
        h('button', { type: 'button', class: 'btn btn-secondary', 'data-decision': 'no', onclick: () => submit('no') }, step.ifNo.label),
      );
    }
  } else {
    buttons.append(h('button', { type: 'submit', class: 'btn btn-primary' }, step.kind === 'terminator' ? 'Selesaikan dan tutup kasus' : 'Selesaikan langkah'));
  }
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (step.kind !== 'decision') submit(null);
  });
  form.append(fields.banner, buttons, decisionErr);
  return form;
}

function zoneName(timeZone: string): string {
  return ({ 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' } as Record<string, string>)[timeZone] ?? timeZone;
}

async function submitStep(d: CaseDetail, step: StepView, fields: FormFields, read: () => RawStepForm, decision: 'yes' | 'no' | null): Promise<void> {
  const caseId = d.case.id;
  const input = buildStepInput(step.kelengkapan, read(), tz(), d.case.documents);
  const action: StepActionRequest = {
    type: decision ? 'decide' : 'complete',
    step: step.no,
    ...(decision ? { decision } : {}),
    expectedVersion: d.case.version,
    ...input,
  };
  const key = keys.keyFor(JSON.stringify(['takeStep', caseId, action]));
  fields.clear();
  let result: { state?: { currentStep: number | null; status: string; outcome: string | null; nomor: string }; event?: { produced?: string[] }; replayed?: boolean };
  try {
    result = (await busy('Menyimpan langkah…', () => call('takeStep', caseId, action, key))) as typeof result;
    keys.settle(null);
  } catch (e) {
    const err = parseFailure(e);
    keys.settle(err);
    handleFormError(err, fields, () => void showCase(caseId, { kind: 'error', text: err.message, lines: ['Data kasus di bawah sudah dimuat ulang; periksa, lalu lanjutkan bila masih perlu.'] }));
    return;
  }
  syncQuietly();
  const st = result.state;
  const next = !st ? '' : st.status === 'closed' ? ` Kasus selesai${st.outcome ? `: ${st.outcome}` : '.'}` : st.currentStep !== null ? ` Kasus kini di langkah ${st.currentStep}.` : '';
  const produced = result.event?.produced?.length ? ` Dokumen yang dibuat: ${result.event.produced.map((id) => producible(step).find((p) => p.id === id)?.label ?? id).join(', ')}.` : '';
  const replay = result.replayed ? ' (Tindakan ini sudah tercatat sebelumnya; tidak dicatat dua kali.)' : '';
  void showCase(caseId, { kind: 'ok', text: `Langkah ${step.no} tersimpan.${next}${produced}${replay}` });
}

function handleFormError(err: ApiError, fields: FormFields, reload: () => void): void {
  if (FIELD_CODES.has(err.code)) {
    fields.show(err, err.code === 'MISSING_KELENGKAPAN' ? 'Kelengkapan belum lengkap.' : 'Isian belum valid.');
    return;
  }
  if (RELOAD_CODES.has(err.code)) {
    reload();
    return;
  }
  if (err.code === 'NETWORK') {
    fields.message(`${err.message} Isian Anda tetap di sini; tekan tombol yang sama untuk mengirim ulang.`);
    return;
  }
  fields.message(err.message);
}

// ---- Documents, timeline, cancel ----

function documentsSection(docs: Record<string, CaseDocument>): HTMLElement {
  const list = Object.values(docs ?? {}).sort((a, b) => a.step - b.step || a.label.localeCompare(b.label));
  const sec = h('section', { class: 'section', id: 'documents', 'aria-labelledby': 'docs-title' }, h('h3', { id: 'docs-title' }, 'Dokumen'));
  if (!list.length) {
    sec.append(h('p', { class: 'muted' }, 'Belum ada dokumen.'));
    return sec;
  }
  sec.append(
    h(
      'ul',
      { class: 'docs' },
      ...list.map((doc) =>
        h(
          'li',
          { 'data-doc': doc.id },
          h('div', { class: 'doc-head' }, doc.url ? link(doc.url, doc.label) : h('span', null, doc.label), ' ', badge(documentStatus(doc).text, documentStatus(doc).kind)),
          doc.nomor ? h('div', { class: 'small' }, `Nomor: ${doc.nomor}`) : null,
          doc.pdfUrl ? h('div', { class: 'small' }, link(doc.pdfUrl, 'PDF')) : null,
          doc.emailedTo?.length ? h('div', { class: 'small muted' }, `Dikirim ke ${doc.emailedTo.join(', ')}`) : null,
          doc.status === 'failed' ? h('div', { class: 'small late-text' }, `Gagal dibuat: ${doc.error ?? 'sebab tidak diketahui'}`) : null,
          h('div', { class: 'small muted' }, `Langkah ${doc.step}`),
        ),
      ),
    ),
  );
  return sec;
}

function valueText(v: unknown): string {
  if (Array.isArray(v)) return v.map(valueText).join(', ');
  if (typeof v === 'boolean') return v ? 'Ya' : 'Tidak';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return formatInstant(v, tz());
  if (v && typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function timelineSection(events: CaseEvent[], sop: SopDescription | undefined): HTMLElement {
  const sec = h('section', { class: 'section', id: 'timeline', 'aria-labelledby': 'tl-title' }, h('h3', { id: 'tl-title' }, 'Riwayat'));
  const sorted = [...(events ?? [])].sort((a, b) => a.seq - b.seq);
  if (!sorted.length) {
    sec.append(h('p', { class: 'muted' }, 'Belum ada riwayat.'));
    return sec;
  }
  sec.append(h('ol', { class: 'timeline' }, ...sorted.map((e) => eventItem(e, sop))));
  return sec;
}

function eventItem(e: CaseEvent, sop: SopDescription | undefined): HTMLElement {
  const step = e.step !== null ? sop?.steps.find((s) => s.no === e.step) : undefined;
  const exit = step ? exitFor(step, e.decision) : undefined;
  const what =
    e.action === 'create'
      ? 'Kasus dibuat'
      : e.action === 'cancel'
        ? 'Kasus dibatalkan'
        : e.action === 'decide' || e.decision
          ? `Langkah ${e.step}: ${exit?.label ?? (e.decision === 'yes' ? 'Ya' : 'Tidak')}`
          : `Langkah ${e.step} selesai`;
  const role = e.actor.roles.find((r) => step?.actors.includes(r)) ?? e.actor.roles[0];
  const who = `${e.actor.name ?? e.actor.email}${role ? ` (${roleLabel(sop, role)})` : ''}`;
  const labelOf = (id: string) => {
    const k = step?.kelengkapan.find((x) => x.id === id);
    return k ? k.label : id.replace(/_/g, ' ');
  };
  const data = Object.entries(e.input?.data ?? {});
  const assigned = Object.entries(e.input?.assigned ?? {}).filter(([, v]) => v !== null && typeof v !== 'object');
  const docs = Object.entries(e.input?.documents ?? {});
  const produced = e.produced?.length
    ? e.produced.map((id) => sop?.steps.flatMap(producible).find((p) => p.id === id)?.label ?? id.replace(/_/g, ' '))
    : [];
  return h(
    'li',
    { class: `event${e.withinStandard === false ? ' event-late' : ''}`, 'data-seq': e.seq },
    h('div', { class: 'event-what' }, what),
    h('div', { class: 'small muted' }, `${who} · ${formatInstant(e.at, tz())}`),
    step && e.action !== 'create' ? h('div', { class: 'small clamp' }, step.activity) : null,
    e.standard
      ? h(
          'div',
          { class: 'small' },
          `Standar ${e.standard.label} · aktual ${formatMinutes(e.durationMinutes)}`,
          e.withinStandard === false ? h('span', null, ' ', badge('melebihi standar', 'late')) : null,
        )
      : null,
    e.note ? h('div', { class: 'small' }, `${e.action === 'cancel' ? 'Alasan' : 'Catatan'}: ${e.note}`) : null,
    assigned.length ? h('div', { class: 'small' }, `Diisi otomatis: ${assigned.map(([k, v]) => `${labelOf(k)}: ${valueText(v)}`).join('; ')}`) : null,
    produced.length ? h('div', { class: 'small' }, `Menghasilkan: ${produced.join(', ')}`) : null,
    data.length || docs.length
      ? h(
          'details',
          { class: 'small' },
          h('summary', null, `Isian (${data.length + docs.length})`),
          h(
            'dl',
            { class: 'facts' },
            ...data.flatMap(([k, v]) => [h('dt', null, labelOf(k)), h('dd', null, valueText(v))]),
            ...docs.flatMap(([k, v]) => [h('dt', null, labelOf(k)), h('dd', null, v?.url ? link(v.url, 'tautan') : '–')]),
          ),
        )
      : null,
  );
}

function cancelSection(d: CaseDetail, sop: SopDescription | undefined): HTMLElement | null {
  if (d.case.status !== 'open' || !app.me || !canCancel(sop, roleIds(app.me))) return null;
  const fields = new FormFields();
  const reason = h('textarea', { id: 'f-cancel-reason', rows: 2 });
  const form = h('form', { class: 'cancel-form', novalidate: true, 'aria-label': 'Pembatalan kasus' });
  form.append(
    h('p', { class: 'small muted' }, 'Pembatalan menghentikan kasus ini; semua riwayat tetap tersimpan.'),
    field(fields, 'reason', 'Alasan pembatalan', reason),
    fields.banner,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn-danger' }, 'Batalkan kasus')),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void submitCancel(d, fields, reason.value);
  });
  return h('details', { class: 'section cancel', id: 'cancel' }, h('summary', null, 'Batalkan kasus'), form);
}

async function submitCancel(d: CaseDetail, fields: FormFields, reasonRaw: string): Promise<void> {
  const reason = reasonRaw.trim();
  if (!reason) {
    fields.show({ code: 'INVALID_INPUT', message: 'Alasan pembatalan wajib diisi.', fields: [{ path: 'reason', message: 'Alasan pembatalan wajib diisi.' }] }, 'Belum dapat dibatalkan.');
    return;
  }
  const caseId = d.case.id;
  const key = keys.keyFor(JSON.stringify(['cancelCase', caseId, reason, d.case.version]));
  try {
    await busy('Membatalkan kasus…', () => call('cancelCase', caseId, reason, d.case.version, key));
    keys.settle(null);
  } catch (e) {
    const err = parseFailure(e);
    keys.settle(err);
    handleFormError(err, fields, () => void showCase(caseId, { kind: 'error', text: err.message, lines: ['Data kasus di bawah sudah dimuat ulang; periksa, lalu lanjutkan bila masih perlu.'] }));
    return;
  }
  syncQuietly();
  void showCase(caseId, { kind: 'ok', text: `Kasus ${d.case.nomor} dibatalkan.` });
}

// ---- Kasus baru ----

async function showNewCase(flash?: Flash): Promise<void> {
  app.view = 'new';
  app.caseId = null;
  app.returnTo = 'tasks';
  setNav('new');
  showBanner(flash ?? null);
  renderLoading('Memuat daftar SOP…');
  let sops: SopDescription[];
  try {
    sops = await busy('Memuat daftar SOP…', () => loadSops());
  } catch (e) {
    setView(errorPanel(parseFailure(e), () => void showNewCase()));
    return;
  }
  const mine = roleIds(app.me!);
  const creatable = sops.filter((s) => canCreate(s, mine));
  if (!creatable.length) {
    setView(h('h2', null, 'Kasus baru'), h('p', { class: 'empty' }, 'Peran Anda tidak berwenang membuka kasus baru pada SOP mana pun. Kasus dibuka oleh peran langkah pertama SOP.'));
    return;
  }
  const fields = new FormFields();
  const sopSelect = h(
    'select',
    { id: 'f-sop' },
    ...(creatable.length > 1 ? [h('option', { value: '' }, '— pilih SOP —')] : []),
    ...creatable.map((s) => h('option', { value: s.id }, s.title)),
  );
  const startInfo = h('p', { class: 'hint', id: 'sop-start' });
  const describe = () => {
    const sop = creatable.find((s) => s.id === sopSelect.value);
    const step = sop?.steps.find((s) => s.no === sop.startStep);
    startInfo.textContent = sop && step ? `${sop.title}. Mulai di langkah ${step.no}: ${step.activity}` : '';
  };
  sopSelect.addEventListener('change', describe);
  describe();
  const name = h('input', { type: 'text', id: 'f-partner-name', autocomplete: 'organization' });
  const email = h('input', { type: 'email', id: 'f-partner-email', autocomplete: 'email' });
  const phone = h('input', { type: 'tel', id: 'f-partner-phone', autocomplete: 'tel' });
  const address = h('textarea', { id: 'f-partner-address', rows: 2 });
  const title = h('input', { type: 'text', id: 'f-title' });
  const form = h('form', { class: 'new-case', novalidate: true, 'aria-label': 'Kasus baru' });
  form.append(
    field(fields, 'sop', 'SOP', sopSelect),
    startInfo,
    h(
      'fieldset',
      null,
      h('legend', null, 'Mitra / pemohon'),
      field(fields, 'partner.name', 'Nama mitra/instansi', name),
      field(fields, 'partner.email', 'E-mail', email, { optional: true }),
      field(fields, 'partner.phone', 'Telepon', phone, { optional: true }),
      field(fields, 'partner.address', 'Alamat', address, { optional: true }),
    ),
    field(fields, 'title', 'Judul kasus', title, { optional: true, hint: 'Kosongkan untuk judul otomatis (SOP — nama mitra).' }),
    fields.banner,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn-primary' }, 'Buat kasus')),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void submitNewCase(fields, sopSelect.value, title.value, { name: name.value, email: email.value, phone: phone.value, address: address.value });
  });
  setView(h('h2', null, 'Kasus baru'), form);
}

async function submitNewCase(fields: FormFields, sop: string, title: string, partner: { name: string; email: string; phone: string; address: string }): Promise<void> {
  const local: { path: string; message: string }[] = [];
  if (!sop) local.push({ path: 'sop', message: 'Pilih SOP.' });
  if (!partner.name.trim()) local.push({ path: 'partner.name', message: 'Nama mitra/instansi wajib diisi.' });
  if (local.length) {
    fields.show({ code: 'INVALID_INPUT', message: local.map((l) => l.message).join(' '), fields: local }, 'Belum dapat disimpan.');
    return;
  }
  const input = buildCreateInput(sop, title, partner);
  const key = keys.keyFor(JSON.stringify(['createCase', input]));
  fields.clear();
  let r: { state?: { id: string; nomor: string; currentStep: number | null } };
  try {
    r = (await busy('Membuat kasus…', () => call('createCase', input, key))) as typeof r;
    keys.settle(null);
  } catch (e) {
    const err = parseFailure(e);
    keys.settle(err);
    handleFormError(err, fields, () => fields.message(err.message));
    return;
  }
  if (!r.state) {
    fields.message('Jawaban server tidak dikenal.');
    return;
  }
  syncQuietly();
  void showCase(r.state.id, { kind: 'ok', text: `Kasus ${r.state.nomor} dibuat.${r.state.currentStep ? ` Lanjutkan langkah ${r.state.currentStep} di bawah.` : ''}` });
}

// ---- Meja baca ----
// The reading desk of the `referensi` SOP: each visitor and each book read is one record, entered
// in a row by the Petugas Sirkulasi, so each form keeps the focus and empties itself after a save.

/** Shows the "Meja baca" tab to the roles of desk steps 3 and 7 of `referensi`; hides it otherwise. */
async function refreshDeskTab(): Promise<void> {
  const me = app.me;
  let access: DeskAccess | null = null;
  try {
    access = me ? deskAccess(await loadSops(), roleIds(me)) : null;
  } catch (e) {
    console.warn('listSops gagal; tab Meja baca disembunyikan:', parseFailure(e).message);
  }
  if (app.me !== me) return; // another agency was chosen meanwhile
  app.desk = access;
  $('desk-tab').hidden = !access;
}

async function showDesk(flash?: Flash): Promise<void> {
  app.view = 'desk';
  app.caseId = null;
  setNav('desk');
  showBanner(flash ?? null);
  renderLoading('Memuat meja baca…');
  let access: DeskAccess | null;
  try {
    access = deskAccess(await busy('Memuat meja baca…', () => loadSops()), roleIds(app.me!));
  } catch (e) {
    setView(errorPanel(parseFailure(e), () => void showDesk()));
    return;
  }
  if (app.view !== 'desk') return; // the user went elsewhere meanwhile
  app.desk = access;
  $('desk-tab').hidden = !access;
  if (!access) {
    setView(
      h('h2', null, 'Meja baca'),
      h('p', { class: 'empty' }, 'Peran Anda tidak mencatat layanan meja baca. Buku tamu dan buku yang dibaca dicatat oleh petugas langkah 3 dan 7 SOP Peminjaman koleksi referensi.'),
    );
    return;
  }
  const recap = recapPanel();
  const visit = access.visits ? visitForm(recap) : null;
  const read = access.reads ? readForm(recap) : null;
  setView(
    h('h2', null, 'Meja baca'),
    h('p', { class: 'muted small' }, 'Peminjaman koleksi referensi (dibaca di tempat): catat setiap pengunjung dan setiap buku yang dibaca.'),
    visit?.section ?? null,
    read?.section ?? null,
    recap.section,
  );
  (visit ?? read)?.focus();
  void recap.load();
}

interface DeskControl {
  key: string;
  label: string;
  control: HTMLInputElement | HTMLSelectElement;
  /** The value an empty form holds. */
  initial: string;
  optional?: boolean;
  hint?: string;
}

interface DeskFormSpec<I> {
  id: string;
  title: string;
  submitLabel: string;
  busyLabel: string;
  controls: DeskControl[];
  build(values: Record<string, string>): { input: I; problems: FieldProblem[] };
  send(input: I, key: string): Promise<unknown>;
  summary(input: I): string;
}

/**
 * A form for one record after another: Enter or the button saves; on success the line under the
 * button confirms, every field the user did not touch meanwhile goes back to empty and the focus
 * returns to the first field. Errors stay next to their fields with what was typed.
 */
function deskForm<I>(spec: DeskFormSpec<I>, recap: RecapPanel): { section: HTMLElement; focus(): void } {
  const fields = new FormFields();
  /** Its own keys: a lost answer of one form is resent with its key even after the other form was used. */
  const formKeys = new KeyKeeper();
  const first = spec.controls[0]!.control;
  const done = h('p', { class: 'done-line', id: `${spec.id}-done`, role: 'status', 'aria-live': 'polite' });
  const form = h('form', { class: 'desk-form', id: `${spec.id}-form`, novalidate: true, 'aria-labelledby': `${spec.id}-title` });
  for (const c of spec.controls) {
    c.control.value = c.initial;
    form.append(field(fields, c.key, c.label, c.control, { optional: !!c.optional, ...(c.hint ? { hint: c.hint } : {}) }));
  }
  form.append(fields.banner, h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn-primary' }, spec.submitLabel)), done);

  let sending = false;
  const refocus = () => {
    const active = document.activeElement;
    if (!active || active === document.body || form.contains(active)) first.focus();
  };
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (sending) return;
    void (async () => {
      const sent = Object.fromEntries(spec.controls.map((c) => [c.key, c.control.value]));
      const { input, problems } = spec.build(sent);
      done.textContent = '';
      if (problems.length) {
        fields.show({ code: 'INVALID_INPUT', message: problems.map((p) => p.message).join(' '), fields: problems }, 'Belum dapat dicatat.');
        return;
      }
      fields.clear();
      const key = formKeys.keyFor(JSON.stringify([spec.id, input]));
      sending = true;
      let reply: unknown;
      try {
        reply = await busy(spec.busyLabel, () => spec.send(input, key));
        formKeys.settle(null);
      } catch (e) {
        const err = parseFailure(e);
        formKeys.settle(err);
        if (FIELD_CODES.has(err.code)) fields.show(err, 'Belum dapat dicatat.');
        else if (err.code === 'NETWORK') fields.message(`${err.message} Isian Anda tetap di sini; tekan tombol yang sama untuk mengirim ulang.`);
        else fields.message(err.message);
        if (!fields.map.get(err.fields?.[0]?.path ?? err.path ?? '')) refocus();
        return;
      } finally {
        sending = false;
      }
      done.textContent = deskConfirmation(spec.summary(input), reply, tz());
      // What was typed while the record was on its way is kept: that is the next entry.
      for (const c of spec.controls) if (c.control.value === sent[c.key]) c.control.value = c.initial;
      recap.recorded((reply as { month?: unknown } | null)?.month);
      refocus();
    })();
  });
  const section = h('section', { class: 'section desk', id: spec.id, 'aria-labelledby': `${spec.id}-title` }, h('h3', { id: `${spec.id}-title` }, spec.title), form);
  return { section, focus: () => first.focus() };
}

function visitForm(recap: RecapPanel): { section: HTMLElement; focus(): void } {
  return deskForm(
    {
      id: 'desk-visit',
      title: 'Buku tamu',
      submitLabel: 'Catat pengunjung',
      busyLabel: 'Mencatat pengunjung…',
      controls: [
        { key: 'name', label: 'Nama pengunjung', control: h('input', { type: 'text', id: 'f-visit-name', autocomplete: 'off', maxlength: 200 }), initial: '' },
        { key: 'institution', label: 'Instansi / asal', control: h('input', { type: 'text', id: 'f-visit-institution', autocomplete: 'off', maxlength: 300 }), initial: '', optional: true },
        {
          key: 'category',
          label: 'Kategori',
          control: h('select', { id: 'f-visit-category' }, ...VISIT_CATEGORIES.map((c) => h('option', { value: c.id }, c.label))),
          initial: DEFAULT_VISIT_CATEGORY,
        },
        { key: 'purpose', label: 'Keperluan', control: h('input', { type: 'text', id: 'f-visit-purpose', autocomplete: 'off', maxlength: 500 }), initial: '', optional: true },
      ],
      build: (v) => buildVisitInput({ name: v.name ?? '', institution: v.institution ?? '', category: v.category ?? '', purpose: v.purpose ?? '' }),
      send: (input, key) => call('recordVisit', input, key),
      summary: visitSummary,
    },
    recap,
  );
}

function readForm(recap: RecapPanel): { section: HTMLElement; focus(): void } {
  return deskForm(
    {
      id: 'desk-read',
      title: 'Buku dibaca',
      submitLabel: 'Catat buku',
      busyLabel: 'Mencatat buku…',
      controls: [
        { key: 'title', label: 'Judul buku', control: h('input', { type: 'text', id: 'f-read-title', autocomplete: 'off', maxlength: 500 }), initial: '' },
        { key: 'callNumber', label: 'Nomor panggil', control: h('input', { type: 'text', id: 'f-read-call-number', autocomplete: 'off', maxlength: 100 }), initial: '', optional: true },
        {
          key: 'classification',
          label: 'Klasifikasi DDC',
          control: h('input', { type: 'text', id: 'f-read-classification', autocomplete: 'off', inputmode: 'decimal', maxlength: 20, placeholder: 'mis. 900' }),
          initial: '',
          optional: true,
          hint: '3 angka kelas DDC, misalnya 900 atau 899.221.',
        },
        { key: 'copies', label: 'Eksemplar', control: h('input', { type: 'number', id: 'f-read-copies', min: 1, max: 100, step: 1, inputmode: 'numeric' }), initial: '1' },
      ],
      build: (v) => buildReadInput({ title: v.title ?? '', callNumber: v.callNumber ?? '', classification: v.classification ?? '', copies: v.copies ?? '' }),
      send: (input, key) => call('recordRead', input, key),
      summary: readSummary,
    },
    recap,
  );
}

interface RecapPanel {
  section: HTMLElement;
  load(): Promise<void>;
  /** A record was stored (in `month`): the recap on screen no longer counts it. */
  recorded(month: unknown): void;
}

/** "Rekap bulan ini": the month's visitors and books read, with a month picker and a reload. */
function recapPanel(): RecapPanel {
  const thisMonth = () => currentMonth(new Date(), tz());
  const title = h('h3', { id: 'recap-title' }, 'Rekap bulan ini');
  const month = h('input', { type: 'month', id: 'f-recap-month', value: thisMonth(), max: thisMonth() });
  const reload = h('button', { type: 'button', class: 'btn', id: 'recap-reload' }, 'Muat ulang');
  const stale = h('p', { class: 'hint', id: 'recap-stale', hidden: true });
  const body = h('div', { id: 'recap-body', 'aria-live': 'polite' });
  let seqNo = 0;
  let shown: string | null = null;
  let unseen = 0;

  const load = async () => {
    const m = month.value;
    const mine = ++seqNo;
    title.textContent = m === thisMonth() ? 'Rekap bulan ini' : `Rekap ${monthLabel(m)}`;
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(m)) {
      body.replaceChildren(h('p', { class: 'field-error' }, 'Pilih bulan dan tahun rekap.'));
      return;
    }
    body.setAttribute('aria-busy', 'true');
    body.replaceChildren(h('p', { class: 'loading' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), ` Memuat rekap ${monthLabel(m)}…`));
    let view: RecapView;
    try {
      view = recapView(await call('deskRecap', m), m);
    } catch (e) {
      if (mine !== seqNo) return;
      body.removeAttribute('aria-busy');
      body.replaceChildren(errorPanel(parseFailure(e), () => void load()));
      return;
    }
    if (mine !== seqNo) return; // another month was picked meanwhile
    body.removeAttribute('aria-busy');
    shown = m;
    unseen = 0;
    stale.hidden = true;
    body.replaceChildren(...recapContent(view));
  };
  month.addEventListener('change', () => void load());
  reload.addEventListener('click', () => void load());

  const section = h(
    'section',
    { class: 'section recap', id: 'desk-recap', 'aria-labelledby': 'recap-title' },
    title,
    h('div', { class: 'recap-pick' }, h('div', { class: 'field' }, h('label', { for: 'f-recap-month' }, 'Bulan'), month), reload),
    stale,
    body,
  );
  return {
    section,
    load,
    recorded(m: unknown) {
      if (shown === null || (typeof m === 'string' && m !== shown)) return;
      unseen++;
      stale.textContent = `${unseen} catatan baru belum masuk rekap di bawah; tekan Muat ulang untuk memperbaruinya.`;
      stale.hidden = false;
    },
  };
}

function tally(id: string, caption: string, rows: { label: string; count: number }[]): HTMLElement {
  return h(
    'table',
    { class: 'tally', id },
    h('caption', null, caption),
    h('tbody', null, ...rows.map((r) => h('tr', { class: r.count ? null : 'zero' }, h('th', { scope: 'row' }, r.label), h('td', null, r.count)))),
  );
}

function recapContent(v: RecapView): HTMLElement[] {
  const stats = h(
    'div',
    { class: 'stats' },
    h('div', { class: 'stat' }, h('span', { class: 'stat-num', id: 'recap-visits' }, v.visits), h('span', { class: 'stat-label' }, 'pengunjung')),
    h('div', { class: 'stat' }, h('span', { class: 'stat-num', id: 'recap-books' }, v.booksRead), h('span', { class: 'stat-label' }, 'buku dibaca (eksemplar)')),
  );
  if (!v.visits && !v.booksRead) {
    return [stats, h('p', { class: 'empty' }, `Belum ada pengunjung atau buku dibaca yang tercatat untuk ${monthLabel(v.month)}.`)];
  }
  const out: HTMLElement[] = [stats, tally('recap-category', 'Pengunjung menurut kategori', v.byCategory)];
  if (v.byClass.length) out.push(tally('recap-class', 'Buku dibaca menurut kelas DDC', v.byClass));
  if (v.topTitles.length) {
    out.push(
      h(
        'div',
        { class: 'top-titles' },
        h('p', { class: 'caption' }, v.titleCount > v.topTitles.length ? `${v.topTitles.length} judul terbanyak dibaca (dari ${v.titleCount} judul)` : 'Judul yang dibaca'),
        h('ol', { id: 'recap-titles' }, ...v.topTitles.map((t) => h('li', null, h('span', { class: 'n', title: `${t.count} eksemplar` }, `${t.count}×`), h('span', { class: 'title' }, t.title)))),
      ),
    );
  }
  return out;
}

// ---- Wiring ----

function init(): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>('#nav [data-nav]')) {
    b.addEventListener('click', () => {
      if (b.dataset.nav === 'new') void showNewCase();
      else if (b.dataset.nav === 'cases') void showCases();
      else if (b.dataset.nav === 'desk') void showDesk();
      else void showTasks();
    });
  }
  $('switch-agency').addEventListener('click', () => void pickAgency());
  void start();
}

init();
