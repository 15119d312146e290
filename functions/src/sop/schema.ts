// SOP definitions are plain data (an agency can edit, print, diff and draw them), validated here
// whenever they are loaded: from the catalog, from Firestore, or from an agency's edited copy.
import { z } from 'zod';
import type * as Api from '../contract.ts';

const id = z.string().regex(/^[a-z][a-z0-9_]*$/, 'id harus huruf kecil, angka atau garis bawah');

export const roleSchema = z.object({
  id,
  label: z.string().min(1),
  /** The jabatan printed on letters for this role ("Kepala Seksi Layanan, Otomasi dan Kerja Sama"); default the label. */
  jabatan: z.string().min(1).optional(),
  /**
   * The role's place under the head of the agency, which decides how it signs a letter that leaves
   * the agency (tata naskah dinas): head signs in its own name; direct (Sekretaris, Kepala Bidang)
   * signs "a.n." the head; indirect (Kepala Seksi, subkoordinator) signs "a.n." the head "u.b."
   * its superior (`reportsTo`). A role without one (field staff) signs only in its own name.
   */
  relation: z.enum(['head', 'direct', 'indirect']).optional(),
  /** The role this one reports to (an indirect role's superior, named in its "u.b." line). */
  reportsTo: id.optional(),
});

/** Typed data a step needs, entered in the sidebar or a partner form. */
export const dataTypeSchema = z.enum([
  'text', // one line
  'longtext', // paragraph
  'number',
  'integer',
  'date', // ISO yyyy-mm-dd
  'datetime', // ISO date-time with offset
  'email',
  'url',
  'boolean',
  'list', // list of short texts, e.g. book titles
  'month', // yyyy-mm, a reporting period
]);
export type DataType = z.infer<typeof dataTypeSchema>;

/**
 * Kelengkapan items. The seeds mix four kinds in one column (domain.md):
 * - document: must be present before the step completes. `source` says where it comes from:
 *   'input' = the actor attaches/links it now; 'case' = an earlier step produced it;
 *   'produced' = this very step produces it (its output), so it never blocks.
 * - data: a typed value that must be entered.
 * - checklist: equipment/readiness items that must all be ticked.
 * - office: stationery, computers, network: informational only.
 */
export const kelengkapanSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('document'),
    id,
    label: z.string().min(1),
    source: z.enum(['input', 'case', 'produced']),
  }),
  z.object({
    type: z.literal('data'),
    id,
    label: z.string().min(1),
    dataType: dataTypeSchema,
    optional: z.boolean().optional(),
    /** Required (and asked) only on this exit of a decision: a reason only a refusal needs. */
    when: z.enum(['yes', 'no']).optional(),
    /**
     * The values it may take: `text` is one of them, `list` several (the disposition's "harap"
     * choices, a letter's sifat). Stored as the value, shown as the label.
     */
    options: z.array(z.object({ value: z.string().min(1), label: z.string().min(1) })).min(1).optional(),
    /** At most this many items (a list printed as rows of a table of fixed length). */
    maxItems: z.number().int().positive().optional(),
    /**
     * A value offered to the user, who may change it: `pimpinanOf` names the field (or the case
     * partner, when the field is empty) holding an institution, whose head's jabatan is offered
     * from the table of Indonesian institution kinds ("SD Negeri 1 Paringin" -> "Kepala SD Negeri 1 Paringin").
     */
    suggest: z.object({ pimpinanOf: id }).optional(),
    /**
     * The system fills this field when the step completes; users do not type it.
     * agenda = the incoming-letter agenda number and surat = a letter number, both from per-agency,
     * per-year counters reserved in the step's transaction; today = the local date;
     * rekap_referensi = the reading-desk recap of the month given in the step's `periode` field.
     */
    assign: z.enum(['agenda', 'surat', 'today', 'rekap_referensi']).optional(),
  }),
  z.object({ type: z.literal('checklist'), id, label: z.string().min(1) }),
  z.object({ type: z.literal('office'), id, label: z.string().min(1) }),
]);
export type Kelengkapan = z.infer<typeof kelengkapanSchema>;

