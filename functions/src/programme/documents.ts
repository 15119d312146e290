// A programme's documents as Google Docs, through the letters pipeline (as the SOP report does,
// standards/report-doc.ts): each document is an outbox entry of kind 'letter' in the issuing
// agency's outbox, with a case id no case has and the facts on its context (`data.bimtek`),
// drained by the worker like any letter (copy the template Doc, fill it, export the PDF). The
// facts are read when the document is asked for, so it says what was true then:
// - the surat tugas of each trainer of an event, issued by the programme's owner (the trainers
//   are its own), signed by the programme's signer, numbered from the owner's letter register;
// - the invitation of an event, from its host agency, its participants in the lampiran as a
//   table as long as the list (a growing table, not a fixed one), numbered from the host's register;
// - the attendance list (daftar hadir) of one session, a row per registered participant with
//   their check-in code for that session;
// - the report of an event (laporan pelaksanaan): dates, place, trainers, sessions with JP and
//   attendance, completion and certificates, and the organiser's kendala and rekomendasi.
// Only the issuing agency makes its documents, for its own events. A request is recorded once
// with the entries it made, in the transaction that creates them and takes their numbers: the
// same Idempotency-Key again answers those documents; the key with another body is refused.
import { DateTime } from 'luxon';
import type { Caller, OutboxNotifier } from '../cases/service.ts';
import type { ProgrammeDocumentKind, ProgrammeDocumentListResponse, ProgrammeDocumentRequest, ProgrammeDocumentsResponse, ReportDocumentResponse } from '../contract.ts';
import type { ProgrammeDocData } from '../documents/fields/programme.ts';
import { documentTitle, PROGRAMME_DOCUMENTS, templateById } from '../documents/templates.ts';
import type { LetterContext, Person } from '../documents/types.ts';
import type { DocumentRequest, Participant, Programme, ProgrammeStore, Trainer } from '../model/programme.ts';
import { freshEntry, requestHash, type Agency, type OutboxEntry, type Staff } from '../model/records.ts';
import type { Idempotency, Store } from '../model/store.ts';
import { letterCounter, letterNumber } from '../outbox/plan.ts';
import { DomainFailure, domainError } from '../sop/errors.ts';
import { documentStatusOf as statusOf } from '../standards/report-doc.ts';
import { attendedJp, completed, totalJp, type ProgrammeEvent } from './events.ts';
import type { ProgrammeService } from './service.ts';
import type { ProgrammeTokens } from './tokens.ts';

/** The case id the programme's document entries carry: no case has it, so settling one touches no case. */
export const programmeDocumentsCaseId = (programmeId: string) => `bimtek-dokumen-${programmeId}`;

/** Entry ids: `bimtek-<kind>-<24 hex>`, a trainer's surat tugas with `-<trainer id>` (ID.document in http/boundary.ts). */
const SHORT: Record<ProgrammeDocumentKind, string> = { surat_tugas_pelatih: 'tugas', undangan: 'undangan', daftar_hadir: 'hadir', laporan_pelaksanaan: 'laporan' };

/** How many requests the list answers. */
export const DOCUMENT_LIST_LIMIT = 100;

const invalid = (path: string, message: string) => new DomainFailure(domainError('INVALID_INPUT', message, [{ path, message }]));
const reused = () =>
  new DomainFailure(domainError('IDEMPOTENCY_KEY_REUSED', 'Kunci idempotensi ini sudah dipakai untuk permintaan lain. Gunakan kunci baru untuk setiap tindakan.', [{ path: 'Idempotency-Key', message: 'Kunci sudah dipakai untuk permintaan yang berbeda.' }]));

/** One document a request makes, as planned from what the store holds now. */
export interface Planned {
  /** The entry id's suffix (`-<trainer id>`), or '' for the one document of the request. */
  suffix: string;
  title: string;
  data: ProgrammeDocData;
  people?: Record<string, Person[]>;
  /** The date the document bears (ISO). */
  date: string;
}

