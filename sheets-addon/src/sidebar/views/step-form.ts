// The form of the current step, generated from its kelengkapan (data, checklist, documents), with
// the step's buttons: one to complete it, or the two exits of a decision.
import type { CaseDetail, CaseDocument, CaseEvent, CaseState, Kelengkapan, PlannedLetter, StepActionRequest } from '../../../../functions/src/contract.ts';
import { append, type Child, h, link } from '../dom.ts';
import { field, FormFields, sendOnce } from '../fields.ts';
import { buildStepInput, documentNeedsInput, type RawStepForm } from '../logic/form-input.ts';
import { exitFor, producible, type StepView } from '../logic/steps.ts';
import { idDateTimeToIso, isoDateToId, isoToIdParts, parseIdDate, zoneName } from '../logic/time.ts';
import { call } from '../script-run.ts';
import { syncAfterChange, tz } from '../shell.ts';
import { reloadCase, showCase } from './case.ts';

type Decision = 'yes' | 'no';

/** The controls the user fills in, by kelengkapan id, read back on submit. */
interface StepControls {
  data: Map<string, HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>;
  /** Lists chosen from fixed options: the ticked boxes, by option value. */
  choices: Map<string, HTMLInputElement[]>;
  /** The time box of each date-time item (its date box is in `data`). */
  times: Map<string, HTMLInputElement>;
  checklist: Map<string, HTMLInputElement>;
  documents: Map<string, HTMLInputElement>;
}

/** The exits of this step that need a reason (the note), as the API describes them. */
function reasonExits(step: StepView): Decision[] {
  if (step.kind !== 'decision') return [];
  return (['yes', 'no'] as const).filter((d) => exitFor(step, d)?.reasonRequired === true);
}

export function stepForm(d: CaseDetail, step: StepView): HTMLElement {
  const c = d.case;
  const fields = new FormFields();
  const form = h('form', { class: 'step-form', novalidate: true, 'aria-label': `Isian langkah ${step.no}` });
  const controls: StepControls = { data: new Map(), choices: new Map(), times: new Map(), checklist: new Map(), documents: new Map() };
  const { checklist, office, produced } = appendKelengkapan(form, fields, controls, step, c);
  if (checklist.length) form.append(h('fieldset', { class: 'checklist' }, h('legend', null, 'Daftar periksa'), ...checklist));
  if (office.length) form.append(h('p', { class: 'info small' }, `Perlengkapan: ${office.join(', ')}.`));
  const carried = step.kind === 'decision' && step.branchFrom !== undefined ? c.decisions[String(step.branchFrom)] : undefined;
  const letters = Array.isArray(d.letters) ? d.letters : [];
  if (letters.length) form.append(lettersBox(letters, step));
  else {
    const makes = [...(step.produces ?? []), ...(exitFor(step, carried)?.produces ?? [])].map((p) => p.label);
    for (const p of produced) if (!makes.includes(p)) makes.push(p);
    if (makes.length) form.append(h('p', { class: 'info small' }, `Langkah ini menghasilkan: ${makes.join(', ')}.`));
  }

  const needReason = reasonExits(step);
  const note = h('textarea', { id: `f-note-${step.no}`, rows: 2 });
  const reasonLabels = needReason.map((x) => `"${exitLabel(step, x)}"`).join(' atau ');
  form.append(
    needReason.length
      ? field(fields, 'note', 'Catatan / alasan', note, { optional: true, hint: `Wajib diisi bila memilih ${reasonLabels}: alasannya ditampilkan kepada yang mengerjakan langkah berikutnya.` })
      : field(fields, 'note', 'Catatan', note, { optional: true }),
  );
  prefillFromLastTime(d, step, controls);

  const submit = (decision: Decision | null) => void submitStep(d, step, fields, controls, () => readControls(controls, note), decision);
  const buttons = h('div', { class: 'actions', id: 'step-actions' });
  const decisionErr = h('p', { class: 'field-error', id: `decision-err-${step.no}`, hidden: true });
  fields.register('decision', buttons, decisionErr);
  appendButtons(form, buttons, step, carried, submit);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (step.kind !== 'decision') submit(null);
  });
  const warning = sendWarning(letters, step, carried);
  form.append(fields.banner, ...(warning ? [warning] : []), buttons, decisionErr);
  return form;
}

