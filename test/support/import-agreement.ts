// Field-by-field agreement of an imported draft with the hand-written catalog definition of the same
// SOP: the figures the importer is judged by, per field kind.
import type { SopDefinition, Step } from '../../functions/src/sop/schema.ts';
import type { ImportedSop } from '../../functions/src/sop/import/index.ts';

export const FIELD_KINDS = ['steps', 'activity', 'waktu', 'output', 'kelengkapan items', 'kelengkapan type', 'decision steps', 'decision targets', 'actors (first)', 'actors (exact)', 'performer', 'inferred actor flagged'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];
export type Tally = Record<FieldKind, { agree: number; total: number; misses: string[] }>;

export const emptyTally = (): Tally => Object.fromEntries(FIELD_KINDS.map((k) => [k, { agree: 0, total: 0, misses: [] }])) as unknown as Tally;

const norm = (s: string) => s.toLowerCase().replace(/(\p{Ll})-(\p{Ll})/gu, '$1$2').replace(/\s+/g, ' ').trim();
const bare = (s: string) => norm(s.replace(/\(.*?\)/g, '')).replace(/[^a-z0-9]/g, '');

/** The catalog role an imported role stands for, by label (ids are the importer's own). */
function roleMap(imp: SopDefinition, cat: SopDefinition): Map<string, string> {
  const m = new Map<string, string>();
  for (const r of imp.roles) {
    const hit =
      cat.roles.find((c) => bare(c.label) === bare(r.label)) ??
      cat.roles.find((c) => bare(c.label).startsWith(bare(r.label)) || bare(r.label).startsWith(bare(c.label))) ??
      cat.roles.find((c) => c.id === r.id);
    if (hit) m.set(r.id, hit.id);
  }
  return m;
}

function count(t: Tally, k: FieldKind, ok: boolean, miss: string): void {
  t[k].total++;
  if (ok) t[k].agree++;
  else t[k].misses.push(miss);
}

export function compare(imported: ImportedSop, cat: SopDefinition, t: Tally = emptyTally()): Tally {
  const imp = imported.definition;
  const roles = roleMap(imp, cat);
  const at = (no: number) => imp.steps.find((s) => s.no === no);
  for (const c of cat.steps) {
    const s = at(c.no);
    const where = `${cat.id} ${c.no}`;
    count(t, 'steps', !!s, `${where}: tidak ada`);
    if (!s) continue;
    count(t, 'activity', s.activity === c.activity, `${where}: "${s.activity}" / "${c.activity}"`);
    count(t, 'waktu', s.waktu === c.waktu, `${where}: ${s.waktu} / ${c.waktu}`);
    count(t, 'output', s.output === c.output, `${where}: ${s.output} / ${c.output}`);
    for (const k of s.kelengkapan) {
      const hit = c.kelengkapan.filter((x) => norm(x.label).includes(norm(k.label)) || norm(k.label).includes(norm(x.label)));
      count(t, 'kelengkapan items', hit.length > 0, `${where}: "${k.label}"`);
      if (hit.length) count(t, 'kelengkapan type', hit.some((x) => x.type === k.type), `${where}: "${k.label}" ${k.type} / ${hit.map((x) => x.type).join(',')}`);
    }
    const dec = (x: Step) => x.kind === 'decision';
    if (dec(c) || dec(s)) count(t, 'decision steps', dec(c) && dec(s), `${where}: ${s.kind} / ${c.kind}`);
    if (c.kind === 'decision') {
      const y = s.kind === 'decision' ? s.ifYes.to : null;
      const n = s.kind === 'decision' ? s.ifNo.to : null;
      count(t, 'decision targets', y === c.ifYes.to, `${where} YA: ${y} / ${c.ifYes.to}`);
      count(t, 'decision targets', n === c.ifNo.to, `${where} TIDAK: ${n} / ${c.ifNo.to}`);
    }
    const mine = s.actors.map((a) => roles.get(a) ?? `?${a}`);
    count(t, 'actors (first)', c.actors.includes(mine[0]!), `${where}: ${mine.join(',')} / ${c.actors.join(',')}`);
    count(t, 'actors (exact)', mine.length === c.actors.length && mine.every((a) => c.actors.includes(a)), `${where}: ${mine.join(',')} / ${c.actors.join(',')}`);
    count(t, 'performer', s.performer === c.performer, `${where}: ${s.performer} / ${c.performer}`);
    if (c.actorNote) count(t, 'inferred actor flagged', imported.review.some((r) => r.step === c.no && r.field === 'actors'), `${where}: tidak ditandai`);
  }
  return t;
}

export function merge(into: Tally, t: Tally): Tally {
  for (const k of FIELD_KINDS) {
    into[k].agree += t[k].agree;
    into[k].total += t[k].total;
    into[k].misses.push(...t[k].misses);
  }
  return into;
}

export const pct = (x: { agree: number; total: number }) => (x.total ? (100 * x.agree) / x.total : 100);

export function render(title: string, t: Tally): string {
  const lines = [`${title}`, ...FIELD_KINDS.map((k) => `  ${k.padEnd(24)} ${String(t[k].agree).padStart(4)}/${String(t[k].total).padEnd(4)} ${pct(t[k]).toFixed(1).padStart(5)} %`)];
  return lines.join('\n');
}
