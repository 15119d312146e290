// The in-house reading desk (Peminjaman koleksi referensi): thousands of visitors and books read a
// month are records, not cases. Each record is one idempotent document write; the daily and
// monthly recap feeds the monthly report, which is a case of the `referensi` SOP.
// Who may record what comes from the SOP definition's desk steps, so an agency edits it as data.
import type { Firestore } from '@google-cloud/firestore';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Caller, CaseService } from '../cases/service.ts';
import { DomainFailure, domainError } from '../sop/errors.ts';
import { roleLabels } from '../sop/engine.ts';
import type { SopDefinition } from '../sop/schema.ts';
import { requestHash, type CaseStore, type Idempotency } from '../store/firestore.ts';

export const DESK_SOP = 'referensi';

const visitBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  institution: z.string().trim().max(300).optional(),
  category: z.enum(['pelajar', 'mahasiswa', 'umum', 'instansi']).default('umum'),
  purpose: z.string().trim().max(500).optional(),
});

const readBody = z.strictObject({
  title: z.string().trim().min(1).max(500),
  callNumber: z.string().trim().max(100).optional(),
  /** DDC class, e.g. "000", "300": what the monthly report groups by. */
  classification: z.string().trim().regex(/^\d{3}(\.\d+)?$/).optional(),
  copies: z.number().int().min(1).max(100).default(1),
});

const monthParam = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

export interface DeskHelpers {
  parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T;
  idempotency(req: { get(name: string): string | undefined }, body: unknown, route: string): Idempotency;
}

export type DeskService = ReturnType<typeof createDeskService>;

export function createDeskService(db: Firestore, store: CaseStore, cases: CaseService, opts: { clock?: () => Date } = {}) {
  const clock = opts.clock ?? (() => new Date());
  const col = (agencyId: string, kind: 'desk_visits' | 'desk_reads') => db.collection('agencies').doc(agencyId).collection(kind);

  /** Roles of the desk step whose activity the record belongs to (3: guest book, 7: books read). */
  function requireRole(def: Pick<SopDefinition, 'steps' | 'roles'>, c: Caller, stepNo: number, what: string): void {
    const step = def.steps.find((s) => s.no === stepNo);
    const roles = step?.actors ?? [];
    if (!roles.some((r) => c.actor.roles.includes(r))) {
      throw new DomainFailure(domainError('WRONG_ROLE', `${what} hanya dapat dicatat oleh ${roleLabels(def, roles)}.`));
    }
  }

  async function record(c: Caller, kind: 'desk_visits' | 'desk_reads', stepNo: number, what: string, body: object, idem: Idempotency) {
    const def = await cases.getSop(c, DESK_SOP);
    requireRole(def, c, stepNo, what);
    const now = clock();
    const local = DateTime.fromJSDate(now, { zone: c.agency.timeZone });
    const ref = col(c.agency.id, kind).doc(requestHash([c.actor.email, idem.key]).slice(0, 40));
    const doc = {
      ...body,
      at: now.toISOString(),
      date: local.toISODate(),
      month: local.toFormat('yyyy-MM'),
      recordedBy: c.actor.email,
      requestHash: idem.requestHash,
    };
    try {
      await ref.create(doc);
      return { status: 201, body: { id: ref.id, ...doc, replayed: false } };
    } catch (err) {
      if ((err as { code?: number }).code !== 6) throw err; // 6 = ALREADY_EXISTS: a replay
      const first = (await ref.get()).data()!;
      if (first.requestHash !== idem.requestHash) {
        throw new DomainFailure(domainError('IDEMPOTENCY_KEY_REUSED', 'Kunci idempotensi ini sudah dipakai untuk catatan lain.', [{ path: 'Idempotency-Key', message: 'Kunci sudah dipakai.' }]));
      }
      return { status: 200, body: { id: ref.id, ...first, replayed: true } };
    }
  }

  const recap = (c: Caller, month: string) => store.deskRecap(c.agency.id, month);

  return {
    recap,
    routes(agencyPrefix: string, h: DeskHelpers) {
      return [
        {
          method: 'POST' as const,
          pattern: new RegExp(`${agencyPrefix}/desk/visits$`),
          handler: async ({ req, caller }: { req: { body: unknown; get(n: string): string | undefined }; caller: () => Promise<Caller> }) => {
            const b = h.parse(visitBody, req.body, 'Buku tamu');
            const c = await caller();
            return record(c, 'desk_visits', 3, 'Buku tamu pengunjung', b, h.idempotency(req, b, `visit:${c.agency.id}`));
          },
        },
        {
          method: 'POST' as const,
          pattern: new RegExp(`${agencyPrefix}/desk/reads$`),
          handler: async ({ req, caller }: { req: { body: unknown; get(n: string): string | undefined }; caller: () => Promise<Caller> }) => {
            const b = h.parse(readBody, req.body, 'Rekap buku dibaca');
            const c = await caller();
            return record(c, 'desk_reads', 7, 'Rekap buku yang dibaca', b, h.idempotency(req, b, `read:${c.agency.id}`));
          },
        },
        {
          method: 'GET' as const,
          pattern: new RegExp(`${agencyPrefix}/desk/recap$`),
          handler: async ({ req, caller }: { req: { query: unknown }; caller: () => Promise<Caller> }) => {
            const q = h.parse(z.strictObject({ month: monthParam }), req.query, 'Parameter rekap');
            return { body: await recap(await caller(), q.month) };
          },
        },
      ];
    },
  };
}
