// Inside a transition's transaction: every document the step produced that a template renders
// gets its letter number (from the per-agency, per-year counter, so no gaps and no duplicates),
// a snapshot of what the letter will say, and an outbox entry for the worker. When the step
// brings the case to a step the partner answers through a form, the partner's e-mail carries the
// prefilled link, signed here for the version this transition writes.
import { DateTime } from 'luxon';
import { templateFor, type TemplateSpec } from '../documents/templates.ts';
import { formatLetterNumber } from '../documents/format.ts';
import type { LetterContext } from '../documents/types.ts';
import type { AssignKind, Transition } from '../contract.ts';
import { stepLink, type StepLink } from '../forms/links.ts';
import type { Refs } from '../forms/refs.ts';
import { freshEntry, type Agency, type OutboxEntry, type Staff } from '../model/records.ts';
import type { TxTools } from '../model/store.ts';
import type { Actor } from '../sop/engine.ts';
import type { SopDefinition } from '../sop/schema.ts';

/** Counters and signers a step's letters and numbered fields read, known before the transition runs. */
export interface PlannedReads {
  counters: string[];
  signerRoles: string[];
}

export function plannedReads(agency: Agency, def: SopDefinition, docs: { id: string }[], assigned: AssignKind[], now: Date): PlannedReads {
  const year = DateTime.fromJSDate(now, { zone: agency.timeZone }).year;
  const templates = docs.map((d) => templateFor(def.id, d.id)).filter((t): t is TemplateSpec => t !== null);
  const counters = new Set<string>();
  if (assigned.includes('agenda')) counters.add(agendaCounter(year));
  if (assigned.includes('surat') || templates.some((t) => t.numbered)) counters.add(letterCounter(year));
  return { counters: [...counters], signerRoles: [...new Set(templates.flatMap((t) => (t.signerRole ? [t.signerRole] : [])))] };
}

/**
 * Reads every counter and signer at once: one round trip inside the transaction instead of one
 * per read. Counters land in `counters`; the signers are returned by role.
 */
export async function prefetch(tools: TxTools, counters: Record<string, number>, reads: PlannedReads): Promise<Map<string, Staff | null>> {
  const names = reads.counters.filter((name) => counters[name] === undefined);
  const [values, signers] = await Promise.all([tools.counters(names), Promise.all(reads.signerRoles.map(async (role) => [role, await tools.signer(role)] as const))]);
  names.forEach((name, i) => (counters[name] = values[i]!));
  return new Map(signers);
}

export interface PlanInput {
  agency: Agency;
  def: SopDefinition;
  actor: Actor;
  /** The actor's staff record; null for a partner acting through a form. */
  member: Staff | null;
  transition: Transition;
  tools: TxTools;
  /** Counter values already reserved in this transaction (shared with agenda numbers); updated in place. */
  counters: Record<string, number>;
  /** Signers already read, by role (see prefetch); others are read when needed. */
  signers?: Map<string, Staff | null>;
  now: Date;
  /** Signs prefilled form links (the case service's option); without it partners are asked to reply by e-mail. */
  refs?: Refs | null;
}

/** A planned letter with the partner's next step, if the case now waits on a form they answer. */
type LetterPlan = PlanInput & { next: StepLink | null };

export const letterCounter = (year: number) => `surat-${year}`;
export const agendaCounter = (year: number) => `agenda-${year}`;

/** Where a letter to the partner goes: the partner's e-mail, else an e-mail the SOP collected (the step form says so before it is sent: cases/letters-preview.ts). */
export function recipient(state: Transition['state']): string | null {
  if (state.partner?.email) return state.partner.email;
  for (const [k, v] of Object.entries(state.data)) if (k.startsWith('email') && typeof v === 'string' && v.includes('@')) return v;
  return null;
}

