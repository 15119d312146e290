// The SOP engine: definition + case state + actor + action -> new state and one event, or a
// domain error. Pure: time and the working-day calendar come in as arguments, nothing is read or
// written here, so every rule can be tested without an emulator and the store can run it inside
// one Firestore transaction. The shapes of the state and the event are the API contract's.
import type { AssignKind, CaseEvent, CaseState, Partner, StandardTime, Transition } from '../contract.ts';
import type { WorkCalendar } from './calendar.ts';
import { domainError, type DomainError, type Result } from './errors.ts';
import { checkKelengkapan, type StepInput } from './kelengkapan.ts';
import { stepOf, type Exit, type ProducedDocument, type SopDefinition, type Step, type Target } from './schema.ts';
import { maxMinutes, parseWaktu, type Waktu } from './waktu.ts';

export type { AssignKind, CaseDocument, CaseEvent, CaseState, CaseStatus, DocumentStatus, Partner, StandardTime, Transition } from '../contract.ts';
export { DATA_LIMITS, line, paragraph, stepInputSchema, validateData, type StepInput } from './kelengkapan.ts';

export interface Actor {
  email: string;
  name?: string;
  roles: string[];
  /** A partner acting through a partner form: takes only the steps a partner performs. */
  partner?: true;
}

/** Data a partner form brings that no kelengkapan of the step asks for: kept on the case (already validated). */
type Extra = { extra?: Record<string, unknown> };

export type Action =
  | ({ type: 'complete'; step: number; expectedVersion?: number; input: StepInput } & Extra)
  | ({ type: 'decide'; step: number; decision: 'yes' | 'no'; expectedVersion?: number; input: StepInput } & Extra)
  | { type: 'cancel'; reason: string; expectedVersion?: number }
  | { type: 'respond'; data: Record<string, unknown>; note?: string; expectedVersion?: number };

type StepAction = Extract<Action, { type: 'complete' | 'decide' }>;

export interface Context {
  def: SopDefinition;
  actor: Actor;
  now: Date;
  calendar: WorkCalendar;
  /** Values the service reserved or computed for the step's system-assigned fields. */
  assigned?: Record<string, unknown>;
}

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

/** Leaves the case with no current step (closed or cancelled). */
function stopAt(state: CaseState, status: 'closed' | 'cancelled', outcome: string): void {
  state.status = status;
  state.outcome = outcome;
  state.currentStep = null;
  state.currentRoles = [];
  state.stepStartedAt = null;
  state.dueAt = null;
}

function enterStep(def: SopDefinition, state: CaseState, target: Target, exitOutcome: string | undefined, now: Date, calendar: WorkCalendar): void {
  if (target === 'END') return stopAt(state, 'closed', exitOutcome ?? 'Selesai');
  const next = stepOf(def, target);
  state.currentStep = next.no;
  state.currentRoles = [...next.actors];
  state.stepStartedAt = now.toISOString();
  state.dueAt = dueFor(next, state.data, now, calendar)?.toISOString() ?? null;
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

function inputRecord(input: StepInput): Record<string, unknown> {
  const r: Record<string, unknown> = {};
  if (input.data && Object.keys(input.data).length) r.data = input.data;
  if (input.checklist && Object.keys(input.checklist).length) r.checklist = input.checklist;
  if (input.documents && Object.keys(input.documents).length) r.documents = input.documents;
  return r;
}

function actorRecord(actor: Actor): CaseEvent['actor'] {
  return { email: actor.email, ...(actor.name ? { name: actor.name } : {}), roles: [...actor.roles], ...(actor.partner ? { via: 'formulir' as const } : {}) };
}

/** An event with nothing measured: creation and cancellation. */
function plainEvent(e: Pick<CaseEvent, 'seq' | 'at' | 'action' | 'step' | 'toStep' | 'input' | 'note' | 'stepStartedAt' | 'dueAt'> & { actor: Actor }): CaseEvent {
  return { ...e, actor: actorRecord(e.actor), decision: null, standard: null, durationMinutes: null, withinStandard: null, produced: [] };
}

export interface CreateInput {
  id: string;
  agencyId: string;
  nomor: string;
  title?: string;
  partner?: Partner;
  /** Data the partner's form gave when it opened the case (already validated). */
  data?: Record<string, unknown>;
}

/** Staff of the creating roles; a partner only through a form that opens this SOP (the forms layer checks which). */
export function canCreate(def: SopDefinition, actor: Actor): boolean {
  if (actor.partner) return true;
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
    data: { ...input.data },
    documents: {},
    decisions: {},
    outcome: null,
    createdAt: at,
    createdBy: actor.email,
    updatedAt: at,
  };
  enterStep(def, state, def.startStep, undefined, now, calendar);
  const event = plainEvent({
    seq: 1,
    at,
    actor,
    action: 'create',
    step: null,
    toStep: state.currentStep,
    input: { title: state.title, ...(input.partner ? { partner: input.partner } : {}), ...(input.data && Object.keys(input.data).length ? { data: input.data } : {}) },
    note: null,
    stepStartedAt: null,
    dueAt: null,
  });
  return { ok: true, value: { state, event } };
}

