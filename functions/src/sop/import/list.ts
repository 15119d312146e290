// A procedure written as a numbered list (a service-standard page like KITAPUN SENAPAS: "1. Kepala
// bidang ... melakukan koordinasi ...", then the service time, cost and complaint channels). The
// longest run of items numbered 1, 2, 3, ... is the procedure; a line holding only a standard time
// is the service standard; every other line is kept for the review.
import { parseWaktu } from '../waktu.ts';
import type { RawStep, RawTable } from './types.ts';
import { clean } from './text.ts';

const ITEM = /^\s*(\d{1,3})\s*[.)]\s+(\S.*)$/;

export function listFromText(text: string): RawTable | null {
  const lines = text.split(/\r?\n/);
  type Run = { start: number; end: number; items: { no: number; text: string; line: number }[] };
  const runs: Run[] = [];
  let cur: Run | null = null;
  for (let i = 0; i < lines.length; i++) {
    const m = ITEM.exec(lines[i]!);
    if (m) {
      const no = Number(m[1]);
      if (cur && no === cur.items.at(-1)!.no + 1) {
        cur.items.push({ no, text: m[2]!, line: i });
        cur.end = i;
        continue;
      }
      if (no === 1) {
        cur = { start: i, end: i, items: [{ no, text: m[2]!, line: i }] };
        runs.push(cur);
        continue;
      }
      continue;
    }
    // A wrapped item: a non-empty line right below it.
    const last = cur?.items.at(-1);
    if (cur && last && lines[i]!.trim() && cur.end === i - 1) {
      last.text += ` ${lines[i]!.trim()}`;
      cur.end = i;
    }
  }
  const best = runs.filter((r) => r.items.length >= 2).sort((a, b) => b.items.length - a.items.length)[0];
  if (!best) return null;
  const used = new Set<number>();
  for (let i = best.start; i <= best.end; i++) used.add(i);
  const steps: RawStep[] = best.items.map((it) => ({ no: it.no, activity: clean(it.text), marks: [], kelengkapan: '', waktu: '', output: '', keterangan: '', extra: [], notes: [] }));
  const other = lines.map((l, i) => ({ l: clean(l), i })).filter((x) => x.l && !used.has(x.i));
  const title = other.find((x) => x.i < best.start)?.l ?? null;
  let serviceWaktu: string | undefined;
  const unplaced: RawTable['unplaced'] = [];
  for (const x of other) {
    if (x.l === title) continue;
    const w = parseWaktu(x.l);
    if (!serviceWaktu && w.recognized && w.basis === 'case' && x.l.length < 30) {
      serviceWaktu = x.l;
      continue;
    }
    unplaced.push({ text: x.l, afterStep: null });
  }
  return {
    title,
    roleHeaders: [],
    steps,
    unplaced,
    columns: { kelengkapan: false, waktu: false, output: false, keterangan: false },
    inputKind: 'list',
    legalBasis: [],
    warnings: [],
    ...(serviceWaktu ? { serviceWaktu } : {}),
  };
}
