// A case: its header, the current step (with its form when the user can act), its documents, its
// history and, for the roles that may, its cancellation.
import type { CaseDetail, SopDescription } from '../../../../functions/src/contract.ts';
import type { ApiError } from '../../contract.ts';
import { append, badge, h } from '../dom.ts';
import { parseFailure } from '../logic/failures.ts';
import { roleLabel } from '../logic/roles.ts';
import { CASE_STATUS } from '../logic/statuses.ts';
import { call } from '../script-run.ts';
import { formatInstant } from '../logic/time.ts';
import { app, busy, enterView, errorPanel, type Flash, loadSops, setView, tz } from '../shell.ts';
import { cancelSection } from './case-cancel.ts';
import { documentsSection } from './case-documents.ts';
import { partnerLinkSection } from './case-partner-link.ts';
import { timelineSection } from './case-timeline.ts';
import { showCases } from './cases.ts';
import { showSubmissions } from './submissions.ts';
import { stepForm } from './step-form.ts';
import { showTasks } from './tasks.ts';

export async function showCase(caseId: string, flash?: Flash): Promise<void> {
  app.caseId = caseId;
  enterView('case', null, flash, 'Memuat kasus…');
  let detail: CaseDetail;
  let sops: SopDescription[] | null = null;
  try {
    [detail, sops] = await busy('Memuat kasus…', () =>
      Promise.all([call('getCase', caseId) as Promise<CaseDetail>, loadSops().catch(() => null)]),
    );
  } catch (e) {
    setView(backLink(), errorPanel(parseFailure(e), () => void showCase(caseId, flash)));
    return;
  }
  if (app.caseId !== caseId) return; // the user went elsewhere meanwhile
  const sop = sops?.find((s) => s.id === detail.case.sopId);
  setView(caseHead(detail), currentStepSection(detail, sop), partnerLinkSection(detail), documentsSection(detail.case.documents), timelineSection(detail.events, sop, detail.notices), cancelSection(detail, sop));
  watchPendingLetters(detail);
}

/** Letters being made by the worker (not recorded entries, which stay "pending" for ever). */
function pendingLetters(d: CaseDetail): number {
  return Object.values(d.case.documents ?? {}).filter((x) => x.status === 'pending' && (x.templateId || x.outboxId)).length;
}

let letterWatch: ReturnType<typeof setTimeout> | undefined;

/**
 * While letters of the case on screen are "menunggu dibuat", its documents are read again every
 * few seconds (slower the longer it takes) and only that section is redrawn, without the busy
 * state: what the user is typing in the step form stays as it is. Stops when every letter is
 * ready or failed, or when the user leaves the case.
 */
function watchPendingLetters(d: CaseDetail, delay = 3000): void {
  clearTimeout(letterWatch);
  if (!pendingLetters(d)) return;
  const caseId = d.case.id;
  letterWatch = setTimeout(() => {
    if (app.caseId !== caseId || app.view !== 'case') return;
    call('getCase', caseId).then(
      (fresh) => {
        if (app.caseId !== caseId || app.view !== 'case' || !fresh?.case) return;
        document.getElementById('documents')?.replaceWith(documentsSection(fresh.case.documents));
        watchPendingLetters(fresh, Math.min(delay * 1.5, 30_000));
      },
      () => watchPendingLetters(d, Math.min(delay * 2, 30_000)),
    );
  }, delay);
}

/**
 * After a refusal saying the case changed meanwhile: the case again, fresh, with one message
 * saying what happened and what to do (not the API's versions, which mean nothing to a clerk).
 */
export function reloadCase(caseId: string, err: ApiError): void {
  void showCase(caseId, { kind: 'error', text: staleMessage(err) });
}

function staleMessage(err: ApiError): string {
  switch (err.code) {
    case 'CASE_CLOSED':
      return 'Kasus ini sudah selesai atau dibatalkan oleh orang lain; isian Anda tidak disimpan. Tampilan di bawah sudah yang terbaru.';
    case 'WRONG_ROLE':
      return 'Langkah ini bukan untuk peran Anda; isian tidak disimpan. Tampilan di bawah sudah yang terbaru.';
    default:
      return 'Kasus ini baru saja diubah orang lain (atau di tab lain), jadi isian Anda tidak disimpan. Tampilan di bawah sudah yang terbaru: periksa langkah saat ini, lalu isi lagi bila masih perlu.';
  }
}

