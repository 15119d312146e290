// The SOP engine: definition + case state + actor + action -> new state and one event, or a
// domain error. Pure: time and the working-day calendar come in as arguments, nothing is read or
// written here, so every rule can be tested without an emulator and the store can run it inside
// one Firestore transaction.
import { z } from 'zod';
import type { WorkCalendar } from './calendar.ts';
import { domainError, type DomainError, type FieldProblem, type Result } from './errors.ts';
import { stepOf, type DataType, type Exit, type SopDefinition, type Step, type Target } from './schema.ts';
import { maxMinutes, parseWaktu, type Waktu } from './waktu.ts';

export interface Actor {
  email: string;
  name?: string;
  roles: string[];
}

export interface Partner {
  name: string;
  email?: string;
  phone?: string;
  address?: string;
}

export type DocumentStatus = 'provided' | 'pending' | 'ready' | 'failed';

export interface CaseDocument {
  id: string;
  label: string;
  /**
   * provided = attached by a user; pending = produced by a step, waiting to be rendered;
   * ready = rendered (and sent, if the SOP e-mails it); failed = rendering gave up (dead letter).
   */
  status: DocumentStatus;
  step: number;
  revision: number;
  url?: string;
  title?: string;
  at: string;
  /** Letter number reserved for it, template and outbox entry, when a template renders it. */
  nomor?: string | null;
  templateId?: string;
  outboxId?: string;
  pdfUrl?: string | null;
  emailedTo?: string[];
  error?: string;
}

export type CaseStatus = 'open' | 'closed' | 'cancelled';

