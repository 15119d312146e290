// "Kiriman mitra": what partners sent through the agency's forms, newest first: accepted ones with
// their case, rejected and held ones with why. A rejected or held submission never e-mails anyone;
// staff open it here and turn it into a case by hand (./submission.ts).
import type { SubmissionView } from '../../../../functions/src/contract.ts';
import { badge, h } from '../dom.ts';
import { parseFailure } from '../logic/failures.ts';
import { contactDetails, SUBMISSION_FILTERS, submissionBadge, submissionRows, type SubmissionFilter } from '../logic/submissions.ts';
import { call } from '../script-run.ts';
import { app, busy, enterView, errorPanel, type Flash, setView } from '../shell.ts';
import { showSubmission } from './submission.ts';

/** How many the list asks for; the API's own limit is 200. */
const LIMIT = 50;

export async function showSubmissions(flash?: Flash): Promise<void> {
  app.caseId = null;
  enterView('submissions', 'submissions', flash, 'Memuat kiriman mitra…');
  const filter = app.submissionFilter;
  let reply: ReturnType<typeof submissionRows>;
  try {
    reply = submissionRows(await busy('Memuat kiriman mitra…', () => call('listSubmissions', filter === 'all' ? null : filter, LIMIT)));
  } catch (e) {
    setView(errorPanel(parseFailure(e), () => void showSubmissions()));
    return;
  }
  if (app.view !== 'submissions' || app.submissionFilter !== filter) return; // the user went elsewhere meanwhile
  const { rows, more } = reply;
  const list = rows.length
    ? h('ul', { class: 'cards', id: 'submission-list' }, ...rows.map((s) => h('li', null, submissionCard(s))))
    : h('p', { class: 'empty' }, filter === 'all' ? 'Belum ada kiriman formulir mitra.' : `Tidak ada kiriman berstatus "${SUBMISSION_FILTERS.find((f) => f.id === filter)?.label ?? filter}".`);
  setView(
    h('div', { class: 'view-head' }, h('h2', null, 'Kiriman mitra', rows.length ? h('span', { class: 'count' }, ` (${rows.length}${more ? '+' : ''})`) : null)),
    h('p', { class: 'muted small' }, 'Jawaban formulir mitra, terbaru di atas. Kiriman yang ditolak atau ditahan tidak mengirim e-mail apa pun: periksa alasannya, lalu jadikan kasus bila perlu.'),
    filterField(),
    list,
    more ? h('p', { class: 'hint' }, `Menampilkan ${rows.length} kiriman terbaru; yang lebih lama tidak ditampilkan.`) : null,
    h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'btn', onclick: () => void showSubmissions() }, 'Muat ulang')),
  );
}

function filterField(): HTMLElement {
  const select = h('select', { id: 'submission-filter' }, ...SUBMISSION_FILTERS.map((f) => h('option', { value: f.id, selected: f.id === app.submissionFilter }, f.label)));
  select.addEventListener('change', () => {
    app.submissionFilter = select.value as SubmissionFilter;
    void showSubmissions();
  });
  return h('div', { class: 'field filter' }, h('label', { for: 'submission-filter' }, 'Tampilkan'), select);
}

function submissionCard(s: SubmissionView): HTMLElement {
  const b = submissionBadge(s);
  const open = s.canOpenCase;
  return h(
    'button',
    { type: 'button', class: `card submission-row${open ? (s.status === 'held' ? ' held' : ' task-late') : ' case-done'}`, 'data-submission': s.id, onclick: () => void showSubmission(s.id) },
    h('span', { class: 'card-top' }, h('strong', null, s.formTitle), badge(b.text, b.kind)),
    h('span', { class: 'small muted' }, s.receivedLocal),
    h('span', { class: 'small' }, `Dari: ${s.contact.name ?? '–'}`),
    contactDetails(s.contact) ? h('span', { class: 'small muted' }, contactDetails(s.contact)) : null,
    s.reason && s.status !== 'accepted' ? h('span', { class: 'small clamp reason' }, s.reason) : null,
    s.caseNomor ? h('span', { class: 'small' }, `Kasus: ${s.caseNomor}`) : null,
  );
}