export interface ContextInput {
  /** The issuing agency. */
  agency: Agency;
  /** Who asked for it. */
  caller: Staff;
  signer: NonNullable<LetterContext['signer']>;
  programme: Programme;
  kind: ProgrammeDocumentKind;
  planned: Planned;
  nomor: string | null;
  requestHash: string;
  now: Date;
}

/** What a programme's document says, as the letters pipeline reads it: the facts on `data.bimtek`, a case id no case has. */
export function programmeLetterContext(o: ContextInput): LetterContext {
  const { agency, caller, programme: p, kind, planned } = o;
  const t = PROGRAMME_DOCUMENTS[kind];
  const variant = 'variant' in t ? t.variant : undefined;
  if (!agency.letterhead) throw new Error(`agency ${agency.id} has no letterhead`);
  return {
    agency: { id: agency.id, name: agency.name, shortName: agency.shortName, timeZone: agency.timeZone, letterhead: { ...agency.letterhead } },
    case: { id: programmeDocumentsCaseId(p.id), nomor: planned.title, sopId: 'bimtek', sopTitle: p.name, title: planned.title, partner: null, data: { bimtek: planned.data, request: o.requestHash }, documents: {}, decisions: {} },
    doc: { id: kind, ...(variant ? { variant } : {}), revision: 1, fields: {}, kepada: [], lampiran: 0, dasar: [] },
    step: { no: 0, activity: `Dokumen ${p.name}`, note: null },
    actor: { email: caller.email, name: caller.name, ...(caller.jabatan ? { jabatan: caller.jabatan } : {}), ...(caller.nip ? { nip: caller.nip } : {}), ...(caller.pangkat ? { pangkat: caller.pangkat } : {}) },
    signer: o.signer,
    ...(planned.people ? { people: planned.people } : {}),
    nomor: o.nomor,
    at: o.now.toISOString(),
    date: planned.date,
  };
}

export type ProgrammeDocuments = ReturnType<typeof createProgrammeDocuments>;