const exitLabel = (step: StepView, decision: Decision) => exitFor(step, decision)?.label ?? (decision === 'yes' ? 'Ya' : 'Tidak');

function letterLine(l: PlannedLetter): string {
  const parts = [l.label];
  if (l.numbered) parts.push('bernomor dari buku agenda surat');
  if (l.emailTo) parts.push(`dikirim lewat e-mail ke ${l.emailTo} begitu langkah disimpan`);
  else if (l.noAddress) parts.push('hanya dibuat: kasus tidak memuat e-mail mitra, jadi tidak dikirim');
  else parts.push('dibuat, tidak dikirim lewat e-mail');
  return parts.join(' · ');
}

/** The letters the step makes, on each exit of a decision separately, and where each goes. */
function lettersBox(letters: PlannedLetter[], step: StepView): HTMLElement {
  const groups: [string | null, PlannedLetter[]][] = [
    [null, letters.filter((l) => l.decision === null)],
    [`Bila "${exitLabel(step, 'yes')}":`, letters.filter((l) => l.decision === 'yes')],
    [`Bila "${exitLabel(step, 'no')}":`, letters.filter((l) => l.decision === 'no')],
  ];
  return h(
    'div',
    { class: 'letters', id: 'step-letters' },
    h('h4', null, 'Surat dari langkah ini'),
    ...groups
      .filter(([, ls]) => ls.length)
      .flatMap(([when, ls]): HTMLElement[] => [...(when ? [h('p', { class: 'when' }, when)] : []), h('ul', null, ...ls.map((l) => h('li', { 'data-letter': l.id, 'data-decision': l.decision ?? '' }, letterLine(l))))]),
  );
}

/**
 * Said right above the buttons: what is e-mailed, to whom, when, and that it cannot be recalled.
 * For a decision, per exit; for a carried decision, only the exit it takes.
 */
function sendWarning(letters: PlannedLetter[], step: StepView, carried: Decision | undefined): HTMLElement | null {
  const sent = letters.filter((l) => l.emailTo && (!carried || l.decision === null || l.decision === carried));
  if (!sent.length) return null;
  const line = (ls: PlannedLetter[]) => ls.map((l) => `${l.label} ke ${l.emailTo}`).join('; ');
  const always = sent.filter((l) => l.decision === null);
  const byExit = (['yes', 'no'] as const).map((x) => [x, sent.filter((l) => l.decision === x)] as const).filter(([, ls]) => ls.length);
  return h(
    'div',
    { class: 'send-warning', id: 'send-warning', role: 'note' },
    h('strong', null, 'E-mail ke mitra: '),
    always.length ? `begitu langkah ini disimpan, ${line(always)} dikirim. ` : '',
    ...byExit.map(([x, ls]) => `Bila "${exitLabel(step, x)}": ${line(ls)} dikirim. `),
    'Periksa alamatnya: e-mail yang sudah terkirim tidak dapat ditarik kembali.',
  );
}

/**
 * When the step was done before (the work came back to it), its previous input is filled in, so
 * only what the reviewer asked to change needs typing.
 */
