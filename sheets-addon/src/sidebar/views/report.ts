// "Laporan": the SOP performance report of a period for the SOP's supervising roles (cases,
// each step's time against its standard, bottlenecks, decisions, what is late now), the Tabel 7
// draft and the Tabel 8 form, the IKM of the period for that SOP, and the complaints; with "Buat
// Google Doc" (the report through the letters pipeline) and "Tulis ke sheet" (the report sheet with
// its two charts). Laid out as cards and short lines: tables of 12 columns do not fit 300 px.
import type * as Api from '../../../../functions/src/contract.ts';
import { $, badge, h, link } from '../dom.ts';
import { parseFailure } from '../logic/failures.ts';
import { KeyKeeper } from '../logic/idempotency.ts';
import { indexText, nrrText, pct, reportableSops, semesters, shortDuration, type Period } from '../logic/report.ts';
import { currentMonth } from '../logic/time.ts';
import { call } from '../script-run.ts';
import { app, busy, enterView, errorPanel, type Flash, loadSops, setView, showBanner, tz } from '../shell.ts';
import { showCase } from './case.ts';
import { showCases } from './cases.ts';

const COMPLAINT_SOP = 'pengaduan';
const fmt = (n: number) => n.toLocaleString('id-ID');
/** One key per press of "Buat Google Doc"; the same key when a press whose answer was lost is repeated. */
const docKeys = new KeyKeeper();

const state = {
  sopId: null as string | null,
  period: null as Period | null,
  /** Numbers the loads: only the latest may draw. */
  seq: 0,
};

/** The tab shows when the user may read the report of some SOP. */
export async function refreshReportTab(): Promise<void> {
  const me = app.me;
  if (!me) return;
  try {
    const sops = await loadSops();
    if (app.me !== me) return;
    $('report-tab').hidden = reportableSops(sops, me.roles.map((r) => r.id)).length === 0;
  } catch {
    $('report-tab').hidden = true;
  }
}

export async function showReport(flash?: Flash): Promise<void> {
  enterView('report', 'report', flash, 'Memuat daftar SOP…');
  let sops: Api.SopDescription[];
  try {
    sops = reportableSops(await busy('Memuat SOP…', () => loadSops()), (app.me?.roles ?? []).map((r) => r.id));
  } catch (e) {
    setView(errorPanel(parseFailure(e), () => void showReport()));
    return;
  }
  if (app.view !== 'report') return;
  if (!sops.length) {
    setView(h('h2', null, 'Laporan'), h('p', { class: 'empty' }, 'Laporan kinerja SOP hanya dapat dibuka oleh pejabat yang mengawasi SOP tersebut.'));
    return;
  }
  const { periods, defaultIndex } = semesters(currentMonth(new Date(), tz()));
  if (!state.sopId || !sops.some((s) => s.id === state.sopId)) state.sopId = sops[0]!.id;
  const chosen = state.period ? periods.findIndex((p) => p.from === state.period!.from && p.to === state.period!.to) : -1;
  state.period = periods[chosen >= 0 ? chosen : defaultIndex]!;

  const sopSelect = h('select', { id: 'report-sop' }, ...sops.map((s) => h('option', { value: s.id, selected: s.id === state.sopId }, s.title)));
  const periodSelect = h('select', { id: 'report-period' }, ...periods.map((p, i) => h('option', { value: String(i), selected: p === state.period }, p.label)));
  const body = h('div', { id: 'report-body', 'aria-live': 'polite' });
  sopSelect.addEventListener('change', () => {
    state.sopId = sopSelect.value;
    void load(body);
  });
  periodSelect.addEventListener('change', () => {
    state.period = periods[Number(periodSelect.value)] ?? state.period;
    void load(body);
  });
  setView(
    h('div', { class: 'view-head' }, h('h2', null, 'Laporan kinerja SOP')),
    h('p', { class: 'hint' }, 'Dihitung dari riwayat kasus. Permenpan-RB 35/2012: pemantauan dan evaluasi SOP setiap enam bulan.'),
    h('div', { class: 'field' }, h('label', { for: 'report-sop' }, 'SOP'), sopSelect),
    h('div', { class: 'field' }, h('label', { for: 'report-period' }, 'Periode'), periodSelect),
    body,
  );
  await load(body);
}