/** A letter number in the agency's format, with the template's (or the agency's override) classification. */
export function letterNumber(agency: Agency, template: TemplateSpec | null, urut: number, now: Date): string {
  const local = DateTime.fromJSDate(now, { zone: agency.timeZone });
  const klasifikasi = (template && agency.numbering.klasifikasi[template.id]) ?? template?.klasifikasi ?? DEFAULT_KLASIFIKASI;
  return formatLetterNumber(agency.numbering.format, { klasifikasi, urut, unit: agency.numbering.unit, month: local.month, year: local.year }, { pad: agency.numbering.pad });
}

/** Classification code for a number reserved outside any template (naskah dinas: general correspondence). */
const DEFAULT_KLASIFIKASI = '000.5.2';

export async function reserve(tools: TxTools, counters: Record<string, number>, name: string): Promise<number> {
  const last = counters[name] ?? (await tools.counters([name]))[0]!;
  counters[name] = last + 1;
  return last + 1;
}

/** What the letter will say, captured in the step's transaction. */
function letterContext(p: PlanInput, template: TemplateSpec, nomor: string | null, signer: Staff | null): LetterContext {
  const { agency, def, transition, now } = p;
  const { state, event } = transition;
  const step = def.steps.find((s) => s.no === event.step)!;
  const roleLabel = (roles: string[]) => def.roles.find((r) => roles.includes(r.id))?.label;
  const member = p.member ?? { email: p.actor.email, name: p.actor.name ?? p.actor.email, roles: [] as string[], jabatan: undefined, nip: undefined, pangkat: undefined };
  const jabatan = member.jabatan || roleLabel(member.roles);
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
      documents: Object.fromEntries(Object.values(state.documents).map((d) => [d.id, { label: d.label, ...(d.url ? { url: d.url } : {}) }])),
      decisions: state.decisions,
    },
    step: { no: step.no, activity: step.activity, note: event.note },
    actor: {
      email: member.email,
      name: member.name,
      ...(jabatan ? { jabatan } : {}),
      ...(member.nip ? { nip: member.nip } : {}),
      ...(member.pangkat ? { pangkat: member.pangkat } : {}),
    },
    signer: signer
      ? { name: signer.name, jabatan: signer.jabatan ?? roleLabel(signer.roles) ?? template.signerRole!, ...(signer.nip ? { nip: signer.nip } : {}), ...(signer.pangkat ? { pangkat: signer.pangkat } : {}) }
      : null,
    nomor,
    at: now.toISOString(),
  };
}

/** The e-mail that carries the letter to the partner, when the SOP sends it and an address is known. */
function partnerEmail(p: LetterPlan, template: TemplateSpec, nomor: string | null): OutboxEntry['email'] {
  const { agency } = p;
  const { state } = p.transition;
  const to = template.emailToPartner ? recipient(state) : null;
  if (!to) return null;
  return {
    to: [to],
    subject: `${template.title}${nomor ? ` Nomor ${nomor}` : ''} — ${agency.shortName}`,
    text: [
      `Yth. ${state.partner?.name ?? 'Bapak/Ibu'},`,
      '',
      `Bersama ini kami sampaikan ${template.title}${nomor ? ` nomor ${nomor}` : ''} terkait ${state.title} (kasus ${state.nomor}), terlampir dalam bentuk PDF.`,
      ...(p.next ? ['', ...nextStepLines(p, p.next)] : []),
      '',
      'Atas perhatian dan kerja samanya kami ucapkan terima kasih.',
      '',
      'Hormat kami,',
      agency.name,
    ].join('\n'),
  };
}

/**
 * The letters a transition produced, and, when it brought the case to a step the partner answers
 * through a form and no letter goes to the partner, an e-mail with only the prefilled link.
 */