/** The case as it will be after this action: a copy with the next version, or why no action can be taken. */
function nextVersion(current: CaseState, action: Action, at: string): Result<CaseState> {
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
  const state = structuredClone(current);
  state.updatedAt = at;
  state.version = current.version + 1;
  return { ok: true, value: state };
}

function cancel(ctx: Context, current: CaseState, state: CaseState, reason: string): Result<Transition> {
  const { def, actor } = ctx;
  if (!def.cancelRoles.some((r) => actor.roles.includes(r))) {
    return fail(domainError('WRONG_ROLE', `Pembatalan hanya dapat dilakukan oleh ${roleLabels(def, def.cancelRoles)}.`));
  }
  const why = reason.trim();
  if (!why) return fail(domainError('INVALID_INPUT', 'Alasan pembatalan wajib diisi.', [{ path: 'reason', message: 'Alasan pembatalan wajib diisi.' }]));
  stopAt(state, 'cancelled', `Dibatalkan: ${why}`);
  delete state.returned;
  const event = plainEvent({
    seq: state.version,
    at: state.updatedAt,
    actor,
    action: 'cancel',
    step: current.currentStep,
    toStep: null,
    input: {},
    note: why,
    stepStartedAt: current.stepStartedAt,
    dueAt: current.dueAt,
  });
  return { ok: true, value: { state, event } };
}

type ResolvedExit = { exit: Exit | { to: Target; label: string; produces: []; outcome?: string }; decision: 'yes' | 'no' | null };

/** Which way the case goes from this step: the exit and the decision taken (or carried from an earlier step). */
function resolveExit(def: SopDefinition, step: Step, current: CaseState, action: StepAction): Result<ResolvedExit> {
  if (step.kind !== 'decision') {
    if (action.type === 'decide') {
      return fail(domainError('INVALID_INPUT', `Langkah ${step.no} bukan langkah keputusan.`, [{ path: 'decision', message: 'Langkah ini tidak meminta keputusan.' }]));
    }
    const exit = step.kind === 'process' ? { to: step.next, label: 'Selesai', produces: [] as [] } : { to: 'END' as const, label: 'Selesai', produces: [] as [], outcome: step.outcome };
    return { ok: true, value: { exit, decision: null } };
  }
  let decision: 'yes' | 'no';
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
  return { ok: true, value: { exit: decision === 'yes' ? step.ifYes : step.ifNo, decision } };
}

/** Writes the input, the system-assigned values, attached documents and the decision onto the case; returns the documents produced. */
function apply(ctx: Context, step: Step, state: CaseState, input: StepInput, r: ResolvedExit): string[] {
  const at = state.updatedAt;
  for (const [k, v] of Object.entries(input.data ?? {})) state.data[k] = typeof v === 'string' ? v.trim() : v;
  for (const f of assignedFields(step)) {
    const v = ctx.assigned?.[f.id];
    if (v === undefined) throw new Error(`SOP ${ctx.def.id} step ${step.no}: no ${f.assign} value was assigned to ${f.id}`);
    state.data[f.id] = v;
  }
  for (const [k, d] of Object.entries(input.documents ?? {})) {
    const label = step.kelengkapan.find((x) => x.id === k)?.label ?? k;
    const prev = state.documents[k];
    state.documents[k] = { id: k, label, status: 'provided', step: step.no, revision: (prev?.revision ?? 0) + 1, url: d.url, ...(d.title ? { title: d.title } : {}), at };
  }
  if (r.decision) state.decisions[String(step.no)] = r.decision;
  const attached = new Set(Object.keys(input.documents ?? {}));
  return [...produce(state, step.no, step.produces, at, attached), ...produce(state, step.no, r.exit.produces, at, attached)];
}