function prefillFromLastTime(d: CaseDetail, step: StepView, controls: StepControls): void {
  const last = [...(d.events ?? [])].reverse().find((e) => e.step === step.no && (e.action === 'complete' || e.action === 'decide'));
  if (!last) return;
  const input = (last.input ?? {}) as { data?: Record<string, unknown>; checklist?: Record<string, boolean> };
  for (const [id, el] of controls.data) {
    const v = input.data?.[id];
    if (v === undefined || v === null) continue;
    if (el instanceof HTMLInputElement && el.type === 'checkbox') el.checked = v === true;
    else if (Array.isArray(v)) el.value = v.map(String).join('\n');
    else if (controls.times.has(id) && typeof v === 'string') {
      const parts = isoToIdParts(v, tz());
      if (parts) {
        el.value = parts.date;
        controls.times.get(id)!.value = parts.time;
      }
    } else if (el.dataset.kind === 'date' && typeof v === 'string') el.value = isoDateToId(v);
    else el.value = String(v);
  }
  for (const [id, boxes] of controls.choices) {
    const v = input.data?.[id];
    if (Array.isArray(v)) for (const b of boxes) b.checked = v.includes(b.value);
  }
  for (const [id, el] of controls.checklist) if (input.checklist?.[id] === true) el.checked = true;
}

/**
 * The fields of the step's data and documents, in the SOP's order. Checklist items, office
 * supplies and the documents the step produces are returned to be shown together after them.
 */
function appendKelengkapan(
  form: HTMLElement,
  fields: FormFields,
  controls: StepControls,
  step: StepView & { suggested?: Record<string, string> },
  c: CaseState,
): { checklist: HTMLElement[]; office: string[]; produced: string[] } {
  const checklist: HTMLElement[] = [];
  const office: string[] = [];
  const produced: string[] = [];
  for (const k of step.kelengkapan) {
    if (k.type === 'data') {
      form.append(dataField(k, fields, controls, step.suggested?.[k.id], k.when && step.kind === 'decision' ? exitLabel(step, k.when) : undefined));
    } else if (k.type === 'checklist') {
      const control = h('input', { type: 'checkbox', id: `f-checklist-${k.id}` });
      controls.checklist.set(k.id, control);
      checklist.push(field(fields, `checklist.${k.id}`, k.label, control, { inline: true }));
    } else if (k.type === 'document') {
      if (k.source === 'produced') produced.push(k.label);
      else append(form, documentField(k, c.documents[k.id], fields, controls));
    } else if (k.type === 'office') {
      office.push(k.label);
    }
  }
  return { checklist, office, produced };
}

const DATA_HINT: Partial<Record<string, string>> = {
  list: 'Satu butir per baris.',
  boolean: 'Centang bila ya.',
  month: 'Bulan dan tahun.',
};

type DataItem = Extract<Kelengkapan, { type: 'data' }>;

/**
 * A data item: its control, or a note that the API fills it in itself (`assign`). A suggested value
 * (a recipient's jabatan from the institution's kind) is filled in for the user to check or change;
 * a field asked only on one exit of a decision says which.
 */
function dataField(k: DataItem, fields: FormFields, controls: StepControls, suggested: string | undefined, onlyOn: string | undefined): HTMLElement {
  if (k.assign) {
    return h('div', { class: 'field field-auto', 'data-field': `data.${k.id}` }, h('span', { class: 'label' }, k.label), h('span', { class: 'auto' }, 'diisi otomatis'));
  }
  const hints: string[] = [];
  if (onlyOn) hints.push(k.optional ? `Hanya dipakai bila memilih "${onlyOn}".` : `Wajib bila memilih "${onlyOn}".`);
  if (k.dataType === 'datetime' && !k.options?.length) return dateTimeField(k, fields, controls, hints);
  if (k.options?.length && k.dataType === 'list') return choicesField(k, fields, controls, hints);
  const control = k.options?.length ? optionsControl(k, `f-data-${k.id}`) : dataControl(k, `f-data-${k.id}`);
  if (suggested !== undefined && !(control instanceof HTMLInputElement && control.type === 'checkbox')) {
    control.value = suggested;
    hints.push('Terisi dari data kasus; periksa dan ubah bila perlu.');
  }
  controls.data.set(k.id, control);
  const typeHint = k.options?.length ? undefined : k.dataType === 'date' ? 'Tanggal/bulan/tahun, misalnya 30/11/2026.' : DATA_HINT[k.dataType];
  if (typeHint) hints.unshift(typeHint);
  if (k.maxItems) hints.push(`Paling banyak ${k.maxItems} butir.`);
  return field(fields, `data.${k.id}`, k.label, control, { ...(hints.length ? { hint: hints.join(' ') } : {}), optional: !!k.optional, inline: k.dataType === 'boolean' });
}

