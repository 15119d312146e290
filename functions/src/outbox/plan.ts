// Inside a transition's transaction: every document the step produced that a template renders
// gets its letter number (from the per-agency, per-year counter, so no gaps and no duplicates),
// a snapshot of what the letter will say, and an outbox entry for the worker. When the step
// brings the case to a step the partner answers through a form, the partner's e-mail carries the
// prefilled link, signed here for the version this transition writes.
import { DateTime } from 'luxon';
import { letterHeading, type LetterHeading } from '../documents/fields/index.ts';
import { pimpinanOf } from '../documents/institutions.ts';
import { templateFor, type TemplateSpec } from '../documents/templates.ts';
import { formatLetterNumber, hariTanggal, jam } from '../documents/format.ts';
import type { AssignKind, Transition } from '../contract.ts';
import { stepLink, surveyLink, type StepLink } from '../forms/links.ts';
import type { Refs } from '../forms/refs.ts';
import { freshEntry, type Agency, type OutboxEntry, type Staff } from '../model/records.ts';
import type { TxTools } from '../model/store.ts';
import type { Actor } from '../sop/engine.ts';
import { DomainFailure, domainError } from '../sop/errors.ts';
import { producedOf, type ProducedDocument, type SopDefinition } from '../sop/schema.ts';
import { boundField, letterContext, peopleOf, type Planned } from './letter-context.ts';

/** Counters and signers a step's letters and numbered fields read, known before the transition runs. */
export interface PlannedReads {
  counters: string[];
  signerRoles: string[];
}

/** The role whose staff member signs the document: the SOP's choice, else the template's. */
function signerRoleOf(doc: ProducedDocument, template: TemplateSpec): string | undefined {
  return doc.signer ?? template.signerRole;
}

