// What staff do with a programme, through the API: see it (the owner everything, a host agency
// its own province), withdraw a participant, mark attendance in bulk, issue certificates to those
// who completed, start a paced mailing and follow its progress, assign trainers. Every check of
// who may do what is here; every write is the programme store's.
import { createHash } from 'node:crypto';
import type { Caller } from '../cases/service.ts';
import type { Certificate, MailMessage, Participant, Programme, ProgrammeStore } from '../model/programme.ts';
import type { Cursor } from '../model/store.ts';
import { DomainFailure, domainError } from '../sop/errors.ts';
import { attendedJp, completed, eventById, eventsOf, rentang, totalJp, type ProgrammeEvent } from './events.ts';
import { GMAIL_LIMITS, mailingProgress, queueMessages, type SendLimits } from './mailing.ts';
import type { RegistrationService } from './registration.ts';
import { programmeReport } from './report.ts';
import { certificateNumber, type ProgrammeTokens } from './tokens.ts';

export type ProgrammeService = ReturnType<typeof createProgrammeService>;

const notFound = (what: string) => new DomainFailure(domainError('NOT_FOUND', what));
const invalid = (path: string, message: string) => new DomainFailure(domainError('INVALID_INPUT', message, [{ path, message }]));

export function createProgrammeService(deps: { programmes: ProgrammeStore; registration: RegistrationService; tokens: ProgrammeTokens; publicUrl: string; limits?: SendLimits; clock?: () => Date }) {
  const { programmes } = deps;
  const clock = deps.clock ?? (() => new Date());
  const limits = deps.limits ?? GMAIL_LIMITS;
  const base = deps.publicUrl.replace(/\/+$/, '');

  /** A participant's own signed check-in link for one session, valid `days` from now. */
  function checkInUrl(p: Programme, participantId: string, session: number, days = 60): string {
    return `${base}/h/${deps.tokens.sign({ k: 'h', p: p.id, i: participantId, s: session, e: Math.floor(clock().getTime() / 1000) + days * 86_400 })}`;
  }

  /** The programme as the caller's agency sees it: the owner all provinces, a host its own. */
  async function access(c: Caller, programmeId: string): Promise<{ p: Programme; owner: boolean; provinces: Set<string> }> {
    const p = await programmes.programme(programmeId);
    if (!p) throw notFound(`Program ${programmeId} tidak ditemukan.`);
    const owner = p.ownerAgencyId === c.agency.id;
    const provinces = new Set(p.provinces.filter((x) => owner || x.hostAgencyId === c.agency.id).map((x) => x.code));
    if (!provinces.size) throw notFound(`Program ${programmeId} tidak ditemukan.`);
    return { p, owner, provinces };
  }

  function eventFor(a: { p: Programme; provinces: Set<string> }, eventId: string): ProgrammeEvent {
    const ev = eventById(a.p, eventId);
    if (!ev || !a.provinces.has(ev.province)) throw invalid('event', `Kegiatan ${eventId.slice(0, 40)} tidak ada atau bukan wewenang instansi Anda.`);
    return ev;
  }

  async function participantFor(a: { p: Programme; provinces: Set<string> }, id: string): Promise<Participant> {
    const pt = await programmes.participant(a.p.id, id);
    if (!pt || !a.provinces.has(pt.province)) throw notFound(`Peserta ${id.slice(0, 40)} tidak ditemukan.`);
    return pt;
  }

  return {
    access,
    eventFor,

    async list(c: Caller) {
      return (await programmes.programmesOf(c.agency.id)).map((p) => ({ id: p.id, name: p.name, year: p.year, owner: p.ownerAgencyId === c.agency.id }));
    },

    /**
     * Events with places taken, waiting lists, participants and completion per event (the report's
     * figures). Read as the report reads them, as projections: the sidebar asks for it on every
     * visit to the programme, and 10,000 whole participant documents would be its cost.
     */
    async summary(c: Caller, programmeId: string) {
      const a = await access(c, programmeId);
      const scope = a.owner ? {} : { hostAgencyId: c.agency.id };
      const [buckets, waitlists, people, certs] = await Promise.all([
        programmes.buckets(a.p.id),
        programmes.waitlists(a.p.id),
        programmes.participantFacts(a.p.id, scope, a.p.sessions.map((s) => s.no)),
        programmes.certificateFacts(a.p.id, scope),
      ]);
      const events = eventsOf(a.p)
        .filter((e) => a.provinces.has(e.province))
        .map((e) => {
          const b = buckets.find((x) => x.province === e.province && x.wave === e.wave);
          // A registered participant's event is their province's in their wave.
          const inEvent = people.filter((x) => x.status === 'registered' && x.province === e.province && x.wave === e.wave);
          return {
            id: e.id,
            label: e.label,
            province: e.province,
            dates: rentang(e.start, e.end),
            mode: e.mode,
            capacity: b?.capacity ?? e.capacity,
            taken: b?.taken ?? 0,
            attendedAny: inEvent.filter((x) => a.p.sessions.some((s) => x.attendance[String(s.no)])).length,
            completed: inEvent.filter((x) => completed(a.p, x)).length,
            certificates: certs.filter((x) => x.eventId === e.id).length,
          };
        });
      const waiting = Object.fromEntries(Object.entries(waitlists).filter(([k]) => a.provinces.has(k.split('_')[0]!)).map(([k, v]) => [k, v.count]));
      return {
        programme: { id: a.p.id, name: a.p.name, year: a.p.year, owner: a.owner, sessions: a.p.sessions, totalJp: totalJp(a.p), completion: a.p.completion, provinces: a.p.provinces.filter((x) => a.provinces.has(x.code)) },
        events,
        waiting,
        participants: { registered: people.filter((x) => x.status === 'registered').length, waiting: people.filter((x) => x.status === 'waiting').length, withdrawn: people.filter((x) => x.status === 'withdrawn').length },
      };
    },

    /** Figures per province and wave with totals (report.ts), for the provinces the caller sees. */
    async report(c: Caller, programmeId: string) {
      return programmeReport(programmes, await access(c, programmeId), c.agency.id, clock());
    },

    /** One page of the participants the caller may see, in registration order (registeredAt, then id). */
    async participants(c: Caller, programmeId: string, q: { event?: string; status?: 'registered' | 'waiting' | 'withdrawn'; limit: number; after?: Cursor }) {
      const a = await access(c, programmeId);
      if (q.event) eventFor(a, q.event);
      const page = await programmes.participantPage(a.p.id, {
        ...(a.owner ? {} : { hostAgencyId: c.agency.id }),
        ...(q.event ? { eventId: q.event } : {}),
        ...(q.status ? { status: q.status } : {}),
        limit: q.limit,
        ...(q.after ? { after: q.after } : {}),
        count: !q.after,
      });
      const rows = page.items.map((x) => ({
        id: x.id,
        name: x.name,
        library: x.library,
        regency: x.regency,
        province: x.province,
        mode: x.mode,
        status: x.status,
        eventId: x.eventId,
        waitSeq: x.waitSeq,
        phone: x.phone,
        email: x.email,
        sessions: Object.keys(x.attendance)
          .map(Number)
          .sort((m, n) => m - n),
        attendedJp: attendedJp(a.p, x),
        completed: completed(a.p, x),
        certificate: x.certificate?.number ?? null,
      }));
      return { rows, next: page.next, total: page.total };
    },

    async withdraw(c: Caller, programmeId: string, participantId: string) {
      const a = await access(c, programmeId);
      await participantFor(a, participantId);
      const r = await deps.registration.withdraw(a.p, participantId, c.actor.email);
      return { participant: r.participant.id, status: r.participant.status, promoted: r.promoted?.id ?? null };
    },

    async markAttendance(c: Caller, programmeId: string, b: { event: string; session: number; participants: string[] }) {
      const a = await access(c, programmeId);
      eventFor(a, b.event);
      if (!a.p.sessions.some((s) => s.no === b.session)) throw invalid('session', `Sesi ${b.session} tidak ada dalam program ini.`);
      return programmes.markAttendance(a.p.id, b.event, b.participants, b.session, { at: clock().toISOString(), via: 'petugas', by: c.actor.email });
    },

    /** A participant's own check-in link for one session (also printable as a code on the daftar hadir). */
    /** A participant's own check-in link for one session (also printable as a code on the daftar hadir). */
    checkInUrl,

    /** Certificates for every registered participant of the event who completed it and has none yet. */
    async issueCertificates(c: Caller, programmeId: string, eventId: string) {
      const a = await access(c, programmeId);
      const ev = eventFor(a, eventId);
      return issue(a.p, ev);
    },

    issue,

    /** A paced mailing of the certificates (one e-mail per certificate, from the host's account). */
    async startCertificateMailing(c: Caller, programmeId: string, key: string, eventId?: string) {
      const a = await access(c, programmeId);
      if (eventId) eventFor(a, eventId);
      const id = createHash('sha256').update(`${c.agency.id}\n${key}`).digest('hex').slice(0, 20);
      const certs = (await programmes.certificates(a.p.id, eventId)).filter((x) => a.provinces.has(x.eventId.split('-')[0]!));
      return startMailing(a.p, id, c.actor.email, certs);
    },

    startMailing,

    /**
     * Invitation e-mails to the registered participants of one event, or of every event the caller
     * sees: dates, sessions, the place and what to bring (luring) or the meeting link (daring), and
     * the participant's own check-in link per session. An event that has participants but no place
     * (luring) or meeting link (daring) in the set-up is refused by name, and nothing is queued.
     */
    async startInvitationMailing(c: Caller, programmeId: string, key: string, eventId?: string) {
      const a = await access(c, programmeId);
      const events = eventId ? [eventFor(a, eventId)] : eventsOf(a.p).filter((e) => a.provinces.has(e.province));
      const byId = new Map(events.map((e) => [e.id, e]));
      const people = (await programmes.participants(a.p.id, { ...(a.owner ? {} : { hostAgencyId: c.agency.id }), ...(eventId ? { eventId } : {}), status: 'registered' })).filter(
        (x) => x.eventId !== null && byId.has(x.eventId) && a.provinces.has(x.province),
      );
      const withPeople = events.filter((e) => people.some((x) => x.eventId === e.id));
      const problems = withPeople.flatMap((e) =>
        e.mode === 'daring' && !e.meetingUrl
          ? [{ path: 'events[].meetingUrl', message: `Kegiatan ${e.id} (${e.label}) belum memiliki tautan pertemuan daring (events[].meetingUrl pada set-up program).` }]
          : e.mode === 'luring' && !e.place
            ? [{ path: 'events[].place', message: `Kegiatan ${e.id} (${e.label}) belum memiliki tempat (events[].place pada set-up program).` }]
            : [],
      );
      if (problems.length) throw new DomainFailure(domainError('INVALID_INPUT', `Undangan tidak dikirim: ${problems.map((x) => x.message).join(' ')}`, problems));
      const id = createHash('sha256').update(`${c.agency.id}\nundangan\n${key}`).digest('hex').slice(0, 20);
      const earlier = await programmes.mailing(a.p.id, id);
      if (earlier) return { mailingId: id, total: earlier.total, created: false };
      people.sort((x, y) => x.eventId!.localeCompare(y.eventId!) || x.registeredAt.localeCompare(y.registeredAt) || x.id.localeCompare(y.id));
      const { messages, senders } = queueMessages(
        id,
        people.map((pt) => ({ participant: pt, subject: `Undangan ${a.p.name}: ${byId.get(pt.eventId!)!.label}`, text: invitationText(a.p, byId.get(pt.eventId!)!, pt), certificate: null })),
      );
      const title = `Undangan ${a.p.name}${eventId ? ` (${byId.get(eventId)!.label})` : ''}`;
      const { created } = await programmes.createMailing({ id, programmeId: a.p.id, kind: 'undangan', title, createdAt: clock().toISOString(), createdBy: c.actor.email, total: messages.length, senders }, messages);
      return { mailingId: id, total: messages.length, created };
    },

    async progress(c: Caller, programmeId: string, mailingId: string) {
      const a = await access(c, programmeId);
      const pr = await mailingProgress(programmes, a.p.id, mailingId, clock(), limits, a.owner ? undefined : c.agency.id);
      if (!pr) throw notFound(`Pengiriman ${mailingId.slice(0, 40)} tidak ditemukan.`);
      return pr;
    },

    /** The programme's mailings, newest first: the owner every one with its counts, a host those it sends for with its own account's. */
    async mailings(c: Caller, programmeId: string) {
      const a = await access(c, programmeId);
      const all = await programmes.mailings(a.p.id);
      const mine = a.owner ? all : all.filter((m) => c.agency.id in m.senders);
      return Promise.all(
        mine.map(async (m) => {
          const counts = await programmes.mailingTotals(a.p.id, m.id, a.owner ? undefined : c.agency.id);
          return { id: m.id, kind: m.kind, title: m.title, createdAt: m.createdAt, createdBy: m.createdBy, total: a.owner ? m.total : (m.senders[c.agency.id] ?? 0), senders: a.owner ? Object.keys(m.senders).length : 1, ...counts };
        }),
      );
    },

    async assignTrainers(c: Caller, programmeId: string, eventId: string, trainerIds: string[]) {
      const a = await access(c, programmeId);
      const ev = eventFor(a, eventId);
      if (new Set(trainerIds).size < 2) throw invalid('trainers', 'Setiap kegiatan diampu paling sedikit dua pelatih.');
      const r = await programmes.assignTrainers(a.p.id, { id: ev.id, start: ev.start, end: ev.end }, trainerIds);
      if (!r.ok) {
        throw new DomainFailure(
          domainError(
            'INVALID_INPUT',
            `Pelatih tidak dapat ditugaskan: ${r.conflicts.map((x) => `${x.trainerId} ${x.eventId === '(tidak ada)' ? 'tidak terdaftar' : `sudah bertugas pada ${x.eventId} di tanggal yang beririsan`}`).join('; ')}.`,
            r.conflicts.map((x) => ({ path: 'trainers', message: `${x.trainerId}: ${x.eventId}` })),
          ),
        );
      }
      return { event: ev.id, trainers: r.trainers.map((t) => ({ id: t.id, name: t.name })) };
    },
  };

  /** The invitation e-mail of one participant (plain text, Bahasa Indonesia). */
  function invitationText(p: Programme, ev: ProgrammeEvent, pt: Participant): string {
    // Check-in links last until two weeks after the event, so a late check-in is still possible.
    const days = Math.max(1, Math.ceil((Date.parse(`${ev.end}T00:00:00Z`) + 14 * 86_400_000 - clock().getTime()) / 86_400_000));
    const lines = [
      `Yth. ${pt.name},`,
      '',
      `Anda terdaftar sebagai peserta ${p.name} yang diselenggarakan oleh ${p.organiser}. Dengan ini kami mengundang Anda mengikuti kegiatan berikut.`,
      '',
      `Kegiatan : ${ev.label}`,
      `Tanggal  : ${rentang(ev.start, ev.end)}`,
      ev.mode === 'luring' ? `Tempat   : ${ev.place}` : `Pertemuan: daring, melalui tautan ${ev.meetingUrl}`,
      '',
      'Sesi:',
      ...p.sessions.map((x) => `  ${x.no}. ${x.title} (${x.jp} JP)`),
    ];
    if (ev.mode === 'luring' && p.bring.length) lines.push('', 'Yang perlu dibawa:', ...p.bring.map((b) => `  - ${b}`));
    lines.push(
      '',
      'Presensi: pada setiap sesi, buka tautan presensi Anda sendiri di bawah ini lalu tekan tombol "Hadir". Tautan ini khusus untuk Anda; jangan dibagikan.',
      ...p.sessions.map((x) => `  Sesi ${x.no}: ${checkInUrl(p, pt.id, x.no, days)}`),
      '',
      'Hormat kami,',
      'Panitia',
    );
    return lines.join('\n');
  }

  async function issue(p: Programme, ev: ProgrammeEvent): Promise<{ issued: number; certificates: Certificate[] }> {
    const people = (await programmes.participants(p.id, { eventId: ev.id, status: 'registered' })).filter((x) => completed(p, x) && !x.certificate);
    people.sort((x, y) => x.registeredAt.localeCompare(y.registeredAt) || x.id.localeCompare(y.id));
    const now = clock().toISOString();
    const made = await programmes.issueCertificates(
      p,
      people.map((pt) => ({
        participant: pt,
        certificate: (serial: number): Certificate => ({
          number: certificateNumber(deps.tokens, p.certificatePrefix, serial),
          programmeId: p.id,
          programmeName: p.name,
          participantId: pt.id,
          hostAgencyId: pt.hostAgencyId,
          name: pt.name,
          library: pt.library,
          eventId: ev.id,
          eventLabel: ev.label,
          start: ev.start,
          end: ev.end,
          jp: attendedJp(p, pt),
          date: ev.end,
          issuedAt: now,
          revoked: false,
        }),
      })),
      now,
    );
    return { issued: made.length, certificates: made };
  }

  async function startMailing(p: Programme, id: string, by: string, certs: Certificate[]) {
    const people = new Map((await programmes.participants(p.id, {})).map((x) => [x.id, x]));
    const { messages, senders } = queueMessages(
      id,
      [...certs]
        .sort((x, y) => x.number.localeCompare(y.number))
        .flatMap((cert) => {
          const pt = people.get(cert.participantId);
          return pt
            ? [
                {
                  participant: pt,
                  subject: `Sertifikat ${p.name}`,
                  text: [`Yth. ${pt.name},`, '', `Terima kasih telah mengikuti ${p.name} (${cert.eventLabel}, ${rentang(cert.start, cert.end)}).`, `Sertifikat Anda bernomor ${cert.number} terlampir.`, `Keabsahannya dapat diperiksa siapa saja di ${base}/v/${cert.number}`, '', 'Hormat kami,', 'Panitia'].join('\n'),
                  certificate: cert.number,
                },
              ]
            : [];
        }),
    );
    const { created } = await programmes.createMailing({ id, programmeId: p.id, kind: 'sertifikat', title: `Sertifikat ${p.name}`, createdAt: clock().toISOString(), createdBy: by, total: messages.length, senders }, messages);
    return { mailingId: id, total: messages.length, created };
  }
}
