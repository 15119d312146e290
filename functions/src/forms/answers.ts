// A form response read into what the case needs: the partner, the title, the step's data and
// documents, the decision, the note, data kept on the case, and the case reference. Everything a
// stranger typed is checked here before it goes anywhere: required answers, lengths, well-formed
// text, no spreadsheet formulas or HTML, real e-mails, phones, numbers, dates (not in the past
// where the form says so) and links. Problems are listed per question, in Bahasa Indonesia.
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { FieldProblem, Partner } from '../contract.ts';
import { validateData } from '../sop/engine.ts';
import type { DataType, SopDefinition, Step } from '../sop/schema.ts';
import { KIND_TYPE, sopField, type PartnerForm, type Question } from './schema.ts';

/** A response with its answers by our question ids (the intake maps Google's question ids). */
export interface FormAnswers {
  answers: Record<string, string[]>;
  respondentEmail?: string | null;
}

export interface ReadAnswers {
  partner: Partner | null;
  title?: string;
  /** Data the form's step asks for: the step's input. */
  stepData: Record<string, unknown>;
  /** Other data: fields of later steps and the form's own, kept on the case. */
  extraData: Record<string, unknown>;
  documents: Record<string, { url: string }>;
  decision?: 'yes' | 'no';
  note?: string;
  reference?: string;
  /** A survey form's answers: the nine elements (1-4, in UNSUR's order) and the open suggestion. */
  survey?: { answers: (number | undefined)[]; saran: string | null };
}

/** Documented in the README (partner forms). */
export const ANSWER_LIMITS = { short: 300, paragraph: 5_000, listItems: 200, listItem: 300, email: 254, url: 2_000, reference: 600 } as const;

const FORMULA = /^[=+\-@]/;
const HTML = /<\s*[a-zA-Z!/?]/;
const CONTROL = /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const PHONE = /^\+?[0-9][0-9 ()-]{5,22}$/;
const OFFSET: Record<string, string> = { 'Asia/Jakarta': '+07:00', 'Asia/Makassar': '+08:00', 'Asia/Jayapura': '+09:00' };

interface Ctx {
  timeZone: string;
  now: Date;
}

/** One answer read as its kind, or the reason it cannot be (also the programme registration form's check). */
export function readOne(q: Question, raw: string, ctx: Ctx): { value: unknown } | { problem: string } {
  if (!raw.isWellFormed()) return { problem: 'memuat karakter yang tidak utuh' };
  const multiline = q.kind === 'paragraph' || q.kind === 'list';
  const text = raw.normalize('NFC').trim();
  if (CONTROL.test(text) || (!multiline && /[\r\n]/.test(text))) return { problem: 'memuat karakter kendali atau baris baru yang tidak diizinkan' };
  if (HTML.test(text)) return { problem: 'tidak boleh memuat tag HTML atau skrip' };
  const today = DateTime.fromJSDate(ctx.now, { zone: ctx.timeZone });
  switch (q.kind) {
    case 'short':
    case 'paragraph': {
      const max = q.kind === 'short' ? ANSWER_LIMITS.short : ANSWER_LIMITS.paragraph;
      if (text.length > max) return { problem: `paling panjang ${max.toLocaleString('id-ID')} karakter` };
      if (FORMULA.test(text)) return { problem: 'tidak boleh diawali =, +, - atau @' };
      return { value: text };
    }
    case 'list': {
      const items = text.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
      if (items.length > ANSWER_LIMITS.listItems) return { problem: `paling banyak ${ANSWER_LIMITS.listItems} baris` };
      if (items.some((s) => s.length > ANSWER_LIMITS.listItem)) return { problem: `setiap baris paling panjang ${ANSWER_LIMITS.listItem} karakter` };
      if (items.some((s) => FORMULA.test(s))) return { problem: 'baris tidak boleh diawali =, +, - atau @' };
      return items.length ? { value: items } : { problem: 'wajib diisi' };
    }
    case 'email':
      return text.length <= ANSWER_LIMITS.email && z.email().safeParse(text).success ? { value: text.toLowerCase() } : { problem: 'bukan alamat e-mail yang valid' };
    case 'phone': {
      const digits = text.replace(/\D/g, '');
      return PHONE.test(text) && digits.length >= 8 && digits.length <= 15 ? { value: text } : { problem: 'bukan nomor telepon yang valid (8–15 angka, boleh diawali +)' };
    }
    case 'integer':
      return /^\d{1,7}$/.test(text) ? { value: Number(text) } : { problem: 'harus bilangan bulat (0–9.999.999)' };
    case 'date': {
      const d = DateTime.fromFormat(text, 'yyyy-MM-dd', { zone: ctx.timeZone });
      if (!d.isValid) return { problem: 'bukan tanggal yang valid (TTTT-BB-HH)' };
      if (q.future && d < today.startOf('day')) return { problem: 'tanggal sudah lewat' };
      return { value: text };
    }
    case 'time':
      return /^([01]\d|2[0-3]):[0-5]\d$/.test(text) ? { value: text } : { problem: 'bukan jam yang valid (JJ:MM)' };
    case 'datetime': {
      const d = DateTime.fromFormat(text, 'yyyy-MM-dd HH:mm', { zone: ctx.timeZone });
      if (!d.isValid) return { problem: 'bukan tanggal dan jam yang valid' };
      if (q.future && d < today) return { problem: 'waktunya sudah lewat' };
      return { value: `${text.replace(' ', 'T')}:00${OFFSET[ctx.timeZone] ?? '+07:00'}` };
    }
    case 'url':
      return text.length <= ANSWER_LIMITS.url && z.url({ protocol: /^https?$/ }).safeParse(text).success ? { value: text } : { problem: 'bukan tautan http(s) yang valid' };
    case 'choice':
      return q.options?.some((o) => o.value === text) ? { value: text } : { problem: 'bukan salah satu pilihan' };
    case 'reference':
      return text.length <= ANSWER_LIMITS.reference && /^[A-Za-z0-9._-]+$/.test(text) ? { value: text } : { problem: 'kode kasus tidak dikenali' };
  }
}

