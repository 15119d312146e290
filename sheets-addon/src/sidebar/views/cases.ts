// "Semua kasus": every case of the agency, newest first, searchable as the user types.
import type { CaseRow } from '../../../../functions/src/contract.ts';
import { badge, h } from '../dom.ts';
import { caseRows, filterCases, rowProgress, rowStatusKind } from '../logic/cases.ts';
import { parseFailure } from '../logic/failures.ts';
import { call } from '../script-run.ts';
import { app, busy, enterView, errorPanel, type Flash, setView } from '../shell.ts';
import { showCase } from './case.ts';

/** Rows drawn at once; "Tampilkan lagi" adds as many (an agency may hold a couple of thousand cases). */
const CASES_PAGE = 50;

export async function showCases(flash?: Flash): Promise<void> {
  app.caseId = null;
  app.returnTo = 'cases';
  enterView('cases', 'cases', flash, 'Memuat daftar kasus…');
  let rows: CaseRow[];
  try {
    rows = caseRows(await busy('Memuat daftar kasus…', () => call('listCases', null)));
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
  const search = caseSearch(rows);
  setView(h('div', { class: 'view-head' }, h('h2', null, 'Semua kasus', h('span', { class: 'count' }, ` (${rows.length})`))), search.field, search.results, toolbar);
  if (app.casesQuery) search.input.focus();
}

/** The search box (starting with what was typed last time) and the rows matching it. */
function caseSearch(rows: CaseRow[]): { field: HTMLElement; input: HTMLInputElement; results: HTMLElement } {
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
    results.replaceChildren(...pagedList(hits));
  };
  input.addEventListener('input', () => {
    app.casesQuery = input.value;
    render();
  });
  render();
  const field = h('div', { class: 'field search' }, h('label', { for: 'case-search' }, 'Cari kasus'), input, status);
  return { field, input, results };
}

/** The first CASES_PAGE rows, and the button that adds the next ones (hidden once all are shown). */
function pagedList(hits: CaseRow[]): [HTMLElement, HTMLElement] {
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
  return [list, more];
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
