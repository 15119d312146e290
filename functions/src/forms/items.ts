// Our partner forms as Google Forms items, and the smallest batchUpdate that makes a Google form
// match its definition. Pure: no API calls here.
//
// Kinds: short, phone, e-mail, integer, link, time (typed as text) and reference are short text
// questions; paragraph and list are paragraph questions; date is a date question with the year,
// datetime one with the year and the time; choice is a RADIO question whose options show our
// option LABELS. Google returns the label chosen; reading a response maps it back to the option's
// value (choiceValue), so a label can be reworded without changing what is stored on the case.
//
// Updating keeps Google's question ids where it can: a question still in the definition keeps its
// item (moved and updated in place, its question id kept), so prefilled links and responses in
// flight stay valid; only a question whose kind changes family (text, date, choice) is replaced.
// Items that are not in the definition (added by hand in the Forms editor) are removed: the
// definition is the form.
import type { forms_v1 } from '@googleapis/forms';
import { z } from 'zod';
import type { PartnerForm, Question } from './schema.ts';

/** Help text of the reference question: partners must leave it as the link filled it. */
export const REFERENCE_HELP = 'Terisi otomatis oleh tautan yang dikirim petugas. Jangan diubah atau dihapus.';

/** What we read of a form Google returns (forms.get, create, batchUpdate with the form). */
const questionSchema = z
  .object({
    questionId: z.string().regex(/^[0-9a-f]{1,16}$/i).optional(),
    required: z.boolean().optional(),
    textQuestion: z.object({ paragraph: z.boolean().optional() }).loose().optional(),
    dateQuestion: z.object({ includeTime: z.boolean().optional(), includeYear: z.boolean().optional() }).loose().optional(),
    choiceQuestion: z.object({ type: z.string().optional(), options: z.array(z.object({ value: z.string().optional() }).loose()).optional() }).loose().optional(),
  })
  .loose();
const itemSchema = z
  .object({
    itemId: z.string().optional(),
    title: z.string().optional(),
    description: z.string().optional(),
    questionItem: z.object({ question: questionSchema.optional() }).loose().optional(),
  })
  .loose();
export const googleFormSchema = z
  .object({
    formId: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/),
    responderUri: z.url({ protocol: /^https?$/ }),
    info: z.object({ title: z.string().optional(), description: z.string().optional() }).loose().optional(),
    items: z.array(itemSchema).optional(),
    publishSettings: z.object({ publishState: z.object({ isPublished: z.boolean().optional(), isAcceptingResponses: z.boolean().optional() }).loose().optional() }).loose().optional(),
  })
  .loose();
export type GoogleForm = z.infer<typeof googleFormSchema>;
type GoogleItem = z.infer<typeof itemSchema>;

/** The form's title and description as partners see them: the description names the agency. */
export function infoOf(form: PartnerForm, agencyName: string): { title: string; description: string } {
  return { title: form.title, description: `${form.description}\n\n${agencyName}` };
}

function questionOf(q: Question): forms_v1.Schema$Question {
  switch (q.kind) {
    case 'paragraph':
    case 'list':
      return { required: q.required, textQuestion: { paragraph: true } };
    case 'date':
      return { required: q.required, dateQuestion: { includeYear: true, includeTime: false } };
    case 'datetime':
      return { required: q.required, dateQuestion: { includeYear: true, includeTime: true } };
    case 'choice':
      return { required: q.required, choiceQuestion: { type: 'RADIO', options: (q.options ?? []).map((o) => ({ value: o.label })) } };
    default:
      return { required: q.required, textQuestion: { paragraph: false } };
  }
}

/** Our question as a Forms item, without ids. */
export function itemOf(q: Question): forms_v1.Schema$Item {
  const help = q.kind === 'reference' ? [q.help, REFERENCE_HELP].filter(Boolean).join('\n') : q.help;
  return { title: q.title, ...(help ? { description: help } : {}), questionItem: { question: questionOf(q) } };
}

function family(item: GoogleItem | forms_v1.Schema$Item): string {
  const q = item.questionItem?.question;
  return q?.textQuestion ? 'text' : q?.dateQuestion ? 'date' : q?.choiceQuestion ? 'choice' : 'other';
}

/** What a respondent sees of an item, with Google's omitted defaults filled in: equal shapes need no update. */
function shapeOf(item: GoogleItem | forms_v1.Schema$Item): string {
  const q = item.questionItem?.question;
  return JSON.stringify([
    item.title ?? '',
    item.description ?? '',
    q?.required === true,
    family(item),
    q?.textQuestion?.paragraph === true,
    q?.dateQuestion?.includeYear === true,
    q?.dateQuestion?.includeTime === true,
    q?.choiceQuestion?.type ?? '',
    (q?.choiceQuestion?.options ?? []).map((o) => o.value ?? ''),
  ]);
}

