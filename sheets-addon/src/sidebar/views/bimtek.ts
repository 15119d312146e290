// "Bimtek": the training programmes the agency owns or hosts. The programme view shows each event
// the agency may see with its figures, the waiting lists and the certificate mailings; the event
// view lists its participants a page at a time ("Muat lagi": none is left out), marks a session's
// attendance for the ticked ones in bulk, withdraws a participant after a confirmation, issues the
// certificates and starts their mailing, and makes the event's documents (bimtek-documents.ts); the mailing view follows the sending with a progress bar,
// read again every few seconds while it is open and something is still queued.
import type * as Api from '../../../../functions/src/contract.ts';
import { $, badge, h } from '../dom.ts';
import { parseFailure } from '../logic/failures.ts';
import { KeyKeeper } from '../logic/idempotency.ts';
import { formatInstant, formatTime } from '../logic/time.ts';
import { call } from '../script-run.ts';
import { documentsSection } from './bimtek-documents.ts';
import { app, busy, enterView, errorPanel, type Flash, setView, showBanner, tz } from '../shell.ts';

/** Participants read per "Muat lagi": a 300-person event is three pages. */
export const PARTICIPANT_PAGE = 100;
/** What one attendance call takes (the API's limit); a larger selection is sent in parts. */
const ATTENDANCE_CALL = 2_000;
/** How often an open mailing view reads the progress again (each read is one UrlFetch in Apps Script). */
export const MAILING_POLL_MS = 5_000;

const num = new Intl.NumberFormat('id-ID');
const fmt = (n: number) => num.format(n);

const state = {
  programmes: null as Api.ProgrammeListResponse['programmes'] | null,
  summary: null as Api.ProgrammeSummary | null,
  /** Bumped whenever a view is drawn: a poll or a late answer of an earlier view sees it and stops. */
  generation: 0,
};

const attendanceKeys = new KeyKeeper();
const actionKeys = new KeyKeeper();

/** Shows the "Bimtek" tab only to agencies that own or host a programme. */
export async function refreshBimtekTab(): Promise<void> {
  const me = app.me;
  if (!me) return;
  try {
    const r = await call('listProgrammes');
    if (app.me !== me) return;
    state.programmes = Array.isArray(r?.programmes) ? r.programmes : [];
    $('bimtek-tab').hidden = state.programmes.length === 0;
  } catch {
    $('bimtek-tab').hidden = true;
  }
}

export async function showBimtek(flash?: Flash): Promise<void> {
  enterView('bimtek', 'bimtek', flash, 'Memuat program Bimtek…');
  const gen = ++state.generation;
  let list: Api.ProgrammeListResponse['programmes'];
  try {
    list = (await busy('Memuat program…', () => call('listProgrammes'))).programmes ?? [];
  } catch (e) {
    setView(errorPanel(parseFailure(e), () => void showBimtek()));
    return;
  }
  if (gen !== state.generation) return;
  state.programmes = list;
  if (list.length === 1) return showProgramme(list[0]!.id, flash);
  setView(
    h('div', { class: 'view-head' }, h('h2', null, 'Bimtek')),
    list.length
      ? h('ul', { class: 'cards', id: 'programme-list' }, ...list.map((p) => h('li', null, h('button', { type: 'button', class: 'card', 'data-programme': p.id, onclick: () => void showProgramme(p.id) }, h('strong', null, p.name), h('span', { class: 'muted small' }, `${p.year} · ${p.owner ? 'pemilik program' : 'tuan rumah'}`)))))
      : h('p', { class: 'empty' }, 'Instansi Anda tidak memiliki atau menyelenggarakan program Bimtek.'),
  );
}

async function loadSummary(programmeId: string): Promise<Api.ProgrammeSummary> {
  const s = await call('programmeSummary', programmeId);
  state.summary = s;
  return s;
}

const modeLabel = (m: string) => (m === 'daring' ? 'Daring' : 'Luring');

function provinceName(s: Api.ProgrammeSummary, code: string): string {
  return s.programme.provinces?.find((p) => p.code === code)?.name ?? code;
}

