// The frame every view draws in: the app's state, the busy indicator, the banner, the tabs, the
// error panel, and the reads and writes several views share.
import type { CaseStatus, SopDescription } from '../../../functions/src/contract.ts';
import type { ApiError, Me } from '../contract.ts';
import { $, h } from './dom.ts';
import type { DeskAccess } from './logic/desk.ts';
import type { SubmissionFilter } from './logic/submissions.ts';
import { parseFailure } from './logic/failures.ts';
import { KeyKeeper } from './logic/idempotency.ts';
import { call } from './script-run.ts';

export type ViewName = 'tasks' | 'cases' | 'case' | 'new' | 'desk' | 'agency' | 'submissions' | 'submission' | 'sopimport' | 'bimtek' | 'bimtek-event' | 'bimtek-mailing' | 'report';
/** The views with a tab in the nav bar. */
export type TabName = 'tasks' | 'cases' | 'new' | 'desk' | 'submissions' | 'sopimport' | 'bimtek' | 'report';

export const app = {
  me: null as Me | null,
  /** The agency's SOPs, read once per agency (the first caller starts the read, the others wait for it). */
  sops: null as Promise<SopDescription[]> | null,
  /** What the user may record at the reading desk; null hides the "Meja baca" tab. */
  desk: null as DeskAccess | null,
  view: 'tasks' as ViewName,
  caseId: null as string | null,
  /** The list a case was opened from: the case's back link returns there. */
  returnTo: 'tasks' as 'tasks' | 'cases' | 'submissions',
  /** What was typed in the search box of "Semua kasus", kept while the sidebar stays open. */
  casesQuery: '',
  /** The state "Semua kasus" is filtered on ('' = every state), kept while the sidebar stays open. */
  casesStatus: '' as CaseStatus | '',
  /** Which submissions "Kiriman mitra" lists, kept while the sidebar stays open. */
  submissionFilter: 'all' as SubmissionFilter,
  /** The submission on screen, if any. */
  submissionId: null as string | null,
};

/** The keys of the case actions (create, step, cancel): one attempt at a time, whichever form sent it. */
export const keys = new KeyKeeper();

export type Flash = { kind: 'error' | 'ok' | 'info'; text: string; lines?: string[] };

export function tz(): string {
  return app.me?.agency.timeZone ?? 'Asia/Jakarta';
}

let busyCount = 0;

/**
 * Runs a call with the spinner shown and every button disabled until it settles. The button that
 * was pressed (the focused one) shows the spinner and the label itself: the header's indicator
 * may have scrolled out of sight in a long form.
 */
export async function busy<T>(label: string, work: () => Promise<T>): Promise<T> {
  busyCount++;
  $('busy-text').textContent = label;
  $('busy').hidden = false;
  $('view').setAttribute('aria-busy', 'true');
  const pressed = document.activeElement;
  let restore: (() => void) | null = null;
  if (pressed instanceof HTMLButtonElement && pressed.closest('#view') && !pressed.classList.contains('is-busy')) {
    const before = [...pressed.childNodes];
    pressed.classList.add('is-busy');
    pressed.replaceChildren(h('span', { class: 'spinner', 'aria-hidden': 'true' }), ` ${label}`);
    restore = () => {
      pressed.classList.remove('is-busy');
      pressed.replaceChildren(...before);
    };
  }
  for (const b of document.querySelectorAll<HTMLButtonElement>('#sidebar button')) {
    if (!b.disabled) {
      b.disabled = true;
      b.dataset.busy = '1';
    }
  }
  try {
    return await work();
  } finally {
    restore?.();
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

export function setView(...nodes: (Node | null)[]): void {
  $('view').replaceChildren(...nodes.filter((n): n is Node => n !== null));
}

export function renderLoading(text: string): void {
  setView(h('p', { class: 'loading' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), ` ${text}`));
}

export function showBanner(f: Flash | null): void {
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

export function setNav(active: TabName | null): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>('#nav [data-nav]')) {
    if (b.dataset.nav === active) b.setAttribute('aria-current', 'page');
    else b.removeAttribute('aria-current');
  }
}

/**
 * What every view does first: becomes the current view with its tab marked, shows the banner it
 * was opened with (or clears the last one) and a loading line until its data arrives.
 */
export function enterView(view: ViewName, tab: TabName | null, flash: Flash | undefined, loading: string): void {
  app.view = view;
  setNav(tab);
  showBanner(flash ?? null);
  renderLoading(loading);
}

export function errorPanel(err: ApiError, retry: () => void): HTMLElement {
  return h(
    'div',
    { class: 'panel panel-error', role: 'alert' },
    h('p', null, err.message),
    h('p', { class: 'muted small' }, `Kode: ${err.code}`),
    h('button', { type: 'button', class: 'btn', onclick: retry }, 'Coba lagi'),
  );
}

export function loadSops(): Promise<SopDescription[]> {
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

/**
 * Keeps the "Kasus" sheet current after a change: only that case's row. The change itself is
 * saved; a sheet that could not follow is said so above the view, with what to do, until a
 * later sync succeeds.
 */
export function syncAfterChange(caseId: string): void {
  call('syncDashboardRow', caseId).then(
    () => showSyncProblem(null),
    (e) => showSyncProblem(parseFailure(e)),
  );
}

/** The notice of a sheet that stopped following (null: it follows again). */
export function showSyncProblem(err: ApiError | null): void {
  const box = $('sync-problem');
  if (!err) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  const retry = h('button', { type: 'button', class: 'btn', id: 'sync-retry' }, 'Sinkronkan ulang');
  retry.addEventListener('click', () => {
    void busy('Menyinkronkan sheet Kasus…', () => call('syncDashboard')).then(
      (r) => {
        showSyncProblem(null);
        showBanner({ kind: 'ok', text: `Sheet "Kasus" diperbarui: ${r.rows} kasus.` });
      },
      (e) => showSyncProblem(parseFailure(e)),
    );
  });
  box.replaceChildren(
    h('p', null, h('strong', null, 'Sheet "Kasus" belum diperbarui. '), 'Perubahan kasus sudah tersimpan; hanya sheet yang tertinggal.'),
    h('p', { class: 'small' }, err.message),
    h('p', { class: 'small' }, 'Tekan "Sinkronkan ulang", atau nanti pilih Ekstensi → Layanan Perpustakaan → Sinkronkan dasbor. Bila terus gagal, kirim pesan di atas kepada admin.'),
    retry,
  );
  box.hidden = false;
}