/**
 * A document (letter, report, schedule) a step produces, and how it is written: the SOP data, not
 * code, chooses its template, wording variant, signer and the case data it reads, so an agency's
 * edited or imported SOP chooses its letters.
 */
export const producedDocumentSchema = z.object({
  id,
  label: z.string().min(1),
  /** The letter template that renders it; null for a document that is no letter (an agenda entry). */
  template: id.nullable(),
  /** The template's wording variant (a changed plan, a coaching notice, a final draft). */
  variant: id.optional(),
  /** The role whose active staff member signs; default the template's signer role, else the actor. */
  signer: id.optional(),
  /** Roles inside the agency it is addressed or forwarded to (a disposition, a nota dinas, a report). */
  kepada: z.array(id).optional(),
  /**
   * The case data fields it reads, by the template's name for them, where the field is named
   * otherwise (`tanggal`: the date it bears, e.g. an agreement's signing date; `nomor`: the field
   * holding its number; `sifat`, `instansi`, `jabatan_penerima`, `petugas`, ...).
   */
  fields: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), id).optional(),
  /** Documents sent with it, counted into its "Lampiran". */
  lampiran: z.array(id).optional(),
  /** Documents it refers to by number and date (a surat tugas's "Dasar": the notice that announced the visits). */
  dasar: z.array(id).optional(),
  /** Overrides whether it is e-mailed to the partner (default: the template's). */
  email: z.boolean().optional(),
});
export type ProducedDocument = z.infer<typeof producedDocumentSchema>;

/** Where an exit leads: another step, or the end of the case with an outcome. */
export const targetSchema = z.union([z.number().int().positive(), z.literal('END')]);
export type Target = z.infer<typeof targetSchema>;

export const exitSchema = z.object({
  to: targetSchema,
  /** What this exit means, shown on buttons and in the history ("Setujui", "Kembalikan untuk diperbaiki"). */
  label: z.string().min(1),
  /** Documents produced only on this branch (e.g. the YES reply letter vs the NO reply letter). */
  produces: z.array(producedDocumentSchema).default([]),
  /** Outcome recorded on the case when this exit ends it. */
  outcome: z.string().optional(),
  /**
   * Whether taking this exit needs a reason (the action's note). Unset: the engine's default
   * (engine.ts `reasonRequired`: the "no" exit of a decision staff take themselves).
   */
  reasonRequired: z.boolean().optional(),
});
export type Exit = z.infer<typeof exitSchema>;

const stepBase = {
  no: z.number().int().positive(),
  /** Activity text verbatim from the seed (OCR noise in seed 001 corrected, noted in actorNote/keterangan). */
  activity: z.string().min(1),
  /** Roles that may take this step in the system. For partner/institution steps: the staff who record it. */
  actors: z.array(id).min(1),
  /** Why these actors: the seed tables lost their actor marks, so most are inferred. */
  actorNote: z.string().optional(),
  /** Who really performs the step: our staff, the partner, or another institution. */
  performer: z.enum(['staff', 'partner', 'institution']).default('staff'),
  /** Name of the partner/institution role for partner/institution steps ("Bagian Hukum Sekretariat Daerah"). */
  performerLabel: z.string().optional(),
  kelengkapan: z.array(kelengkapanSchema).default([]),
  /** Mutu baku waktu exactly as written in the seed ("120 - 180 menit", "ljam"); null when the seed gives none. */
  waktu: z.string().nullable(),
  /** Output column, verbatim. */
  output: z.string().nullable(),
  /** Documents this step produces (on every path); templates map to these ids. */
  produces: z.array(producedDocumentSchema).default([]),
  keterangan: z.string().optional(),
  /**
   * Desk steps are done per visitor or per book as records, not as case transitions
   * (in-house reading: thousands a month). The case starts after them.
   */
  desk: z.boolean().optional(),
  /** For per-item standard times ("3 menit perbuku"): the data field holding the item count. */
  itemCountField: id.optional(),
};