const questionIdOf = (item: GoogleItem | forms_v1.Schema$Item | undefined) => item?.questionItem?.question?.questionId ?? null;

/**
 * The requests (in order) that turn `current` into the definition; empty when it already is.
 * `stored` is our question id -> Google question id as saved after the last run.
 */
export function planUpdate(form: PartnerForm, agencyName: string, current: GoogleForm, stored: Record<string, string> = {}): forms_v1.Schema$Request[] {
  const requests: forms_v1.Schema$Request[] = [];
  const info = infoOf(form, agencyName);
  if ((current.info?.title ?? '') !== info.title || (current.info?.description ?? '') !== info.description) {
    requests.push({ updateFormInfo: { info, updateMask: 'title,description' } });
  }
  const desired = form.questions.map((q) => ({ id: q.id, item: itemOf(q) }));
  const cur: (GoogleItem | forms_v1.Schema$Item)[] = [...(current.items ?? [])];
  // The Google question each of our questions keeps: the one saved for it, if still of its family.
  const keep = new Map<string, string>();
  for (const d of desired) {
    const g = stored[d.id];
    const item = g ? cur.find((i) => questionIdOf(i) === g) : undefined;
    if (g && item && family(item) === family(d.item)) keep.set(d.id, g);
  }
  const kept = new Set(keep.values());
  for (let i = cur.length - 1; i >= 0; i--) {
    const g = questionIdOf(cur[i]);
    if (g && kept.has(g)) continue;
    requests.push({ deleteItem: { location: { index: i } } });
    cur.splice(i, 1);
  }
  // Kept items into the definition's order with as few moves as possible: those on the longest
  // run already in order stay, each other one goes right after its predecessor.
  const keptInOrder = desired.map((d) => keep.get(d.id)).filter((g): g is string => g !== undefined);
  const staying = new Set(longestIncreasing(keptInOrder.map((g) => cur.findIndex((i) => questionIdOf(i) === g))).map((k) => keptInOrder[k]!));
  keptInOrder.forEach((g, k) => {
    if (staying.has(g)) return;
    const j = cur.findIndex((i) => questionIdOf(i) === g);
    const [item] = cur.splice(j, 1);
    const to = k === 0 ? 0 : cur.findIndex((i) => questionIdOf(i) === keptInOrder[k - 1]) + 1;
    cur.splice(to, 0, item!);
    if (to !== j) requests.push({ moveItem: { originalLocation: { index: j }, newLocation: { index: to } } });
  });
  desired.forEach((d, t) => {
    const g = keep.get(d.id);
    if (!g) {
      requests.push({ createItem: { item: d.item, location: { index: t } } });
      cur.splice(t, 0, d.item);
    } else if (shapeOf(cur[t]!) !== shapeOf(d.item)) {
      // The question id is given, so Google keeps it (a blank id under the mask would be a new one).
      const item = { ...d.item, questionItem: { question: { ...d.item.questionItem!.question, questionId: g } } };
      requests.push({ updateItem: { item, location: { index: t }, updateMask: 'title,description,questionItem' } });
    }
  });
  return requests;
}

/** Positions (in `xs`) of a longest strictly increasing subsequence of `xs`. */
function longestIncreasing(xs: number[]): number[] {
  const len = xs.map(() => 1);
  const prev = xs.map(() => -1);
  for (let i = 0; i < xs.length; i++) {
    for (let j = 0; j < i; j++) {
      if (xs[j]! < xs[i]! && len[j]! + 1 > len[i]!) {
        len[i] = len[j]! + 1;
        prev[i] = j;
      }
    }
  }
  let at = len.indexOf(Math.max(0, ...len));
  const out: number[] = [];
  while (at >= 0) {
    out.unshift(at);
    at = prev[at]!;
  }
  return out;
}

/**
 * Our question id -> Google question id, read from a form that matches the definition (its items
 * in the definition's order); throws when it does not, rather than guessing.
 */
export function questionIdsOf(form: PartnerForm, google: GoogleForm): Record<string, string> {
  const items = google.items ?? [];
  if (items.length !== form.questions.length) throw new Error(`Google form ${google.formId} has ${items.length} items, the definition ${form.questions.length}`);
  return Object.fromEntries(
    form.questions.map((q, i) => {
      const g = questionIdOf(items[i]);
      if (!g || shapeOf(items[i]!) !== shapeOf(itemOf(q))) throw new Error(`Google form ${google.formId}: item ${i} is not question ${q.id}`);
      return [q.id, g];
    }),
  );
}

/** The option value of a choice answer given as its label; other text is passed on as typed (and refused as "not one of the options"). */
export function choiceValue(q: Question, answer: string): string {
  return q.options?.find((o) => o.label === answer)?.value ?? answer;
}