/**
 * A date and a 24-hour time in the agency's zone, typed in two boxes ("30/11/2026", "14.30"):
 * the browser's own date-time picker follows its locale (mm/dd/yyyy, AM/PM), these do not.
 */
function dateTimeField(k: DataItem, fields: FormFields, controls: StepControls, hints: string[]): HTMLElement {
  const id = `f-data-${k.id}`;
  const date = h('input', { id, type: 'text', class: 'd', inputmode: 'numeric', autocomplete: 'off', placeholder: 'hh/bb/tttt', 'aria-label': `${k.label}: tanggal` });
  const time = h('input', { id: `${id}-jam`, type: 'text', class: 't', inputmode: 'numeric', autocomplete: 'off', placeholder: 'jj.mm', 'aria-label': `${k.label}: jam (24 jam)` });
  controls.data.set(k.id, date);
  controls.times.set(k.id, time);
  const hint = [`Tanggal hh/bb/tttt dan jam 24 jam jj.mm, waktu ${zoneName(tz())}; misalnya 30/11/2026 14.30.`, ...hints].join(' ');
  const wrapper = field(fields, `data.${k.id}`, k.label, date, { hint, optional: !!k.optional });
  // The time box sits beside the date box; an edit of either clears the field's error.
  const row = h('div', { class: 'datetime' });
  date.replaceWith(row);
  row.append(date, time);
  time.addEventListener('input', () => date.dispatchEvent(new Event('change')));
  return wrapper;
}

/** Several of the item's options, as ticked boxes under the item's label. */
function choicesField(k: DataItem, fields: FormFields, controls: StepControls, hints: string[]): HTMLElement {
  const id = `f-data-${k.id}`;
  const boxes = k.options!.map((o) => h('input', { type: 'checkbox', value: o.value, id: `${id}-${o.value}` }));
  controls.choices.set(k.id, boxes);
  const err = h('p', { class: 'field-error', id: `${id}-err`, hidden: true });
  const group = h('fieldset', { class: 'choices', id, 'aria-describedby': `${id}-err` }, h('legend', null, k.label, k.optional ? h('span', { class: 'optional' }, ' (opsional)') : null));
  for (const [i, b] of boxes.entries()) group.append(h('label', { class: 'choice', for: b.id }, b, ` ${k.options![i]!.label}`));
  fields.register(`data.${k.id}`, group, err);
  return h('div', { class: 'field', 'data-field': `data.${k.id}` }, group, hints.length ? h('p', { class: 'hint' }, hints.join(' ')) : null, err);
}

/** One value of the item's options; an optional item may be left at "—". */
function optionsControl(k: DataItem, id: string): HTMLSelectElement {
  return h('select', { id }, ...(k.optional ? [h('option', { value: '' }, '—')] : [h('option', { value: '', disabled: true, selected: true }, 'Pilih…')]), ...k.options!.map((o) => h('option', { value: o.value }, o.label)));
}

function dataControl(k: DataItem, id: string): HTMLInputElement | HTMLTextAreaElement {
  switch (k.dataType) {
    case 'longtext':
      return h('textarea', { id, rows: 3 });
    case 'list':
      return h('textarea', { id, rows: 3 });
    case 'number':
      return h('input', { id, type: 'number', step: 'any', inputmode: 'decimal' });
    case 'integer':
      return h('input', { id, type: 'number', step: 1, min: 0, inputmode: 'numeric' });
    case 'date': {
      const el = h('input', { id, type: 'text', inputmode: 'numeric', autocomplete: 'off', placeholder: 'hh/bb/tttt' });
      el.dataset.kind = 'date';
      return el;
    }
    case 'month':
      return h('input', { id, type: 'month', placeholder: 'YYYY-MM' });
    case 'email':
      return h('input', { id, type: 'email', autocomplete: 'off' });
    case 'url':
      return h('input', { id, type: 'url', placeholder: 'https://' });
    case 'boolean':
      return h('input', { id, type: 'checkbox' });
    default:
      return h('input', { id, type: 'text' });
  }
}

