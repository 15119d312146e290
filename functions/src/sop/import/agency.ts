// An import seen against what the agency already runs: its roles (so imported headers take the ids
// its staff already hold), the SOP the table is a new version of (same id and case-number code, so
// numbering continues), and what changes from the version in use.
import { loadDefinition, producedOf, type SopDefinition, type Step } from '../schema.ts';
import { importSop, type ImportSource } from './index.ts';
import { norm, overlap, stems } from './text.ts';
import type { ImportOptions, ImportedSop, KnownRole } from './types.ts';

export function knownRolesOf(defs: SopDefinition[]): KnownRole[] {
  const out = new Map<string, KnownRole>();
  for (const d of defs) for (const r of d.roles) if (!out.has(r.id)) out.set(r.id, { id: r.id, label: r.label, ...(r.jabatan ? { jabatan: r.jabatan } : {}), ...(r.relation ? { relation: r.relation } : {}), ...(r.reportsTo ? { reportsTo: r.reportsTo } : {}) });
  return [...out.values()];
}

/** The agency's SOP an imported title names: the same title, or most of its words. */
export function matchExisting(title: string, defs: SopDefinition[]): SopDefinition | undefined {
  const exact = defs.find((d) => norm(d.title) === norm(title));
  if (exact) return exact;
  const mine = [...new Set(stems(title))];
  let best: { d: SopDefinition; score: number } | undefined;
  for (const d of defs) {
    const theirs = [...new Set(stems(d.title))];
    const score = overlap(mine, theirs) / Math.max(mine.length, theirs.length, 1);
    if (score >= 0.6 && (!best || score > best.score)) best = { d, score };
  }
  return best?.d;
}

export interface AgencyImport extends ImportedSop {
  /** The version in use that this draft would replace, if any. */
  current: SopDefinition | null;
  diff: Change[];
}

/** Imports with the agency's roles, each draft taking the id and code of the SOP it is a new version of. */
export function importForAgency(source: ImportSource, opts: ImportOptions, defs: SopDefinition[]): AgencyImport[] {
  const drafts = importSop(source, { ...opts, knownRoles: [...(opts.knownRoles ?? []), ...knownRolesOf(defs)] });
  return drafts.map((d) => {
    const current = (opts.id ? defs.find((x) => x.id === opts.id) : matchExisting(d.definition.title, defs)) ?? null;
    const definition = current ? loadDefinition({ ...d.definition, id: current.id, code: current.code, version: current.version + 1 }) : d.definition;
    return { ...d, definition, current, diff: diffDefinitions(current, definition) };
  });
}

export interface Change {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: string;
  after?: string;
}

function targetsOf(s: Step): string {
  const to = (t: number | 'END') => (t === 'END' ? 'selesai' : `langkah ${t}`);
  if (s.kind === 'process') return `lanjut ke ${to(s.next)}`;
  if (s.kind === 'decision') return `YA ke ${to(s.ifYes.to)}, TIDAK ke ${to(s.ifNo.to)}`;
  return 'selesai';
}

/** What changes, step by step and field by field, in words a reviewer reads. */
/** The kelengkapan types as the review names them (the diff is read by librarians). */
const KEL_TYPE_ID: Record<SopDefinition['steps'][number]['kelengkapan'][number]['type'], string> = { document: 'dokumen', data: 'data', checklist: 'periksa', office: 'alat kantor' };

export function diffDefinitions(before: SopDefinition | null, after: SopDefinition): Change[] {
  const out: Change[] = [];
  if (!before) return [{ path: 'sop', kind: 'added', after: `${after.title} (${after.steps.length} langkah)` }];
  const cmp = (path: string, a: string, b: string) => {
    if (a !== b) out.push({ path, kind: 'changed', before: a, after: b });
  };
  cmp('title', before.title, after.title);
  const roleLabel = (d: SopDefinition, id: string) => d.roles.find((r) => r.id === id)?.label ?? id;
  for (const r of after.roles) if (!before.roles.some((x) => x.id === r.id)) out.push({ path: `roles.${r.id}`, kind: 'added', after: r.label });
  for (const r of before.roles) if (!after.roles.some((x) => x.id === r.id)) out.push({ path: `roles.${r.id}`, kind: 'removed', before: r.label });
  for (const s of after.steps) {
    const o = before.steps.find((x) => x.no === s.no);
    if (!o) {
      out.push({ path: `steps.${s.no}`, kind: 'added', after: s.activity });
      continue;
    }
    const p = `steps.${s.no}`;
    cmp(`${p}.activity`, o.activity, s.activity);
    cmp(`${p}.kind`, o.kind, s.kind);
    cmp(`${p}.actors`, o.actors.map((a) => roleLabel(before, a)).join(', '), s.actors.map((a) => roleLabel(after, a)).join(', '));
    cmp(`${p}.flow`, targetsOf(o), targetsOf(s));
    cmp(`${p}.waktu`, o.waktu ?? '', s.waktu ?? '');
    cmp(`${p}.output`, o.output ?? '', s.output ?? '');
    cmp(`${p}.kelengkapan`, o.kelengkapan.map((k) => `${k.label} (${KEL_TYPE_ID[k.type]})`).join('; '), s.kelengkapan.map((k) => `${k.label} (${KEL_TYPE_ID[k.type]})`).join('; '));
    cmp(`${p}.produces`, producedOf(o).map((d) => `${d.label}: ${d.template ?? '-'}`).join('; '), producedOf(s).map((d) => `${d.label}: ${d.template ?? '-'}`).join('; '));
  }
  for (const s of before.steps) if (!after.steps.some((x) => x.no === s.no)) out.push({ path: `steps.${s.no}`, kind: 'removed', before: s.activity });
  return out;
}
