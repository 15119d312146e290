// One partner submission: its state, who sent it and when, why it was rejected or held, what each
// question got; for a rejected or held one from a form that opens a case, the answers as fields a
// staff member may correct, and the button that opens the case (as that staff member).
import type { SubmissionAnswer, SubmissionView, TransitionResponse } from '../../../../functions/src/contract.ts';
import { badge, h } from '../dom.ts';
import { field, FormFields, sendOnce } from '../fields.ts';
import { parseFailure } from '../logic/failures.ts';
import { answerText, contactDetails, correctedAnswers, multiline, otherProblems, problemsByQuestion, submissionBadge } from '../logic/submissions.ts';
import { call } from '../script-run.ts';
import { app, busy, enterView, errorPanel, type Flash, setView, syncAfterChange } from '../shell.ts';
import { showCase } from './case.ts';
import { showSubmissions } from './submissions.ts';

export async function showSubmission(id: string, flash?: Flash): Promise<void> {
  app.submissionId = id;
  enterView('submission', 'submissions', flash, 'Memuat kiriman…');
  let s: SubmissionView;
  try {
    s = await busy('Memuat kiriman…', () => call('getSubmission', id));
  } catch (e) {
    setView(backLink(), errorPanel(parseFailure(e), () => void showSubmission(id, flash)));
    return;
  }
  if (app.view !== 'submission' || app.submissionId !== id) return; // the user went elsewhere meanwhile
  setView(backLink(), head(s), why(s), s.canOpenCase ? correctionForm(s) : answersSection(s));
}

function backLink(): HTMLElement {
  return h('button', { type: 'button', class: 'linkish back', onclick: () => void showSubmissions() }, '← Kiriman mitra');
}

function head(s: SubmissionView): HTMLElement {
  const b = submissionBadge(s);
  const caseLink = s.caseId ? h('button', { type: 'button', class: 'linkish', id: 'submission-case', onclick: () => void openCase(s.caseId!) }, s.caseNomor ?? 'Buka kasus') : null;
  return h(
    'section',
    { class: 'case-head', 'aria-labelledby': 'submission-title' },
    h('h2', { id: 'submission-title' }, s.formTitle),
    h(
      'dl',
      { class: 'facts' },
      h('dt', null, 'Status'),
      h('dd', { id: 'submission-status' }, badge(b.text, b.kind)),
      h('dt', null, 'Diterima'),
      h('dd', null, s.receivedLocal),
      h('dt', null, 'Dari'),
      h('dd', null, s.contact.name ?? '–', contactDetails(s.contact) ? h('span', { class: 'muted small block' }, contactDetails(s.contact)) : null),
      caseLink ? h('dt', null, 'Kasus') : null,
      caseLink ? h('dd', null, caseLink) : null,
      s.handledBy ? h('dt', null, 'Ditangani') : null,
      s.handledBy ? h('dd', { id: 'submission-handled' }, s.handledByName ?? s.handledBy, h('span', { class: 'muted small block' }, s.handledLocal ?? '')) : null,
    ),
  );
}

/** Why it was not taken as it came: the reason, and what names no question (the case reference, the form). */
function why(s: SubmissionView): HTMLElement | null {
  if (s.status === 'accepted') return null;
  const others = otherProblems(s);
  const answers = s.formMode === 'answer' || s.formMode === 'respond';
  return h(
    'section',
    { class: 'section', id: 'submission-reason', 'aria-label': 'Alasan' },
    h('p', { class: 'note' }, h('strong', null, s.status === 'held' ? 'Ditahan: ' : 'Ditolak: '), s.reason ?? 'tanpa keterangan'),
    others.length ? h('ul', { class: 'problems' }, ...others.map((m) => h('li', null, m))) : null,
    answers && !s.handledBy ? h('p', { class: 'small muted' }, 'Kiriman ini menjawab langkah sebuah kasus, bukan permohonan baru: buka kasusnya dan catat jawaban mitra pada langkah itu (tautan formulir baru ada di kasusnya).') : null,
    h('p', { class: 'small muted' }, 'Tidak ada e-mail yang dikirim kepada mitra untuk kiriman ini.'),
  );
}