function senderName(s: Api.ProgrammeSummary | null, agencyId: string): string {
  const p = s?.programme.provinces?.find((x) => x.hostAgencyId === agencyId);
  return p ? p.name : agencyId;
}

/** The figures of one event as label/number pairs: numbers never wrap, labels may. */
function figures(e: Api.ProgrammeEventSummary): HTMLElement {
  const row = (label: string, value: string, id: string) => [h('dt', null, label), h('dd', { 'data-fig': id }, value)];
  return h(
    'dl',
    { class: 'figs' },
    ...row('Terisi', `${fmt(e.taken)} / ${fmt(e.capacity)}`, 'taken'),
    ...row('Hadir (≥1 sesi)', fmt(e.attendedAny), 'attended'),
    ...row('Selesai', fmt(e.completed), 'completed'),
    ...row('Sertifikat', fmt(e.certificates), 'certificates'),
  );
}

export async function showProgramme(programmeId: string, flash?: Flash): Promise<void> {
  enterView('bimtek', 'bimtek', flash, 'Memuat program…');
  const gen = ++state.generation;
  let s: Api.ProgrammeSummary;
  let mailings: Api.MailingListResponse['mailings'];
  try {
    [s, mailings] = await busy('Memuat program…', () => Promise.all([loadSummary(programmeId), call('listMailings', programmeId).then((r) => r.mailings ?? [])]));
  } catch (e) {
    setView(errorPanel(parseFailure(e), () => void showProgramme(programmeId)));
    return;
  }
  if (gen !== state.generation) return;
  const p = s.programme;
  const waiting = Object.entries(s.waiting).filter(([, n]) => n > 0);
  setView(
    (state.programmes?.length ?? 0) > 1 ? h('button', { type: 'button', class: 'linkish back', onclick: () => void showBimtek() }, '← Semua program') : null,
    h('div', { class: 'view-head' }, h('h2', { id: 'programme-name' }, p.name)),
    h('p', { class: 'muted small' }, `${p.year} · ${p.owner ? 'Instansi Anda pemilik program' : 'Instansi Anda tuan rumah'} · ${p.sessions.length} sesi, ${p.totalJp} JP`),
    h('p', { class: 'small', id: 'programme-counts' }, `${fmt(s.participants.registered)} terdaftar · ${fmt(s.participants.waiting)} menunggu · ${fmt(s.participants.withdrawn)} mundur`),
    h('div', { class: 'toolbar', id: 'programme-report' }, h('button', { type: 'button', class: 'btn', id: 'write-report', onclick: () => void writeReport(programmeId) }, 'Tulis laporan ke sheet')),
    h('h3', { class: 'sub' }, 'Kegiatan'),
    s.events.length
      ? h(
          'ul',
          { class: 'cards', id: 'event-list' },
          ...s.events.map((e) =>
            h(
              'li',
              null,
              h(
                'button',
                { type: 'button', class: 'card event-card', 'data-event': e.id, onclick: () => void showEvent(programmeId, e.id) },
                // The label names the mode already ("Gelombang 1, Kepulauan Bangka Belitung (luring)").
                h('strong', null, e.label),
                h('span', { class: 'small muted' }, e.dates),
                figures(e),
              ),
            ),
          ),
        )
      : h('p', { class: 'empty' }, 'Belum ada kegiatan untuk instansi Anda dalam program ini.'),
    h('h3', { class: 'sub' }, 'Daftar tunggu'),
    waiting.length
      ? h('ul', { class: 'plain small', id: 'waiting-list' }, ...waiting.map(([k, n]) => h('li', null, h('span', null, `${provinceName(s, k.split('_')[0]!)}, ${modeLabel(k.split('_')[1] ?? '').toLowerCase()}`), h('span', { class: 'n' }, `${fmt(n)} orang`))))
      : h('p', { class: 'muted small', id: 'waiting-list' }, 'Tidak ada yang menunggu.'),
    h('h3', { class: 'sub' }, 'Pengiriman e-mail'),
    mailings.length ? h('ul', { class: 'cards', id: 'mailing-list' }, ...mailings.map((m) => h('li', null, mailingCard(programmeId, m)))) : h('p', { class: 'muted small', id: 'mailing-list' }, 'Belum ada pengiriman.'),
  );
}

