// Application services: who may do what on which case, with the engine deciding and the store
// keeping it. Every entry point takes an already verified identity (email) and resolves roles
// from the agency's staff directory, never from the request.
import { DateTime } from 'luxon';
import { BULAN, createCalendar, ZONE_LABEL, type WorkCalendar } from '../sop/calendar.ts';
import { pimpinanOf } from '../documents/institutions.ts';
import type { AssignKind, CaseDetail, CaseRow, CaseState, CreateCaseRequest, Partner, PlannedLetter, SopDescription, Task, Transition } from '../contract.ts';
import type { Agency, OutboxEntry, Staff, Submission } from '../model/records.ts';
import type { CaseQuery, CaseSummary, Cursor, Effects, Idempotency, Store, Stored, TxTools } from '../model/store.ts';
import { assignedFields, createCase, currentStepOf, plannedDocuments, transition, type Action, type Actor } from '../sop/engine.ts';
import { caseRow, taskOf } from './rows.ts';
import { DomainFailure, domainError, type Result } from '../sop/errors.ts';
import { describeDefinition, withReasons } from '../sop/describe.ts';
import { producedOf, stepOf, type SopDefinition, type Step } from '../sop/schema.ts';
import { parseWaktu } from '../sop/waktu.ts';
import { answerFormFor } from '../forms/links.ts';
import type { Refs } from '../forms/refs.ts';

export interface Caller {
  agency: Agency;
  actor: Actor;
}

export type CaseService = ReturnType<typeof createCaseService>;

/**
 * Values offered for the step's data fields (`suggest`): what the case already holds, else the
 * head of the institution the field names, from the table of institution kinds.
 */
export function suggestionsFor(step: Step, state: CaseState): { suggested?: Record<string, string> } {
  const out: Record<string, string> = {};
  for (const k of step.kelengkapan) {
    if (k.type !== 'data' || !k.suggest) continue;
    const have = state.data[k.id];
    const from = state.data[k.suggest.pimpinanOf];
    const institution = typeof from === 'string' && from.trim() ? from : state.partner?.name;
    if (typeof have === 'string' && have.trim()) out[k.id] = have;
    else if (institution?.trim()) out[k.id] = pimpinanOf(institution);
  }
  return Object.keys(out).length ? { suggested: out } : {};
}

/**
 * Letter planning and the template catalog, loaded when a step first needs them: most requests
 * (reading cases, task lists) never do, and the api's cold start should not pay for them.
 */
let lettersModule: Promise<typeof import('../outbox/plan.ts') & Pick<typeof import('../documents/templates.ts'), 'templateFor'>> | undefined;
const letters = () =>
  (lettersModule ??= Promise.all([import('../outbox/plan.ts'), import('../documents/templates.ts')]).then(([plan, templates]) => ({ ...plan, templateFor: templates.templateFor })));

/** Whose idempotency records a partner's form responses are kept under (no staff e-mail looks like it). */
export const PARTNER_CALLER = 'formulir-mitra';

/** The e-mail confirming a partner's submission, if it can be sent (an outbox entry of kind mail). */
export type Receipt = (t: Transition) => OutboxEntry | null;

/** Tells the outbox worker that entries are waiting (Pub/Sub in production, in-process locally). */
export type OutboxNotifier = (agencyId: string, entryIds: string[]) => Promise<void>;

/** What a case opened from a partner's submission starts with, read inside its transaction. */
export interface FromSubmission {
  title?: string;
  partner: Partner;
  data: Record<string, unknown>;
  /** The start step, taken at once when the partner performs it (the form answered it). */
  complete?: Extract<Action, { type: 'complete' }>;
  /** The submission, marked handled by this case: written in the same transaction. */
  handled: (t: Transition) => Submission;
}

export interface CaseServiceOptions {
  clock?: () => Date;
  notify?: OutboxNotifier;
  /** Signs the prefilled form links partner e-mails carry (the forms secret); without it partners are asked to reply by e-mail. */
  formRefs?: Refs;
}

