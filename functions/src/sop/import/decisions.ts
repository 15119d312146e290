// Decisions written in the activity prose ("jika sesuai ..., jika tidak, dikembalikan untuk
// diperbaiki") and where their two exits lead. The targets are read from the flow: a "no" that
// returns goes back to the step that made what is returned, or into the correction steps that
// follow; a "no" that does something no later step does ends the case; a "yes" goes on, past the
// correction steps, or back to the step whose action it orders again.
import { capitalize, clean, norm, overlap, stems, words } from './text.ts';

export interface Branches {
  /** Text before the first condition. */
  pre: string;
  yesWord: string;
  yes: string;
  no: string;
}

const YES = /\b(?:jika|apabila|bila|kalau)\s+(ya|sesuai|setuju|disetujui|lengkap|benar|memenuhi(?: syarat)?|diterima|layak|cocok|bersedia|siap)\b/i;
const NO = /\b(?:jika|apabila|bila|kalau)\s+(?:tidak|belum)(?:\s+(?:sesuai|setuju|disetujui|lengkap|benar|memenuhi(?: syarat)?|diterima|layak|cocok|bersedia|siap))?\b/i;
const CORRECTION = /\b(perbaikan|diperbaiki|memperbaiki|perubahan|diubah|mengubah|revisi|merevisi|direvisi|pengalihan|dialihkan|pergantian|penggantian|dijadwalkan ulang)\b/;
const RETURN = /\b(dikembalikan|mengembalikan|kembali|diperbaiki|perbaikan|revisi|direvisi|ditolak)\b/;
const DECIDES = /\b(keputusan|memutuskan|menetapkan keputusan)\b/;

const tidy = (s: string) => clean(s).replace(/^[\s,;:.]+|[\s,;:]+$/g, '').replace(/^maka\s+/i, '');

export function splitBranches(activity: string): Branches | null {
  const y = YES.exec(activity);
  const n = NO.exec(activity);
  if (!y || !n) return null;
  if (y.index < n.index) {
    return { pre: tidy(activity.slice(0, y.index)), yesWord: y[1]!.toLowerCase(), yes: tidy(activity.slice(y.index + y[0].length, n.index)), no: tidy(activity.slice(n.index + n[0].length)) };
  }
  return { pre: tidy(activity.slice(0, n.index)), yesWord: y[1]!.toLowerCase(), yes: tidy(activity.slice(y.index + y[0].length)), no: tidy(activity.slice(n.index + n[0].length, y.index)) };
}

/** A step that gives a decision without writing its branches ("memberikan keputusan dan disposisi"). */
export function decidesWithoutBranches(activity: string): boolean {
  return DECIDES.test(norm(activity)) && !splitBranches(activity);
}

export const isCorrection = (activity: string) => CORRECTION.test(norm(activity));

export interface FlowStep {
  no: number;
  activity: string;
  branches: Branches | null;
  /** Staff actor ids (to tell who made what is returned). */
  actors: string[];
}

export interface DecisionTargets {
  yes: number | 'END';
  no: number | 'END';
  yesReason: string;
  noReason: string;
  /** The other reading worth offering, when there is one. */
  alternatives: string[];
  sure: boolean;
}

const MAKERS = /^(menyusun|membuat|merancang|mempersiapkan|menyiapkan|menyampaikan|mengajukan|mengirim|mengirimkan|melakukan|merevisi|memperbaiki|melaporkan)$/;

/** The steps right after `i` that correct something: they hold a correction word. */
function correctionBlock(steps: FlowStep[], i: number): number[] {
  const block: number[] = [];
  for (let k = i + 1; k < steps.length && isCorrection(steps[k]!.activity); k++) block.push(k);
  return block;
}