/** A document the user links (optional when the case has it already), or a mark that the case has it. */
function documentField(k: Extract<Kelengkapan, { type: 'document' }>, onCase: CaseDocument | undefined, fields: FormFields, controls: StepControls): HTMLElement | null {
  if (documentNeedsInput(k, !!onCase)) {
    const control = h('input', { type: 'url', id: `f-documents-${k.id}`, placeholder: 'https://' });
    controls.documents.set(k.id, control);
    const hint: Child = onCase
      ? h('span', null, 'Sudah ada: ', onCase.url ? link(onCase.url, onCase.title ?? onCase.label) : onCase.label, '. Isi hanya untuk menggantinya.')
      : 'Tautan dokumen (Google Drive/Docs atau alamat lain).';
    return field(fields, `documents.${k.id}`, k.label, control, { hint, optional: !!onCase });
  }
  if (!onCase) return null;
  return h(
    'div',
    { class: 'field field-doc', 'data-field': `documents.${k.id}` },
    h('span', { class: 'label' }, k.label),
    h('span', { class: 'doc-present' }, '✓ ada pada kasus', onCase.url ? ' · ' : '', onCase.url ? link(onCase.url, 'buka') : ''),
  );
}

/**
 * The step's buttons. A decision has one button per exit; a decision that follows an earlier one
 * (`branchFrom`) has only the exit already decided there, with a note saying so.
 */
function appendButtons(form: HTMLElement, buttons: HTMLElement, step: StepView, carried: Decision | undefined, submit: (decision: Decision | null) => void): void {
  if (step.kind !== 'decision' || !step.ifYes || !step.ifNo) {
    buttons.append(h('button', { type: 'submit', class: 'btn btn-primary' }, step.kind === 'terminator' ? 'Selesaikan dan tutup kasus' : 'Selesaikan langkah'));
    return;
  }
  if (step.question) form.append(h('p', { class: 'question' }, step.question));
  if (step.branchFrom !== undefined && carried) {
    const exit = carried === 'yes' ? step.ifYes : step.ifNo;
    form.append(h('p', { class: 'note' }, `Mengikuti keputusan langkah ${step.branchFrom}: ${carried === 'yes' ? 'YA' : 'TIDAK'}.`));
    buttons.append(h('button', { type: 'button', class: 'btn btn-primary', 'data-decision': carried, onclick: () => submit(carried) }, exit.label));
    return;
  }
  buttons.append(
    h('button', { type: 'button', class: 'btn btn-primary', 'data-decision': 'yes', onclick: () => submit('yes') }, step.ifYes.label),
    h('button', { type: 'button', class: 'btn btn-secondary', 'data-decision': 'no', onclick: () => submit('no') }, step.ifNo.label),
  );
}

function readControls(controls: StepControls, note: HTMLTextAreaElement): RawStepForm {
  const raw: RawStepForm = { data: {}, checklist: {}, documents: {}, note: note.value };
  for (const [id, el] of controls.data) {
    const time = controls.times.get(id);
    raw.data[id] = el instanceof HTMLInputElement && el.type === 'checkbox' ? el.checked : time ? `${el.value.trim()} ${time.value.trim()}`.trim() : el.value;
  }
  for (const [id, boxes] of controls.choices) raw.data[id] = boxes.filter((b) => b.checked).map((b) => b.value).join('\n');
  for (const [id, el] of controls.checklist) raw.checklist[id] = el.checked;
  for (const [id, el] of controls.documents) raw.documents[id] = el.value;
  return raw;
}

