// "Tugas saya": the cases waiting on a step of the user's roles, overdue first, a page at a time
// ("Muat lagi" reads the next page: none is ever left out), and the dashboard sync button.
import type { Task, TaskListResponse, TaskSummary } from '../../../../functions/src/contract.ts';
import { badge, h } from '../dom.ts';
import { parseFailure } from '../logic/failures.ts';
import { call } from '../script-run.ts';
import { KeyKeeper } from '../logic/idempotency.ts';
import { app, busy, enterView, errorPanel, type Flash, setView, showBanner, showSyncProblem } from '../shell.ts';
import { showCase } from './case.ts';

export async function showTasks(flash?: Flash): Promise<void> {
  app.caseId = null;
  app.returnTo = 'tasks';
  enterView('tasks', 'tasks', flash, 'Memuat tugas…');
  let page: TaskListResponse;
  try {
    page = await busy('Memuat tugas…', () => call('listTasks', null));
  } catch (e) {
    setView(errorPanel(parseFailure(e), () => void showTasks()));
    return;
  }
  if (app.view !== 'tasks') return;
  const tasks = Array.isArray(page?.tasks) ? page.tasks : [];
  const total = typeof page?.total === 'number' ? page.total : tasks.length;
  const list = h('ul', { class: 'cards', id: 'task-list' }, ...tasks.map((t) => h('li', null, taskCard(t))));
  const status = h('p', { class: 'hint', id: 'task-status', role: 'status' });
  const more = h('button', { type: 'button', class: 'btn more', id: 'task-more' }, 'Muat lagi');
  let shown = tasks.length;
  let token = page?.nextPageToken ?? null;
  const update = () => {
    status.textContent = token ? `${shown} dari ${total} tugas tampil, yang terlambat dan paling mendesak lebih dulu.` : `${total} tugas, yang terlambat dan paling mendesak lebih dulu.`;
    more.hidden = !token;
  };
  more.addEventListener('click', () => {
    void busy('Memuat tugas berikutnya…', () => call('listTasks', token)).then(
      (next) => {
        const items = Array.isArray(next?.tasks) ? next.tasks : [];
        list.append(...items.map((t) => h('li', null, taskCard(t))));
        shown += items.length;
        token = next?.nextPageToken ?? null;
        update();
      },
      (e) => showBanner({ kind: 'error', text: parseFailure(e).message }),
    );
  });
  update();
  const summary = h('div', { id: 'task-summary', hidden: true });
  const overdue = typeof page?.overdue === 'number' && page.overdue > 0 ? h('p', { class: 'small late-text', id: 'task-overdue' }, `${page.overdue} tugas melewati batas waktu.`) : null;
  setView(
    h('div', { class: 'view-head' }, h('h2', null, 'Tugas saya', total ? h('span', { class: 'count' }, ` (${total})`) : null)),
    tasks.length ? status : null,
    overdue,
    summary,
    tasks.length ? list : h('p', { class: 'empty' }, 'Tidak ada tugas untuk peran Anda saat ini. Kasus yang menunggu langkah dari peran Anda akan muncul di sini.'),
    tasks.length ? more : null,
    h(
      'div',
      { class: 'toolbar' },
      h('button', { type: 'button', class: 'btn', onclick: () => void showTasks() }, 'Muat ulang'),
      h('button', { type: 'button', class: 'btn', id: 'sync-dashboard', onclick: () => void syncDashboard() }, 'Perbarui sheet Kasus'),
    ),
    digestToggle(),
  );
  if (tasks.length) void fillSummary(summary, overdue);
}

/**
 * The counts of GET .../tasks/summary under the heading: overdue, due soon (past the step's
 * "soon" reminder), and by SOP when there are several. Read after the list is drawn, so a slow
 * summary never holds the tasks back; if it fails, the list's own overdue line stays.
 */