export interface CaseState {
  id: string;
  agencyId: string;
  nomor: string;
  sopId: string;
  sopVersion: number;
  sopTitle: string;
  title: string;
  partner: Partner | null;
  status: CaseStatus;
  currentStep: number | null;
  /** Roles that can take the current step; empty once the case is over (the task query uses it). */
  currentRoles: string[];
  stepStartedAt: string | null;
  dueAt: string | null;
  /** Number of events so far; the next event's sequence number is version + 1. */
  version: number;
  data: Record<string, unknown>;
  documents: Record<string, CaseDocument>;
  /** Decisions taken, by step number. */
  decisions: Record<string, 'yes' | 'no'>;
  outcome: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

export interface StandardTime {
  raw: string | null;
  label: string;
  basis: Waktu['basis'];
  min: number | null;
  max: number | null;
  unit: string | null;
}

export type ActionType = 'create' | 'complete' | 'decide' | 'cancel';

export interface CaseEvent {
  seq: number;
  at: string;
  actor: { email: string; name?: string; roles: string[] };
  action: ActionType;
  step: number | null;
  /** The step the case moved to, or null when it ended. */
  toStep: number | null;
  decision: 'yes' | 'no' | null;
  input: Record<string, unknown>;
  note: string | null;
  /** What was done as the step's standard time and how long it really took. */
  standard: StandardTime | null;
  stepStartedAt: string | null;
  durationMinutes: number | null;
  dueAt: string | null;
  withinStandard: boolean | null;
  produced: string[];
}

export interface Transition {
  state: CaseState;
  event: CaseEvent;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function validDate(s: string): boolean {
  if (!isoDate.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

const dataValidators: Record<DataType, { schema: z.ZodType; message: string }> = {
  text: { schema: z.string().trim().min(1).max(500), message: 'harus berupa teks satu baris (1–500 karakter)' },
  longtext: { schema: z.string().trim().min(1).max(10_000), message: 'harus berupa teks (1–10.000 karakter)' },
  number: { schema: z.number().finite(), message: 'harus berupa angka' },
  integer: { schema: z.number().int().min(0), message: 'harus berupa bilangan bulat tidak negatif' },
  date: { schema: z.string().refine(validDate), message: 'harus berupa tanggal dengan format YYYY-MM-DD' },
  month: { schema: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/), message: 'harus berupa bulan dengan format YYYY-MM' },
  datetime: { schema: z.iso.datetime({ offset: true }), message: 'harus berupa tanggal dan jam ISO 8601 dengan zona waktu' },
  email: { schema: z.email(), message: 'harus berupa alamat e-mail yang valid' },
  url: { schema: z.url({ protocol: /^https?$/ }), message: 'harus berupa tautan http(s) yang valid' },
  boolean: { schema: z.boolean(), message: 'harus berupa ya/tidak (true/false)' },
  list: {
    schema: z.array(z.string().trim().min(1).max(500)).min(1).max(5000),
    message: 'harus berupa daftar berisi 1–5.000 teks yang tidak kosong',
  },
};

/** The input of a step action as it arrives (already checked for shape at the HTTP boundary). */
export const stepInputSchema = z.strictObject({
  data: z.record(z.string(), z.unknown()).optional(),
  checklist: z.record(z.string(), z.boolean()).optional(),
  documents: z
    .record(z.string(), z.strictObject({ url: z.url({ protocol: /^https?$/ }), title: z.string().trim().max(300).optional() }))
    .optional(),
  note: z.string().trim().max(5000).optional(),
});
export type StepInput = z.infer<typeof stepInputSchema>;

export type Action =
  | { type: 'complete'; step: number; expectedVersion?: number; input: StepInput }
  | { type: 'decide'; step: number; decision: 'yes' | 'no'; expectedVersion?: number; input: StepInput }
  | { type: 'cancel'; reason: string; expectedVersion?: number };

export interface Context {
  def: SopDefinition;
  actor: Actor;
  now: Date;
  calendar: WorkCalendar;
  /** Values the service reserved or computed for the step's system-assigned fields. */
  assigned?: Record<string, unknown>;
}

export type AssignKind = 'agenda' | 'surat' | 'today' | 'rekap_referensi';

/** The data fields of a step that the system fills (see `assign` in the schema). */
export function assignedFields(step: Step): { id: string; assign: AssignKind }[] {
  return step.kelengkapan.flatMap((k) => (k.type === 'data' && k.assign ? [{ id: k.id, assign: k.assign }] : []));
}

export function roleLabels(def: Pick<SopDefinition, 'roles'>, ids: string[]): string {
  return ids.map((r) => def.roles.find((x) => x.id === r)?.label ?? r).join(' atau ');
}

function standardOf(w: Waktu): StandardTime {
  return { raw: w.raw, label: w.label, basis: w.basis, min: w.min ?? null, max: w.max ?? null, unit: w.unit ?? null };
}

function dueFor(step: Step, data: Record<string, unknown>, from: Date, calendar: WorkCalendar): Date | null {
  const itemCount = step.itemCountField ? data[step.itemCountField] : undefined;
  return calendar.dueAt(from, parseWaktu(step.waktu), typeof itemCount === 'number' ? { itemCount } : {});
}

function enterStep(def: SopDefinition, state: CaseState, target: Target, exitOutcome: string | undefined, now: Date, calendar: WorkCalendar): void {
  if (target === 'END') {
    state.status = 'closed';
    state.currentStep = null;
    state.currentRoles = [];
    state.stepStartedAt = null;
    state.dueAt = null;
    state.outcome = exitOutcome ?? 'Selesai';
    return;
  }
  const next = stepOf(def, target);
  state.currentStep = next.no;
  state.currentRoles = [...next.actors];
  state.stepStartedAt = now.toISOString();
  state.dueAt = dueFor(next, state.data, now, calendar)?.toISOString() ?? null;
}

/** Checks the step's kelengkapan against the input and the case; returns every problem at once. */
function checkKelengkapan(step: Step, state: CaseState, input: StepInput): { invalid: FieldProblem[]; missing: FieldProblem[] } {
  const invalid: FieldProblem[] = [];
  const missing: FieldProblem[] = [];
  const known = new Map(step.kelengkapan.map((k) => [k.id, k]));
  // Nothing a user sent is dropped silently: a key the step does not ask for is an error.
  for (const [section, values] of [
    ['data', input.data],
    ['checklist', input.checklist],
    ['documents', input.documents],
  ] as const) {
    for (const key of Object.keys(values ?? {})) {
      const k = known.get(key);
      const expected = section === 'data' ? 'data' : section === 'checklist' ? 'checklist' : 'document';
      if (!k || k.type !== expected) {
        invalid.push({ path: `${section}.${key}`, message: `Langkah ${step.no} tidak meminta isian "${key}" di bagian ${section}.` });
      }
    }
  }
  for (const k of step.kelengkapan) {
    switch (k.type) {
      case 'data': {
        const v = input.data?.[k.id];
        if (k.assign) {
          if (v !== undefined) invalid.push({ path: `data.${k.id}`, message: `${k.label} diisi otomatis oleh sistem; jangan diisi.` });
          break;
        }
        if (v === undefined || v === null || v === '') {
          if (!k.optional) missing.push({ path: `data.${k.id}`, message: `${k.label} wajib diisi.` });
          break;
        }
        const check = dataValidators[k.dataType];
        if (!check.schema.safeParse(v).success) invalid.push({ path: `data.${k.id}`, message: `${k.label} ${check.message}.` });
        break;
      }
      case 'checklist':
        if (input.checklist?.[k.id] !== true) missing.push({ path: `checklist.${k.id}`, message: `${k.label} belum diperiksa/dicentang.` });
        break;
      case 'document': {
        if (k.source === 'produced') break;
        const given = input.documents?.[k.id];
        const onCase = state.documents[k.id];
        if (!given && !onCase) {
          missing.push({
            path: `documents.${k.id}`,
            message:
              k.source === 'case'
                ? `${k.label} belum ada pada kasus ini; lampirkan tautannya.`
                : `${k.label} wajib dilampirkan (tautan dokumen).`,
          });
        }
        break;
      }
      case 'office':
        break;
    }
  }
  return { invalid, missing };
}

function fail<T>(e: DomainError): Result<T> {
  return { ok: false, error: e };
}

function produce(state: CaseState, step: number, docs: { id: string; label: string }[], at: string, attached: Set<string>): string[] {
  // A document the actor attached in this very step is the real thing, not one to generate.
  docs = docs.filter((d) => !attached.has(d.id));
  for (const d of docs) {
    const prev = state.documents[d.id];
    state.documents[d.id] = { id: d.id, label: d.label, status: 'pending', step, revision: (prev?.revision ?? 0) + 1, at };
  }
  return docs.map((d) => d.id);
}

function clone(state: CaseState): CaseState {
  return structuredClone(state);
}

function inputRecord(input: StepInput): Record<string, unknown> {
  const r: Record<string, unknown> = {};
  if (input.data && Object.keys(input.data).length) r.data = input.data;
  if (input.checklist && Object.keys(input.checklist).length) r.checklist = input.checklist;
  if (input.documents && Object.keys(input.documents).length) r.documents = input.documents;
  return r;
}

export interface CreateInput {
  id: string;
  agencyId: string;
  nomor: string;
  title?: string;
  partner?: Partner;
}

export function canCreate(def: SopDefinition, actor: Actor): boolean {
  const roles = def.createRoles ?? stepOf(def, def.startStep).actors;
  return roles.some((r) => actor.roles.includes(r));
}

export function createCase(ctx: Context, input: CreateInput): Result<Transition> {
  const { def, actor, now, calendar } = ctx;
  if (!canCreate(def, actor)) {
    const roles = def.createRoles ?? stepOf(def, def.startStep).actors;
    return fail(domainError('WRONG_ROLE', `Kasus ${def.title} hanya dapat dibuat oleh ${roleLabels(def, roles)}.`, [{ path: 'sop', message: 'Peran Anda tidak berwenang membuat kasus ini.' }]));
  }
  const at = now.toISOString();
  const state: CaseState = {
    id: input.id,
    agencyId: input.agencyId,
    nomor: input.nomor,
    sopId: def.id,
    sopVersion: def.version,
    sopTitle: def.title,
    title: input.title?.trim() || (input.partner ? `${def.title} — ${input.partner.name}` : def.title),
    partner: input.partner ?? null,
    status: 'open',
    currentStep: null,
    currentRoles: [],
    stepStartedAt: null,
    dueAt: null,
    version: 1,
    data: {},
    documents: {},
    decisions: {},
    outcome: null,
    createdAt: at,
    createdBy: actor.email,
    updatedAt: at,
  };
  enterStep(def, state, def.startStep, undefined, now, calendar);
  const event: CaseEvent = {
    seq: 1,
    at,
    actor: actorRecord(actor),
    action: 'create',
    step: null,
    toStep: state.currentStep,
    decision: null,
    input: { title: state.title, ...(input.partner ? { partner: input.partner } : {}) },
    note: null,
    standard: null,
    stepStartedAt: null,
    durationMinutes: null,
    dueAt: null,
    withinStandard: null,
    produced: [],
  };
  return { ok: true, value: { state, event } };
}

function actorRecord(actor: Actor): CaseEvent['actor'] {
  return actor.name ? { email: actor.email, name: actor.name, roles: [...actor.roles] } : { email: actor.email, roles: [...actor.roles] };
}

export function transition(ctx: Context, current: CaseState, action: Action): Result<Transition> {
  const { def, actor, now, calendar } = ctx;
  if (current.status !== 'open' || current.currentStep === null) {
    return fail(domainError('CASE_CLOSED', `Kasus ${current.nomor} sudah ${current.status === 'cancelled' ? 'dibatalkan' : 'selesai'}; tidak ada langkah yang dapat diambil.`));
  }
  if (action.expectedVersion !== undefined && action.expectedVersion !== current.version) {
    return fail(
      domainError('VERSION_CONFLICT', `Kasus ${current.nomor} sudah berubah (versi ${current.version}, Anda melihat versi ${action.expectedVersion}). Muat ulang lalu coba lagi.`, [
        { path: 'expectedVersion', message: 'Versi kasus sudah berubah.' },
      ]),
    );
  }
  const at = now.toISOString();
  const state = clone(current);
  state.updatedAt = at;
  state.version = current.version + 1;

  if (action.type === 'cancel') {
    if (!def.cancelRoles.some((r) => actor.roles.includes(r))) {
      return fail(domainError('WRONG_ROLE', `Pembatalan hanya dapat dilakukan oleh ${roleLabels(def, def.cancelRoles)}.`));
    }
    const reason = action.reason.trim();
    if (!reason) return fail(domainError('INVALID_INPUT', 'Alasan pembatalan wajib diisi.', [{ path: 'reason', message: 'Alasan pembatalan wajib diisi.' }]));
    const step = current.currentStep;
    state.status = 'cancelled';
    state.outcome = `Dibatalkan: ${reason}`;
    state.currentStep = null;
    state.currentRoles = [];
    state.stepStartedAt = null;
    state.dueAt = null;
    return {
      ok: true,
      value: {
        state,
        event: {
          seq: state.version,
          at,
          actor: actorRecord(actor),
          action: 'cancel',
          step,
          toStep: null,
          decision: null,
          input: {},
          note: reason,
          standard: null,
          stepStartedAt: current.stepStartedAt,
          durationMinutes: null,
          dueAt: current.dueAt,
          withinStandard: null,
          produced: [],
        },
      },
    };
  }

  if (action.step !== current.currentStep) {
    return fail(
      domainError('NOT_CURRENT_STEP', `Langkah ${action.step} belum/tidak dapat dikerjakan: kasus ${current.nomor} sedang berada di langkah ${current.currentStep}. Langkah SOP harus dikerjakan berurutan.`, [
        { path: 'step', message: `Langkah saat ini adalah ${current.currentStep}.` },
      ]),
    );
  }
  const step = stepOf(def, current.currentStep);
  if (!step.actors.some((r) => actor.roles.includes(r))) {
    return fail(domainError('WRONG_ROLE', `Langkah ${step.no} hanya dapat dikerjakan oleh ${roleLabels(def, step.actors)}.`));
  }

  // Which way the case goes from here.
  let exit: Exit | { to: Target; label: string; produces: []; outcome?: string };
  let decision: 'yes' | 'no' | null = null;
  if (step.kind === 'decision') {
    if (step.branchFrom !== undefined) {
      const carried = current.decisions[String(step.branchFrom)];
      if (!carried) throw new Error(`SOP ${def.id}: step ${step.no} carries step ${step.branchFrom}'s decision, which was never taken`);
      if (action.type === 'decide' && action.decision !== carried) {
        return fail(domainError('INVALID_INPUT', `Keputusan langkah ${step.no} mengikuti keputusan langkah ${step.branchFrom} (${carried === 'yes' ? 'YA' : 'TIDAK'}).`, [{ path: 'decision', message: 'Keputusan tidak sesuai dengan keputusan pimpinan.' }]));
      }
      decision = carried;
    } else {
      if (action.type !== 'decide') {
        return fail(domainError('INVALID_INPUT', `Langkah ${step.no} adalah keputusan: pilih "${step.ifYes.label}" atau "${step.ifNo.label}".`, [{ path: 'decision', message: 'Keputusan wajib dipilih.' }]));
      }
      decision = action.decision;
    }
    exit = decision === 'yes' ? step.ifYes : step.ifNo;
  } else {
    if (action.type === 'decide') {
      return fail(domainError('INVALID_INPUT', `Langkah ${step.no} bukan langkah keputusan.`, [{ path: 'decision', message: 'Langkah ini tidak meminta keputusan.' }]));
    }
    exit = step.kind === 'process' ? { to: step.next, label: 'Selesai', produces: [] } : { to: 'END', label: 'Selesai', produces: [], outcome: step.outcome };
  }

  const input = action.input;
  const { invalid, missing } = checkKelengkapan(step, current, input);
  if (invalid.length > 0) return fail(domainError('INVALID_INPUT', `Isian langkah ${step.no} tidak valid: ${invalid.map((p) => p.message).join(' ')}`, invalid));
  // A "no" returns the work for revision: what is still missing does not block sending it back.
  if (missing.length > 0 && decision !== 'no') {
    return fail(domainError('MISSING_KELENGKAPAN', `Kelengkapan langkah ${step.no} belum lengkap: ${missing.map((p) => p.message).join(' ')}`, missing));
  }

  // Apply the input, then what the system assigned.
  for (const [k, v] of Object.entries(input.data ?? {})) state.data[k] = typeof v === 'string' ? v.trim() : v;
  for (const f of assignedFields(step)) {
    const v = ctx.assigned?.[f.id];
    if (v === undefined) throw new Error(`SOP ${def.id} step ${step.no}: no ${f.assign} value was assigned to ${f.id}`);
    state.data[f.id] = v;
  }
  for (const [k, d] of Object.entries(input.documents ?? {})) {
    const label = step.kelengkapan.find((x) => x.id === k)?.label ?? k;
    const prev = state.documents[k];
    state.documents[k] = {
      id: k,
      label,
      status: 'provided',
      step: step.no,
      revision: (prev?.revision ?? 0) + 1,
      url: d.url,
      ...(d.title ? { title: d.title } : {}),
      at,
    };
  }
  if (decision) state.decisions[String(step.no)] = decision;
  const attached = new Set(Object.keys(input.documents ?? {}));
  const produced = [
    ...produce(state, step.no, step.produces, at, attached),
    ...produce(state, step.no, exit.produces, at, attached),
  ];

  // Standard time against actual time.
  const w = parseWaktu(step.waktu);
  const startedAt = current.stepStartedAt ? new Date(current.stepStartedAt) : now;
  const durationMinutes = Math.round(((now.getTime() - startedAt.getTime()) / 60_000) * 100) / 100;
  const itemCountRaw = step.itemCountField ? state.data[step.itemCountField] : undefined;
  const itemCount = typeof itemCountRaw === 'number' ? itemCountRaw : undefined;
  const due = current.dueAt ? new Date(current.dueAt) : w.basis === 'item' ? calendar.dueAt(startedAt, w, itemCount !== undefined ? { itemCount } : {}) : null;
  const limit = maxMinutes(w, itemCount);
  const withinStandard = due ? now.getTime() <= due.getTime() : limit !== undefined ? durationMinutes <= limit : null;

  enterStep(def, state, exit.to, exit.outcome, now, calendar);

  const note = input.note?.trim() || null;
  const event: CaseEvent = {
    seq: state.version,
    at,
    actor: actorRecord(actor),
    action: action.type,
    step: step.no,
    toStep: state.currentStep,
    decision,
    input: { ...inputRecord(input), ...(ctx.assigned && Object.keys(ctx.assigned).length ? { assigned: ctx.assigned } : {}) },
    note,
    standard: standardOf(w),
    stepStartedAt: current.stepStartedAt,
    durationMinutes,
    dueAt: due ? due.toISOString() : null,
    withinStandard,
    produced,
  };
  return { ok: true, value: { state, event } };
}

/** What the current step asks for, for forms and task lists. */
export function currentStepOf(def: SopDefinition, state: CaseState): Step | null {
  return state.currentStep === null ? null : stepOf(def, state.currentStep);
}
