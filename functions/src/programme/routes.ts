// The programme's staff routes under /v1/agencies/{agency}/programmes: bodies checked with zod at
// the boundary (unknown fields refused, Indonesian messages naming the field), answers plain JSON.
import { z } from 'zod';
import type * as Api from '../contract.ts';
import type { Route } from '../http/api.ts';
import { ID } from '../http/boundary.ts';
import { decodePageToken, encodePageToken, PAGE_TOKEN_MAX, tokenScope } from '../http/page-token.ts';
import { idempotency, parse } from '../http/requests.ts';
import { route } from '../http/routes.ts';
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

export function programmeRoutes(svc: ProgrammeService): Route[] {
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
  ];
}
