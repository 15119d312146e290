// Where each record lives. All agency data sits under agencies/{agencyId}, so security rules can
// scope by agency:
//   agencies/{agencyId}                              name, time zone, letterhead
//   agencies/{agencyId}/staff/{email}                name, roles, active
//   agencies/{agencyId}/sops/{sopId}                 activeVersion
//   agencies/{agencyId}/sops/{sopId}/versions/{v}    the definition (immutable once written)
//   agencies/{agencyId}/cases/{caseId}               current state
//   agencies/{agencyId}/cases/{caseId}/events/{seq}  append-only history, id = zero-padded sequence
//   agencies/{agencyId}/counters/{name}              running numbers (cases, letters, agenda)
//   agencies/{agencyId}/idempotency/{hash}           first result of each idempotency key
//   agencies/{agencyId}/outbox/{entryId}             letters to render and send
//   agencies/{agencyId}/desk_visits, desk_reads      reading-desk records
//   agencies/{agencyId}/submissions/{formId}-{responseId}   partner form submissions
//   agencies/{agencyId}/form_cursors/{formId}        how far a Google form's responses were read
//   form_links/{googleFormId}                        the agency and our form of a Google form
//   holidays/{year}                                  national holidays and cuti bersama
import type { DocumentSnapshot, Firestore } from '@google-cloud/firestore';
import type { z } from 'zod';
import { corruptDocument } from '../sop/errors.ts';
import { requestHash, type DeskKind } from '../model/records.ts';

export function eventId(seq: number): string {
  return String(seq).padStart(6, '0');
}

export type Paths = ReturnType<typeof pathsOf>;

export function pathsOf(db: Firestore) {
  const agency = (a: string) => db.collection('agencies').doc(a);
  const cases = (a: string) => agency(a).collection('cases');
  const sops = (a: string) => agency(a).collection('sops');
  return {
    agency,
    holidays: () => db.collection('holidays'),
    staffOf: (a: string) => agency(a).collection('staff'),
    staff: (a: string, email: string) => agency(a).collection('staff').doc(email.toLowerCase()),
    sops,
    sopVersion: (a: string, sopId: string, v: number) => sops(a).doc(sopId).collection('versions').doc(String(v)),
    cases,
    events: (a: string, caseId: string) => cases(a).doc(caseId).collection('events'),
    counter: (a: string, name: string) => agency(a).collection('counters').doc(name),
    idempotency: (a: string, email: string, key: string) => agency(a).collection('idempotency').doc(requestHash([email.toLowerCase(), key])),
    outbox: (a: string, id: string) => agency(a).collection('outbox').doc(id),
    submissions: (a: string) => agency(a).collection('submissions'),
    submission: (a: string, id: string) => agency(a).collection('submissions').doc(id),
    desk: (a: string, kind: DeskKind) => agency(a).collection(kind === 'visits' ? 'desk_visits' : 'desk_reads'),
    formLinks: () => db.collection('form_links'),
    formLink: (googleFormId: string) => db.collection('form_links').doc(googleFormId),
    formCursor: (a: string, formId: string) => agency(a).collection('form_cursors').doc(formId),
  };
}

/** A stored document parsed with its schema: a document that fails it is reported with its path, never used. */
export function parseSnap<S extends z.ZodType>(schema: S, snap: DocumentSnapshot): z.infer<S> {
  return parseStored(schema, snap.data(), snap.ref.path);
}

export function parseStored<S extends z.ZodType>(schema: S, data: unknown, path: string): z.infer<S> {
  const r = schema.safeParse(data);
  if (!r.success) {
    const detail = r.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(dokumen)'}: ${i.message}`).join('; ');
    console.error(JSON.stringify({ severity: 'ERROR', message: 'stored document fails its schema', path, issues: r.error.issues }));
    throw corruptDocument(path, detail);
  }
  return r.data;
}

/** Firestore rejects `undefined`; our records are plain JSON data, so a JSON round trip is exact. */
export function plain<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}