export function plannedReads(agency: Agency, def: SopDefinition, docs: ProducedDocument[], assigned: AssignKind[], now: Date): PlannedReads {
  const year = DateTime.fromJSDate(now, { zone: agency.timeZone }).year;
  const letters = docs.flatMap((d) => {
    const t = templateFor(d);
    return t ? [{ d, t }] : [];
  });
  const counters = new Set<string>();
  if (assigned.includes('agenda')) counters.add(agendaCounter(year));
  // A document dated in another year reads that year's counter when it is planned.
  if (assigned.includes('surat') || letters.some(({ t }) => t.numbered)) counters.add(letterCounter(year));
  const roles = letters.flatMap(({ d, t }) => signerRoleOf(d, t) ?? []).filter((r) => def.roles.some((x) => x.id === r));
  return { counters: [...counters], signerRoles: [...new Set(roles)] };
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

/**
 * A letter number in the agency's format, with the template's (or the agency's override)
 * classification; its month and year are those of `date`, the date the document bears.
 */
export function letterNumber(agency: Agency, template: TemplateSpec | null, urut: number, date: Date | string): string {
  const local = localDateTime(agency, date);
  const klasifikasi = (template && agency.numbering.klasifikasi[template.id]) ?? template?.klasifikasi ?? DEFAULT_KLASIFIKASI;
  return formatLetterNumber(agency.numbering.format, { klasifikasi, urut, unit: agency.numbering.unit, month: local.month, year: local.year }, { pad: agency.numbering.pad });
}

function localDateTime(agency: Agency, date: Date | string): DateTime {
  return typeof date === 'string' ? DateTime.fromISO(date, { zone: agency.timeZone }) : DateTime.fromJSDate(date, { zone: agency.timeZone });
}

/** Classification code for a number reserved outside any template (naskah dinas: general correspondence). */
const DEFAULT_KLASIFIKASI = '000.5.2';

export async function reserve(tools: TxTools, counters: Record<string, number>, name: string): Promise<number> {
  const last = counters[name] ?? (await tools.counters([name]))[0]!;
  counters[name] = last + 1;
  return last + 1;
}

/**
 * The date a document bears: the date (or date and time) in the field its SOP names as `tanggal`
 * (an agreement's signing date, a meeting's time), else the moment of the step.
 */
export function documentDate(agency: Agency, doc: ProducedDocument | undefined, data: Record<string, unknown>, now: Date): string {
  const v = doc?.fields?.['tanggal'] ? data[doc.fields['tanggal']] : undefined;
  return typeof v === 'string' && localDateTime(agency, v).isValid ? v : now.toISOString();
}

/** A letter number reserved now, for a document dated `date`: from the register of that date's year. */
export async function numberFor(p: Pick<PlanInput, 'agency' | 'tools' | 'counters'>, template: TemplateSpec | null, date: string): Promise<string> {
  const year = localDateTime(p.agency, date).year;
  return letterNumber(p.agency, template, await reserve(p.tools, p.counters, letterCounter(year)), date);
}

/** The e-mail that carries the letter to the partner, when the SOP sends it and an address is known. */
function partnerEmail(p: LetterPlan, l: Planned, heading: LetterHeading): OutboxEntry['email'] {
  const { agency } = p;
  const { state } = p.transition;
  const to = (l.doc.email ?? l.template.emailToPartner) ? recipient(state) : null;
  if (!to) return null;
  const nomor = l.nomor ? ` Nomor ${l.nomor}` : '';
  return {
    to: [to],
    subject: `${heading.subject} — ${agency.shortName}`,
    text: [
      `Yth. ${heading.greeting},`,
      '',
      `Bersama ini kami sampaikan ${heading.title}${nomor} terkait ${state.title} (kasus ${state.nomor}), terlampir dalam bentuk PDF.`,
      ...(l.template.draft ? ['Draf ini belum bernomor dan belum bertanggal: nomor dan tanggal perjanjian diisi pada saat penandatanganan.'] : []),
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
  const survey = surveyMail(p, to);
  const done = survey ? [...letters, survey] : letters;
  // Only an answer form the partner performs gets its own e-mail: a reply form (PKS drafts) spans
  // several staff steps and would otherwise write to the partner at each of them.
  if (!next?.url || next.form.mode !== 'answer' || !to || !p.agency.mail || letters.some((e) => e.email)) return done;
  return [...done, formMail(p, next, next.url, to)];
}

/**
 * The IKM survey invitation, when this transition completes the case's last step (a cancelled
 * case is not served, so it is not surveyed): once per case, since a case closes once and the
 * entry's id is the case's. Nothing when the partner left no e-mail, the agency sends no mail, no
 * secret signs codes, or the agency has not created the survey form (staff enter paper SKM forms).
 */
function surveyMail(p: PlanInput, to: string | null): OutboxEntry | null {
  const { agency, def, now } = p;
  const { state, event } = p.transition;
  const closed = (event.action === 'complete' || event.action === 'decide') && event.toStep === null && state.status === 'closed';
  if (!closed || !to || !agency.mail || !p.refs) return null;
  const link = surveyLink(p.refs, agency, state.id, now);
  if (!link) return null;
  return {
    kind: 'mail',
    id: `${state.id}-survei_ikm`,
    agencyId: agency.id,
    caseId: state.id,
    docId: 'survei_ikm',
    docLabel: 'Survei kepuasan masyarakat',
    revision: 1,
    templateId: '',
    title: `Survei kepuasan ${def.title}`,
    context: null,
    email: {
      to: [to],
      subject: `Survei kepuasan layanan ${def.title} (${state.nomor}) — ${agency.shortName}`,
      text: [
        `Yth. ${state.partner?.name ? pimpinanOf(state.partner.name) : 'Bapak/Ibu'},`,
        '',
        `Layanan ${def.title} untuk Anda (kasus ${state.nomor}) telah selesai. Terima kasih telah menggunakan layanan ${agency.name}.`,
        '',
        'Kami mohon kesediaan Anda mengisi survei kepuasan masyarakat atas layanan tersebut: sembilan pertanyaan singkat dan satu saran, sekitar dua menit. Jawaban Anda dihitung dalam Indeks Kepuasan Masyarakat (IKM) layanan ini dan membantu kami memperbaikinya.',
        '',
        `Isi survei melalui tautan berikut; kode layanan Anda sudah terisi, survei dapat diisi satu kali dan tautan berlaku sampai ${localDate(agency, link.expiresAt)}:`,
        link.url,
        '',
        'Hormat kami,',
        agency.name,
      ].join('\n'),
    },
    ...freshEntry(now.toISOString()),
  };
}

/** A record of an event (minutes) cannot be made before the event it records. */
function checkRecord(p: PlanInput, template: TemplateSpec, doc: ProducedDocument, date: string): void {
  if (!template.record || localDateTime(p.agency, date).toMillis() <= p.now.getTime()) return;
  const field = boundField(doc, 'tanggal');
  const when = `${hariTanggal(date, p.agency.timeZone)}${date.includes('T') ? ` ${jam(date, p.agency.timeZone, ZONE_LABELS[p.agency.timeZone])}` : ''}`;
  const message = `${template.title} belum dapat dibuat: rapat dijadwalkan ${when}; notula dibuat setelah rapat dilaksanakan.`;
  throw new DomainFailure(domainError('INVALID_INPUT', message, [{ path: `data.${field}`, message }]));
}

const ZONE_LABELS = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' } as const;

/** Number, date, signer and people of one produced document. */
async function plan(p: LetterPlan, doc: ProducedDocument, template: TemplateSpec): Promise<Planned> {
  const { state } = p.transition;
  const date = documentDate(p.agency, doc, state.data, p.now);
  checkRecord(p, template, doc, date);
  // A number the step's own field already took (an agreement's, assigned with its signing date) is the letter's.
  const taken = doc.fields?.['nomor'] ? state.data[doc.fields['nomor']] : undefined;
  const nomor = !template.numbered ? null : typeof taken === 'string' && taken ? taken : await numberFor(p, template, date);
  const signerRole = signerRoleOf(doc, template);
  const signer = !signerRole ? null : p.signers?.has(signerRole) ? p.signers.get(signerRole)! : await p.tools.signer(signerRole);
  return { template, doc, nomor, date, signerRole, signer, people: await peopleOf(p.tools, template, doc, state.data) };
}

async function lettersOf(p: LetterPlan): Promise<OutboxEntry[]> {
  const { agency, transition, now } = p;
  const { state, event } = transition;
  if (event.step === null || event.produced.length === 0) return [];
  if (!agency.letterhead) throw new Error(`agency ${agency.id} has no letterhead: letters cannot be written`);
  const step = p.def.steps.find((s) => s.no === event.step)!;
  const at = now.toISOString();
  const entries: OutboxEntry[] = [];
  for (const docId of event.produced) {
    const doc = producedOf(step).find((d) => d.id === docId)!;
    const template = templateFor(doc);
    if (!template) continue;
    const l = await plan(p, doc, template);
    const stored = state.documents[docId]!;
    const id = `${state.id}-${docId}-r${stored.revision}`;
    const context = letterContext(p, l);
    const heading = letterHeading(template.id, context);
    entries.push({
      kind: 'letter',
      id,
      agencyId: agency.id,
      caseId: state.id,
      docId,
      docLabel: stored.label,
      revision: stored.revision,
      templateId: template.id,
      title: `${heading.title} ${state.nomor.replaceAll('/', '-')}${stored.revision > 1 ? ` (revisi ${stored.revision})` : ''}`,
      context,
      email: partnerEmail(p, l, heading),
      ...freshEntry(at),
    });
    state.documents[docId] = { ...stored, nomor: l.nomor, templateId: template.id, outboxId: id };
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
      text: [`Yth. ${state.partner?.name ? pimpinanOf(state.partner.name) : 'Bapak/Ibu'},`, '', `Terkait ${state.title} (kasus ${state.nomor}):`, '', ...nextStepLines(p, { ...next, url }), '', 'Hormat kami,', agency.name].join('\n'),
    },
    ...freshEntry(at),
  };
}
