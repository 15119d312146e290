// The programme's staff routes under /v1/agencies/{agency}/programmes: bodies checked with zod at
// the boundary (unknown fields refused, Indonesian messages naming the field), answers plain JSON.
import { z } from 'zod';
import type * as Api from '../contract.ts';
import type { Route } from '../http/api.ts';
import { ID } from '../http/boundary.ts';
import { decodePageToken, encodePageToken, PAGE_TOKEN_MAX, tokenScope } from '../http/page-token.ts';
import { idempotency, parse } from '../http/requests.ts';
import { route } from '../http/routes.ts';
import { line, paragraph } from '../sop/engine.ts';
import type { ProgrammeDocuments } from './documents.ts';
import type { ProgrammeService } from './service.ts';

const eventId = z.string().regex(/^[a-z]{2,12}-\d{1,2}$/, 'harus berupa id kegiatan, mis. babel-1');
const attendanceBody = z.strictObject({ event: eventId, session: z.number().int().min(1).max(50), participants: z.array(z.string().regex(/^[a-z0-9]{8,40}$/, 'bukan id peserta')).min(1).max(2_000) });
const eventBody = z.strictObject({ event: eventId });
const mailingBody = z.strictObject({ kind: z.enum(['sertifikat', 'undangan'], 'harus "sertifikat" atau "undangan"'), event: eventId.optional() });
const trainersBody = z.strictObject({ event: eventId, trainers: z.array(z.string().regex(/^[a-z0-9-]{2,64}$/, 'bukan id pelatih')).min(2).max(20) });
/** A page of participants: as many as a sidebar shows at once by default, at most what one attendance call takes. */
export const PARTICIPANT_LIST = { defaultLimit: 200, maxLimit: 2_000 } as const;
const participantsQuery = z.strictObject({
  event: eventId.optional(),
  status: z.enum(['registered', 'waiting', 'withdrawn']).optional(),
  limit: z
    .string()
    .regex(/^[1-9]\d{0,3}$/, `harus bilangan bulat 1–${PARTICIPANT_LIST.maxLimit}`)
    .refine((v) => Number(v) <= PARTICIPANT_LIST.maxLimit, `paling banyak ${PARTICIPANT_LIST.maxLimit}`)
    .optional(),
  pageToken: z.string().max(PAGE_TOKEN_MAX, 'bukan token halaman dari daftar ini').optional(),
});
const empty = z.strictObject({});
const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'harus tanggal YYYY-MM-DD');
const signer = z.email('harus alamat e-mail pegawai').max(254);
const session = z.number().int().min(1).max(50);
export const documentBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('surat_tugas_pelatih'), event: eventId, trainer: z.string().regex(/^[a-z0-9-]{2,64}$/, 'bukan id pelatih').optional(), sessions: z.array(session).min(1).max(50).optional() }),
  z.strictObject({ kind: z.literal('undangan'), event: eventId, pukul: line(5).regex(/^([01]\d|2[0-3])\.[0-5]\d$/, 'harus jam JJ.MM, mis. 08.00').optional(), penandatangan: signer.optional() }),
  z.strictObject({ kind: z.literal('daftar_hadir'), event: eventId, session, tanggal: isoDate.optional(), penandatangan: signer.optional() }),
  z.strictObject({ kind: z.literal('laporan_pelaksanaan'), event: eventId, kendala: paragraph(3000).optional(), rekomendasi: paragraph(3000).optional(), penandatangan: signer.optional() }),
]);
const documentsQuery = z.strictObject({ event: eventId.optional() });

