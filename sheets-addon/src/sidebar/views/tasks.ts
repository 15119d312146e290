// "Tugas saya": the cases waiting on a step of the user's roles, overdue first, a page at a time
// ("Muat lagi" reads the next page: none is ever left out), and the dashboard sync button.
import type { Task, TaskListResponse } from '../../../../functions/src/contract.ts';
import { badge, h } from '../dom.ts';
import { parseFailure } from '../logic/failures.ts';
import { call } from '../script-run.ts';
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
  const overdue = typeof page?.overdue === 'number' && page.overdue > 0 ? h('p', { class: 'small late-text', id: 'task-overdue' }, `${page.overdue} tugas melewati batas waktu.`) : null;
  setView(
    h('div', { class: 'view-head' }, h('h2', null, 'Tugas saya', total ? h('span', { class: 'count' }, ` (${total})`) : null)),
    tasks.length ? status : null,
    overdue,
    tasks.length ? list : h('p', { class: 'empty' }, 'Tidak ada tugas untuk peran Anda saat ini. Kasus yang menunggu langkah dari peran Anda akan muncul di sini.'),
    tasks.length ? more : null,
    h(
      'div',
      { class: 'toolbar' },
      h('button', { type: 'button', class: 'btn', onclick: () => void showTasks() }, 'Muat ulang'),
      h('button', { type: 'button', class: 'btn', id: 'sync-dashboard', onclick: () => void syncDashboard() }, 'Perbarui sheet Kasus'),
    ),
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