/** "Tulis laporan ke sheet": the figures per province and wave, with a chart, in this spreadsheet. */
async function writeReport(programmeId: string): Promise<void> {
  try {
    const r = await busy('Menulis laporan ke sheet…', () => call('writeProgrammeReport', programmeId));
    showBanner({ kind: 'ok', text: `Sheet "${r.sheetName}" diperbarui: ${fmt(r.rows)} baris provinsi dan gelombang, dengan grafik.` });
  } catch (e) {
    showBanner({ kind: 'error', text: parseFailure(e).message });
  }
}

function mailingCard(programmeId: string, m: Api.MailingListResponse['mailings'][number]): HTMLElement {
  return h(
    'button',
    { type: 'button', class: 'card', 'data-mailing': m.id, onclick: () => void showMailing(programmeId, m.id) },
    h('span', { class: 'card-top' }, h('strong', null, formatInstant(m.createdAt, tz())), m.queued ? badge('Berjalan', 'info') : m.failed ? badge(`${fmt(m.failed)} gagal`, 'late') : badge('Selesai', 'ok')),
    h('span', { class: 'small muted' }, m.title),
    progressBar(m.sent, m.failed, m.total),
    h('span', { class: 'small' }, `${fmt(m.sent)} dari ${fmt(m.total)} terkirim${m.queued ? ` · ${fmt(m.queued)} antre` : ''}`),
  );
}

function progressBar(sent: number, failed: number, total: number, id?: string): HTMLElement {
  const pct = (n: number) => (total > 0 ? (100 * n) / total : 0);
  return h(
    'div',
    { class: 'progress', role: 'progressbar', 'aria-label': 'Terkirim', 'aria-valuemin': '0', 'aria-valuemax': String(total), 'aria-valuenow': String(sent), ...(id ? { id } : {}) },
    h('span', { class: 'progress-sent', style: `width: ${pct(sent).toFixed(2)}%` }),
    failed ? h('span', { class: 'progress-failed', style: `width: ${pct(failed).toFixed(2)}%` }) : null,
  );
}

// ---- One event: participants, attendance, withdrawal, certificates ----