/** The value as the target field's type: a one-line answer to a list field is a list of one. */
function asType(value: unknown, dataType: DataType): unknown {
  if (dataType === 'list' && typeof value === 'string') return [value];
  if (dataType === 'text' && typeof value === 'number') return String(value);
  return value;
}

/** `def` is the form's SOP; null for a survey form, which fills no SOP field. */
export function readAnswers(form: PartnerForm, def: SopDefinition | null, response: FormAnswers, ctx: Ctx): { ok: true; value: ReadAnswers } | { ok: false; problems: FieldProblem[] } {
  const step: Step | undefined = form.step !== undefined ? def?.steps.find((s) => s.no === form.step) : undefined;
  const problems: FieldProblem[] = [];
  const out: ReadAnswers = { partner: null, stepData: {}, extraData: {}, documents: {} };
  const partner: Partial<Partner> = {};
  const known = new Set(form.questions.map((q) => q.id));
  for (const qid of Object.keys(response.answers)) if (!known.has(qid)) problems.push({ path: qid, message: `Pertanyaan "${qid}" tidak ada pada formulir ini.` });
  for (const q of form.questions) {
    const given = (response.answers[q.id] ?? []).filter((v) => v.trim() !== '');
    if (given.length === 0) {
      if (q.required) problems.push({ path: q.id, message: `${q.title}: wajib diisi.` });
      continue;
    }
    if (given.length > 1) {
      problems.push({ path: q.id, message: `${q.title}: hanya satu jawaban.` });
      continue;
    }
    const r = readOne(q, given[0]!, ctx);
    if ('problem' in r) {
      problems.push({ path: q.id, message: `${q.title}: ${r.problem}.` });
      continue;
    }
    for (const t of q.to) {
      if (t === 'reference') out.reference = String(r.value);
      else if (t === 'decision') out.decision = r.value as 'yes' | 'no';
      else if (t === 'note') out.note = String(r.value);
      else if (t === 'saran') (out.survey ??= { answers: [], saran: null }).saran = String(r.value);
      else if (t.startsWith('unsur.')) (out.survey ??= { answers: [], saran: null }).answers[Number(t.slice('unsur.'.length)) - 1] = Number(r.value);
      else if (t === 'title') out.title = String(r.value);
      else if (t.startsWith('partner.')) partner[t.slice('partner.'.length) as keyof Partner] = String(r.value);
      else if (t.startsWith('document.')) out.documents[t.slice('document.'.length)] = { url: String(r.value) };
      else {
        const fieldId = t.slice('data.'.length);
        const inStep = step && def ? sopField(def, fieldId, step) : null;
        const field = inStep ?? (def ? sopField(def, fieldId) : null);
        const dataType = field?.dataType ?? KIND_TYPE[q.kind]!;
        const value = asType(r.value, dataType);
        const bad = validateData(dataType, value);
        if (bad) problems.push({ path: q.id, message: `${q.title}: ${bad}.` });
        else (inStep ? out.stepData : out.extraData)[fieldId] = value;
      }
    }
  }
  if (partner.name) out.partner = { name: partner.name, ...(partner.email ? { email: partner.email } : {}), ...(partner.phone ? { phone: partner.phone } : {}), ...(partner.address ? { address: partner.address } : {}) };
  else if (form.mode === 'open' && !problems.length) problems.push({ path: '(formulir)', message: 'Nama mitra tidak ada pada jawaban.' });
  return problems.length ? { ok: false, problems } : { ok: true, value: out };
}
