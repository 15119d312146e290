// The Firestore adapter of the programme store (model/programme.ts). Layout:
//   programmes/{p}                                 the set-up (owner, provinces, waves, quotas, sessions)
//   programmes/{p}/participants/{id}               registrants (hostAgencyId scopes reads in the rules)
//   programmes/{p}/contacts/{p_<hash>|e_<hash>}    phone and e-mail -> participant (dedup)
//   programmes/{p}/quotas/{province}_{wave}        places: capacity and taken, one document per province and wave
//   programmes/{p}/waitlists/{province}_{mode}     the waiting list's next place number and length
//   programmes/{p}/registrations/{formId-responseId}   each form response once, with what it did
//   programmes/{p}/counters/sertifikat             the certificate register's last serial
//   programmes/{p}/trainers/{id}                   the trainer pool, with each trainer's assignments
//   programmes/{p}/mailings/{m}, .../messages/{id} paced mailings and their messages
//   programmes/{p}/documents/{request}             each request for documents once, with the outbox entries it made
//   certificates/{number}                          the public register GET /v/<number> reads
//   sendLeases/{agencyId}                          which send loop may send from the agency's Gmail account, until when
//   agencies/{host}/outbox/{id}                    confirmation e-mails, sent by the host's account; the documents
//   agencies/{issuer}/counters/surat-{year}        the issuing agency's letter register (shared with its SOP letters)
//
// Contention: every registrant of a province and mode meets on that province's quota documents
// (one per wave) and its waiting list. Those are read and written in the registration's own
// transaction, so a quota can never be overrun; within an instance the transactor queues
// transactions on the same documents in memory instead of letting them abort each other, and
// what still collides across instances is retried until the deadline (then BUSY, which the intake
// treats as "read the form again later", never as a lost or doubled registration).
import { createHash } from 'node:crypto';
import { FieldPath, type DocumentSnapshot, type Firestore, type Query, type Transaction } from '@google-cloud/firestore';
import {
  bucketSchema,
  certificateFactsSchema,
  certificateSchema,
  documentRequestSchema,
  mailingSchema,
  mailMessageSchema,
  participantFactsSchema,
  participantSchema,
  programmeSchema,
  registrationSchema,
  trainerSchema,
  waitlistSchema,
  type Bucket,
  type Certificate,
  type Participant,
  type ParticipantQuery,
  type Programme,
  type ProgrammeStore,
  type Registration,
} from '../model/programme.ts';
import { counterSchema, outboxEntrySchema, type OutboxEntry } from '../model/records.ts';
import { parseSnap, plain } from './paths.ts';
import { createWriteBudget } from './size.ts';
import { createTransactor, type TransactOptions } from './transact.ts';

/** Firestore's ALREADY_EXISTS. */
const ALREADY_EXISTS = 6;
/** Writes per certificate transaction: a certificate and its participant each, under Firestore's 500 per commit. */
export const CERTIFICATE_BATCH = 200;

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** The participant id of a first registration: derived from the response, so a retried transaction makes the same one. */
export function participantIdOf(programmeId: string, registrationId: string): string {
  return sha(`${programmeId}\n${registrationId}`).slice(0, 20);
}

export function phoneContactKey(phoneKey: string): string {
  return `p_${sha(phoneKey).slice(0, 32)}`;
}
export function emailContactKey(email: string): string {
  return `e_${sha(email.toLowerCase()).slice(0, 32)}`;
}

export function bucketId(province: string, wave: number): string {
  return `${province}_${wave}`;
}
export function eventIdOf(province: string, wave: number): string {
  return `${province}-${wave}`;
}

/** The waves of a mode that have places in a province, in wave order. */
export function candidateWaves(p: Programme, province: string, mode: 'luring' | 'daring'): number[] {
  return p.waves
    .filter((w) => w.mode === mode && (p.quotas[province]?.[String(w.no)] ?? 0) > 0)
    .map((w) => w.no)
    .sort((a, b) => a - b);
}