export const stepSchema = z.discriminatedUnion('kind', [
  z.object({ ...stepBase, kind: z.literal('process'), next: z.number().int().positive() }),
  z.object({
    ...stepBase,
    kind: z.literal('decision'),
    question: z.string().min(1),
    // Not `yes`/`no`: `no` is the step number (the seed's NO column).
    ifYes: exitSchema,
    ifNo: exitSchema,
    /**
     * The branch is not chosen here but carried from an earlier decision (Kunjungan resmi step 7
     * writes the YES or NO letter the Kepala Bidang decided at step 6).
     */
    branchFrom: z.number().int().positive().optional(),
  }),
  z.object({ ...stepBase, kind: z.literal('terminator'), outcome: z.string().min(1) }),
]);
export type Step = z.infer<typeof stepSchema>;
export type DecisionStep = Extract<Step, { kind: 'decision' }>;

const sopBaseSchema = z.object({
  id,
  version: z.number().int().positive(),
  title: z.string().min(1),
  /** Short name used in case numbers and lists ("PUSLING"). */
  code: z.string().regex(/^[A-Z][A-Z0-9-]*$/),
  /** Which seed document this definition transcribes. */
  source: z.string().min(1),
  legalBasis: z.array(z.string()).default([]),
  /** Warnings printed on the SOP ("Peringatan"), shown to users. */
  warnings: z.array(z.string()).default([]),
  /** Service-level promises (KITAPUN SENAPAS: 7 jam, tanpa biaya, kanal pengaduan). */
  serviceStandard: z
    .object({
      waktu: z.string().nullable().default(null),
      biaya: z.string().optional(),
      produk: z.array(z.string()).default([]),
      pengaduan: z.array(z.string()).default([]),
    })
    .optional(),
  roles: z.array(roleSchema).min(1),
  /** The step a new case starts at (after any desk steps). */
  startStep: z.number().int().positive(),
  /** Roles that may cancel a running case. */
  cancelRoles: z.array(id).min(1),
  /** Roles that may open a case; defaults to the actors of the start step. */
  createRoles: z.array(id).optional(),
  steps: z.array(stepSchema).min(1),
});

export const sopDefinitionSchema = sopBaseSchema.superRefine((def, ctx) => {
  const roleIds = new Set(def.roles.map((r) => r.id));
  const stepNos = new Set<number>();
  for (const [i, s] of def.steps.entries()) {
    if (stepNos.has(s.no)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'no'], message: `langkah ${s.no} ganda` });
    stepNos.add(s.no);
    for (const a of s.actors) {
      if (!roleIds.has(a)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'actors'], message: `peran ${a} tidak dikenal` });
    }
    const kelIds = new Set<string>();
    for (const k of s.kelengkapan) {
      if (kelIds.has(k.id)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'kelengkapan'], message: `kelengkapan ${k.id} ganda` });
      kelIds.add(k.id);
    }
  }
  const checkTarget = (t: Target, path: (string | number)[]) => {
    if (t !== 'END' && !stepNos.has(t)) ctx.addIssue({ code: 'custom', path, message: `langkah tujuan ${t} tidak ada` });
  };
  for (const [i, s] of def.steps.entries()) {
    if (s.kind === 'process') checkTarget(s.next, ['steps', i, 'next']);
    if (s.kind === 'decision') {
      checkTarget(s.ifYes.to, ['steps', i, 'ifYes']);
      checkTarget(s.ifNo.to, ['steps', i, 'ifNo']);
      if (s.branchFrom !== undefined) {
        const from = def.steps.find((x) => x.no === s.branchFrom);
        if (!from || from.kind !== 'decision') {
          ctx.addIssue({ code: 'custom', path: ['steps', i, 'branchFrom'], message: 'branchFrom harus menunjuk langkah keputusan' });
        }
      }
    }
  }
  checkRoles(def, roleIds, ctx);
  checkProduced(def, roleIds, ctx);
  if (!stepNos.has(def.startStep)) ctx.addIssue({ code: 'custom', path: ['startStep'], message: 'langkah awal tidak ada' });
  for (const r of [...def.cancelRoles, ...(def.createRoles ?? [])]) {
    if (!roleIds.has(r)) ctx.addIssue({ code: 'custom', path: ['cancelRoles'], message: `peran ${r} tidak dikenal` });
  }
  if (!def.steps.some((s) => s.kind === 'terminator' || (s.kind === 'decision' && (s.ifYes.to === 'END' || s.ifNo.to === 'END')))) {
    ctx.addIssue({ code: 'custom', path: ['steps'], message: 'SOP tidak punya langkah akhir' });
  }
});