async function load(body: HTMLElement): Promise<void> {
  const sopId = state.sopId!;
  const p = state.period!;
  const mine = ++state.seq;
  body.setAttribute('aria-busy', 'true');
  body.replaceChildren(h('p', { class: 'loading' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), ' Menghitung laporan…'));
  let report: Api.SopReport;
  let ikm: Api.IkmResult | null;
  let complaints: Api.SopReport | null;
  try {
    const complaintsAllowed = reportableSops(await loadSops(), (app.me?.roles ?? []).map((r) => r.id)).some((s) => s.id === COMPLAINT_SOP);
    [report, ikm, complaints] = await busy('Menghitung laporan…', () =>
      Promise.all([
        call('sopReport', sopId, p.from, p.to),
        call('ikmReport', p.from, p.to, sopId).catch(() => null),
        complaintsAllowed && sopId !== COMPLAINT_SOP ? call('sopReport', COMPLAINT_SOP, p.from, p.to).catch(() => null) : Promise.resolve(null),
      ]),
    );
  } catch (e) {
    if (mine !== state.seq) return;
    body.removeAttribute('aria-busy');
    body.replaceChildren(errorPanel(parseFailure(e), () => void load(body)));
    return;
  }
  if (mine !== state.seq || app.view !== 'report') return;
  body.removeAttribute('aria-busy');
  body.replaceChildren(...reportContent(report, ikm, sopId === COMPLAINT_SOP ? report : complaints, p).filter((n): n is HTMLElement => n !== null));
}

function stat(id: string, n: number, label: string, late = false): HTMLElement {
  return h('div', { class: 'stat' }, h('span', { class: `stat-num${late && n > 0 ? ' late-text' : ''}`, 'data-fig': id }, fmt(n)), h('span', { class: 'stat-label' }, label));
}

function reportContent(r: Api.SopReport, ikm: Api.IkmResult | null, complaints: Api.SopReport | null, p: Period): (HTMLElement | null)[] {
  const threshold = r.tabel7.threshold;
  const docBox = h('div', { id: 'report-doc-status', role: 'status' });
  return [
    h('p', { class: 'small muted', id: 'report-period-label' }, `${r.period.label}${p.running ? ' (masih berjalan)' : ''} · dihitung ${r.generatedLocal}`),
    h(
      'div',
      { class: 'toolbar', id: 'report-actions' },
      h('button', { type: 'button', class: 'btn', id: 'report-doc', onclick: () => void makeDoc(r.sopId, p, docBox) }, 'Buat Google Doc'),
      h('button', { type: 'button', class: 'btn', id: 'report-sheet', onclick: () => void writeSheet(r.sopId, p) }, 'Tulis ke sheet'),
    ),
    docBox,
    h('h3', { class: 'sub' }, 'Kasus'),
    h(
      'div',
      { class: 'stats', id: 'report-cases' },
      stat('opened', r.cases.opened, 'dibuka'),
      stat('closed', r.cases.closed, 'selesai'),
      stat('cancelled', r.cases.cancelled, 'dibatalkan'),
      stat('openAtEnd', r.cases.openAtEnd, 'berjalan di akhir periode'),
      stat('openNow', r.cases.openNow, 'berjalan sekarang'),
      stat('overdueNow', r.cases.overdueNow, 'terlambat sekarang', true),
    ),
    h('h3', { class: 'sub' }, 'Waktu per langkah'),
    h('p', { class: 'hint' }, `Median dan persentil ke-90 waktu nyata; "baik" bila ≥ ${pct(threshold)} selesai dalam standar.`),
    h('ul', { class: 'cards', id: 'report-steps' }, ...r.steps.map((s) => h('li', null, stepCard(s, threshold)))),
    h('h3', { class: 'sub' }, 'Hambatan'),
    r.bottlenecks.length
      ? h('ol', { class: 'plain small', id: 'report-bottlenecks' }, ...r.bottlenecks.map((b) => h('li', null, h('span', null, `Langkah ${b.step}: ${b.activity}`), h('span', { class: 'n' }, `+${shortDuration(b.lateMinutes)}`))))
      : h('p', { class: 'muted small', id: 'report-bottlenecks' }, 'Tidak ada langkah yang melewati tenggat dalam periode ini.'),
    r.decisions.length ? h('h3', { class: 'sub' }, 'Keputusan') : null,
    r.decisions.length ? h('ul', { class: 'cards', id: 'report-decisions' }, ...r.decisions.map((d) => h('li', null, decisionCard(d)))) : null,
    h('h3', { class: 'sub' }, 'Terlambat sekarang'),
    r.overdueNow.length
      ? h(
          'ul',
          { class: 'cards', id: 'report-overdue' },
          ...r.overdueNow.map((o) =>
            h(
              'li',
              null,
              h(
                'button',
                { type: 'button', class: 'card task-late', 'data-case': o.caseId, onclick: () => void showCase(o.caseId) },
                h('span', { class: 'card-top' }, h('strong', { class: 'nomor' }, o.nomor), badge(`+${shortDuration(o.lateMinutes)}`, 'late')),
                h('span', { class: 'small clamp' }, o.title),
                h('span', { class: 'small muted' }, `${o.step ? `Langkah ${o.step} · ` : ''}batas ${o.dueLocal}`),
              ),
            ),
          ),
        )
      : h('p', { class: 'muted small', id: 'report-overdue' }, 'Tidak ada kasus yang terlambat saat ini.'),
    h('h3', { class: 'sub' }, 'Tabel 7: Pemantauan'),
    h('p', { class: 'hint' }, 'Usulan sistem; penilai mengonfirmasi, menulis tindakan dan memaraf di Google Doc.'),
    h(
      'ol',
      { class: 'cards', id: 'report-tabel7' },
      ...r.tabel7.rows.map((t) =>
        h(
          'li',
          { class: 'card static' },
          h('span', { class: 'card-top' }, h('strong', { class: 'clamp' }, `${t.no}. ${t.prosedur}`)),
          badge(t.penilaian, t.penilaian === 'Berjalan dengan baik' ? 'ok' : t.penilaian === 'Tidak berjalan dengan baik' ? 'late' : 'muted'),
          h('span', { class: 'small' }, t.catatan),
        ),
      ),
    ),
    h('h3', { class: 'sub' }, 'Tabel 8: Evaluasi'),
    h('p', { class: 'hint' }, 'Dijawab Ya atau Tidak oleh penilai di Google Doc; di bawah tiap aspek, bahan dari riwayat kasus.'),
    h('ol', { class: 'cards', id: 'report-tabel8' }, ...r.tabel8.rows.map((t) => h('li', { class: 'card static' }, h('strong', null, `${t.no}. ${t.aspek}`), h('span', { class: 'small muted' }, t.bahan)))),
    ikmSection(ikm),
    complaintsSection(complaints),
  ];
}