export async function planLetters(p: PlanInput): Promise<OutboxEntry[]> {
  const { event, state } = p.transition;
  const moved = (event.action === 'complete' || event.action === 'decide') && event.toStep !== null && event.toStep !== event.step;
  const next = moved ? stepLink(p.refs ?? null, p.agency, state, p.now) : null;
  const letters = await lettersOf({ ...p, next });
  const to = recipient(state);
  // Only an answer form the partner performs gets its own e-mail: a reply form (PKS drafts) spans
  // several staff steps and would otherwise write to the partner at each of them.
  if (!next?.url || next.form.mode !== 'answer' || !to || !p.agency.mail || letters.some((e) => e.email)) return letters;
  return [...letters, formMail(p, next, next.url, to)];
}

async function lettersOf(p: LetterPlan): Promise<OutboxEntry[]> {
  const { agency, transition, tools, now } = p;
  const { state, event } = transition;
  if (event.step === null || event.produced.length === 0) return [];
  if (!agency.letterhead) throw new Error(`agency ${agency.id} has no letterhead: letters cannot be written`);
  const year = DateTime.fromJSDate(now, { zone: agency.timeZone }).year;
  const at = now.toISOString();
  const entries: OutboxEntry[] = [];
  for (const docId of event.produced) {
    const template = templateFor(p.def.id, docId);
    if (!template) continue;
    const doc = state.documents[docId]!;
    const nomor = template.numbered ? letterNumber(agency, template, await reserve(tools, p.counters, letterCounter(year)), now) : null;
    const role = template.signerRole;
    const signer = !role ? null : p.signers?.has(role) ? p.signers.get(role)! : await tools.signer(role);
    const id = `${state.id}-${docId}-r${doc.revision}`;
    entries.push({
      kind: 'letter',
      id,
      agencyId: agency.id,
      caseId: state.id,
      docId,
      docLabel: doc.label,
      revision: doc.revision,
      templateId: template.id,
      title: `${template.title} ${state.nomor.replaceAll('/', '-')}${doc.revision > 1 ? ` (revisi ${doc.revision})` : ''}`,
      context: letterContext(p, template, nomor, signer),
      email: partnerEmail(p, template, nomor),
      ...freshEntry(at),
    });
    state.documents[docId] = { ...doc, nomor, templateId: template.id, outboxId: id };
  }
  return entries;
}

/** Expiry dates as a partner reads them: "12 November 2026". */
function localDate(agency: Agency, at: Date): string {
  return DateTime.fromJSDate(at, { zone: agency.timeZone }).setLocale('id').toFormat('d LLLL yyyy');
}

/** One sentence on what the partner does next, then the link; a reply by e-mail while the agency has no such form. */
function nextStepLines(p: PlanInput, next: StepLink): string[] {
  const what = `Langkah berikutnya: ${next.form.description}`;
  if (!next.url) return [`${what} Formulir daring untuk itu belum tersedia; mohon balas e-mail ini dengan menyebut nomor kasus ${p.transition.state.nomor}.`];
  return [`${what} Isi formulir "${next.form.title}" melalui tautan berikut; kode kasus Anda sudah terisi dan tautan berlaku sampai ${localDate(p.agency, next.expiresAt)}:`, next.url];
}

/** An e-mail carrying only the prefilled link (no letter this step), sent once by the outbox. */
function formMail(p: PlanInput, next: StepLink, url: string, to: string): OutboxEntry {
  const { agency, now } = p;
  const { state } = p.transition;
  const at = now.toISOString();
  return {
    kind: 'mail',
    id: `${state.id}-formulir_${next.form.id}-v${state.version}`.slice(0, 200),
    agencyId: agency.id,
    caseId: state.id,
    docId: `formulir_${next.form.id}`,
    docLabel: next.form.title,
    revision: 1,
    templateId: '',
    title: next.form.title,
    context: null,
    email: {
      to: [to],
      subject: `${next.form.title} (${state.nomor}) — ${agency.shortName}`,
      text: [`Yth. ${state.partner?.name ?? 'Bapak/Ibu'},`, '', `Terkait ${state.title} (kasus ${state.nomor}):`, '', ...nextStepLines(p, { ...next, url }), '', 'Hormat kami,', agency.name].join('\n'),
    },
    ...freshEntry(at),
  };
}
