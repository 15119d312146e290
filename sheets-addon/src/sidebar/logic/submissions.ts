// "Kiriman mitra": how a partner's submission reads (its state, who sent it, what went wrong per
// question), read defensively from the API's answer, and the corrections a staff member sends
// when turning one into a case. Pure: unit-tested in Node.
import type { SubmissionAnswer, SubmissionStatus, SubmissionView } from '../../../../functions/src/contract.ts';

export type SubmissionFilter = SubmissionStatus | 'all';

/** The filter's choices, in the order the select shows them. */
export const SUBMISSION_FILTERS: { id: SubmissionFilter; label: string }[] = [
  { id: 'all', label: 'Semua' },
  { id: 'rejected', label: 'Ditolak' },
  { id: 'held', label: 'Ditahan' },
  { id: 'accepted', label: 'Diterima' },
];

/** The badge of a submission: handled ones read as done, whatever the intake said. */
export function submissionBadge(s: Pick<SubmissionView, 'status' | 'handledBy'>): { text: string; kind: 'late' | 'warn' | 'ok' | 'info' } {
  if (s.status === 'accepted') return { text: 'Diterima', kind: 'ok' };
  if (s.handledBy) return { text: 'Sudah dijadikan kasus', kind: 'info' };
  return s.status === 'held' ? { text: 'Ditahan', kind: 'warn' } : { text: 'Ditolak', kind: 'late' };
}

/** "0812… · email": how to reach the sender, in one line (empty when neither was given). */
export function contactDetails(c: SubmissionView['contact'] | undefined): string {
  return [c?.phone, c?.email].filter((x): x is string => typeof x === 'string' && x.trim() !== '').join(' · ');
}

/** The submissions of the answer, dropping anything malformed (the API sends them newest first). */
export function submissionRows(reply: unknown): { rows: SubmissionView[]; more: boolean; limit: number } {
  const r = (reply ?? {}) as { submissions?: unknown; more?: unknown; limit?: unknown };
  const rows = Array.isArray(r.submissions)
    ? r.submissions.filter((s): s is SubmissionView => !!s && typeof s === 'object' && typeof (s as SubmissionView).id === 'string' && typeof (s as SubmissionView).status === 'string')
    : [];
  return { rows: rows.map((s) => ({ ...s, answers: Array.isArray(s.answers) ? s.answers : [], problems: Array.isArray(s.problems) ? s.problems : [] })), more: r.more === true, limit: typeof r.limit === 'number' ? r.limit : rows.length };
}

/** What the intake found wrong with each question, by question id ("(formulir)" for the form as a whole). */
export function problemsByQuestion(s: Pick<SubmissionView, 'problems'>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of s.problems ?? []) out.set(p.path, [...(out.get(p.path) ?? []), p.message]);
  return out;
}

/** Problems that name no question of the form (the case reference, the form as a whole). */
export function otherProblems(s: Pick<SubmissionView, 'problems' | 'answers'>): string[] {
  const ids = new Set((s.answers ?? []).map((a) => a.id));
  return (s.problems ?? []).filter((p) => !ids.has(p.path)).map((p) => p.message);
}

/** The text a control starts with: one answer as typed; several (which the form refuses) one per line. */
export function answerText(a: Pick<SubmissionAnswer, 'values'>): string {
  return (a.values ?? []).join('\n');
}

/** Multi-line controls: paragraphs and lists (one item per line); everything else is one line. */
export function multiline(kind: string): boolean {
  return kind === 'paragraph' || kind === 'list';
}

/**
 * The answers a staff member changed, as the API takes them: the new text as one answer (an
 * emptied one as none); unchanged answers are left out, so the partner's stay as sent.
 */
export function correctedAnswers(questions: Pick<SubmissionAnswer, 'id' | 'values'>[], current: Record<string, string>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const q of questions) {
    const now = current[q.id];
    if (now === undefined || now === answerText(q)) continue;
    out[q.id] = now.trim() === '' ? [] : [now];
  }
  return out;
}