export async function showEvent(programmeId: string, eventId: string, flash?: Flash): Promise<void> {
  enterView('bimtek-event', 'bimtek', flash, 'Memuat peserta…');
  const gen = ++state.generation;
  let first: Api.ParticipantListResponse;
  let s: Api.ProgrammeSummary;
  try {
    [s, first] = await busy('Memuat peserta…', () => Promise.all([state.summary?.programme.id === programmeId ? Promise.resolve(state.summary) : loadSummary(programmeId), call('listParticipants', programmeId, { event: eventId, status: 'registered', limit: PARTICIPANT_PAGE })]));
  } catch (e) {
    setView(errorPanel(parseFailure(e), () => void showEvent(programmeId, eventId)));
    return;
  }
  if (gen !== state.generation) return;
  const ev = s.events.find((e) => e.id === eventId);
  if (!ev) {
    setView(h('p', { class: 'empty' }, 'Kegiatan ini tidak ada atau bukan wewenang instansi Anda.'));
    return;
  }
  const rows: Api.ParticipantRow[] = [...(first.participants ?? [])];
  let total = typeof first.total === 'number' ? first.total : rows.length;
  let token = first.nextPageToken ?? null;
  const selected = new Set<string>();

  const figs = h('div', { id: 'event-figures' }, figures(ev));
  const session = h('select', { id: 'session' }, ...s.programme.sessions.map((x) => h('option', { value: String(x.no) }, `Sesi ${x.no}: ${x.title}`)));
  const list = h('ul', { class: 'people', id: 'participant-list' });
  const status = h('p', { class: 'hint', id: 'participant-status', role: 'status' });
  const selectAll = h('input', { type: 'checkbox', id: 'select-all' });
  const selCount = h('span', { id: 'selected-count', class: 'small' });
  const mark = h('button', { type: 'button', class: 'btn btn-primary', id: 'mark-attendance' }, 'Tandai hadir');
  const more = h('button', { type: 'button', class: 'btn more', id: 'participant-more' }, 'Muat lagi');
  const result = h('p', { class: 'done-line', id: 'attendance-result', role: 'status' });

  const sessionNo = () => Number(session.value);
  // The select cuts a long title at 300 px: the whole title is shown under it.
  const sessionTitle = h('p', { class: 'hint', id: 'session-title' });
  const showTitle = () => {
    const x = s.programme.sessions.find((y) => y.no === sessionNo());
    sessionTitle.textContent = x ? `${x.title} (${x.jp} JP)` : '';
  };
  showTitle();
  session.addEventListener('change', showTitle);
  const update = () => {
    status.textContent = token ? `${fmt(rows.length)} dari ${fmt(total)} peserta tampil (urut pendaftaran).` : `${fmt(total)} peserta terdaftar.`;
    more.hidden = !token;
    selCount.textContent = `${fmt(selected.size)} dipilih`;
    selectAll.checked = rows.length > 0 && selected.size === rows.length;
    selectAll.indeterminate = selected.size > 0 && selected.size < rows.length;
    mark.disabled = selected.size === 0;
    mark.textContent = selected.size ? `Tandai hadir sesi ${sessionNo()} (${fmt(selected.size)})` : 'Tandai hadir';
  };
  const draw = () => {
    list.replaceChildren(...rows.map((r) => h('li', { 'data-participant': r.id }, personRow(r))));
    update();
  };

  function personRow(r: Api.ParticipantRow): HTMLElement {
    const box = h('input', { type: 'checkbox', id: `pt-${r.id}`, checked: selected.has(r.id) });
    box.addEventListener('change', () => {
      if (box.checked) selected.add(r.id);
      else selected.delete(r.id);
      update();
    });
    const here = r.sessions.includes(sessionNo());
    const actions = h('span', { class: 'row-actions' });
    const ask = h('button', { type: 'button', class: 'linkish small withdraw' }, 'Undurkan');
    ask.addEventListener('click', () => {
      actions.replaceChildren(
        h('span', { class: 'small' }, `Undurkan ${r.name}? Tempatnya diberikan ke daftar tunggu. `),
        h('button', { type: 'button', class: 'btn btn-danger small', 'data-confirm': 'withdraw', onclick: () => void withdraw(r) }, 'Ya, undurkan'),
        h('button', { type: 'button', class: 'btn small', onclick: () => actions.replaceChildren(ask) }, 'Batal'),
      );
    });
    actions.append(ask);
    // JP and completion follow the sessions shown, which a marking here has just changed.
    const jp = s.programme.sessions.filter((x) => r.sessions.includes(x.no)).reduce((sum, x) => sum + x.jp, 0);
    const rule = s.programme.completion;
    const done = rule.kind === 'all' ? s.programme.sessions.every((x) => r.sessions.includes(x.no)) : jp * 100 >= rule.minPercent * s.programme.totalJp;
    return h(
      'div',
      { class: `person${here ? ' is-here' : ''}` },
      box,
      h('label', { for: `pt-${r.id}` }, h('span', { class: 'person-name' }, r.name), h('span', { class: 'small muted block' }, `${r.library} · ${r.regency}`)),
      h(
        'div',
        { class: 'person-foot small' },
        h('span', { class: 'sessions' }, r.sessions.length ? `Sesi ${r.sessions.join(', ')} · ${jp} JP` : 'Belum hadir', done ? ' ' : null, done ? badge(r.certificate ? 'Bersertifikat' : 'Selesai', 'ok') : null),
        actions,
      ),
    );
  }

  selectAll.addEventListener('change', () => {
    if (selectAll.checked) for (const r of rows) selected.add(r.id);
    else selected.clear();
    draw();
  });
  session.addEventListener('change', draw);
  more.addEventListener('click', () => {
    void busy('Memuat peserta berikutnya…', () => call('listParticipants', programmeId, { event: eventId, status: 'registered', limit: PARTICIPANT_PAGE, ...(token ? { pageToken: token } : {}) })).then(
      (next) => {
        if (gen !== state.generation) return;
        rows.push(...(next.participants ?? []));
        token = next.nextPageToken ?? null;
        draw();
      },
      (e) => showBanner({ kind: 'error', text: parseFailure(e).message }),
    );
  });

  async function refreshFigures(): Promise<void> {
    try {
      const fresh = await loadSummary(programmeId);
      const e = fresh.events.find((x) => x.id === eventId);
      if (e && gen === state.generation) figs.replaceChildren(figures(e));
    } catch {
      // The figures stay as they were; the list itself is current.
    }
  }

  mark.addEventListener('click', () => {
    const no = sessionNo();
    const ids = rows.filter((r) => selected.has(r.id)).map((r) => r.id);
    void busy(`Menandai hadir ${fmt(ids.length)} peserta…`, async () => {
      const sum = { marked: 0, already: 0, refused: [] as string[] };
      for (let i = 0; i < ids.length; i += ATTENDANCE_CALL) {
        const part = ids.slice(i, i + ATTENDANCE_CALL);
        const input = { event: eventId, session: no, participants: part };
        try {
          const r = await call('markAttendance', programmeId, input, attendanceKeys.keyFor(JSON.stringify(input)));
          attendanceKeys.settle(null);
          sum.marked += r.marked;
          sum.already += r.already;
          sum.refused.push(...(r.refused ?? []));
        } catch (e) {
          attendanceKeys.settle(parseFailure(e));
          throw e;
        }
      }
      return sum;
    }).then(
      (sum) => {
        if (gen !== state.generation) return;
        const refused = new Set(sum.refused);
        for (const r of rows) if (selected.has(r.id) && !refused.has(r.id) && !r.sessions.includes(no)) r.sessions = [...r.sessions, no].sort((a, b) => a - b);
        selected.clear();
        result.textContent = `Sesi ${no}: ${fmt(sum.marked)} ditandai hadir, ${fmt(sum.already)} sudah tercatat, ${fmt(sum.refused.length)} ditolak.`;
        if (sum.refused.length) showBanner({ kind: 'error', text: `${fmt(sum.refused.length)} peserta ditolak: tidak lagi terdaftar di kegiatan ini. Muat ulang daftar.` });
        draw();
        void refreshFigures();
      },
      (e) => showBanner({ kind: 'error', text: parseFailure(e).message }),
    );
  });

  async function withdraw(r: Api.ParticipantRow): Promise<void> {
    try {
      const out = await busy('Mengundurkan peserta…', () => call('withdrawParticipant', programmeId, r.id, actionKeys.keyFor(`withdraw:${r.id}`)));
      actionKeys.settle(null);
      if (gen !== state.generation) return;
      const at = rows.findIndex((x) => x.id === r.id);
      if (at >= 0) rows.splice(at, 1);
      selected.delete(r.id);
      total = Math.max(0, total - 1);
      draw();
      showBanner({ kind: 'ok', text: `${r.name} mengundurkan diri.${out.promoted ? ' Tempatnya diberikan kepada peserta pertama di daftar tunggu.' : ''}` });
      void refreshFigures();
    } catch (e) {
      const err = parseFailure(e);
      actionKeys.settle(err);
      showBanner({ kind: 'error', text: err.message });
    }
  }

  async function issue(): Promise<void> {
    try {
      const r = await busy('Menerbitkan sertifikat…', () => call('issueCertificates', programmeId, eventId, actionKeys.keyFor(`certificates:${eventId}`)));
      actionKeys.settle(null);
      state.summary = null;
      void showEvent(programmeId, eventId, { kind: 'ok', text: r.issued ? `${fmt(r.issued)} sertifikat diterbitkan.` : 'Tidak ada sertifikat baru: semua peserta yang selesai sudah bersertifikat.' });
    } catch (e) {
      const err = parseFailure(e);
      actionKeys.settle(err);
      showBanner({ kind: 'error', text: err.message });
    }
  }

  async function send(kind: 'sertifikat' | 'undangan'): Promise<void> {
    try {
      const r = await busy('Menyiapkan pengiriman…', () => call('startMailing', programmeId, kind, eventId, actionKeys.keyFor(`mailing:${kind}:${eventId}`)));
      actionKeys.settle(null);
      void showMailing(programmeId, r.mailingId, { kind: 'ok', text: r.created ? `Pengiriman dimulai: ${fmt(r.total)} e-mail ${kind} diantrekan.` : 'Pengiriman ini sudah dimulai sebelumnya.' });
    } catch (e) {
      const err = parseFailure(e);
      actionKeys.settle(err);
      showBanner({ kind: 'error', text: err.message });
    }
  }

  draw();
  const documents = documentsSection({ programmeId, eventId, summary: s, session: sessionNo, sessionPicker: session, alive: () => gen === state.generation && app.view === 'bimtek-event' });
  setView(
    h('button', { type: 'button', class: 'linkish back', id: 'back-programme', onclick: () => void showProgramme(programmeId) }, '← Program'),
    h('div', { class: 'view-head' }, h('h2', { id: 'event-name' }, ev.label)),
    h('p', { class: 'muted small' }, `${ev.dates} · ${modeLabel(ev.mode)}`),
    figs,
    h('div', { class: 'field' }, h('label', { for: 'session' }, 'Sesi'), session, sessionTitle),
    h('div', { class: 'select-bar' }, h('label', { class: 'choice', for: 'select-all' }, selectAll, h('span', null, 'Pilih semua yang tampil')), selCount),
    status,
    list,
    more,
    h('div', { class: 'actions sticky-actions' }, mark, result),
    h(
      'div',
      { class: 'section' },
      h('h3', { class: 'sub' }, 'Undangan'),
      h('p', { class: 'hint' }, ev.mode === 'daring' ? 'E-mail kepada setiap peserta terdaftar: tanggal, sesi, tautan rapat daring, dan tautan presensi per sesi.' : 'E-mail kepada setiap peserta terdaftar: tempat, tanggal, sesi, yang perlu dibawa, dan tautan presensi per sesi.'),
      h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'btn', id: 'send-invitations', onclick: () => void send('undangan') }, 'Kirim undangan')),
    ),
    h(
      'div',
      { class: 'section' },
      h('h3', { class: 'sub' }, 'Sertifikat'),
      h('p', { class: 'hint' }, 'Terbitkan untuk peserta yang memenuhi syarat kelulusan, lalu kirim lewat e-mail dari akun instansi penyelenggara.'),
      h(
        'div',
        { class: 'toolbar' },
        h('button', { type: 'button', class: 'btn', id: 'issue-certificates', onclick: () => void issue() }, 'Terbitkan sertifikat'),
        h('button', { type: 'button', class: 'btn', id: 'send-certificates', onclick: () => void send('sertifikat') }, 'Kirim sertifikat'),
      ),
    ),
    documents,
  );
}

