// What the step form and the new-case form hold, turned into the API's request bodies: only what
// is asked for, typed, and nothing empty (empty fields are never sent).
import type { CreateCaseRequest, DataType, Kelengkapan, Partner, StepInput } from '../../../../functions/src/contract.ts';
import { idDateTimeToIso, localInputToIso, parseIdDate } from './time.ts';

/** What the form holds, as read from the DOM: strings for inputs, booleans for checkboxes. */
export interface RawStepForm {
  data: Record<string, string | boolean>;
  checklist: Record<string, boolean>;
  documents: Record<string, string>;
  note: string;
}

/** A typed value for the API, or undefined when the field is empty. */
export function dataValue(dataType: DataType, raw: string | boolean | undefined, timeZone: string): unknown {
  if (dataType === 'boolean') return raw === true;
  if (typeof raw !== 'string') return undefined;
  const v = raw.trim();
  if (v === '') return undefined;
  switch (dataType) {
    case 'number':
    case 'integer': {
      const n = Number(v.replace(',', '.'));
      // A value that is not a number is sent as typed: the API names the field and the problem.
      return Number.isFinite(n) ? n : v;
    }
    case 'datetime': {
      // Typed as "30/11/2026 14.30" (the form's two boxes joined by a space); anything unreadable
      // is sent as typed so the API names the field.
      const [date = '', time = ''] = v.split(/\s+/);
      return idDateTimeToIso(date, time, timeZone) ?? localInputToIso(v, timeZone);
    }
    case 'date':
      return parseIdDate(v) ?? v;
    case 'list': {
      const items = v.split(/\r?\n/).map((x) => x.trim()).filter((x) => x !== '');
      return items.length ? items : undefined;
    }
    default:
      return v;
  }
}

/** Which kelengkapan items the form asks the user for (assigned data and documents already on the case are not asked). */
export function documentNeedsInput(k: Kelengkapan, onCase: boolean): boolean {
  return k.type === 'document' && (k.source === 'input' || (k.source === 'case' && !onCase));
}

/** The step input from the form, in the API's shape; only what the step asks for, nothing empty. */
export function buildStepInput(kelengkapan: Kelengkapan[], raw: RawStepForm, timeZone: string, documentsOnCase: Record<string, unknown>): StepInput {
  const data: Record<string, unknown> = {};
  const checklist: Record<string, boolean> = {};
  const documents: Record<string, { url: string }> = {};
  for (const k of kelengkapan) {
    if (k.type === 'data') {
      if (k.assign) continue;
      const v = dataValue(k.dataType, raw.data[k.id], timeZone);
      if (v !== undefined) data[k.id] = v;
    } else if (k.type === 'checklist') {
      if (raw.checklist[k.id] === true) checklist[k.id] = true;
    } else if (k.type === 'document' && documentNeedsInput(k, k.id in documentsOnCase)) {
      const url = (raw.documents[k.id] ?? '').trim();
      if (url) documents[k.id] = { url };
    }
  }
  const out: StepInput = {};
  if (Object.keys(data).length) out.data = data;
  if (Object.keys(checklist).length) out.checklist = checklist;
  if (Object.keys(documents).length) out.documents = documents;
  const note = raw.note.trim();
  if (note) out.note = note;
  return out;
}

export interface PartnerForm {
  name: string;
  email: string;
  phone: string;
  address: string;
}

export function buildCreateInput(sop: string, title: string, p: PartnerForm): CreateCaseRequest & { partner: Partner } {
  const partner: Partner = { name: p.name.trim() };
  if (p.email.trim()) partner.email = p.email.trim();
  if (p.phone.trim()) partner.phone = p.phone.trim();
  if (p.address.trim()) partner.address = p.address.trim();
  return { sop, ...(title.trim() ? { title: title.trim() } : {}), partner };
}
