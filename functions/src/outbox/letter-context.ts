// What a letter will say, captured inside the step's transaction: the case as it now stands, the
// produced document as the SOP names it (variant, the data it reads, whom it goes to, what goes
// with it), the signer with the role's place under the head of the agency, and the people its
// people slots name, looked up in the staff directory.
import type { LetterContext, Person } from '../documents/types.ts';
import type { TemplateSpec } from '../documents/templates.ts';
import type { Transition } from '../contract.ts';
import type { Agency, Staff } from '../model/records.ts';
import type { TxTools } from '../model/store.ts';
import type { Actor } from '../sop/engine.ts';
import type { ProducedDocument, SopDefinition } from '../sop/schema.ts';

export interface ContextInput {
  agency: Agency;
  def: SopDefinition;
  actor: Actor;
  /** The actor's staff record; null for a partner acting through a form. */
  member: Staff | null;
  transition: Transition;
  now: Date;
}

type Role = SopDefinition['roles'][number];

/** The jabatan a role is printed as: the head of this agency by its name, else the role's jabatan. */
export function roleJabatan(agency: Agency, role: Role | undefined): string | undefined {
  if (!role) return undefined;
  return role.relation === 'head' ? `Kepala ${agency.name}` : (role.jabatan ?? role.label);
}

function roleOf(def: SopDefinition, id: string | undefined): Role | undefined {
  return id ? def.roles.find((r) => r.id === id) : undefined;
}

/** The signer as printed: the directory's name, NIP and pangkat, the role's place under the head and its superior. */
function signerOf(p: ContextInput, role: Role | undefined, staff: Staff | null): LetterContext['signer'] {
  if (!staff || !role) return null;
  const atasan = roleJabatan(p.agency, roleOf(p.def, role.reportsTo));
  return {
    name: staff.name,
    jabatan: staff.jabatan || roleJabatan(p.agency, role) || role.id,
    ...(staff.nip ? { nip: staff.nip } : {}),
    ...(staff.pangkat ? { pangkat: staff.pangkat } : {}),
    ...(role.relation ? { relation: role.relation } : {}),
    ...(atasan && role.relation === 'indirect' ? { atasan } : {}),
  };
}

/** The field a slot of the document reads. */
export function boundField(doc: ProducedDocument, slot: string): string {
  return doc.fields?.[slot] ?? slot;
}

/** The values a people slot names, as typed: staff e-mails or names. */
export function peopleRefs(doc: ProducedDocument, slot: string, data: Record<string, unknown>): string[] {
  const v = data[boundField(doc, slot)];
  const items = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/\r?\n/) : [];
  return items.filter((x): x is string => typeof x === 'string').map((x) => x.trim()).filter(Boolean);
}

/** The people the template's people slots name: the directory's record, or the typed name alone. */
export async function peopleOf(tools: TxTools, template: TemplateSpec, doc: ProducedDocument, data: Record<string, unknown>): Promise<Record<string, Person[]>> {
  const out: Record<string, Person[]> = {};
  for (const slot of template.people ?? []) {
    const refs = peopleRefs(doc, slot, data);
    const found = refs.length ? await tools.staffByRef(refs) : [];
    out[slot] = refs.map((ref, i) => {
      const s = found[i];
      if (!s) return { name: ref };
      return { name: s.name, ...(s.nip ? { nip: s.nip } : {}), ...(s.pangkat ? { pangkat: s.pangkat } : {}), ...(s.jabatan ? { jabatan: s.jabatan } : {}) };
    });
  }
  return out;
}

/** The choices of the fields the document reads that have them, by slot. */
function optionsOf(def: SopDefinition, doc: ProducedDocument): Record<string, { value: string; label: string }[]> {
  const out: Record<string, { value: string; label: string }[]> = {};
  for (const [slot, field] of Object.entries(doc.fields ?? {})) {
    for (const s of def.steps) {
      const k = s.kelengkapan.find((x) => x.type === 'data' && x.id === field);
      if (k?.type === 'data' && k.options) out[slot] = k.options;
    }
  }
  return out;
}

export interface Planned {
  template: TemplateSpec;
  doc: ProducedDocument;
  nomor: string | null;
  /** The date the document bears (ISO). */
  date: string;
  signerRole: string | undefined;
  signer: Staff | null;
  people: Record<string, Person[]>;
}

/** What the letter will say, captured in the step's transaction. */
export function letterContext(p: ContextInput, l: Planned): LetterContext {
  const { agency, def, transition, now } = p;
  const { state, event } = transition;
  const step = def.steps.find((s) => s.no === event.step)!;
  const member = p.member ?? { email: p.actor.email, name: p.actor.name ?? p.actor.email, roles: [] as string[], jabatan: undefined, nip: undefined, pangkat: undefined };
  const actorRole = def.roles.find((r) => member.roles.includes(r.id) && step.actors.includes(r.id)) ?? def.roles.find((r) => member.roles.includes(r.id));
  const jabatan = member.jabatan || roleJabatan(agency, actorRole);
  const stored = state.documents[l.doc.id];
  return {
    agency: { id: agency.id, name: agency.name, shortName: agency.shortName, timeZone: agency.timeZone, letterhead: agency.letterhead! },
    case: {
      id: state.id,
      nomor: state.nomor,
      sopId: state.sopId,
      sopTitle: state.sopTitle,
      title: state.title,
      partner: state.partner,
      data: state.data,
      documents: Object.fromEntries(
        Object.values(state.documents).map((d) => [d.id, { label: d.label, ...(d.url ? { url: d.url } : {}), ...(d.nomor ? { nomor: d.nomor } : {}), at: d.at }]),
      ),
      decisions: state.decisions,
    },
    doc: {
      id: l.doc.id,
      ...(l.doc.variant ? { variant: l.doc.variant } : {}),
      revision: stored?.revision ?? 1,
      fields: { ...(l.doc.fields ?? {}) },
      kepada: (l.doc.kepada ?? []).map((r) => roleJabatan(agency, roleOf(def, r)) ?? r),
      lampiran: (l.doc.lampiran ?? []).filter((id) => state.documents[id]).length,
      dasar: [...(l.doc.dasar ?? [])],
      options: optionsOf(def, l.doc),
    },
    step: { no: step.no, activity: step.activity, note: event.note },
    actor: {
      email: member.email,
      name: member.name,
      ...(jabatan ? { jabatan } : {}),
      ...(member.nip ? { nip: member.nip } : {}),
      ...(member.pangkat ? { pangkat: member.pangkat } : {}),
    },
    signer: signerOf(p, roleOf(def, l.signerRole), l.signer),
    people: l.people,
    nomor: l.nomor,
    at: now.toISOString(),
    date: l.date,
  };
}