// ---- A mailing's progress ----

export async function showMailing(programmeId: string, mailingId: string, flash?: Flash): Promise<void> {
  enterView('bimtek-mailing', 'bimtek', flash, 'Memuat pengiriman…');
  const gen = ++state.generation;
  const box = h('div', { id: 'mailing-progress', 'aria-live': 'polite' });
  const stamp = h('p', { class: 'hint', id: 'mailing-stamp' });
  const refresh = h('button', { type: 'button', class: 'btn', id: 'mailing-refresh' }, 'Perbarui sekarang');
  let timer: ReturnType<typeof setTimeout> | null = null;

  async function read(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    // The user went elsewhere while the timer ran: the view is gone, so is its polling.
    if (gen !== state.generation || app.view !== 'bimtek-mailing') return;
    let pr: Api.MailingProgressResponse;
    try {
      if (!state.summary || state.summary.programme.id !== programmeId) await loadSummary(programmeId);
      pr = await call('mailingProgress', programmeId, mailingId);
    } catch (e) {
      if (gen !== state.generation) return;
      stamp.textContent = `Gagal memperbarui: ${parseFailure(e).message}`;
      timer = setTimeout(() => void read(), MAILING_POLL_MS * 2);
      return;
    }
    // The user went elsewhere: no more reads.
    if (gen !== state.generation || app.view !== 'bimtek-mailing') return;
    box.replaceChildren(...progressView(pr));
    const now = new Date().toISOString();
    if (pr.queued > 0) {
      stamp.textContent = `Diperbarui otomatis setiap ${MAILING_POLL_MS / 1000} detik · terakhir ${formatTime(now, tz())}`;
      timer = setTimeout(() => void read(), MAILING_POLL_MS);
    } else {
      stamp.textContent = `Tidak ada lagi yang antre · diperiksa ${formatTime(now, tz())}`;
    }
  }
  refresh.addEventListener('click', () => void read());

  setView(
    h('button', { type: 'button', class: 'linkish back', id: 'back-programme', onclick: () => void showProgramme(programmeId) }, '← Program'),
    h('div', { class: 'view-head' }, h('h2', null, 'Pengiriman sertifikat')),
    box,
    stamp,
    h('div', { class: 'toolbar' }, refresh),
  );
  box.append(h('p', { class: 'loading' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), ' Memuat…'));
  await read();
}

