// Partner forms are data, like the SOPs: which SOP a form opens or answers, its questions in
// Bahasa Indonesia, and where each answer goes on the case. Validated whenever loaded, and against
// the SOP it serves, so an agency that edits a form cannot point an answer at a field that is not
// there or give it the wrong type.
import { z } from 'zod';
import type { DataType, SopDefinition, Step } from '../sop/schema.ts';

const id = z.string().regex(/^[a-z][a-z0-9_]*$/, 'id harus huruf kecil, angka atau garis bawah');

/** How the question is asked in Google Forms, and how its answer is read. */
export const questionKindSchema = z.enum([
  'short', // one line of text
  'paragraph', // several lines
  'list', // one item per line (titles, subjects)
  'email',
  'phone',
  'integer',
  'date', // YYYY-MM-DD
  'time', // HH:MM
  'datetime', // YYYY-MM-DD HH:MM, in the agency's time zone
  'url', // a link (Forms API cannot create upload questions)
  'choice', // one of `options`
  'reference', // the signed case reference a prefilled link carries (answer forms)
]);
export type QuestionKind = z.infer<typeof questionKindSchema>;

/**
 * Where an answer goes: the case's partner, its title, a data field (of the SOP, or a field of the
 * form's own, kept on the case), a document link, the decision of a decision step, the note, or
 * the case reference.
 */
export const targetSchema = z.union([
  z.enum(['partner.name', 'partner.email', 'partner.phone', 'partner.address', 'title', 'decision', 'note', 'reference', 'saran']),
  z.string().regex(/^(data|document)\.[a-z][a-z0-9_]*$/, 'tujuan harus data.<id> atau document.<id>'),
  // An IKM element (Permenpan-RB 14/2017, in the order of standards/ikm.ts UNSUR) on a survey form.
  z.string().regex(/^unsur\.[1-9]$/, 'tujuan unsur harus unsur.1 sampai unsur.9'),
]);
export type Target = z.infer<typeof targetSchema>;

export const questionSchema = z.object({
  id,
  title: z.string().min(1),
  help: z.string().optional(),
  kind: questionKindSchema,
  required: z.boolean(),
  options: z.array(z.object({ value: z.string().min(1), label: z.string().min(1) })).optional(),
  /** Dates and times that must not be in the past (a desired visit date). */
  future: z.boolean().optional(),
  to: z.array(targetSchema).min(1),
});
export type Question = z.infer<typeof questionSchema>;

export const partnerFormSchema = z
  .object({
  id,
  version: z.number().int().positive(),
  /** The SOP the form serves; a survey form has none: it serves every SOP, the case its code names says which. */
  sopId: id.optional(),
  title: z.string().min(1),
  description: z.string().min(1),
  /**
   * open: a response opens a case (completing `step` in the same transaction when the partner
   * performs the start step); answer: a response takes `step` of an existing case, named by the
   * signed reference of its prefilled link; respond: a response is recorded on the case at one of
   * `steps` without moving it (the partner's reply while staff work on that step); survey: a
   * response is the IKM questionnaire of a closed case (named by the signed code of the link sent
   * when it closed), recorded once as a survey of that case's SOP, never moving the case.
   */
  mode: z.enum(['open', 'answer', 'respond', 'survey']),
  step: z.number().int().positive().optional(),
  steps: z.array(z.number().int().positive()).optional(),
  /** What happens next, for the receipt e-mail. */
  next: z.string().min(1),
  questions: z.array(questionSchema).min(1),
  })
  .refine((f) => (f.mode === 'survey') === (f.sopId === undefined), { message: 'sopId wajib untuk formulir SOP dan tidak boleh ada pada formulir survei', path: ['sopId'] });
export type PartnerForm = z.infer<typeof partnerFormSchema>;

/** The SOP a form of an SOP serves (every mode but survey has one: the schema says so). */
export function formSop(form: PartnerForm): string {
  if (form.sopId === undefined) throw new Error(`form ${form.id} (${form.mode}) serves no single SOP`);
  return form.sopId;
}

