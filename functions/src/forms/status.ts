// The partner's read-only status page, /p/<signed token>: the link the receipt e-mail carries. The
// token (k: 'status') names the agency and the case; anyone holding it sees how far the case has
// come through its SOP, and nothing a partner should not: no staff, notes, data values or
// documents. A token that is not genuine, not a status token or expired never reaches Firestore.
import type { CaseEvent, CaseState } from '../contract.ts';
import type { Agency } from '../model/records.ts';
import type { Store } from '../model/store.ts';
import { formatInZone } from '../sop/calendar.ts';
import type { SopDefinition } from '../sop/schema.ts';
import type { RefProblem, Refs } from './refs.ts';
import { renderErrorPage, renderStatusPage, type StatusView, type StepMark } from './status-page.ts';

export interface StatusPage {
  status: number;
  html: string;
}

export type StatusPages = ReturnType<typeof createStatusPages>;

const REFUSED: Record<RefProblem | 'kind' | 'unknown' | 'off', { status: number; title: string; message: string }> = {
  malformed: { status: 400, title: 'Tautan tidak dikenali', message: 'Alamat ini bukan tautan status permohonan. Mungkin tautannya terpotong saat disalin.' },
  forged: { status: 404, title: 'Tautan tidak sah', message: 'Tautan status ini tidak sah atau sudah diubah.' },
  expired: { status: 404, title: 'Tautan kedaluwarsa', message: 'Tautan status ini sudah kedaluwarsa. Hubungi instansi untuk menanyakan kemajuan permohonan Anda.' },
  kind: { status: 404, title: 'Tautan tidak sah', message: 'Tautan ini bukan tautan status permohonan.' },
  unknown: { status: 404, title: 'Permohonan tidak ditemukan', message: 'Permohonan yang ditunjuk tautan ini tidak ditemukan.' },
  off: { status: 404, title: 'Halaman tidak tersedia', message: 'Halaman status permohonan belum diaktifkan pada layanan ini.' },
};

function refused(why: keyof typeof REFUSED): StatusPage {
  const r = REFUSED[why];
  return { status: r.status, html: renderErrorPage(r.title, r.message) };
}

/** Done: a step some event completed or decided; current: where the case is; the rest waits, or was not needed once the case ended. */
function marks(def: SopDefinition, state: CaseState, events: CaseEvent[]): StatusView['steps'] {
  const done = new Set(events.filter((e) => (e.action === 'complete' || e.action === 'decide') && e.step !== null).map((e) => e.step!));
  return def.steps.map((s) => {
    const mark: StepMark = s.no === state.currentStep ? 'current' : done.has(s.no) ? 'done' : state.status === 'open' ? 'waiting' : 'skipped';
    return { no: s.no, activity: s.activity, mark };
  });
}

/** Only public facts: the SOP's own text, the case number, dates, and the agency's letterhead contact. */
export function statusView(agency: Agency, def: SopDefinition, state: CaseState, events: CaseEvent[]): StatusView {
  const step = state.currentStep !== null ? def.steps.find((s) => s.no === state.currentStep) : undefined;
  const lh = agency.letterhead;
  const contact = [lh?.telepon ? `telepon ${lh.telepon}` : '', lh?.email ? `e-mail ${lh.email}` : ''].filter(Boolean).join(', ');
  return {
    agencyName: agency.name,
    contact: contact ? `${agency.shortName}, ${contact}` : null,
    nomor: state.nomor,
    sopTitle: def.title,
    status: state.status,
    steps: marks(def, state, events),
    current: step ? { no: step.no, activity: step.activity, dueLocal: state.dueAt ? formatInZone(new Date(state.dueAt), agency.timeZone) : null, byPartner: step.performer === 'partner' } : null,
    // A cancellation's outcome carries the staff's reason: only that it was cancelled is public.
    outcome: state.status === 'closed' ? state.outcome : null,
    updatedLocal: formatInZone(new Date(state.updatedAt), agency.timeZone),
  };
}

export function createStatusPages(store: Store, refs: Refs | null, clock: () => Date = () => new Date()) {
  return {
    async page(token: string): Promise<StatusPage> {
      if (!refs) return refused('off');
      const check = refs.verify(token, clock());
      if (!check.ok) return refused(check.problem);
      const { k, a, c } = check.claims;
      if (k !== 'status') return refused('kind');
      const [agency, found] = await Promise.all([store.agency(a), store.readCase(a, c)]);
      if (!agency || !found) return refused('unknown');
      const def = await store.definition(a, found.state.sopId, found.state.sopVersion);
      if (!def) return refused('unknown');
      return { status: 200, html: renderStatusPage(statusView(agency, def, found.state, found.events)) };
    },
  };
}