function progressView(pr: Api.MailingProgressResponse): Node[] {
  const done = pr.sent + pr.failed;
  const pct = pr.total ? Math.floor((100 * pr.sent) / pr.total) : 100;
  const out: Node[] = [
    h('p', { class: 'small muted' }, pr.title),
    progressBar(pr.sent, pr.failed, pr.total, 'mailing-bar'),
    h('p', { class: 'progress-line', id: 'mailing-sent' }, h('strong', null, `${fmt(pr.sent)} dari ${fmt(pr.total)}`), ` terkirim (${pct}%)`),
    h(
      'dl',
      { class: 'figs', id: 'mailing-figures' },
      h('dt', null, 'Antre'),
      h('dd', { 'data-fig': 'queued' }, fmt(pr.queued)),
      h('dt', null, 'Gagal'),
      h('dd', { 'data-fig': 'failed', class: pr.failed ? 'late-text' : null }, fmt(pr.failed)),
      h('dt', null, pr.queued ? 'Perkiraan selesai' : 'Status'),
      h('dd', { 'data-fig': 'finish' }, pr.queued && pr.expectedFinish ? formatInstant(pr.expectedFinish, tz()) : done === pr.total ? 'Selesai' : '–'),
    ),
    h('p', { class: 'hint' }, `Setiap akun mengirim paling banyak ${fmt(pr.limits.perMinute)} e-mail per menit dan ${fmt(pr.limits.perDay)} per hari (batas Gmail).`),
  ];
  if (pr.bySender.length > 1 || state.summary?.programme.owner) {
    out.push(
      h('h3', { class: 'sub' }, 'Per akun pengirim'),
      h(
        'ul',
        { class: 'senders', id: 'mailing-senders' },
        ...pr.bySender.map((x) => {
          const total = x.sent + x.queued + x.failed;
          return h(
            'li',
            { 'data-sender': x.agencyId },
            h('span', { class: 'sender-top' }, h('span', { class: 'sender-name' }, senderName(state.summary, x.agencyId)), h('span', { class: 'n' }, `${fmt(x.sent)} / ${fmt(total)}`)),
            progressBar(x.sent, x.failed, total),
            h('span', { class: 'small muted' }, x.queued && x.expectedFinish ? `selesai ± ${formatInstant(x.expectedFinish, tz())}` : x.failed ? `${fmt(x.failed)} gagal` : 'selesai'),
          );
        }),
      ),
    );
  }
  return out;
}