export function decisionTargets(steps: FlowStep[], i: number): DecisionTargets {
  const s = steps[i]!;
  const b = s.branches!;
  const next = steps[i + 1]?.no ?? 'END';
  const alternatives: string[] = [];
  let sure = true;

  // NO.
  let no: number | 'END';
  let noReason: string;
  const block = correctionBlock(steps, i);
  const noText = norm(b.no);
  if ((CORRECTION.test(noText) || RETURN.test(noText)) && block.length) {
    no = steps[block[0]!]!.no;
    noReason = `langkah ${no} memuat perbaikan/perubahan yang disebut cabang TIDAK`;
  } else if (RETURN.test(noText)) {
    // Back to the nearest earlier step, of someone else, that made or sent what is decided on.
    let k = i - 1;
    while (k >= 0 && (!MAKERS.test(words(steps[k]!.activity)[0] ?? '') || steps[k]!.actors.some((a) => s.actors.includes(a)))) k--;
    if (k < 0) k = Math.max(0, i - 1);
    no = steps[k]!.no;
    noReason = `dikembalikan ke langkah ${no}, yang menyusun/menyampaikan bahan keputusan ini`;
    sure = false;
    for (let j = i - 1; j >= 0 && alternatives.length < 3; j--) if (steps[j]!.no !== no) alternatives.push(String(steps[j]!.no));
  } else {
    // Something no later step does (a refusal letter): the case ends there.
    const later = steps.slice(i + 1).some((t) => overlap(stems(b.no), stems(t.activity)) >= Math.max(2, Math.ceil(stems(b.no).length / 2)));
    if (later || !b.no) {
      no = next;
      noReason = 'cabang TIDAK dilanjutkan langkah berikutnya';
      sure = false;
    } else {
      no = 'END';
      noReason = `cabang TIDAK (${b.no}) tidak dilakukan langkah lain mana pun: kasus selesai di sini`;
    }
    if (next !== 'END') alternatives.push(String(next));
  }

  // YES.
  let yes: number | 'END' = next;
  let yesReason = 'cabang YA dilanjutkan langkah berikutnya';
  if (no !== 'END' && no === next && block.length) {
    // The correction steps belong to the NO branch: YES goes past them.
    const after = steps[block.at(-1)! + 1];
    yes = after?.no ?? 'END';
    yesReason = `cabang YA melewati langkah perbaikan ${block.map((k) => steps[k]!.no).join(', ')}`;
  } else if (isCorrection(b.pre) && i > 0) {
    // An approved correction may send the flow back to the step whose action it orders again.
    const ordered = b.yes.split(/\buntuk\b/)[1] ?? b.yes;
    const mine = stems(ordered);
    let best: { k: number; n: number } | null = null;
    for (let k = 0; k < i; k++) {
      if (steps[k]!.branches || isCorrection(steps[k]!.activity)) continue;
      const n = overlap(mine, stems(steps[k]!.activity));
      if (n >= 3 && (!best || n > best.n)) best = { k, n };
    }
    const nextScore = steps[i + 1] ? overlap(mine, stems(steps[i + 1]!.activity)) : 0;
    if (best && best.n > nextScore) {
      yes = steps[best.k]!.no;
      yesReason = `perbaikan yang disetujui mengulang langkah ${yes} ("${ordered.slice(0, 60)}")`;
      sure = false;
      if (next !== 'END') alternatives.push(String(next));
    }
  }
  if (yes === no) sure = false;
  return { yes, no, yesReason, noReason, alternatives: [...new Set(alternatives)], sure };
}

/** A question for the decision buttons, from the text before its condition. */
export function questionOf(b: Branches, activity: string): string {
  const subject = b.pre || activity.split(/\bjika\b/i)[0]!.trim();
  return `${capitalize(subject || 'Keputusan')}: ${b.yesWord}?`.replace(/\s+/g, ' ');
}

export function exitLabel(kind: 'yes' | 'no', text: string): string {
  const head = kind === 'yes' ? 'YA' : 'TIDAK';
  const t = clean(text);
  return t ? `${head}: ${t.length > 120 ? `${t.slice(0, 119)}…` : t}` : head;
}