export function programmeRoutes(svc: ProgrammeService, documents: ProgrammeDocuments): Route[] {
  return [
    route('GET', '/programmes', async ({ caller }) => ({ body: { programmes: await svc.list(await caller()) } })),
    route('GET', '/programmes/:programme', async ({ caller, params }) => ({ body: await svc.summary(await caller(), params[1]!) })),
    route('GET', '/programmes/:programme/report', async ({ caller, params, query }) => {
      parse(empty, query, 'Parameter laporan program');
      return { body: await svc.report(await caller(), params[1]!) };
    }),
    route<Api.ParticipantListResponse>('GET', '/programmes/:programme/participants', async ({ caller, params, query, agency }) => {
      const q = parse(participantsQuery, query, 'Parameter daftar peserta');
      const scope = tokenScope('participants', agency.id, params[1], q.event ?? null, q.status ?? null);
      const after = decodePageToken(q.pageToken, scope, ID.participant);
      const limit = q.limit ? Number(q.limit) : PARTICIPANT_LIST.defaultLimit;
      const page = await svc.participants(await caller(), params[1]!, { ...(q.event ? { event: q.event } : {}), ...(q.status ? { status: q.status } : {}), limit, ...(after ? { after } : {}) });
      return { body: { participants: page.rows, limit, nextPageToken: encodePageToken(scope, page.next), total: page.total } };
    }),
    route('POST', '/programmes/:programme/participants/:participant/withdraw', async ({ req, caller, params, body }) => {
      const b = parse(empty, body, 'Pengunduran diri');
      idempotency(req, b, `withdraw:${params[1]}:${params[2]}`);
      return { body: await svc.withdraw(await caller(), params[1]!, params[2]!) };
    }),
    route('POST', '/programmes/:programme/attendance', async ({ req, caller, params, body }) => {
      const b = parse(attendanceBody, body, 'Presensi');
      idempotency(req, b, `attendance:${params[1]}`);
      return { body: await svc.markAttendance(await caller(), params[1]!, b) };
    }),
    route('POST', '/programmes/:programme/certificates', async ({ req, caller, params, body }) => {
      const b = parse(eventBody, body, 'Penerbitan sertifikat');
      idempotency(req, b, `certificates:${params[1]}`);
      const r = await svc.issueCertificates(await caller(), params[1]!, b.event);
      return { body: { issued: r.issued, numbers: r.certificates.map((c) => c.number) } };
    }),
    route('POST', '/programmes/:programme/mailings', async ({ req, caller, params, body }) => {
      const b = parse(mailingBody, body, 'Pengiriman');
      const idem = idempotency(req, b, `mailing:${params[1]}`);
      const c = await caller();
      const r = b.kind === 'undangan' ? await svc.startInvitationMailing(c, params[1]!, idem.key, b.event) : await svc.startCertificateMailing(c, params[1]!, idem.key, b.event);
      return { status: r.created ? 201 : 200, body: r };
    }),
    route<Api.MailingListResponse>('GET', '/programmes/:programme/mailings', async ({ caller, params, query }) => {
      parse(empty, query, 'Parameter daftar pengiriman');
      return { body: { mailings: await svc.mailings(await caller(), params[1]!) } };
    }),
    route('GET', '/programmes/:programme/mailings/:mailing', async ({ caller, params }) => ({ body: await svc.progress(await caller(), params[1]!, params[2]!) })),
    route('POST', '/programmes/:programme/trainers', async ({ req, caller, params, body }) => {
      const b = parse(trainersBody, body, 'Penugasan pelatih');
      idempotency(req, b, `trainers:${params[1]}`);
      return { body: await svc.assignTrainers(await caller(), params[1]!, b.event, b.trainers) };
    }),
    route<Api.ProgrammeDocumentsResponse>('POST', '/programmes/:programme/documents', async ({ req, caller, params, body }) => {
      const b = parse(documentBody, body, 'Dokumen program');
      const r = await documents.request(await caller(), params[1]!, b, idempotency(req, b, `documents:${params[1]}`));
      return { status: r.replayed ? 200 : 202, body: r };
    }),
    route<Api.ProgrammeDocumentListResponse>('GET', '/programmes/:programme/documents', async ({ caller, params, query }) => {
      const q = parse(documentsQuery, query, 'Parameter daftar dokumen');
      return { body: await documents.list(await caller(), params[1]!, q.event) };
    }),
    route<Api.ReportDocumentResponse>('GET', '/programmes/:programme/documents/:document', async ({ caller, params }) => ({ body: await documents.status(await caller(), params[1]!, params[2]!) })),
  ];
}

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Check<T extends true> = T;
export type ProgrammeRequestChecks = [Check<Same<z.input<typeof documentBody>, Api.ProgrammeDocumentRequest>>];
