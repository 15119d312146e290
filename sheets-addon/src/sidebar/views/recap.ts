// "Rekap bulan ini" of the reading desk: the month's visitors and books read, with a month picker
// and a reload.
import { h } from '../dom.ts';
import { parseFailure } from '../logic/failures.ts';
import { recapView, type RecapView } from '../logic/recap.ts';
import { currentMonth, monthLabel } from '../logic/time.ts';
import { call } from '../script-run.ts';
import { errorPanel, tz } from '../shell.ts';

const thisMonth = () => currentMonth(new Date(), tz());

export class RecapPanel {
  readonly section: HTMLElement;
  private readonly title = h('h3', { id: 'recap-title' }, 'Rekap bulan ini');
  private readonly month = h('input', { type: 'month', id: 'f-recap-month', value: thisMonth(), max: thisMonth() });
  private readonly stale = h('p', { class: 'hint', id: 'recap-stale', hidden: true });
  private readonly body = h('div', { id: 'recap-body', 'aria-live': 'polite' });
  /** Numbers the loads: only the latest may draw, since another month may be picked meanwhile. */
  private seqNo = 0;
  /** The month on screen, once one was loaded. */
  private shown: string | null = null;
  /** Records stored since the recap on screen was loaded. */
  private unseen = 0;

  constructor() {
    const reload = h('button', { type: 'button', class: 'btn', id: 'recap-reload' }, 'Muat ulang');
    this.month.addEventListener('change', () => void this.load());
    reload.addEventListener('click', () => void this.load());
    this.section = h(
      'section',
      { class: 'section recap', id: 'desk-recap', 'aria-labelledby': 'recap-title' },
      this.title,
      h('div', { class: 'recap-pick' }, h('div', { class: 'field' }, h('label', { for: 'f-recap-month' }, 'Bulan'), this.month), reload),
      this.stale,
      this.body,
    );
  }

  async load(): Promise<void> {
    const m = this.month.value;
    const mine = ++this.seqNo;
    this.title.textContent = m === thisMonth() ? 'Rekap bulan ini' : `Rekap ${monthLabel(m)}`;
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(m)) {
      this.body.replaceChildren(h('p', { class: 'field-error' }, 'Pilih bulan dan tahun rekap.'));
      return;
    }
    this.body.setAttribute('aria-busy', 'true');
    this.body.replaceChildren(h('p', { class: 'loading' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), ` Memuat rekap ${monthLabel(m)}…`));
    let view: RecapView;
    try {
      view = recapView(await call('deskRecap', m), m);
    } catch (e) {
      if (mine !== this.seqNo) return;
      this.body.removeAttribute('aria-busy');
      this.body.replaceChildren(errorPanel(parseFailure(e), () => void this.load()));
      return;
    }
    if (mine !== this.seqNo) return; // another month was picked meanwhile
    this.body.removeAttribute('aria-busy');
    this.shown = m;
    this.unseen = 0;
    this.stale.hidden = true;
    this.body.replaceChildren(...recapContent(view));
  }

  /** A record was stored (in `month`): the recap on screen no longer counts it. */
  recorded(month: unknown): void {
    if (this.shown === null || (typeof month === 'string' && month !== this.shown)) return;
    this.unseen++;
    this.stale.textContent = `${this.unseen} catatan baru belum masuk rekap di bawah; tekan Muat ulang untuk memperbaruinya.`;
    this.stale.hidden = false;
  }
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
  if (v.topTitles.length) out.push(topTitles(v));
  return out;
}

function topTitles(v: RecapView): HTMLElement {
  return h(
    'div',
    { class: 'top-titles' },
    h('p', { class: 'caption' }, v.titleCount > v.topTitles.length ? `${v.topTitles.length} judul terbanyak dibaca (dari ${v.titleCount} judul)` : 'Judul yang dibaca'),
    h('ol', { id: 'recap-titles' }, ...v.topTitles.map((t) => h('li', null, h('span', { class: 'n', title: `${t.count} eksemplar` }, `${t.count}×`), h('span', { class: 'title' }, t.title)))),
  );
}