/** The data type a question's answer becomes when it goes to a form-only data field. */
export const KIND_TYPE: Record<QuestionKind, DataType | null> = {
  short: 'text',
  paragraph: 'longtext',
  list: 'list',
  email: 'email',
  phone: 'text',
  integer: 'integer',
  date: 'date',
  time: 'text',
  datetime: 'datetime',
  url: 'url',
  choice: 'text',
  reference: null,
};

/** The kinds a question may have to feed a field of each data type of the SOP. */
const FITS: Record<DataType, QuestionKind[]> = {
  text: ['short', 'phone', 'time', 'choice', 'email', 'integer'],
  longtext: ['paragraph', 'short', 'list'],
  number: ['integer'],
  integer: ['integer'],
  date: ['date'],
  month: ['short'],
  datetime: ['datetime'],
  email: ['email'],
  url: ['url'],
  boolean: ['choice'],
  list: ['list', 'short'],
};

/** The SOP's data field by id, and the step that asks for it. */
export function sopField(def: SopDefinition, fieldId: string, only?: Step): { step: Step; dataType: DataType; assign: boolean } | null {
  for (const step of only ? [only] : def.steps) {
    const k = step.kelengkapan.find((x) => x.id === fieldId && x.type === 'data');
    if (k && k.type === 'data') return { step, dataType: k.dataType, assign: k.assign !== undefined };
  }
  return null;
}

/** The values a survey element's answer takes: the regulation's scale, 1 (worst) to 4 (best). */
export const SURVEY_SCALE = ['1', '2', '3', '4'] as const;

/**
 * Every problem of a survey form, in Indonesian: the case code, each of the nine elements once as a
 * choice on the 1-4 scale, at most an open suggestion, nothing else (it fits every SOP alike).
 */
export function checkSurveyForm(form: PartnerForm): string[] {
  const out: string[] = [];
  const seen = new Map<string, number>();
  for (const q of form.questions) {
    for (const t of q.to) {
      seen.set(t, (seen.get(t) ?? 0) + 1);
      const where = `${form.id}.${q.id}`;
      if (t === 'reference') {
        if (q.kind !== 'reference') out.push(`${where}: kode kasus harus pertanyaan jenis reference.`);
      } else if (t.startsWith('unsur.')) {
        const values = (q.options ?? []).map((o) => o.value).join(',');
        if (q.kind !== 'choice' || values !== SURVEY_SCALE.join(',') || !q.required) out.push(`${where}: unsur IKM harus pilihan wajib bernilai ${SURVEY_SCALE.join(', ')}.`);
      } else if (t === 'saran') {
        if (q.kind !== 'paragraph') out.push(`${where}: saran harus pertanyaan jenis paragraph.`);
      } else out.push(`${where}: formulir survei hanya memuat kode kasus, unsur IKM dan saran.`);
    }
  }
  for (let i = 1; i <= 9; i++) if (seen.get(`unsur.${i}`) !== 1) out.push(`${form.id}: unsur.${i} harus ditanyakan tepat satu kali.`);
  if (seen.get('reference') !== 1) out.push(`${form.id}: formulir survei harus memuat kode kasus (reference) tepat satu kali.`);
  if ((seen.get('saran') ?? 0) > 1) out.push(`${form.id}: saran hanya satu pertanyaan.`);
  if (form.step !== undefined || form.steps?.length) out.push(`${form.id}: formulir survei tidak menjawab langkah.`);
  return out;
}