export function createProgrammeDocuments(deps: { programmes: ProgrammeStore; store: Store; service: ProgrammeService; tokens: ProgrammeTokens; publicUrl: string; clock?: () => Date; notify?: OutboxNotifier }) {
  const { programmes, store, service } = deps;
  const clock = deps.clock ?? (() => new Date());
  const base = deps.publicUrl.replace(/\/+$/, '');

  /** The agency that issues this kind of document for the event; only its staff make it. */
  async function issuer(c: Caller, p: Programme, ev: ProgrammeEvent, kind: ProgrammeDocumentKind): Promise<Agency> {
    const id = kind === 'surat_tugas_pelatih' ? p.ownerAgencyId : ev.hostAgencyId;
    if (id === c.agency.id) return c.agency;
    const other = await store.agency(id);
    const what = kind === 'surat_tugas_pelatih' ? 'Surat tugas pelatih diterbitkan oleh pemilik program' : 'Dokumen kegiatan ini diterbitkan oleh instansi penyelenggaranya';
    throw new DomainFailure(domainError('WRONG_ROLE', `${what}, ${other?.name ?? id}; instansi Anda tidak dapat membuatnya.`, [{ path: 'kind', message: `Dibuat oleh ${other?.name ?? id}.` }]));
  }

  async function member(agency: Agency, email: string): Promise<Staff> {
    const m = await store.staff(agency.id, email);
    if (!m?.active) throw new DomainFailure(domainError('NOT_STAFF', `${email} tidak terdaftar sebagai pegawai aktif ${agency.name}.`));
    return m;
  }

  /** Who signs a document of the issuing agency: the one named, else (an invitation) the head of the agency, else the caller. */
  async function signerOf(agency: Agency, caller: Staff, kind: ProgrammeDocumentKind, named: string | undefined): Promise<NonNullable<LetterContext['signer']>> {
    let s = caller;
    if (named) {
      const m = await store.staff(agency.id, named);
      if (!m?.active) throw invalid('penandatangan', `${named} bukan pegawai aktif ${agency.name}.`);
      s = m;
    } else if (kind === 'undangan') {
      s = (await store.reminders.activeStaff(agency.id)).find((x) => x.roles.includes('kepala_dinas')) ?? caller;
    }
    const head = s.roles.includes('kepala_dinas');
    return {
      name: s.name,
      jabatan: s.jabatan?.trim() || (head ? `Kepala ${agency.name}` : 'Panitia'),
      ...(s.nip ? { nip: s.nip } : {}),
      ...(s.pangkat ? { pangkat: s.pangkat } : {}),
      ...(head ? { relation: 'head' as const } : {}),
    };
  }

  const byName = (a: Participant, b: Participant) => a.name.localeCompare(b.name, 'id') || a.id.localeCompare(b.id);

  async function registeredOf(p: Programme, ev: ProgrammeEvent): Promise<Participant[]> {
    const people = (await programmes.participants(p.id, { eventId: ev.id, status: 'registered' })).sort(byName);
    if (!people.length) throw invalid('event', `Belum ada peserta terdaftar pada ${ev.label}.`);
    return people;
  }

  /** The facts every document of the event states. */
  function eventData(p: Programme, ev: ProgrammeEvent, host: string): Pick<ProgrammeDocData, 'programme' | 'event' | 'sessions'> {
    return {
      programme: { name: p.name, organiser: p.organiser },
      event: { label: ev.label, provinceName: ev.provinceName, mode: ev.mode, start: ev.start, end: ev.end, place: ev.place, meetingUrl: ev.meetingUrl, host },
      sessions: p.sessions.map((s) => ({ no: s.no, title: s.title, jp: s.jp })),
    };
  }

  /** What the request makes, read now: one document, or one per trainer. */
  async function plan(p: Programme, ev: ProgrammeEvent, agency: Agency, b: ProgrammeDocumentRequest, now: Date): Promise<Planned[]> {
    const hostName = ev.hostAgencyId === agency.id ? agency.name : ((await store.agency(ev.hostAgencyId))?.name ?? ev.hostAgencyId);
    const common = eventData(p, ev, hostName);
    const at = now.toISOString();
    switch (b.kind) {
      case 'surat_tugas_pelatih': {
        const assigned = (await programmes.trainers(p.id)).filter((t) => t.assignments.some((x) => x.eventId === ev.id));
        if (b.sessions && !b.trainer) throw invalid('sessions', 'Sesi yang diampu hanya dapat disebut untuk satu pelatih (isi juga "trainer").');
        for (const no of b.sessions ?? []) if (!p.sessions.some((s) => s.no === no)) throw invalid('sessions', `Sesi ${no} tidak ada dalam program ini.`);
        const chosen = b.trainer ? assigned.filter((t) => t.id === b.trainer) : assigned;
        if (b.trainer && !chosen.length) throw invalid('trainer', `Pelatih ${b.trainer} tidak ditugaskan pada ${ev.label}.`);
        if (!chosen.length) throw invalid('event', `Belum ada pelatih yang ditugaskan pada ${ev.label}.`);
        return chosen.sort((x, y) => x.name.localeCompare(y.name, 'id') || x.id.localeCompare(y.id)).map((t: Trainer) => ({
          suffix: `-${t.id}`,
          title: `Surat Tugas Pelatih ${t.name} ${ev.label}`,
          data: { ...common, ...(b.sessions ? { taught: [...new Set(b.sessions)].sort((x, y) => x - y) } : {}) },
          people: { petugas: [{ name: t.name, ...(t.nip ? { nip: t.nip } : {}), ...(t.pangkat ? { pangkat: t.pangkat } : {}), jabatan: t.jabatan?.trim() || 'Pelatih Ahli' }] },
          date: at,
        }));
      }
      case 'undangan': {
        const people = await registeredOf(p, ev);
        return [{ suffix: '', title: `Undangan ${p.name} ${ev.label}`, data: { ...common, pukul: b.pukul ?? null, bring: p.bring, participants: people.map((x) => ({ nama: x.name, perpustakaan: x.library, desa: x.village, kabupaten: x.regency })) }, date: at }];
      }
      case 'daftar_hadir': {
        const s = p.sessions.find((x) => x.no === b.session);
        if (!s) throw invalid('session', `Sesi ${b.session} tidak ada dalam program ini.`);
        if (b.tanggal && (b.tanggal < ev.start || b.tanggal > ev.end)) throw invalid('tanggal', `Tanggal ${b.tanggal} di luar tanggal kegiatan (${ev.start} s.d. ${ev.end}).`);
        const people = await registeredOf(p, ev);
        return [
          {
            suffix: '',
            title: `Daftar Hadir Sesi ${s.no} ${p.name} ${ev.label}`,
            data: {
              ...common,
              session: { no: s.no, title: s.title, jp: s.jp },
              tanggal: b.tanggal ?? null,
              checkIn: `${base}/h/${p.id}`,
              participants: people.map((x) => ({ nama: x.name, perpustakaan: x.library, desa: x.village, kabupaten: x.regency, kode: deps.tokens.checkInCode(p.id, x.id, s.no) })),
            },
            date: b.tanggal ?? at,
          },
        ];
      }
      case 'laporan_pelaksanaan': {
        const [people, trainers, certs] = await Promise.all([programmes.participants(p.id, { eventId: ev.id, status: 'registered' }), programmes.trainers(p.id), programmes.certificates(p.id, ev.id)]);
        const perSession = Object.fromEntries(p.sessions.map((s) => [String(s.no), people.filter((x) => x.attendance[String(s.no)]).length]));
        return [
          {
            suffix: '',
            title: `Laporan Pelaksanaan ${p.name} ${ev.label}`,
            data: {
              ...common,
              trainers: trainers.filter((t) => t.assignments.some((x) => x.eventId === ev.id)).map((t) => t.name).sort((x, y) => x.localeCompare(y, 'id')),
              figures: {
                registered: people.length,
                attendedAny: people.filter((x) => attendedJp(p, x) > 0).length,
                completed: people.filter((x) => completed(p, x)).length,
                certificates: certs.filter((x) => !x.revoked).length,
                perSession,
              },
              completionRule: p.completion.kind === 'all' ? 'hadir di semua sesi' : `hadir paling sedikit ${p.completion.minPercent}% dari ${totalJp(p)} JP`,
              kendala: b.kendala ?? null,
              rekomendasi: b.rekomendasi ?? null,
            },
            date: at,
          },
        ];
      }
    }
  }

  function entryOf(o: ContextInput & { id: string }): OutboxEntry {
    const t = PROGRAMME_DOCUMENTS[o.kind];
    const variant = 'variant' in t ? t.variant : undefined;
    return {
      kind: 'letter',
      id: o.id,
      agencyId: o.agency.id,
      caseId: programmeDocumentsCaseId(o.programme.id),
      docId: o.kind,
      docLabel: documentTitle(templateById(t.template)!, variant),
      revision: 1,
      templateId: t.template,
      title: o.planned.title,
      context: programmeLetterContext(o),
      email: null,
      ...freshEntry(o.now.toISOString()),
    };
  }

  return {
    /** Makes the documents of a request once per Idempotency-Key; poll `status` for their links. */
    async request(c: Caller, programmeId: string, b: ProgrammeDocumentRequest, idem: Idempotency): Promise<ProgrammeDocumentsResponse> {
      const a = await service.access(c, programmeId);
      const ev = service.eventFor(a, b.event);
      const agency = await issuer(c, a.p, ev, b.kind);
      if (!agency.letterhead) throw new DomainFailure(domainError('NOT_FOUND', `Instansi ${agency.name} belum mengatur kop surat; dokumen tidak dapat dibuat.`));
      const id = `bimtek-${SHORT[b.kind]}-${requestHash([a.p.id, agency.id, c.actor.email.toLowerCase(), idem.key]).slice(0, 24)}`;
      const answer = async (r: DocumentRequest, entries: OutboxEntry[], replayed: boolean): Promise<ProgrammeDocumentsResponse> => {
        if (r.requestHash !== idem.requestHash) throw reused();
        return { request: r.id, kind: r.kind, event: r.eventId, documents: entries.map(statusOf), replayed };
      };
      const known = await programmes.documentRequest(a.p.id, id);
      if (known) return answer(known, await programmes.documentEntries(known.agencyId, known.entries), true);

      const now = clock();
      const caller = await member(agency, c.actor.email);
      const named = 'penandatangan' in b ? b.penandatangan : undefined;
      const signer = b.kind === 'surat_tugas_pelatih' ? { name: a.p.signer.name, jabatan: a.p.signer.jabatan, ...(a.p.signer.nip ? { nip: a.p.signer.nip } : {}) } : await signerOf(agency, caller, b.kind, named);
      const planned = await plan(a.p, ev, agency, b, now);
      const spec = templateById(PROGRAMME_DOCUMENTS[b.kind].template)!;
      const ids = planned.map((x) => `${id}${x.suffix}`);
      const record: DocumentRequest = {
        id,
        programmeId: a.p.id,
        agencyId: agency.id,
        kind: b.kind,
        eventId: ev.id,
        session: b.kind === 'daftar_hadir' ? b.session : null,
        trainer: b.kind === 'surat_tugas_pelatih' ? (b.trainer ?? null) : null,
        entries: ids,
        requestHash: idem.requestHash,
        requestedBy: c.actor.email.toLowerCase(),
        createdAt: now.toISOString(),
      };
      // A numbered document (a surat tugas, an invitation) bears the day it is made: the register of that year, in the agency's zone.
      const counter = spec.numbered ? letterCounter(DateTime.fromJSDate(now, { zone: agency.timeZone }).year) : null;
      const made = await programmes.createDocuments(record, counter, (first) =>
        planned.map((x, i) => entryOf({ agency, caller, signer, programme: a.p, kind: b.kind, id: ids[i]!, planned: x, nomor: first === null ? null : letterNumber(agency, spec, first + i, x.date), requestHash: idem.requestHash, now })),
      );
      if (!made.replayed) {
        try {
          await deps.notify?.(agency.id, made.entries.map((e) => e.id));
        } catch (err) {
          console.error(JSON.stringify({ severity: 'WARNING', message: 'programme documents: outbox notification failed; the sweeper will render them', agencyId: agency.id, id, error: String(err) }));
        }
      }
      return answer(made.request, made.entries, made.replayed);
    },

    /** One document's state, for the agency that issued it. */
    async status(c: Caller, programmeId: string, entryId: string): Promise<ReportDocumentResponse> {
      await service.access(c, programmeId);
      const [e] = await programmes.documentEntries(c.agency.id, [entryId]);
      if (!e || e.caseId !== programmeDocumentsCaseId(programmeId)) throw new DomainFailure(domainError('NOT_FOUND', `Dokumen ${entryId.slice(0, 80)} tidak ditemukan.`, [{ path: 'entry', message: 'Tidak ada dokumen program dengan pengenal ini di instansi Anda.' }]));
      return statusOf(e);
    },

    /** The caller's agency's requests of the programme, newest first, with their documents' states. */
    async list(c: Caller, programmeId: string, eventId?: string): Promise<ProgrammeDocumentListResponse> {
      const a = await service.access(c, programmeId);
      if (eventId) service.eventFor(a, eventId);
      const requests = (await programmes.documentRequests(a.p.id, c.agency.id, DOCUMENT_LIST_LIMIT)).filter((r) => !eventId || r.eventId === eventId);
      const entries = new Map((await programmes.documentEntries(c.agency.id, requests.flatMap((r) => r.entries))).map((e) => [e.id, e]));
      return {
        requests: requests.map((r) => ({
          request: r.id,
          kind: r.kind,
          event: r.eventId,
          session: r.session,
          trainer: r.trainer,
          requestedBy: r.requestedBy,
          createdAt: r.createdAt,
          documents: r.entries.flatMap((id) => (entries.has(id) ? [statusOf(entries.get(id)!)] : [])),
        })),
      };
    },
  };
}