async function fillSummary(box: HTMLElement, overdueLine: HTMLElement | null): Promise<void> {
  let s: TaskSummary;
  try {
    s = await call('taskSummary');
  } catch {
    return;
  }
  if (app.view !== 'tasks' || !box.isConnected) return;
  const stat = (id: string, n: number, label: string, cls: string) => h('div', { class: 'stat' }, h('span', { class: `stat-num${n > 0 ? ` ${cls}` : ''}`, 'data-fig': id }, n.toLocaleString('id-ID')), h('span', { class: 'stat-label' }, label));
  box.replaceChildren(
    ...[
    h('div', { class: 'stats' }, stat('overdue', s.overdue, 'terlambat', 'late-text'), stat('dueSoon', s.dueSoon, 'segera jatuh tempo', 'soon-text')),
    s.bySop.length > 1
      ? h('ul', { class: 'plain small', id: 'task-by-sop' }, ...s.bySop.map((b) => h('li', null, h('span', null, b.sopTitle), h('span', { class: 'n' }, `${b.total}${b.overdue ? ` (${b.overdue} terlambat)` : ''}`))))
      : null,
    ].filter((n): n is HTMLDivElement | HTMLUListElement => n !== null),
  );
  box.hidden = false;
  // The tiles say it now; the line stays in the page only for a summary that could not be read.
  if (overdueLine) overdueLine.hidden = true;
}

/** The digest toggle's key: a change whose answer was lost is resent with the same key. */
const digestKeys = new KeyKeeper();

/** The user's own morning digest (07.30 on working days), on or off; reminders about their steps come anyway. */
function digestToggle(): HTMLElement {
  const box = h('input', { type: 'checkbox', id: 'digest-toggle', disabled: true });
  const note = h('span', { class: 'muted', id: 'digest-note' }, 'Memuat pengaturan…');
  void call('digestSetting').then(
    (r) => {
      box.checked = r.digest;
      box.disabled = false;
      note.textContent = '';
    },
    (e) => (note.textContent = parseFailure(e).message),
  );
  box.addEventListener('change', () => {
    const on = box.checked;
    box.disabled = true;
    note.textContent = 'Menyimpan…';
    call('setDigest', on, digestKeys.keyFor(`digest:${on}`)).then(
      (r) => {
        digestKeys.settle(null);
        box.checked = r.digest;
        note.textContent = r.digest ? 'Ringkasan pagi aktif.' : 'Ringkasan pagi dimatikan.';
      },
      (e) => {
        const err = parseFailure(e);
        digestKeys.settle(err);
        box.checked = !on;
        note.textContent = err.message;
      },
    ).finally(() => (box.disabled = false));
  });
  return h(
    'div',
    { class: 'digest', id: 'digest' },
    box,
    h('label', { for: 'digest-toggle' }, 'Kirimi saya ringkasan tugas lewat e-mail setiap hari kerja pukul 07.30. ', note),
  );
}

/** "Perbarui sheet Kasus": unlike the sync after a change, the user asked, so the outcome is shown. */
async function syncDashboard(): Promise<void> {
  try {
    const r = await busy('Memperbarui sheet Kasus…', () => call('syncDashboard'));
    showSyncProblem(null);
    showBanner({ kind: 'ok', text: `Sheet "Kasus" diperbarui: ${r.rows} kasus.` });
  } catch (e) {
    showSyncProblem(parseFailure(e));
  }
}

function taskCard(t: Task): HTMLElement {
  const returned = t.returned?.back ? t.returned : null;
  return h(
    'button',
    { type: 'button', class: `card task${t.overdue ? ' task-late' : ''}`, 'data-case': t.caseId, onclick: () => void showCase(t.caseId) },
    h('span', { class: 'card-top' }, h('strong', { class: 'nomor' }, t.nomor), t.overdue ? badge('Terlambat', 'late') : null, returned ? badge('Dikembalikan', 'warn') : null),
    h('span', { class: 'muted small' }, t.sopTitle),
    t.partner ? h('span', { class: 'small' }, `Mitra: ${t.partner}`) : null,
    h('span', { class: 'step-line' }, `Langkah ${t.step}: ${t.activity}`),
    returned ? h('span', { class: 'small returned-line' }, `Dikembalikan oleh ${returned.by}${returned.reason ? `: ${returned.reason}` : ''}`) : null,
    h('span', { class: `small${t.overdue ? ' late-text' : ' muted'}` }, t.dueLocal ? `Batas: ${t.dueLocal}` : 'Tanpa batas waktu'),
  );
}