/** takeStep's answer, read defensively: any part may be missing. */
type StepResult = { state?: Pick<CaseState, 'currentStep' | 'status' | 'outcome' | 'nomor'>; event?: Partial<Pick<CaseEvent, 'produced'>>; replayed?: boolean };

/** Problems the form can name before sending: unreadable dates and times, a missing reason. */
function checkBeforeSending(step: StepView, controls: StepControls, raw: RawStepForm, decision: Decision | null): { key: string; message: string } | null {
  for (const [id, el] of controls.data) {
    const typed = el.value.trim();
    const time = controls.times.get(id);
    if (time) {
      if (!typed && !time.value.trim()) continue;
      if (!idDateTimeToIso(typed, time.value, tz())) return { key: `data.${id}`, message: 'Tulis tanggal sebagai hh/bb/tttt (misalnya 30/11/2026) dan jam 24 jam sebagai jj.mm (misalnya 14.30).' };
    } else if (el.dataset.kind === 'date' && typed && !parseIdDate(typed)) {
      return { key: `data.${id}`, message: 'Tulis tanggal sebagai hh/bb/tttt, misalnya 30/11/2026.' };
    }
  }
  // A required field asked only on this exit (a refusal's reason) is named before anything is sent.
  for (const k of step.kelengkapan) {
    if (k.type !== 'data' || !decision || k.when !== decision || k.optional || k.assign) continue;
    const v = raw.data[k.id];
    if (v === undefined || v === false || (typeof v === 'string' && !v.trim())) return { key: `data.${k.id}`, message: `${k.label} wajib diisi untuk "${exitLabel(step, decision)}".` };
  }
  if (decision && reasonExits(step).includes(decision) && !raw.note.trim()) {
    return { key: 'note', message: `Tulis alasannya: mengapa "${exitLabel(step, decision)}".` };
  }
  return null;
}

async function submitStep(d: CaseDetail, step: StepView, fields: FormFields, controls: StepControls, read: () => RawStepForm, decision: Decision | null): Promise<void> {
  const caseId = d.case.id;
  const raw = read();
  const problem = checkBeforeSending(step, controls, raw, decision);
  if (problem) {
    fields.invalid(problem.key, problem.message);
    return;
  }
  // A field asked only on the other exit is not sent: a reason typed and then not used is no reason.
  const asked = step.kelengkapan.filter((k) => k.type !== 'data' || !k.when || k.when === decision);
  const input = buildStepInput(asked, raw, tz(), d.case.documents);
  const action: StepActionRequest = {
    type: decision ? 'decide' : 'complete',
    step: step.no,
    ...(decision ? { decision } : {}),
    expectedVersion: d.case.version,
    ...input,
  };
  fields.clear();
  const result = (await sendOnce(fields, 'Menyimpan langkah…', ['takeStep', caseId, action], (key) => call('takeStep', caseId, action, key), (err) => reloadCase(caseId, err))) as StepResult | null;
  if (!result) return;
  syncAfterChange(caseId);
  void showCase(caseId, { kind: 'ok', text: `Langkah ${step.no} tersimpan.${stepOutcome(result, step)}` });
}

/** What the confirmation adds after "Langkah N tersimpan.": where the case went, what was produced, a replay. */
function stepOutcome(result: StepResult, step: StepView): string {
  const st = result.state;
  const next = !st ? '' : st.status === 'closed' ? ` Kasus selesai${st.outcome ? `: ${st.outcome}` : '.'}` : st.currentStep !== null ? ` Kasus kini di langkah ${st.currentStep}.` : '';
  const produced = result.event?.produced?.length ? ` Dokumen yang dibuat: ${result.event.produced.map((id) => producible(step).find((p) => p.id === id)?.label ?? id).join(', ')}.` : '';
  const replay = result.replayed ? ' (Tindakan ini sudah tercatat sebelumnya; tidak dicatat dua kali.)' : '';
  return `${next}${produced}${replay}`;
}