export type SopDefinition = z.infer<typeof sopDefinitionSchema>;

type Raw = z.infer<typeof sopBaseSchema>;
type Ctx = z.RefinementCtx;

/** An indirect role names a direct superior of the same SOP: its "u.b." line prints that superior. */
function checkRoles(def: Raw, roleIds: Set<string>, ctx: Ctx): void {
  for (const [i, r] of def.roles.entries()) {
    if (r.reportsTo === undefined) {
      if (r.relation === 'indirect') ctx.addIssue({ code: 'custom', path: ['roles', i, 'reportsTo'], message: `peran ${r.id} (indirect) harus menyebut atasannya` });
      continue;
    }
    const boss = def.roles.find((x) => x.id === r.reportsTo);
    if (!roleIds.has(r.reportsTo) || boss?.relation !== 'direct') ctx.addIssue({ code: 'custom', path: ['roles', i, 'reportsTo'], message: `atasan ${r.reportsTo} harus peran SOP ini dengan kedudukan direct` });
  }
}

/** What a produced document reads must exist: its signer and addressees are roles, its fields data of the SOP. */
function checkProduced(def: Raw, roleIds: Set<string>, ctx: Ctx): void {
  const dataIds = new Set(def.steps.flatMap((s) => s.kelengkapan.filter((k) => k.type === 'data').map((k) => k.id)));
  const docIds = new Set(def.steps.flatMap((s) => [...s.kelengkapan.filter((k) => k.type === 'document').map((k) => k.id), ...producedOf(s).map((d) => d.id)]));
  for (const [i, s] of def.steps.entries()) {
    for (const d of producedOf(s)) {
      const path = ['steps', i, 'produces', d.id];
      for (const r of [...(d.signer ? [d.signer] : []), ...(d.kepada ?? [])]) {
        if (!roleIds.has(r)) ctx.addIssue({ code: 'custom', path, message: `peran ${r} pada dokumen ${d.id} tidak dikenal` });
      }
      for (const [slot, field] of Object.entries(d.fields ?? {})) {
        if (!dataIds.has(field)) ctx.addIssue({ code: 'custom', path, message: `isian ${slot} dokumen ${d.id} membaca data ${field} yang tidak ada` });
      }
      for (const l of [...(d.lampiran ?? []), ...(d.dasar ?? [])]) if (!docIds.has(l)) ctx.addIssue({ code: 'custom', path, message: `dokumen ${l} yang dirujuk ${d.id} tidak ada` });
    }
  }
}

/** Every document a step can produce: on every path and on either exit of a decision. */
export function producedOf(step: Pick<Step, 'produces'> & Partial<{ kind: string; ifYes: Exit; ifNo: Exit }>): ProducedDocument[] {
  return [...step.produces, ...(step.kind === 'decision' && step.ifYes && step.ifNo ? [...step.ifYes.produces, ...step.ifNo.produces] : [])];
}
export type SopDefinitionInput = z.input<typeof sopDefinitionSchema>;

/** Parses a definition or throws with every problem listed (a broken catalog must not load). */
export function loadDefinition(raw: unknown): SopDefinition {
  const r = sopDefinitionSchema.safeParse(raw);
  if (!r.success) {
    const where = typeof raw === 'object' && raw && 'id' in raw ? String((raw as { id: unknown }).id) : '?';
    throw new Error(`Definisi SOP ${where} tidak valid:\n${z.prettifyError(r.error)}`);
  }
  return r.data;
}

export function stepOf(def: SopDefinition, no: number): Step {
  const s = def.steps.find((x) => x.no === no);
  if (!s) throw new Error(`SOP ${def.id} v${def.version}: langkah ${no} tidak ada`);
  return s;
}

// The API contract describes definitions without zod; these fail to compile when the two drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Check<T extends true> = T;
export type ContractChecks = [Check<Same<SopDefinition, Api.SopDefinition>>, Check<Same<Step, Api.Step>>, Check<Same<Kelengkapan, Api.Kelengkapan>>];