/** The answers as sent, read only, each with the problem the intake found in it. */
function answersSection(s: SubmissionView): HTMLElement {
  const problems = problemsByQuestion(s);
  const items = s.answers.flatMap((a) => [
    h('dt', null, a.title),
    h('dd', { 'data-question': a.id }, a.values.length ? a.values.join('\n') : '–', ...(problems.get(a.id) ?? []).map((m) => h('span', { class: 'field-error block' }, m))),
  ]);
  return h('section', { class: 'section', id: 'submission-answers', 'aria-labelledby': 'answers-title' }, h('h3', { id: 'answers-title' }, 'Jawaban'), h('dl', { class: 'answers' }, ...items));
}

function control(a: SubmissionAnswer): HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement {
  const id = `f-answer-${a.id}`;
  const value = answerText(a);
  if (a.options?.length && !a.options.some((o) => o.value === value) && value) a = { ...a, options: [...a.options, { value, label: `${value} (jawaban mitra, bukan pilihan)` }] };
  if (a.options?.length) return h('select', { id }, h('option', { value: '' }, '—'), ...a.options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label)));
  if (multiline(a.kind)) return h('textarea', { id, rows: 3, value });
  const type = a.kind === 'email' ? 'email' : a.kind === 'url' ? 'url' : a.kind === 'phone' ? 'tel' : 'text';
  return h('input', { id, type, value, autocomplete: 'off' });
}

const HINT: Partial<Record<string, string>> = {
  list: 'Satu butir per baris.',
  date: 'Tahun-bulan-tanggal, misalnya 2026-12-01.',
  time: 'Jam:menit, misalnya 09:30.',
  datetime: 'Tahun-bulan-tanggal jam:menit, misalnya 2026-12-01 09:30.',
  integer: 'Bilangan bulat.',
};

/** Every question as a field holding the partner's answer, its problem under it; the staff member corrects and opens the case. */
function correctionForm(s: SubmissionView): HTMLElement {
  const fields = new FormFields();
  const problems = problemsByQuestion(s);
  const controls = new Map<string, HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>();
  const form = h('form', { class: 'submission-form', id: 'submission-form', novalidate: true, 'aria-label': 'Jadikan kasus' });
  form.append(h('h3', null, 'Jawaban'), h('p', { class: 'small muted' }, 'Perbaiki jawaban yang ditandai bila perlu (misalnya setelah menghubungi mitra), lalu jadikan kasus. Jawaban mitra yang asli tetap tersimpan pada kiriman ini.'));
  for (const a of s.answers) {
    const c = control(a);
    controls.set(a.id, c);
    const hint = [a.help, HINT[a.kind]].filter(Boolean).join(' ');
    form.append(field(fields, `answers.${a.id}`, a.title, c, { optional: !a.required, ...(hint ? { hint } : {}) }));
  }
  // The intake's findings, under the questions they name, before anything is sent.
  const intake = [...problems].flatMap(([path, messages]) => messages.map((message) => ({ path: `answers.${path}`, message })));
  form.append(fields.banner, h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn-primary', id: 'submission-open' }, 'Jadikan kasus')));
  if (intake.length) queueMicrotask(() => fields.show({ code: 'INVALID_INPUT', message: s.reason ?? '', fields: intake }, 'Jawaban mitra belum valid.'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const current = Object.fromEntries([...controls].map(([id, el]) => [id, el.value]));
    void submit(s, fields, correctedAnswers(s.answers, current));
  });
  return form;
}

async function submit(s: SubmissionView, fields: FormFields, answers: Record<string, string[]>): Promise<void> {
  const input = Object.keys(answers).length ? { answers } : {};
  fields.clear();
  const r = (await sendOnce(fields, 'Membuka kasus…', ['openSubmissionCase', s.id, input], (key) => call('openSubmissionCase', s.id, input, key), (err) => void showSubmission(s.id, { kind: 'error', text: err.message }))) as TransitionResponse | null;
  if (!r) return;
  syncAfterChange(r.state.id);
  const where = r.state.currentStep !== null ? ` Kasus kini di langkah ${r.state.currentStep}.` : '';
  const replay = r.replayed ? ' (Tindakan ini sudah tercatat sebelumnya; tidak dicatat dua kali.)' : '';
  app.returnTo = 'submissions';
  void showCase(r.state.id, { kind: 'ok', text: `Kasus ${r.state.nomor} dibuka dari kiriman "${s.formTitle}".${where}${replay}` });
}

function openCase(caseId: string): void {
  app.returnTo = 'submissions';
  void showCase(caseId);
}