function stepCard(s: Api.StepFigures, threshold: number): HTMLElement {
  const kind = s.shareWithin === null ? 'muted' : s.shareWithin >= threshold ? 'ok' : 'late';
  return h(
    'div',
    { class: `card static${kind === 'late' ? ' task-late' : ''}`, 'data-step': String(s.step) },
    h('span', { class: 'card-top' }, h('strong', null, `Langkah ${s.step}`), badge(s.shareWithin === null ? 'tidak diukur' : `${pct(s.shareWithin)} dalam standar`, kind)),
    h('span', { class: 'small clamp' }, s.activity),
    h('span', { class: 'small' }, 'Standar ', h('span', { class: 'nowrap' }, s.standard), ' · ', h('span', { class: 'nowrap', 'data-fig': 'count' }, `${fmt(s.count)} kali`)),
    s.count
      ? h(
          'span',
          { class: 'small' },
          h('span', { class: 'nowrap', 'data-fig': 'median' }, `median ${shortDuration(s.medianMinutes)}`),
          ' · ',
          h('span', { class: 'nowrap', 'data-fig': 'p90' }, `P90 ${shortDuration(s.p90Minutes)}`),
          s.measured ? ' · ' : null,
          s.measured ? h('span', { class: 'nowrap', 'data-fig': 'within' }, `${fmt(s.within)}/${fmt(s.measured)} tepat`) : null,
        )
      : null,
    s.worst.length && s.worst[0]!.lateMinutes > 0 ? h('span', { class: 'small late-text' }, `Terlama: ${s.worst[0]!.nomor} (+${shortDuration(s.worst[0]!.lateMinutes)})`) : null,
  );
}

function decisionCard(d: Api.DecisionFigures): HTMLElement {
  return h(
    'div',
    { class: 'card static', 'data-step': String(d.step) },
    h('strong', { class: 'clamp' }, `Langkah ${d.step}: ${d.question}`),
    h('span', { class: 'small' }, h('span', { class: 'nowrap' }, `ya ${fmt(d.yes)}`), ' · ', h('span', { class: 'nowrap' }, `tidak ${fmt(d.no)}`)),
    d.loopsBack && d.no ? h('span', { class: 'small muted' }, `${fmt(d.casesWithNo)} kasus dikembalikan, paling banyak ${fmt(d.maxNoPerCase)}× pada satu kasus`) : null,
  );
}

const BAND: Record<string, string> = { A: 'sangat baik', B: 'baik', C: 'kurang baik', D: 'tidak baik' };

