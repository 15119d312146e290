// "Semua kasus": every case of the agency, newest first, searched on the server (case number,
// partner, title, SOP) and read a page at a time: "Muat lagi" reads the next page, and the list
// never says "no match" while pages remain unread.
import type { CaseListResponse, CaseRow, CaseStatus } from '../../../../functions/src/contract.ts';
import { badge, h } from '../dom.ts';
import { caseRows, rowProgress, rowStatusKind } from '../logic/cases.ts';
import { parseFailure } from '../logic/failures.ts';
import { call } from '../script-run.ts';
import { app, busy, enterView, errorPanel, type Flash, setView } from '../shell.ts';
import { showCase } from './case.ts';

/** Cases per page; the API's page size limit (1,000) is far above what a sidebar should draw at once. */
const CASES_PAGE = 50;
/** The states a list can be narrowed to, as the API names them, with the words staff use. */
const STATUS_CHOICES: readonly [CaseStatus | '', string][] = [
  ['', 'Semua status'],
  ['open', 'Berjalan'],
  ['closed', 'Selesai'],
  ['cancelled', 'Dibatalkan'],
];

/** Typing pauses this long before the search is sent. */
const SEARCH_DELAY_MS = 350;

export async function showCases(flash?: Flash): Promise<void> {
  app.caseId = null;
  app.returnTo = 'cases';
  enterView('cases', 'cases', flash, 'Memuat daftar kasus…');
  const input = h('input', {
    type: 'search',
    id: 'case-search',
    value: app.casesQuery,
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'Nomor, mitra, judul, atau SOP',
    'aria-controls': 'case-results',
    'aria-describedby': 'case-search-status',
  });
  const status = h('p', { class: 'hint', id: 'case-search-status', role: 'status' });
  const results = h('div', { id: 'case-results' });
  const state = h(
    'select',
    { id: 'case-status', 'aria-controls': 'case-results' },
    ...STATUS_CHOICES.map(([value, label]) => h('option', { value, selected: value === app.casesStatus }, label)),
  );
  const field = h(
    'div',
    { class: 'field search' },
    h('label', { for: 'case-search' }, 'Cari kasus'),
    input,
    h('label', { for: 'case-status', class: 'sub-label' }, 'Status'),
    state,
    status,
  );
  const toolbar = h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'btn', onclick: () => void showCases() }, 'Muat ulang'));
  const head = h('h2', null, 'Semua kasus');

  // Each search is a generation: an answer to an older one is dropped when it arrives late.
  let generation = 0;
  const search = async () => {
    const gen = ++generation;
    const query = input.value.trim();
    const filter = { ...(query ? { q: query } : {}), ...(app.casesStatus ? { status: app.casesStatus } : {}) };
    let page: CaseListResponse;
    try {
      page = await busy(query ? 'Mencari…' : 'Memuat daftar kasus…', () => call('listCases', { ...filter, limit: CASES_PAGE }));
    } catch (e) {
      if (gen === generation) results.replaceChildren(errorPanel(parseFailure(e), () => void search()));
      return;
    }
    if (gen !== generation || app.view !== 'cases') return;
    renderResults(page, filter, status, results, head, () => gen === generation);
  };
  state.addEventListener('change', () => {
    app.casesStatus = state.value as CaseStatus | '';
    clearTimeout(timer);
    void search();
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    app.casesQuery = input.value;
    clearTimeout(timer);
    timer = setTimeout(() => void search(), SEARCH_DELAY_MS);
  });
  input.addEventListener('keydown', (ev) => {
    if (ev.key !== 'Enter') return;
    ev.preventDefault();
    clearTimeout(timer);
    void search();
  });
  setView(h('div', { class: 'view-head' }, head), field, results, toolbar);
  await search();
  if (app.casesQuery && app.view === 'cases') input.focus();
}

function renderResults(first: CaseListResponse, filter: { q?: string; status?: CaseStatus }, status: HTMLElement, results: HTMLElement, head: HTMLElement, current: () => boolean): void {
  const query = filter.q ?? '';
  const state = STATUS_CHOICES.find(([v]) => v === filter.status)?.[1].toLowerCase();
  const rows = caseRows(first);
  const total = typeof first.total === 'number' ? first.total : null;
  let token = first.nextPageToken ?? null;
  let shown = rows.length;
  if (!query && !state) head.replaceChildren('Semua kasus', total !== null ? h('span', { class: 'count' }, ` (${total})`) : '');
  const list = h('ul', { class: 'cards', id: 'case-list' }, ...rows.map((r) => h('li', null, caseRowCard(r))));
  const more = h('button', { type: 'button', class: 'btn more', id: 'case-more' }, 'Muat lagi');
  const empty = h('p', { class: 'empty', id: 'case-empty' });
  const update = () => {
    const of = total !== null ? ` dari ${total}` : '';
    if (shown === 0 && !token) {
      const none = `Tidak ada kasus${state ? ` ${state}` : ''}${query ? ` yang cocok dengan "${query}"` : ''}.`;
      status.textContent = query || state ? none : 'Belum ada kasus.';
      empty.textContent = query
        ? `${none} Coba awal nomor (misalnya PUSLING/2026/0001 atau 0001), awal nama mitra, kata dari judul, atau nama SOP${state ? ', atau pilih "Semua status"' : ''}.`
        : state
          ? `${none} Pilih "Semua status" untuk melihat kasus lain.`
          : 'Belum ada kasus di instansi ini. Kasus yang dibuka lewat "Kasus baru" atau formulir mitra akan tampil di sini.';
      empty.hidden = false;
    } else {
      empty.hidden = true;
      const what = `kasus${state ? ` ${state}` : ''}${query ? ` cocok dengan "${query}"` : ', terbaru di atas'}`;
      status.textContent = token ? `${shown}${of} ${what} tampil; tekan "Muat lagi" untuk berikutnya.` : `${shown}${of} ${what}.`;
    }
    // A page may come back short (or empty) while more follow: "Muat lagi" stays until the last.
    more.hidden = !token;
    more.textContent = shown === 0 && token ? 'Cari di kasus berikutnya' : 'Muat lagi';
  };
  more.addEventListener('click', () => {
    void busy('Memuat kasus berikutnya…', () => call('listCases', { ...filter, pageToken: token!, limit: CASES_PAGE })).then(
      (next) => {
        if (!current()) return;
        const items = caseRows(next);
        list.append(...items.map((r) => h('li', null, caseRowCard(r))));
        shown += items.length;
        token = next?.nextPageToken ?? null;
        update();
      },
      (e) => {
        status.textContent = parseFailure(e).message;
      },
    );
  });
  update();
  results.replaceChildren(list, empty, more);
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