export function createFirestoreProgrammeStore(db: Firestore, opts: { transactions?: TransactOptions } = {}): ProgrammeStore {
  const transact = createTransactor(db, opts.transactions);
  const prog = (p: string) => db.collection('programmes').doc(p);
  const participants = (p: string) => prog(p).collection('participants');
  /** The participants matching every filter given (the listing and its pages share it, so they filter alike). */
  const participantQuery = (p: string, q: ParticipantQuery): Query => {
    let query: Query = participants(p);
    if (q.hostAgencyId) query = query.where('hostAgencyId', '==', q.hostAgencyId);
    if (q.province) query = query.where('province', '==', q.province);
    if (q.eventId) query = query.where('eventId', '==', q.eventId);
    if (q.status) query = query.where('status', '==', q.status);
    return query;
  };
  const contact = (p: string, key: string) => prog(p).collection('contacts').doc(key);
  const bucket = (p: string, province: string, wave: number) => prog(p).collection('quotas').doc(bucketId(province, wave));
  const waitlist = (p: string, province: string, mode: string) => prog(p).collection('waitlists').doc(`${province}_${mode}`);
  const registration = (p: string, id: string) => prog(p).collection('registrations').doc(id);
  const counter = (p: string) => prog(p).collection('counters').doc('sertifikat');
  const trainer = (p: string, id: string) => prog(p).collection('trainers').doc(id);
  const mailing = (p: string, m: string) => prog(p).collection('mailings').doc(m);
  const message = (p: string, m: string, id: string) => mailing(p, m).collection('messages').doc(id);
  const certificate = (n: string) => db.collection('certificates').doc(n);
  const outbox = (agencyId: string, id: string) => db.collection('agencies').doc(agencyId).collection('outbox').doc(id);
  const documentRequest = (p: string, id: string) => prog(p).collection('documents').doc(id);
  const letterCounter = (agencyId: string, name: string) => db.collection('agencies').doc(agencyId).collection('counters').doc(name);

  const participantOf = (s: DocumentSnapshot) => parseSnap(participantSchema, s) as Participant;
  const writeOutbox = (tx: Transaction, entries: OutboxEntry[]) => {
    for (const e of entries) tx.create(outbox(e.agencyId, e.id), plain(outboxEntrySchema.parse(e)));
  };

  async function programme(id: string): Promise<Programme | null> {
    const s = await prog(id).get();
    return s.exists ? parseSnap(programmeSchema, s) : null;
  }

  return {
    async putProgramme(input, now) {
      const p = programmeSchema.parse(input);
      for (const pr of p.provinces) for (const w of Object.keys(p.quotas[pr.code] ?? {})) if (!p.waves.some((x) => String(x.no) === w)) throw new Error(`quota for unknown wave ${w} in ${pr.code}`);
      for (const code of Object.keys(p.quotas)) if (!p.provinces.some((x) => x.code === code)) throw new Error(`quota for unknown province ${code}`);
      await db.runTransaction(async (tx) => {
        const refs = p.provinces.flatMap((pr) => p.waves.map((w) => ({ ref: bucket(p.id, pr.code, w.no), province: pr.code, wave: w.no, capacity: p.quotas[pr.code]?.[String(w.no)] ?? 0 })));
        const snaps = refs.length ? await tx.getAll(...refs.map((r) => r.ref)) : [];
        tx.set(prog(p.id), { ...plain(p), hostAgencyIds: [...new Set(p.provinces.map((x) => x.hostAgencyId))], updatedAt: now });
        refs.forEach((r, i) => {
          const s = snaps[i]!;
          // Lowering a quota below what is taken keeps those places; nobody is dropped silently.
          if (s.exists) tx.update(r.ref, { capacity: r.capacity });
          else if (r.capacity > 0) tx.set(r.ref, { province: r.province, wave: r.wave, capacity: r.capacity, taken: 0 });
        });
      });
      return p;
    },

    programme,

    async programmesOf(agencyId) {
      const [owned, hosted] = await Promise.all([
        db.collection('programmes').where('ownerAgencyId', '==', agencyId).get(),
        db.collection('programmes').where('hostAgencyIds', 'array-contains', agencyId).get(),
      ]);
      const byId = new Map<string, Programme>();
      for (const s of [...owned.docs, ...hosted.docs]) byId.set(s.id, parseSnap(programmeSchema, s));
      return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
    },

    async register(p, r, notice) {
      const waves = candidateWaves(p, r.province, r.mode);
      const keys = [phoneContactKey(r.phoneKey), emailContactKey(r.email)];
      const locks = [...keys.map((k) => contact(p.id, k).path), ...waves.map((w) => bucket(p.id, r.province, w).path), waitlist(p.id, r.province, r.mode).path];
      return transact(locks, async (tx) => {
        const regRef = registration(p.id, r.id);
        const [regSnap, ...rest] = await tx.getAll(regRef, ...keys.map((k) => contact(p.id, k)), ...waves.map((w) => bucket(p.id, r.province, w)), waitlist(p.id, r.province, r.mode));
        if (regSnap!.exists) {
          const reg = parseSnap(registrationSchema, regSnap!);
          const ps = reg.participantId ? await tx.get(participants(p.id).doc(reg.participantId)) : null;
          if (!ps?.exists) throw new Error(`registration ${r.id} names no participant`);
          return { outcome: reg.outcome, participant: participantOf(ps), replayed: true, outbox: [] };
        }
        const contactSnaps = rest.slice(0, keys.length);
        const bucketSnaps = rest.slice(keys.length, keys.length + waves.length);
        const wlSnap = rest[keys.length + waves.length]!;
        const known = [...new Set(contactSnaps.filter((s) => s.exists).map((s) => String(s.get('participantId'))))];
        const found = known.length ? (await tx.getAll(...known.map((id) => participants(p.id).doc(id)))).filter((s) => s.exists).map(participantOf) : [];
        // The earliest registrant wins when the phone and the e-mail name two different people.
        found.sort((a, b) => a.registeredAt.localeCompare(b.registeredAt) || a.id.localeCompare(b.id));
        const existing = found[0] ?? null;
        const now = r.receivedAt;
        const writeContacts = (participantId: string) =>
          keys.forEach((k, i) => {
            if (!contactSnaps[i]!.exists) tx.create(contact(p.id, k), { participantId });
          });
        const record = (outcome: Registration['outcome'], participantId: string) =>
          tx.create(regRef, plain(registrationSchema.parse({ id: r.id, outcome, participantId, receivedAt: now, problems: [], answers: r.answers })));

        if (existing && existing.status !== 'withdrawn') {
          const merged: Participant = {
            ...existing,
            email: existing.email ?? r.email,
            responses: [...existing.responses, r.id].slice(-20),
            updatedAt: now,
          };
          // Reads before the first write, as Firestore transactions require.
          const position = merged.status === 'waiting' ? await waitPosition(tx, p.id, merged) : null;
          tx.set(participants(p.id).doc(existing.id), plain(merged));
          writeContacts(existing.id);
          record('merged', existing.id);
          const mail = notice(merged, 'merged', position);
          const out = mail ? [mail] : [];
          writeOutbox(tx, out);
          return { outcome: 'merged' as const, participant: merged, replayed: false, outbox: out };
        }

        // A first registration, or a withdrawn participant applying again (same record).
        const id = existing?.id ?? participantIdOf(p.id, r.id);
        const host = p.provinces.find((x) => x.code === r.province)!.hostAgencyId;
        const buckets = bucketSnaps.map((s, i) => (s.exists ? parseSnap(bucketSchema, s) : { province: r.province, wave: waves[i]!, capacity: 0, taken: 0 }));
        const free = buckets.findIndex((b) => b.taken < b.capacity);
        const base: Participant = {
          id,
          programmeId: p.id,
          hostAgencyId: host,
          province: r.province,
          mode: r.mode,
          status: 'registered',
          wave: null,
          eventId: null,
          waitSeq: null,
          name: r.name,
          library: r.library,
          village: r.village,
          district: r.district,
          regency: r.regency,
          phone: r.phone,
          email: r.email,
          registeredAt: existing?.registeredAt ?? now,
          updatedAt: now,
          responses: [...(existing?.responses ?? []), r.id].slice(-20),
          attendance: existing?.attendance ?? {},
          certificate: existing?.certificate ?? null,
        };
        let result: Participant;
        let position: number | null = null;
        if (free >= 0) {
          const b = buckets[free]!;
          result = { ...base, wave: b.wave, eventId: eventIdOf(r.province, b.wave) };
          tx.update(bucket(p.id, r.province, b.wave), { taken: b.taken + 1 });
        } else {
          const wl = wlSnap.exists ? parseSnap(waitlistSchema, wlSnap) : { next: 1, count: 0 };
          result = { ...base, status: 'waiting', waitSeq: wl.next };
          position = wl.count + 1;
          tx.set(waitlist(p.id, r.province, r.mode), { next: wl.next + 1, count: wl.count + 1 });
        }
        tx.set(participants(p.id).doc(id), plain(result));
        writeContacts(id);
        record(result.status === 'registered' ? 'registered' : 'waiting', id);
        const mail = notice(result, result.status === 'registered' ? 'registered' : 'waiting', position);
        const out = mail ? [mail] : [];
        writeOutbox(tx, out);
        return { outcome: result.status === 'registered' ? ('registered' as const) : ('waiting' as const), participant: result, replayed: false, outbox: out };
      });
    },

    async rejectRegistration(programmeId, reg) {
      try {
        await registration(programmeId, reg.id).create(plain(registrationSchema.parse(reg)));
        return { replayed: false };
      } catch (err) {
        if ((err as { code?: number }).code !== ALREADY_EXISTS) throw err;
        return { replayed: true };
      }
    },

    async registration(programmeId, id) {
      const s = await registration(programmeId, id).get();
      return s.exists ? parseSnap(registrationSchema, s) : null;
    },

    async withdraw(p, participantId, notice, now) {
      const ref = participants(p.id).doc(participantId);
      const before = await ref.get();
      if (!before.exists) throw new Error(`participant ${participantId} not found`);
      const first = participantOf(before);
      const locks = [ref.path, waitlist(p.id, first.province, first.mode).path, ...(first.wave !== null ? [bucket(p.id, first.province, first.wave).path] : [])];
      return transact(locks, async (tx) => {
        const cur = participantOf(await tx.get(ref));
        if (cur.status === 'withdrawn') return { participant: cur, promoted: null, outbox: [] };
        // The participant moved (promoted) since the first read: the locks above name the old place; try again.
        if (cur.wave !== first.wave || cur.status !== first.status) throw Object.assign(new Error('participant moved'), { code: 10 });
        const wlRef = waitlist(p.id, cur.province, cur.mode);
        const wlSnap = await tx.get(wlRef);
        const wl = wlSnap.exists ? parseSnap(waitlistSchema, wlSnap) : { next: 1, count: 0 };
        const out: OutboxEntry[] = [];
        let promoted: Participant | null = null;
        if (cur.status === 'registered' && cur.wave !== null) {
          const bRef = bucket(p.id, cur.province, cur.wave);
          const b = parseSnap(bucketSchema, await tx.get(bRef));
          const next = await tx.get(participants(p.id).where('province', '==', cur.province).where('mode', '==', cur.mode).where('status', '==', 'waiting').orderBy('waitSeq').limit(1));
          if (!next.empty && b.taken <= b.capacity) {
            const w = participantOf(next.docs[0]!);
            promoted = { ...w, status: 'registered', wave: cur.wave, eventId: cur.eventId, waitSeq: null, updatedAt: now };
            tx.set(participants(p.id).doc(w.id), plain(promoted));
            tx.set(wlRef, { next: wl.next, count: Math.max(0, wl.count - 1) });
            const m = notice(promoted, 'promoted', null);
            if (m) out.push(m);
          } else {
            tx.update(bRef, { taken: Math.max(0, b.taken - 1) });
          }
        } else if (cur.status === 'waiting') {
          tx.set(wlRef, { next: wl.next, count: Math.max(0, wl.count - 1) });
        }
        const withdrawn: Participant = { ...cur, status: 'withdrawn', wave: null, eventId: null, waitSeq: null, updatedAt: now };
        tx.set(ref, plain(withdrawn));
        const m = notice(withdrawn, 'withdrawn', null);
        if (m) out.push(m);
        writeOutbox(tx, out);
        return { participant: withdrawn, promoted, outbox: out };
      });
    },

    async participant(programmeId, id) {
      const s = await participants(programmeId).doc(id).get();
      return s.exists ? participantOf(s) : null;
    },

    async waitingPosition(programmeId, pt) {
      if (pt.status !== 'waiting' || pt.waitSeq === null) return null;
      const ahead = await participants(programmeId).where('province', '==', pt.province).where('mode', '==', pt.mode).where('status', '==', 'waiting').where('waitSeq', '<', pt.waitSeq).count().get();
      return ahead.data().count + 1;
    },

    async participants(programmeId, q) {
      const snap = await participantQuery(programmeId, q).get();
      return snap.docs.map(participantOf);
    },

    async participantFacts(programmeId, q, sessions) {
      let query: Query = participants(programmeId);
      if (q.hostAgencyId) query = query.where('hostAgencyId', '==', q.hostAgencyId);
      // A projection: 10,000 participants' names, contacts and responses stay on the server. Of
      // each attendance mark only its shortest field (`via`) comes back: presence is all we count.
      const snap = await query.select('province', 'mode', 'status', 'wave', ...sessions.map((n) => new FieldPath('attendance', String(n), 'via'))).get();
      return snap.docs.map((d) => parseSnap(participantFactsSchema, d));
    },

    async participantPage(programmeId, q) {
      const query = participantQuery(programmeId, q);
      const total = q.count ? (await query.count().get()).data().count : null;
      const ordered = query.orderBy('registeredAt').orderBy(FieldPath.documentId());
      // One more than the page: whether anything follows is known without a second read.
      const snap = await (q.after ? ordered.startAfter(q.after.key, q.after.id) : ordered).limit(q.limit + 1).get();
      const docs = snap.docs.slice(0, q.limit);
      const last = docs.at(-1);
      return { items: docs.map(participantOf), next: snap.docs.length > q.limit && last ? { key: String(last.get('registeredAt')), id: last.id } : null, total };
    },

    async buckets(programmeId) {
      const snap = await prog(programmeId).collection('quotas').get();
      return snap.docs.map((d) => parseSnap(bucketSchema, d) as Bucket);
    },

    async waitlists(programmeId) {
      const snap = await prog(programmeId).collection('waitlists').get();
      return Object.fromEntries(snap.docs.map((d) => [d.id, parseSnap(waitlistSchema, d)]));
    },

    async markAttendance(programmeId, eventId, ids, session, mark) {
      const out = { marked: 0, already: 0, refused: [] as string[] };
      for (let i = 0; i < ids.length; i += 400) {
        const chunk = [...new Set(ids.slice(i, i + 400))];
        const refs = chunk.map((id) => participants(programmeId).doc(id));
        const r = await transact(
          refs.map((x) => x.path),
          async (tx) => {
            const snaps = await tx.getAll(...refs);
            const res = { marked: 0, already: 0, refused: [] as string[] };
            snaps.forEach((s, j) => {
              const pt = s.exists ? participantOf(s) : null;
              if (!pt || pt.status !== 'registered' || pt.eventId !== eventId) return void res.refused.push(chunk[j]!);
              if (pt.attendance[String(session)]) return void res.already++;
              tx.update(refs[j]!, { [`attendance.${session}`]: mark, updatedAt: mark.at });
              res.marked++;
            });
            return res;
          },
        );
        out.marked += r.marked;
        out.already += r.already;
        out.refused.push(...r.refused);
      }
      return out;
    },

    async issueCertificates(p, items, now) {
      const issued: Certificate[] = [];
      for (let i = 0; i < items.length; i += CERTIFICATE_BATCH) {
        const chunk = items.slice(i, i + CERTIFICATE_BATCH);
        const refs = chunk.map((x) => participants(p.id).doc(x.participant.id));
        // The register's counter is the one document every batch shares: batches queue on it.
        const got = await transact([counter(p.id).path, ...refs.map((r) => r.path)], async (tx) => {
          const [c, ...snaps] = await tx.getAll(counter(p.id), ...refs);
          let last = c!.exists ? Number(c!.get('last')) : 0;
          const made: Certificate[] = [];
          snaps.forEach((s, j) => {
            if (!s.exists) return;
            const pt = participantOf(s);
            if (pt.certificate) return;
            const cert = certificateSchema.parse(chunk[j]!.certificate(++last));
            tx.create(certificate(cert.number), plain(cert));
            tx.update(refs[j]!, { certificate: { number: cert.number, issuedAt: now }, updatedAt: now });
            made.push(cert);
          });
          if (made.length) tx.set(counter(p.id), { last });
          return made;
        });
        issued.push(...got);
      }
      return issued;
    },

    async certificate(number) {
      const s = await certificate(number).get();
      return s.exists ? parseSnap(certificateSchema, s) : null;
    },

    async certificates(programmeId, eventId) {
      let q = db.collection('certificates').where('programmeId', '==', programmeId);
      if (eventId) q = q.where('eventId', '==', eventId);
      return (await q.get()).docs.map((d) => parseSnap(certificateSchema, d));
    },

    async certificateFacts(programmeId, q) {
      let query = db.collection('certificates').where('programmeId', '==', programmeId);
      if (q.hostAgencyId) query = query.where('hostAgencyId', '==', q.hostAgencyId);
      const snap = await query.select('eventId', 'revoked').get();
      return snap.docs.map((d) => ({ ...parseSnap(certificateFactsSchema, d), number: d.id }));
    },

    async deliveredCertificates(programmeId, q) {
      const mailings = await prog(programmeId).collection('mailings').where('kind', '==', 'sertifikat').select().get();
      const sent = await Promise.all(
        mailings.docs.map(async (m) => {
          let query: Query = m.ref.collection('messages').where('status', '==', 'sent');
          if (q.senderAgencyId) query = query.where('senderAgencyId', '==', q.senderAgencyId);
          return (await query.select('certificate').get()).docs.map((d) => d.get('certificate')).filter((n): n is string => typeof n === 'string');
        }),
      );
      // A certificate mailed twice (an event's mailing, then the whole programme's) is delivered once.
      return [...new Set(sent.flat())];
    },

    async putTrainer(programmeId, t) {
      const ref = trainer(programmeId, t.id);
      await db.runTransaction(async (tx) => {
        const s = await tx.get(ref);
        const assignments = s.exists ? (s.get('assignments') ?? []) : [];
        tx.set(ref, plain(trainerSchema.parse({ ...t, assignments })));
      });
    },

    async trainers(programmeId) {
      return (await prog(programmeId).collection('trainers').get()).docs.map((d) => parseSnap(trainerSchema, d));
    },

    async assignTrainers(programmeId, event, ids) {
      const refs = [...new Set(ids)].map((id) => trainer(programmeId, id));
      return transact(
        refs.map((r) => r.path),
        async (tx) => {
          const snaps = await tx.getAll(...refs);
          const missing = snaps.filter((s) => !s.exists).map((s) => s.id);
          if (missing.length) return { ok: false as const, conflicts: missing.map((trainerId) => ({ trainerId, eventId: '(tidak ada)' })) };
          const ts = snaps.map((s) => parseSnap(trainerSchema, s));
          const conflicts = ts.flatMap((t) => t.assignments.filter((a) => a.eventId !== event.id && a.start <= event.end && event.start <= a.end).map((a) => ({ trainerId: t.id, eventId: a.eventId })));
          if (conflicts.length) return { ok: false as const, conflicts };
          const updated = ts.map((t) => ({ ...t, assignments: [...t.assignments.filter((a) => a.eventId !== event.id), { eventId: event.id, start: event.start, end: event.end }] }));
          updated.forEach((t, i) => tx.update(refs[i]!, { assignments: plain(t.assignments) }));
          return { ok: true as const, trainers: updated };
        },
      );
    },

    async documentRequest(programmeId, id) {
      const s = await documentRequest(programmeId, id).get();
      return s.exists ? parseSnap(documentRequestSchema, s) : null;
    },

    async createDocuments(request, counter, build) {
      const reqRef = documentRequest(request.programmeId, request.id);
      const counterRef = counter ? letterCounter(request.agencyId, counter) : null;
      // The register is shared with the agency's SOP letters: requests queue on it like transitions do.
      return transact([reqRef.path, ...(counterRef ? [counterRef.path] : [])], async (tx) => {
        const [snap, c] = await tx.getAll(reqRef, ...(counterRef ? [counterRef] : []));
        if (snap!.exists) {
          const stored = parseSnap(documentRequestSchema, snap!);
          const made = await tx.getAll(...stored.entries.map((id) => outbox(stored.agencyId, id)));
          return { request: stored, entries: made.filter((x) => x.exists).map((x) => parseSnap(outboxEntrySchema, x) as OutboxEntry), replayed: true };
        }
        const last = c?.exists ? parseSnap(counterSchema, c).last : 0;
        const entries = build(counterRef ? last + 1 : null);
        if (entries.map((e) => e.id).join('\n') !== request.entries.join('\n')) throw new Error(`documents ${request.id}: the entries built are not the ones recorded`);
        // A list of participants too long for one Firestore document is refused whole, never cut.
        const budget = createWriteBudget();
        const record = plain(documentRequestSchema.parse(request));
        budget.add(reqRef.path, record, 'Catatan permintaan dokumen');
        for (const e of entries) {
          const data = plain(outboxEntrySchema.parse(e)) as Record<string, unknown>;
          budget.add(outbox(e.agencyId, e.id).path, data, `Dokumen "${e.title}"`);
          tx.create(outbox(e.agencyId, e.id), data);
        }
        tx.create(reqRef, record);
        if (counterRef) tx.set(counterRef, { last: last + entries.length });
        return { request, entries, replayed: false };
      });
    },

    async documentEntries(agencyId, ids) {
      if (!ids.length) return [];
      const snaps = await db.getAll(...ids.map((id) => outbox(agencyId, id)));
      return snaps.filter((x) => x.exists).map((x) => parseSnap(outboxEntrySchema, x) as OutboxEntry);
    },

    async documentRequests(programmeId, agencyId, limit) {
      const snap = await prog(programmeId).collection('documents').where('agencyId', '==', agencyId).orderBy('createdAt', 'desc').limit(limit).get();
      return snap.docs.map((d) => parseSnap(documentRequestSchema, d));
    },

    async participantsByIdPrefix(programmeId, prefix, limit) {
      const snap = await participants(programmeId).where(FieldPath.documentId(), '>=', prefix).where(FieldPath.documentId(), '<', `${prefix}\uf8ff`).limit(limit).get();
      return snap.docs.map(participantOf);
    },

    async createMailing(m, messages) {
      const ref = mailing(m.programmeId, m.id);
      if ((await ref.get()).exists) return { created: false };
      // Messages first (each created once; a rerun after a crash keeps those already sent), then the mailing.
      const writer = db.bulkWriter();
      writer.onWriteError((e) => e.code !== ALREADY_EXISTS && e.failedAttempts < 5);
      for (const msg of messages) void writer.create(message(m.programmeId, m.id, msg.id), plain(mailMessageSchema.parse(msg))).catch((e: { code?: number }) => {
        if (e.code !== ALREADY_EXISTS) throw e;
      });
      await writer.close();
      try {
        await ref.create(plain(mailingSchema.parse({ ...m, open: messages.length > 0 })));
      } catch (err) {
        if ((err as { code?: number }).code !== ALREADY_EXISTS) throw err;
        return { created: false };
      }
      return { created: true };
    },

    async mailing(programmeId, id) {
      const s = await mailing(programmeId, id).get();
      return s.exists ? parseSnap(mailingSchema, s) : null;
    },

    async mailings(programmeId) {
      return (await prog(programmeId).collection('mailings').orderBy('createdAt', 'desc').get()).docs.map((d) => parseSnap(mailingSchema, d));
    },

    async queued(programmeId, mailingId, sender, limit) {
      const snap = await mailing(programmeId, mailingId).collection('messages').where('senderAgencyId', '==', sender).where('status', '==', 'queued').orderBy('seq').limit(limit).get();
      return snap.docs.map((d) => parseSnap(mailMessageSchema, d));
    },

    async sendLedger(_programmeId, sender, since) {
      // Every programme's messages of this account count: the Gmail quota is the account's.
      const snap = await db.collectionGroup('messages').where('senderAgencyId', '==', sender).where('intentAt', '>=', since).select('intentAt').get();
      return snap.docs.map((d) => String(d.get('intentAt'))).sort();
    },

    async updateMessage(programmeId, mailingId, id, patch) {
      await message(programmeId, mailingId, id).update(plain(patch) as Record<string, unknown>);
    },

    async mailingCounts(programmeId, mailingId) {
      const msgs = mailing(programmeId, mailingId).collection('messages');
      const m = await mailing(programmeId, mailingId).get();
      const senders = Object.keys(m.exists ? (m.get('senders') ?? {}) : {});
      const out: Record<string, { queued: number; sent: number; failed: number }> = {};
      await Promise.all(
        senders.map(async (s) => {
          const [q, se, f] = await Promise.all(
            (['queued', 'sent', 'failed'] as const).map(async (st) => (await msgs.where('senderAgencyId', '==', s).where('status', '==', st).count().get()).data().count),
          );
          out[s] = { queued: q!, sent: se!, failed: f! };
        }),
      );
      return out;
    },

    async mailingTotals(programmeId, mailingId, sender) {
      let msgs: Query = mailing(programmeId, mailingId).collection('messages');
      if (sender) msgs = msgs.where('senderAgencyId', '==', sender);
      const [queued, sent, failed] = await Promise.all((['queued', 'sent', 'failed'] as const).map(async (st) => (await msgs.where('status', '==', st).count().get()).data().count));
      return { queued: queued!, sent: sent!, failed: failed! };
    },

    async openMailings() {
      return (await db.collectionGroup('mailings').where('open', '==', true).get()).docs.map((d) => parseSnap(mailingSchema, d));
    },

    async closeMailingIfDone(programmeId, mailingId) {
      const left = await mailing(programmeId, mailingId).collection('messages').where('status', '==', 'queued').limit(1).get();
      if (!left.empty) return false;
      await mailing(programmeId, mailingId).update({ open: false });
      return true;
    },

    async acquireSendLease(account, holder, until, now) {
      const ref = db.collection('sendLeases').doc(account);
      return db.runTransaction(async (tx) => {
        const s = await tx.get(ref);
        const cur = s.exists ? { holder: String(s.get('holder')), until: Number(s.get('until')) } : null;
        if (cur && cur.holder !== holder && cur.until > now) return false;
        tx.set(ref, { holder, until, at: new Date(now).toISOString() });
        return true;
      });
    },

    async releaseSendLease(account, holder) {
      const ref = db.collection('sendLeases').doc(account);
      await db.runTransaction(async (tx) => {
        const s = await tx.get(ref);
        if (s.exists && s.get('holder') === holder) tx.delete(ref);
      });
    },
  };

  /** 1-based position on the waiting list of a waiting participant. */
  async function waitPosition(tx: Transaction, programmeId: string, pt: Participant): Promise<number | null> {
    if (pt.waitSeq === null) return null;
    const ahead = await tx.get(participants(programmeId).where('province', '==', pt.province).where('mode', '==', pt.mode).where('status', '==', 'waiting').where('waitSeq', '<', pt.waitSeq));
    return ahead.size + 1;
  }
}