/** The step's standard time against the time it really took. */
function measure(ctx: Context, step: Step, current: CaseState, state: CaseState): Pick<CaseEvent, 'standard' | 'durationMinutes' | 'dueAt' | 'withinStandard'> {
  const { now, calendar } = ctx;
  const w = parseWaktu(step.waktu);
  const startedAt = current.stepStartedAt ? new Date(current.stepStartedAt) : now;
  const durationMinutes = Math.round(((now.getTime() - startedAt.getTime()) / 60_000) * 100) / 100;
  const itemCountRaw = step.itemCountField ? state.data[step.itemCountField] : undefined;
  const itemCount = typeof itemCountRaw === 'number' ? itemCountRaw : undefined;
  const due = current.dueAt ? new Date(current.dueAt) : w.basis === 'item' ? calendar.dueAt(startedAt, w, itemCount !== undefined ? { itemCount } : {}) : null;
  const limit = maxMinutes(w, itemCount);
  const withinStandard = due ? now.getTime() <= due.getTime() : limit !== undefined ? durationMinutes <= limit : null;
  return { standard: standardOf(w), durationMinutes, dueAt: due ? due.toISOString() : null, withinStandard };
}

/**
 * Whether taking `decision` at this step needs a reason (the note): as the exit declares, else by
 * default for the "no" exit of a decision staff take themselves (a partner's answer, and a branch
 * carried from an earlier decision, give their reasons elsewhere).
 */
export function reasonRequired(step: Step, decision: 'yes' | 'no'): boolean {
  if (step.kind !== 'decision') return false;
  const exit = decision === 'yes' ? step.ifYes : step.ifNo;
  // A required item asked only on this exit (`when`) is the reason already: it is required as kelengkapan, the note stays free.
  if (exit.reasonRequired === undefined && reasonField(step, decision)) return false;
  return exit.reasonRequired ?? (decision === 'no' && step.performer === 'staff' && step.branchFrom === undefined);
}

/** The data item holding a decision's reason: a required item asked only on that exit (`when`), or null. */
export function reasonField(step: Step, decision: 'yes' | 'no'): string | null {
  const k = step.kelengkapan.find((x) => x.type === 'data' && x.when === decision && !x.optional && !x.assign);
  return k ? k.id : null;
}

/** Keeps a decision's reason on the case for the step it leads to; any other step clears it. */
function noteDecision(state: CaseState, step: Step, r: ResolvedExit, actor: Actor, note: string | null, input: StepInput): void {
  delete state.returned;
  if (!r.decision || state.currentStep === null) return;
  const field = reasonField(step, r.decision);
  if (!field && !reasonRequired(step, r.decision)) return;
  const given = field ? input.data?.[field] : undefined;
  const reason = note ?? (typeof given === 'string' && given.trim() ? given.trim() : null);
  const back = typeof r.exit.to === 'number' && r.exit.to <= step.no;
  state.returned = { step: step.no, label: r.exit.label, back, by: actor.name ?? actor.email, byEmail: actor.email, at: state.updatedAt, reason };
}