export function createCaseService(store: Store, opts: CaseServiceOptions = {}) {
  const clock = opts.clock ?? (() => new Date());
  // A lost notification only delays the letter until the sweeper runs: never fail the request for it.
  const notify: OutboxNotifier = async (agencyId, ids) => {
    try {
      await opts.notify?.(agencyId, ids);
    } catch (err) {
      console.error(JSON.stringify({ severity: 'WARNING', message: 'outbox notification failed; the sweeper will pick the entries up', agencyId, ids, error: String(err) }));
    }
  };
  const calendars = new Map<string, { key: string; cal: WorkCalendar }>();

  async function calendarOf(agency: Agency): Promise<WorkCalendar> {
    const holidays = [...(await store.holidays()), ...agency.extraHolidays];
    const key = `${agency.timeZone}|${holidays.join(',')}`;
    const hit = calendars.get(agency.id);
    if (hit && hit.key === key) return hit.cal;
    const cal = createCalendar({ timeZone: agency.timeZone, holidays });
    calendars.set(agency.id, { key, cal });
    return cal;
  }

  async function agencyOrFail(agencyId: string): Promise<Agency> {
    const agency = await store.agency(agencyId);
    if (!agency) throw new DomainFailure(domainError('NOT_FOUND', `Instansi "${agencyId}" tidak terdaftar.`, [{ path: 'agencyId', message: 'Instansi tidak dikenal.' }]));
    return agency;
  }

  /** The staff directory is the only source of roles; an unknown or inactive member is refused. */
  function actorOf(agency: Agency, email: string, member: Staff | null): Actor {
    if (!member || !member.active) {
      throw new DomainFailure(domainError('NOT_STAFF', `${email} tidak terdaftar sebagai pegawai aktif ${agency.name}.`));
    }
    return { email: member.email, name: member.name, roles: member.roles };
  }

  async function caller(agency: Agency, email: string): Promise<Caller> {
    return { agency, actor: actorOf(agency, email, await store.staff(agency.id, email)) };
  }

  /** The value of a system-assigned field (see `assign` in the SOP schema). */
  async function assign(
    field: string,
    kind: AssignKind,
    x: { agency: Agency; def: SopDefinition; step: Step; state: CaseState; action: Action; tools: TxTools; counters: Record<string, number>; now: Date },
  ): Promise<unknown> {
    const local = DateTime.fromJSDate(x.now, { zone: x.agency.timeZone });
    const { agendaCounter, documentDate, numberFor, reserve, templateFor } = await letters();
    const input = x.action.type === 'complete' || x.action.type === 'decide' ? (x.action.input.data ?? {}) : {};
    switch (kind) {
      case 'agenda':
        return String(await reserve(x.tools, x.counters, agendaCounter(local.year)));
      case 'surat': {
        // The number of the document the step produces with this field as its number, dated as that document is.
        const docs = producedOf(x.step);
        const doc = docs.find((d) => d.fields?.['nomor'] === field) ?? docs[0];
        const template = doc ? templateFor(doc) : null;
        return numberFor({ agency: x.agency, tools: x.tools, counters: x.counters }, template, documentDate(x.agency, doc, { ...x.state.data, ...input }, x.now));
      }
      case 'today':
        return local.toISODate();
      case 'rekap_referensi':
        return recapOf(x.agency, input.periode, local);
    }
  }

  /** The desk recap of a month that is over: a month still running would be reported incomplete. */
  async function recapOf(agency: Agency, month: unknown, local: DateTime): Promise<unknown> {
    // An invalid period fails the step's own validation; no recap is needed for it.
    if (typeof month !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return null;
    if (month >= local.toFormat('yyyy-MM')) {
      const [y, m] = month.split('-').map(Number);
      const message = `Laporan bulan ${BULAN[m! - 1]} ${y} baru dapat dibuat setelah bulan itu berakhir.`;
      throw new DomainFailure(domainError('INVALID_INPUT', message, [{ path: 'data.periode', message }]));
    }
    return store.deskRecap(agency.id, month);
  }

  /**
   * One action on a case inside its transaction: the numbers its fields and letters take (read
   * together), the engine's transition, and the letters' outbox entries.
   */
  async function stepEffects(agency: Agency, def: SopDefinition, actor: Actor, member: Staff | null, state: CaseState, action: Action, tools: TxTools): Promise<Result<Effects>> {
    const now = clock();
    const calendar = await calendarOf(agency);
    const counters: Record<string, number> = {};
    const assigned: Record<string, unknown> = {};
    let signers: Map<string, Staff | null> | undefined;
    if ((action.type === 'complete' || action.type === 'decide') && state.status === 'open' && state.currentStep === action.step) {
      const step = stepOf(def, action.step);
      const fields = assignedFields(step);
      const { prefetch, plannedReads } = await letters();
      signers = await prefetch(tools, counters, plannedReads(agency, def, plannedDocuments(def, state, action), fields.map((f) => f.assign), now));
      for (const f of fields) assigned[f.id] = await assign(f.id, f.assign, { agency, def, step, state, action, tools, counters, now });
    }
    const t = transition({ def, actor, now, calendar, assigned }, state, action);
    if (!t.ok) return t;
    const { planLetters } = await letters();
    const outbox = await planLetters({ agency, def, actor, member, transition: t.value, tools, counters, signers, now, refs: opts.formRefs ?? null });
    return { ok: true, value: { transition: t.value, counters, outbox } };
  }

  /** E-mails without a letter the transition wrote (form links); not on the case, so named here. */
  function mailsOf(fx: Result<Effects>): string[] {
    return fx.ok ? (fx.value.outbox ?? []).filter((e) => e.kind === 'mail').map((e) => e.id) : [];
  }

  /** Tells the worker about the letters (and the e-mails) a committed transition wrote. */
  async function announce(agency: Agency, r: Stored<Transition>, more: string[] = []): Promise<void> {
    if (r.replayed) return;
    const ids = [...r.value.event.produced.map((d) => r.value.state.documents[d]?.outboxId).filter((x): x is string => !!x), ...more];
    if (ids.length) await notify(agency.id, ids);
  }

  /** A partner's transition with its submission record and its receipt e-mail, for one transaction. */
  function withSubmission(fx: Effects, submission: (t: Transition) => Submission, receipt: Receipt): Effects {
    const mail = receipt(fx.transition);
    return { ...fx, submission: submission(fx.transition), outbox: [...(fx.outbox ?? []), ...(mail ? [mail] : [])] };
  }

  function receiptId(r: Stored<Transition>, receipt: Receipt): string[] {
    const mail = r.replayed ? null : receipt(r.value);
    return mail ? [mail.id] : [];
  }

  async function definitionOrFail(agencyId: string, sopId: string, version?: number): Promise<SopDefinition> {
    const def = await store.definition(agencyId, sopId, version);
    if (!def) throw new DomainFailure(domainError('NOT_FOUND', `SOP "${sopId}" tidak ditemukan.`, [{ path: 'sop', message: 'SOP tidak dikenal.' }]));
    return def;
  }

  /** PUSLING/2026/0001: the SOP's code, the local year and the serial of the per-agency counter. */
  function caseNomor(def: SopDefinition, year: number, serial: number): string {
    return `${def.code}/${year}/${String(serial).padStart(4, '0')}`;
  }

  function localYear(agency: Agency, at: Date): number {
    return DateTime.fromJSDate(at, { zone: agency.timeZone }).year;
  }

  /** What the current step sends out once saved (letters, e-mails and to whom), loaded only for a step that can send something. */
  async function previewLetters(agency: Agency, def: SopDefinition, state: CaseState, step: Step): Promise<PlannedLetter[]> {
    const preview = await import('./letters-preview.ts');
    return preview.maySend(def, step, state.decisions) ? preview.plannedLetters(agency, def, state, step, !!opts.formRefs) : [];
  }

  /** The partner form answering the current step (its link is offered to staff), or null. */
  function partnerFormOf(state: CaseState): CaseDetail['partnerForm'] {
    const form = state.status === 'open' && state.currentStep !== null ? answerFormFor(state.sopId, state.currentStep) : null;
    return form ? { formId: form.id, title: form.title } : null;
  }

  /** The definitions the listed cases run on, each read once (they are cached by version after that). */
  async function definitionsOf(agencyId: string, items: CaseSummary[]): Promise<(s: CaseSummary) => SopDefinition | null> {
    const keys = [...new Set(items.map((s) => `${s.sopId}@${s.sopVersion}`))];
    const defs = new Map(await Promise.all(keys.map(async (k) => [k, await store.definition(agencyId, k.split('@')[0]!, Number(k.split('@')[1]))] as const)));
    return (s) => defs.get(`${s.sopId}@${s.sopVersion}`) ?? null;
  }

  return {
    agency: agencyOrFail,
    caller,

    async listSops(c: Caller): Promise<SopDescription[]> {
      return (await store.activeDefinitions(c.agency.id)).map(describeDefinition);
    },

    async getSop(c: Caller, sopId: string): Promise<SopDescription> {
      return describeDefinition(await definitionOrFail(c.agency.id, sopId));
    },

    async create(c: Caller, input: CreateCaseRequest, idem: Idempotency): Promise<Stored<Transition>> {
      const def = await definitionOrFail(c.agency.id, input.sop);
      const now = clock();
      const calendar = await calendarOf(c.agency);
      const year = localYear(c.agency, now);
      return store.createCase(c.agency.id, c.actor.email, idem, `${def.code}-${year}`, (id, serial) => {
        const t = createCase(
          { def, actor: c.actor, now, calendar },
          { id, agencyId: c.agency.id, nomor: caseNomor(def, year, serial), ...(input.title ? { title: input.title } : {}), ...(input.partner ? { partner: input.partner } : {}) },
        );
        return t.ok ? { ok: true, value: { transition: t.value } } : t;
      });
    },

    /**
     * Staff roles are read in the transaction itself, so a role withdrawn a moment ago already
     * counts. Agenda and letter numbers are reserved and the letters' outbox entries written in
     * the same transaction; the worker is notified after it commits.
     */
    async act(agency: Agency, email: string, caseId: string, action: Action, idem: Idempotency): Promise<Stored<Transition>> {
      let mails: string[] = [];
      const r = await store.updateCase(agency.id, caseId, email, idem, async (state, member, tools) => {
        const fx = await stepEffects(agency, await definitionOrFail(agency.id, state.sopId, state.sopVersion), actorOf(agency, email, member), member, state, action, tools);
        mails = mailsOf(fx); // the attempt that commits is the last one to run
        return fx;
      });
      await announce(agency, r, mails);
      return r;
    },

    /**
     * A partner's action through a form: the same engine and transaction as staff, the partner as
     * the actor (only partner steps), and the submission recorded with it. `idem.key` is the
     * form response, so a second delivery replays.
     */
    async actAsPartner(agency: Agency, actor: Actor, caseId: string, action: Action, idem: Idempotency, submission: (t: Transition) => Submission, receipt: Receipt): Promise<Stored<Transition>> {
      const r = await store.updateCase(agency.id, caseId, PARTNER_CALLER, idem, async (state, _member, tools) => {
        const fx = await stepEffects(agency, await definitionOrFail(agency.id, state.sopId, state.sopVersion), actor, null, state, action, tools);
        return fx.ok ? { ok: true, value: withSubmission(fx.value, submission, receipt) } : fx;
      });
      await announce(agency, r, receiptId(r, receipt));
      return r;
    },

    /** A case a partner's form opens, with what the form gave; `complete` takes the start step too (the partner performs it). */
    async openAsPartner(
      agency: Agency,
      actor: Actor,
      input: { sop: string; title?: string; partner: Partner; data: Record<string, unknown>; complete?: Extract<Action, { type: 'complete' }> },
      idem: Idempotency,
      submission: (t: Transition) => Submission,
      receipt: Receipt,
    ): Promise<Stored<Transition>> {
      const def = await definitionOrFail(agency.id, input.sop);
      const now = clock();
      const calendar = await calendarOf(agency);
      const year = localYear(agency, now);
      const r = await store.createCase(agency.id, PARTNER_CALLER, idem, `${def.code}-${year}`, async (id, serial, tools) => {
        const created = createCase(
          { def, actor, now, calendar },
          { id, agencyId: agency.id, nomor: caseNomor(def, year, serial), partner: input.partner, data: input.data, ...(input.title ? { title: input.title } : {}) },
        );
        if (!created.ok) return created;
        if (!input.complete) return { ok: true, value: withSubmission({ transition: created.value }, submission, receipt) };
        const fx = await stepEffects(agency, def, actor, null, created.value.state, input.complete, tools);
        return fx.ok ? { ok: true, value: withSubmission({ ...fx.value, history: [created.value.event] }, submission, receipt) } : fx;
      });
      await announce(agency, r, receiptId(r, receipt));
      return r;
    },

    /**
     * A case staff open from a partner's rejected or held submission: as the form would have, but
     * the staff member is the actor (their roles count, the events name them), and the submission
     * is marked handled in the same transaction. `prepare` runs inside it, after the idempotency
     * check, so a replay answers with the first case even once the submission is handled.
     */
    async openFromSubmission(c: Caller, sopId: string, idem: Idempotency, prepare: (tools: TxTools, def: SopDefinition) => Promise<Result<FromSubmission>>): Promise<Stored<Transition>> {
      const def = await definitionOrFail(c.agency.id, sopId);
      const [member, calendar] = await Promise.all([store.staff(c.agency.id, c.actor.email), calendarOf(c.agency)]);
      const now = clock();
      const year = localYear(c.agency, now);
      let mails: string[] = [];
      const r = await store.createCase(c.agency.id, c.actor.email, idem, `${def.code}-${year}`, async (id, serial, tools) => {
        const prepared = await prepare(tools, def);
        if (!prepared.ok) return prepared;
        const { title, partner, data, complete, handled } = prepared.value;
        const created = createCase({ def, actor: c.actor, now, calendar }, { id, agencyId: c.agency.id, nomor: caseNomor(def, year, serial), partner, data, ...(title ? { title } : {}) });
        if (!created.ok) return created;
        if (!complete) return { ok: true, value: { transition: created.value, handled: handled(created.value) } };
        const fx = await stepEffects(c.agency, def, c.actor, member, created.value.state, complete, tools);
        mails = mailsOf(fx);
        return fx.ok ? { ok: true, value: { ...fx.value, history: [created.value.event], handled: handled(fx.value.transition) } } : fx;
      });
      await announce(c.agency, r, mails);
      return r;
    },

    async get(c: Caller, caseId: string): Promise<CaseDetail> {
      const found = await store.readCase(c.agency.id, caseId);
      if (!found) throw new DomainFailure(domainError('NOT_FOUND', `Kasus ${caseId} tidak ditemukan.`, [{ path: 'caseId', message: 'Kasus tidak ditemukan.' }]));
      const def = await definitionOrFail(c.agency.id, found.state.sopId, found.state.sopVersion);
      const step = currentStepOf(def, found.state);
      const cal = await calendarOf(c.agency);
      return {
        case: found.state,
        events: found.events,
        currentStep: step ? { ...withReasons(step), standard: parseWaktu(step.waktu), canAct: step.actors.some((r) => c.actor.roles.includes(r)), ...suggestionsFor(step, found.state) } : null,
        dueLocal: found.state.dueAt ? cal.formatLocal(new Date(found.state.dueAt)) : null,
        timeZone: ZONE_LABEL[c.agency.timeZone],
        partnerForm: partnerFormOf(found.state),
        letters: step ? await previewLetters(c.agency, def, found.state, step) : [],
      };
    },

    /** Where the caller is active staff: the add-on picks its agency from these. */
    async memberships(email: string) {
      const all = await store.memberships(email);
      const out = [];
      for (const m of all.filter((x) => x.staff.active)) {
        const agency = await store.agency(m.agencyId);
        if (!agency) continue;
        const roles = (await store.activeDefinitions(m.agencyId)).flatMap((d) => d.roles);
        const label = (id: string) => roles.find((r) => r.id === id)?.label ?? id.replace(/_/g, ' ');
        out.push({ agencyId: m.agencyId, agencyName: agency.name, roles: m.staff.roles, roleLabels: m.staff.roles.map(label) });
      }
      return out.sort((a, b) => a.agencyName.localeCompare(b.agencyName, 'id'));
    },

    /** One page of the agency's cases as rows of "Semua kasus" and the "Kasus" sheet, in Bahasa Indonesia. */
    async listCases(c: Caller, q: Omit<CaseQuery, 'count'>): Promise<{ rows: CaseRow[]; next: Cursor | null; total: number | null }> {
      const now = clock();
      const cal = await calendarOf(c.agency);
      const page = await store.listCases(c.agency.id, { ...q, count: !q.after });
      const defOf = await definitionsOf(c.agency.id, page.items);
      return { rows: page.items.map((s) => caseRow(s, defOf(s), cal, c.agency.timeZone, now)), next: page.next, total: page.total };
    },

    /** One case's row (the sheet rewrites only that row after a step). */
    async row(c: Caller, caseId: string): Promise<CaseRow> {
      const found = await store.readCase(c.agency.id, caseId);
      if (!found) throw new DomainFailure(domainError('NOT_FOUND', `Kasus ${caseId} tidak ditemukan.`, [{ path: 'caseId', message: 'Kasus tidak ditemukan.' }]));
      const def = await store.definition(c.agency.id, found.state.sopId, found.state.sopVersion);
      return caseRow(found.state, def, await calendarOf(c.agency), c.agency.timeZone, clock());
    },

    /** One page of my tasks: overdue first, then the nearest due time, steps without one last. */
    async tasks(c: Caller, q: { limit: number; after?: Cursor }): Promise<{ tasks: Task[]; next: Cursor | null; total: number | null; overdue: number | null }> {
      const now = clock();
      const cal = await calendarOf(c.agency);
      const page = await store.tasks(c.agency.id, c.actor.roles, { limit: q.limit, count: !q.after, now, ...(q.after ? { after: q.after } : {}) });
      const defOf = await definitionsOf(c.agency.id, page.items);
      const tasks = page.items.map((s) => taskOf(s, defOf(s), cal, now)).filter((t): t is Task => t !== null);
      return { tasks, next: page.next, total: page.total, overdue: page.overdue };
    },
  };
}
