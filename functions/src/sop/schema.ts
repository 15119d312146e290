// SOP definitions are plain data (an agency can edit, print, diff and draw them), validated here
// whenever they are loaded: from the catalog, from Firestore, or from an agency's edited copy.
import { z } from 'zod';
import type * as Api from '../contract.ts';

const id = z.string().regex(/^[a-z][a-z0-9_]*$/, 'id harus huruf kecil, angka atau garis bawah');

export const roleSchema = z.object({
  id,
  label: z.string().min(1),
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

/** A document (letter, report, schedule) a step produces: a template to render later. */
export const producedDocumentSchema = z.object({
  id,
  label: z.string().min(1),
});

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

export const sopDefinitionSchema = z
  .object({
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
  })
  .superRefine((def, ctx) => {
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
    if (!stepNos.has(def.startStep)) ctx.addIssue({ code: 'custom', path: ['startStep'], message: 'langkah awal tidak ada' });
    for (const r of [...def.cancelRoles, ...(def.createRoles ?? [])]) {
      if (!roleIds.has(r)) ctx.addIssue({ code: 'custom', path: ['cancelRoles'], message: `peran ${r} tidak dikenal` });
    }
    if (!def.steps.some((s) => s.kind === 'terminator' || (s.kind === 'decision' && (s.ifYes.to === 'END' || s.ifNo.to === 'END')))) {
      ctx.addIssue({ code: 'custom', path: ['steps'], message: 'SOP tidak punya langkah akhir' });
    }
  });

export type SopDefinition = z.infer<typeof sopDefinitionSchema>;
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
