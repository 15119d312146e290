// "Tugas saya": the cases waiting on a step of the user's roles, and the dashboard sync button.
import type { Task } from '../../../../functions/src/contract.ts';
import { badge, h } from '../dom.ts';
import { parseFailure } from '../logic/failures.ts';
import { call } from '../script-run.ts';
import { app, busy, enterView, errorPanel, type Flash, setView, showBanner } from '../shell.ts';
import { showCase } from './case.ts';

export async function showTasks(flash?: Flash): Promise<void> {
  app.caseId = null;
  app.returnTo = 'tasks';
  enterView('tasks', 'tasks', flash, 'Memuat tugas…');
  let tasks: Task[];
  try {
    const r = (await busy('Memuat tugas…', () => call('listTasks', null))) as { tasks?: Task[] };
    tasks = Array.isArray(r?.tasks) ? r.tasks : [];
  } catch (e) {
    setView(errorPanel(parseFailure(e), () => void showTasks()));
    return;
  }
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
      h('button', { type: 'button', class: 'btn', onclick: () => void syncDashboard() }, 'Perbarui sheet Kasus'),
    ),
  );
}

/** "Perbarui sheet Kasus": unlike the quiet sync after a change, the user asked, so the outcome is shown. */
async function syncDashboard(): Promise<void> {
  try {
    const r = await busy('Memperbarui sheet Kasus…', () => call('syncDashboard'));
    showBanner({ kind: 'ok', text: `Sheet "Kasus" diperbarui: ${r.rows} kasus.` });
  } catch (e) {
    showBanner({ kind: 'error', text: parseFailure(e).message });
  }
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