function takeStep(ctx: Context, current: CaseState, state: CaseState, action: StepAction): Result<Transition> {
  const { def, actor } = ctx;
  if (action.step !== current.currentStep) {
    return fail(
      domainError('NOT_CURRENT_STEP', `Langkah ${action.step} belum/tidak dapat dikerjakan: kasus ${current.nomor} sedang berada di langkah ${current.currentStep}. Langkah SOP harus dikerjakan berurutan.`, [
        { path: 'step', message: `Langkah saat ini adalah ${current.currentStep}.` },
      ]),
    );
  }
  const step = stepOf(def, action.step);
  if (actor.partner ? step.performer === 'staff' : !step.actors.some((r) => actor.roles.includes(r))) {
    return fail(domainError('WRONG_ROLE', `Langkah ${step.no} hanya dapat dikerjakan oleh ${roleLabels(def, step.actors)}.`));
  }
  const resolved = resolveExit(def, step, current, action);
  if (!resolved.ok) return resolved;
  const { invalid, missing } = checkKelengkapan(step, current, action.input, resolved.value.decision);
  if (invalid.length > 0) return fail(domainError('INVALID_INPUT', `Isian langkah ${step.no} tidak valid: ${invalid.map((p) => p.message).join(' ')}`, invalid));
  const decision = resolved.value.decision;
  const note = action.input.note?.trim() || null;
  if (decision && reasonRequired(step, decision) && !note) {
    const label = resolved.value.exit.label;
    return fail(domainError('MISSING_KELENGKAPAN', `Alasan wajib ditulis di catatan untuk keputusan "${label}".`, [{ path: 'note', message: `Tulis alasannya: mengapa "${label}".` }]));
  }
  // A "no" returns the work for revision: what is still missing does not block sending it back,
  // except what the "no" itself needs (an item `when: 'no'`, such as the reason for a refusal).
  const blocking = resolved.value.decision === 'no' ? missing.filter((p) => noNeeds(step, p.path)) : missing;
  if (blocking.length > 0) {
    return fail(domainError('MISSING_KELENGKAPAN', `Kelengkapan langkah ${step.no} belum lengkap: ${blocking.map((p) => p.message).join(' ')}`, blocking));
  }
  const produced = apply(ctx, step, state, action.input, resolved.value);
  Object.assign(state.data, action.extra);
  const measured = measure(ctx, step, current, state);
  enterStep(def, state, resolved.value.exit.to, resolved.value.exit.outcome, ctx.now, ctx.calendar);
  noteDecision(state, step, resolved.value, actor, note, action.input);
  const event: CaseEvent = {
    seq: state.version,
    at: state.updatedAt,
    actor: actorRecord(actor),
    action: action.type,
    step: step.no,
    toStep: state.currentStep,
    decision: resolved.value.decision,
    input: { ...inputRecord(action.input), ...(ctx.assigned && Object.keys(ctx.assigned).length ? { assigned: ctx.assigned } : {}) },
    note,
    ...measured,
    stepStartedAt: current.stepStartedAt,
    produced,
  };
  return { ok: true, value: { state, event } };
}

/** Whether the missing item at `path` is one only a "no" asks for. */
function noNeeds(step: Step, path: string): boolean {
  return step.kelengkapan.some((k) => k.type === 'data' && k.when === 'no' && path === `data.${k.id}`);
}

/** A partner's reply through a form, kept on the case at its current step; the case does not move. */
function respond(ctx: Context, current: CaseState, state: CaseState, action: Extract<Action, { type: 'respond' }>): Result<Transition> {
  if (!ctx.actor.partner) return fail(domainError('WRONG_ROLE', 'Tanggapan mitra hanya masuk melalui formulir mitra.'));
  Object.assign(state.data, action.data);
  const event = plainEvent({
    seq: state.version,
    at: state.updatedAt,
    actor: ctx.actor,
    action: 'respond',
    step: current.currentStep,
    toStep: current.currentStep,
    input: Object.keys(action.data).length ? { data: action.data } : {},
    note: action.note?.trim() || null,
    stepStartedAt: current.stepStartedAt,
    dueAt: current.dueAt,
  });
  return { ok: true, value: { state, event } };
}

export function transition(ctx: Context, current: CaseState, action: Action): Result<Transition> {
  const next = nextVersion(current, action, ctx.now.toISOString());
  if (!next.ok) return next;
  if (action.type === 'cancel') return cancel(ctx, current, next.value, action.reason);
  if (action.type === 'respond') return respond(ctx, current, next.value, action);
  return takeStep(ctx, current, next.value, action);
}

/**
 * The documents this action would produce (the step's own and its exit's), or none when it cannot
 * be taken: lets the caller read what those letters need before it runs the transition.
 */
export function plannedDocuments(def: SopDefinition, state: CaseState, action: Action): ProducedDocument[] {
  if (action.type === 'cancel' || action.type === 'respond' || state.status !== 'open' || state.currentStep !== action.step) return [];
  const step = stepOf(def, action.step);
  const r = resolveExit(def, step, state, action);
  return r.ok ? [...step.produces, ...r.value.exit.produces] : [];
}

/** What the current step asks for, for forms and task lists. */
export function currentStepOf(def: SopDefinition, state: Pick<CaseState, 'currentStep'>): Step | null {
  return state.currentStep === null ? null : stepOf(def, state.currentStep);
}