function ikmSection(ikm: Api.IkmResult | null): HTMLElement {
  const section = h('section', { class: 'section', id: 'report-ikm' }, h('h3', { class: 'sub' }, 'Indeks Kepuasan Masyarakat (IKM)'));
  if (!ikm) {
    section.append(h('p', { class: 'muted small' }, 'IKM periode ini tidak dapat dimuat.'));
    return section;
  }
  if (!ikm.responses) {
    section.append(h('p', { class: 'muted small', 'data-fig': 'ikm-responses' }, 'Belum ada kuesioner IKM untuk layanan ini dalam periode ini.'));
    return section;
  }
  section.append(
    h(
      'div',
      { class: 'stats' },
      h('div', { class: 'stat' }, h('span', { class: 'stat-num', 'data-fig': 'ikm-index' }, indexText(ikm.index)), h('span', { class: 'stat-label' }, `mutu ${ikm.mutu ?? '–'}${ikm.mutu ? ` (${BAND[ikm.mutu]})` : ''}`)),
      h('div', { class: 'stat' }, h('span', { class: 'stat-num', 'data-fig': 'ikm-responses' }, fmt(ikm.responses)), h('span', { class: 'stat-label' }, 'responden')),
    ),
    h('table', { class: 'tally', id: 'report-ikm-elements' }, h('caption', null, 'Nilai rata-rata per unsur (1–4)'), h('tbody', null, ...ikm.elements.map((e) => h('tr', null, h('th', { scope: 'row' }, `${e.no}. ${e.unsur}`), h('td', null, nrrText(e.nrr)))))),
  );
  if (ikm.saran.length) {
    section.append(h('p', { class: 'caption small' }, h('strong', null, `Saran (${fmt(ikm.saran.length)})`)), h('ul', { class: 'plain small', id: 'report-saran' }, ...ikm.saran.slice(0, 20).map((s) => h('li', null, h('span', null, s.text), s.caseNomor ? h('span', { class: 'n muted' }, s.caseNomor) : null))));
  }
  return section;
}

function complaintsSection(c: Api.SopReport | null): HTMLElement {
  const open = () => {
    app.casesQuery = 'pengaduan';
    app.casesStatus = '';
    void showCases();
  };
  return h(
    'section',
    { class: 'section', id: 'report-complaints' },
    h('h3', { class: 'sub' }, 'Pengaduan'),
    c
      ? h('div', { class: 'stats' }, stat('complaints-opened', c.cases.opened, 'masuk dalam periode'), stat('complaints-closed', c.cases.closed, 'selesai dalam periode'), stat('complaints-open', c.cases.openNow, 'belum selesai sekarang'), stat('complaints-overdue', c.cases.overdueNow, 'terlambat sekarang', true))
      : h('p', { class: 'muted small' }, 'Angka pengaduan hanya untuk pengawas SOP pengaduan.'),
    h('button', { type: 'button', class: 'btn', id: 'report-complaint-list', onclick: open }, 'Lihat kasus pengaduan'),
  );
}

/** "Buat Google Doc": the Doc is rendered by the worker, so its state is read until ready. */
async function makeDoc(sopId: string, p: Period, box: HTMLElement): Promise<void> {
  let doc: Api.ReportDocumentResponse;
  try {
    doc = await busy('Membuat Google Doc…', () => call('requestReportDocument', sopId, p.from, p.to, docKeys.keyFor(`${sopId}:${p.from}:${p.to}`)));
    docKeys.settle(null);
  } catch (e) {
    const err = parseFailure(e);
    docKeys.settle(err);
    showBanner({ kind: 'error', text: err.message });
    return;
  }
  const seq = state.seq;
  let wait = 3000;
  while (doc.status === 'pending') {
    box.replaceChildren(h('p', { class: 'small' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), ` ${doc.title}: sedang dibuat…`));
    await new Promise((r) => setTimeout(r, wait));
    wait = Math.min(30_000, wait * 1.5);
    if (seq !== state.seq || app.view !== 'report') return; // the user moved on
    try {
      doc = await call('reportDocumentStatus', doc.entry);
    } catch (e) {
      box.replaceChildren(h('p', { class: 'small field-error' }, parseFailure(e).message));
      return;
    }
  }
  box.replaceChildren(
    doc.status === 'ready'
      ? h('p', { class: 'small', id: 'report-doc-ready' }, 'Dokumen siap: ', doc.url ? link(doc.url, doc.title) : doc.title, doc.pdfUrl ? h('span', null, ' · ', link(doc.pdfUrl, 'PDF')) : null)
      : h('p', { class: 'small field-error', id: 'report-doc-failed' }, `Dokumen gagal dibuat: ${doc.error ?? 'tanpa keterangan'}. Coba lagi.`),
  );
}

async function writeSheet(sopId: string, p: Period): Promise<void> {
  try {
    const r = await busy('Menulis laporan ke sheet…', () => call('writeSopReport', sopId, p.from, p.to));
    showBanner({ kind: 'ok', text: `Sheet "${r.sheetName}" diperbarui: ${fmt(r.rows)} langkah, dengan grafik waktu per langkah dan tren bulanan.` });
  } catch (e) {
    showBanner({ kind: 'error', text: parseFailure(e).message });
  }
}