/** Every problem of a form against its SOP, in Indonesian; empty when it fits. */
export function checkForm(form: PartnerForm, def: SopDefinition): string[] {
  if (form.mode === 'survey') return checkSurveyForm(form);
  const out: string[] = [];
  const step = form.step !== undefined ? def.steps.find((s) => s.no === form.step) : undefined;
  if (form.mode !== 'open' && form.step === undefined && !form.steps?.length) out.push(`${form.id}: formulir jawaban harus menyebut langkahnya.`);
  if (form.step !== undefined && !step) out.push(`${form.id}: langkah ${form.step} tidak ada pada SOP ${def.id}.`);
  if (form.mode === 'open' && step && step.no !== def.startStep) out.push(`${form.id}: formulir pembuka hanya dapat menyelesaikan langkah awal (${def.startStep}).`);
  if (form.mode === 'answer' && step && step.performer === 'staff') out.push(`${form.id}: langkah ${step.no} dikerjakan pegawai, bukan mitra.`);
  for (const s of form.steps ?? []) if (!def.steps.some((x) => x.no === s)) out.push(`${form.id}: langkah ${s} tidak ada pada SOP ${def.id}.`);
  const ids = new Set<string>();
  const targets = new Set<string>();
  for (const q of form.questions) {
    if (ids.has(q.id)) out.push(`${form.id}: pertanyaan ${q.id} ganda.`);
    ids.add(q.id);
    if (q.kind === 'choice' && !q.options?.length) out.push(`${form.id}.${q.id}: pertanyaan pilihan tanpa pilihan.`);
    for (const t of q.to) {
      if (targets.has(t)) out.push(`${form.id}.${q.id}: tujuan ${t} sudah diisi pertanyaan lain.`);
      targets.add(t);
      out.push(...checkTarget(form, def, step, q, t));
    }
  }
  if (form.mode !== 'open' && !targets.has('reference')) out.push(`${form.id}: formulir jawaban harus memuat kode kasus (reference).`);
  if (form.mode === 'answer' && step?.kind === 'decision' && step.branchFrom === undefined && !targets.has('decision')) out.push(`${form.id}: langkah ${step.no} adalah keputusan; formulir harus menanyakannya.`);
  return out;
}

function checkTarget(form: PartnerForm, def: SopDefinition, step: Step | undefined, q: Question, t: Target): string[] {
  const where = `${form.id}.${q.id}`;
  if (t === 'reference') return q.kind === 'reference' ? [] : [`${where}: kode kasus harus pertanyaan jenis reference.`];
  if (t === 'saran' || t.startsWith('unsur.')) return [`${where}: ${t} hanya pada formulir survei IKM.`];
  if (q.kind === 'reference') return [`${where}: pertanyaan reference hanya untuk kode kasus.`];
  if (t === 'decision') {
    const values = (q.options ?? []).map((o) => o.value).sort().join(',');
    if (q.kind !== 'choice' || values !== 'no,yes') return [`${where}: keputusan harus pilihan dengan nilai yes dan no.`];
    return form.mode === 'answer' && step?.kind === 'decision' ? [] : [`${where}: keputusan hanya pada formulir jawaban langkah keputusan.`];
  }
  if (t === 'partner.email' && q.kind !== 'email') return [`${where}: e-mail mitra harus pertanyaan jenis email.`];
  if (t.startsWith('document.')) {
    const docId = t.slice('document.'.length);
    const inStep = step?.kelengkapan.some((k) => k.type === 'document' && k.id === docId && k.source === 'input');
    if (q.kind !== 'url') return [`${where}: dokumen diisi dengan tautan (jenis url).`];
    return inStep ? [] : [`${where}: dokumen ${docId} tidak diminta langkah ${step?.no ?? '-'}.`];
  }
  if (t.startsWith('data.')) {
    const field = sopField(def, t.slice('data.'.length));
    if (!field) return KIND_TYPE[q.kind] ? [] : [`${where}: jenis ${q.kind} tidak dapat disimpan sebagai data.`];
    if (field.assign) return [`${where}: ${t} diisi otomatis oleh sistem.`];
    if (!FITS[field.dataType].includes(q.kind)) return [`${where}: jenis ${q.kind} tidak cocok untuk ${t} (${field.dataType}).`];
  }
  return [];
}

export function loadForm(raw: unknown, def: SopDefinition): PartnerForm {
  const r = partnerFormSchema.safeParse(raw);
  const where = typeof raw === 'object' && raw && 'id' in raw ? String((raw as { id: unknown }).id) : '?';
  if (!r.success) throw new Error(`Formulir ${where} tidak valid:\n${z.prettifyError(r.error)}`);
  const problems = checkForm(r.data, def);
  if (problems.length) throw new Error(`Formulir ${where} tidak cocok dengan SOP ${def.id}:\n- ${problems.join('\n- ')}`);
  return r.data;
}
