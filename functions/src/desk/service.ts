// The in-house reading desk (Peminjaman koleksi referensi): thousands of visitors and books read a
// month are records, not cases. Each record is one idempotent write; the daily and monthly recap
// feeds the monthly report, which is a case of the `referensi` SOP.
// Who may record what comes from the SOP definition's desk steps, so an agency edits it as data.
import { DateTime } from 'luxon';
import type { DeskReadRequest, DeskReadResponse, DeskRecap, DeskVisitRequest, DeskVisitResponse, VisitCategory } from '../contract.ts';
import type { DeskKind } from '../model/records.ts';
import type { DeskRecord, Idempotency, Store } from '../model/store.ts';
import type { Caller, CaseService } from '../cases/service.ts';
import { DomainFailure, domainError } from '../sop/errors.ts';
import { roleLabels } from '../sop/engine.ts';
import type { SopDefinition } from '../sop/schema.ts';

export const DESK_SOP = 'referensi';

/** The desk steps of the SOP whose roles may record each kind (3: guest book, 7: books read). */
const DESK_STEP: Record<DeskKind, { step: number; what: string }> = {
  visits: { step: 3, what: 'Buku tamu pengunjung' },
  reads: { step: 7, what: 'Rekap buku yang dibaca' },
};

export type DeskService = ReturnType<typeof createDeskService>;

export function createDeskService(store: Store, cases: CaseService, opts: { clock?: () => Date } = {}) {
  const clock = opts.clock ?? (() => new Date());

  function requireRole(def: Pick<SopDefinition, 'steps' | 'roles'>, c: Caller, kind: DeskKind): void {
    const { step: stepNo, what } = DESK_STEP[kind];
    const roles = def.steps.find((s) => s.no === stepNo)?.actors ?? [];
    if (!roles.some((r) => c.actor.roles.includes(r))) {
      throw new DomainFailure(domainError('WRONG_ROLE', `${what} hanya dapat dicatat oleh ${roleLabels(def, roles)}.`));
    }
  }

  async function record<K extends DeskKind>(c: Caller, kind: K, body: Omit<DeskRecord<K>, 'at' | 'date' | 'month' | 'recordedBy' | 'requestHash'>, idem: Idempotency) {
    requireRole(await cases.getSop(c, DESK_SOP), c, kind);
    const now = clock();
    const local = DateTime.fromJSDate(now, { zone: c.agency.timeZone });
    const stamped = { ...body, at: now.toISOString(), date: local.toISODate()!, month: local.toFormat('yyyy-MM'), recordedBy: c.actor.email, requestHash: idem.requestHash } as DeskRecord<K>;
    const r = await store.recordDesk(c.agency.id, kind, c.actor.email, idem, stamped);
    return { status: r.replayed ? 200 : 201, body: { id: r.id, ...r.record, replayed: r.replayed } };
  }

  return {
    recordVisit: (c: Caller, body: DeskVisitRequest & { category: VisitCategory }, idem: Idempotency) =>
      record(c, 'visits', body, idem) as Promise<{ status: number; body: DeskVisitResponse }>,
    recordRead: (c: Caller, body: DeskReadRequest & { copies: number }, idem: Idempotency) =>
      record(c, 'reads', body, idem) as Promise<{ status: number; body: DeskReadResponse }>,
    recap: (c: Caller, month: string): Promise<DeskRecap> => store.deskRecap(c.agency.id, month),
  };
}