/** "← Tugas saya", "← Semua kasus" or "← Kiriman mitra": back to the list the case was opened from. */
function backLink(): HTMLElement {
  const back = { tasks: ['← Tugas saya', showTasks], cases: ['← Semua kasus', showCases], submissions: ['← Kiriman mitra', showSubmissions] } as const;
  const [label, show] = back[app.returnTo];
  return h('button', { type: 'button', class: 'linkish back', onclick: () => void show() }, label);
}

function caseHead(d: CaseDetail): HTMLElement {
  const c = d.case;
  const late = c.status === 'open' && c.dueAt !== null && Date.now() > new Date(c.dueAt).getTime();
  const statusKind = c.status === 'open' ? (late ? 'late' : 'info') : c.status === 'closed' ? 'ok' : 'muted';
  return h(
    'section',
    { class: 'case-head', 'aria-labelledby': 'case-nomor' },
    h(
      'div',
      { class: 'head-links' },
      backLink(),
      h('button', { type: 'button', class: 'linkish', id: 'reload-case', onclick: () => void showCase(c.id) }, 'Muat ulang'),
    ),
    h('h2', { id: 'case-nomor' }, c.nomor),
    h('p', { class: 'muted small' }, c.sopTitle),
    c.title ? h('p', { class: 'case-title' }, c.title) : null,
    h(
      'dl',
      { class: 'facts' },
      h('dt', null, 'Mitra'),
      h('dd', null, c.partner?.name ?? '–', c.partner?.email ? h('span', { class: 'muted small block' }, c.partner.email) : null),
      h('dt', null, 'Status'),
      h('dd', { id: 'case-status' }, badge(CASE_STATUS[c.status] ?? c.status, statusKind), late ? badge('Terlambat', 'late') : null),
      c.outcome ? h('dt', null, 'Hasil') : null,
      c.outcome ? h('dd', null, c.outcome) : null,
    ),
  );
}

/** Why a decision brought the case here: "Dikembalikan oleh <name>: <reason>", at the top of the step. */
function returnedNotice(d: CaseDetail): HTMLElement | null {
  const r = d.case.returned;
  if (!r) return null;
  const head = r.back ? `Dikembalikan oleh ${r.by}` : `Keputusan langkah ${r.step} oleh ${r.by} ("${r.label}")`;
  return h(
    'div',
    { class: 'returned', id: 'returned-notice', role: 'note' },
    h('strong', null, `${head}: `),
    r.reason ?? '(tanpa alasan)',
    h('div', { class: 'small muted' }, `${r.back ? `Langkah ${r.step} "${r.label}" · ` : ''}${formatInstant(r.at, tz())}${r.back ? ' · isian sebelumnya sudah terisi di bawah; ubah yang diminta.' : ''}`),
  );
}

function currentStepSection(d: CaseDetail, sop: SopDescription | undefined): HTMLElement {
  const c = d.case;
  const step = d.currentStep;
  const sec = h('section', { class: 'section current', id: 'current-step', 'aria-labelledby': 'current-title' }, h('h3', { id: 'current-title' }, 'Langkah saat ini'));
  if (!step) {
    sec.append(h('p', null, c.status === 'cancelled' ? 'Kasus ini sudah dibatalkan.' : 'Kasus ini sudah selesai; tidak ada langkah lagi.'));
    return sec;
  }
  const late = c.dueAt !== null && Date.now() > new Date(c.dueAt).getTime();
  const actors = step.actors.map((r) => roleLabel(sop, r)).join(' atau ');
  append(
    sec,
    returnedNotice(d),
    h('p', { class: 'step-title' }, h('span', { class: 'step-no' }, `Langkah ${step.no}`), ' ', step.activity),
    step.performer === 'partner' || step.performer === 'institution'
      ? h(
          'p',
          { class: 'note' },
          `Langkah ini dilakukan oleh ${step.performerLabel ?? (step.performer === 'partner' ? 'mitra' : 'instansi lain')}; petugas mengisinya dan tindakan dicatat atas nama mitra/instansi.`,
        )
      : null,
    h(
      'dl',
      { class: 'facts' },
      h('dt', null, 'Pelaksana'),
      h('dd', null, actors),
      h('dt', null, 'Standar waktu'),
      h('dd', null, step.standard?.label ?? step.waktu ?? 'tidak ditentukan'),
      h('dt', null, 'Batas waktu'),
      h('dd', null, d.dueLocal ?? 'tidak ada', late ? badge('Terlambat', 'late') : null),
    ),
  );
  if (step.canAct) sec.append(stepForm(d, step));
  else sec.append(h('p', { class: 'muted' }, `Langkah ini dikerjakan oleh ${actors}. Anda dapat melihat kasus ini, tetapi tidak dapat mengisi langkahnya.`));
  return sec;
}
