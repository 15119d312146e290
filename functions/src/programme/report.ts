// The programme report (GET .../programmes/{p}/report): participants, attendance, completion,
// certificates issued and delivered, per province and wave, with totals per wave, per province
// and overall. It reads projections, not documents: at 10,000 participants a request holds the
// few fields it counts (province, mode, status, wave, presence per session) instead of every
// name, contact and form response. The counting itself is pure (`reportOf`).
import type { ProgrammeReport, ProgrammeReportFigures, ProgrammeReportRow } from '../contract.ts';
import type { CertificateFacts, ParticipantFacts, Programme, ProgrammeStore } from '../model/programme.ts';
import { completed, eventsOf } from './events.ts';

export async function programmeReport(programmes: ProgrammeStore, a: { p: Programme; owner: boolean; provinces: Set<string> }, agencyId: string, now: Date): Promise<ProgrammeReport> {
  // A host reads only its own participants, certificates and sent messages; the owner everything.
  const scope = a.owner ? {} : { hostAgencyId: agencyId };
  const [people, certs, delivered] = await Promise.all([
    programmes.participantFacts(a.p.id, scope, a.p.sessions.map((s) => s.no)),
    programmes.certificateFacts(a.p.id, scope),
    programmes.deliveredCertificates(a.p.id, a.owner ? {} : { senderAgencyId: agencyId }),
  ]);
  return { ...reportOf(a.p, a.owner, a.provinces, people, certs, new Set(delivered)), generatedAt: now.toISOString() };
}

const zero = (sessions: number): ProgrammeReportFigures => ({ capacity: 0, registered: 0, waiting: 0, withdrawn: 0, attendedAny: 0, attendance: Array.from({ length: sessions }, () => 0), completed: 0, certificates: 0, delivered: 0 });

function add(into: ProgrammeReportFigures, f: ProgrammeReportFigures): void {
  into.capacity += f.capacity;
  into.registered += f.registered;
  into.waiting += f.waiting;
  into.withdrawn += f.withdrawn;
  into.attendedAny += f.attendedAny;
  f.attendance.forEach((n, i) => (into.attendance[i]! += n));
  into.completed += f.completed;
  into.certificates += f.certificates;
  into.delivered += f.delivered;
}

/** The figures of the provinces in view, counted from the projections. */
export function reportOf(p: Programme, owner: boolean, provinces: Set<string>, people: ParticipantFacts[], certs: CertificateFacts[], delivered: Set<string>): Omit<ProgrammeReport, 'generatedAt'> {
  const n = p.sessions.length;
  const order = new Map(p.provinces.map((x, i) => [x.code, i]));
  const names = new Map(p.provinces.map((x) => [x.code, x.name]));
  const modeOfWave = new Map(p.waves.map((w) => [w.no, w.mode]));
  const rows = new Map<string, ProgrammeReportRow>();
  const rowFor = (province: string, wave: number | null, mode: 'luring' | 'daring'): ProgrammeReportRow => {
    const key = `${province}|${wave ?? ''}|${mode}`;
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { province, provinceName: names.get(province) ?? province, wave, mode, ...zero(n) }));
    return r;
  };
  // Every event in view has its row, also while nobody is in it yet.
  for (const e of eventsOf(p)) if (provinces.has(e.province)) rowFor(e.province, e.wave, e.mode).capacity = e.capacity;

  for (const pt of people) {
    if (!provinces.has(pt.province)) continue;
    const wave = pt.status === 'registered' ? pt.wave : null;
    const r = rowFor(pt.province, wave, (wave !== null ? modeOfWave.get(wave) : undefined) ?? pt.mode);
    if (pt.status === 'waiting') r.waiting++;
    else if (pt.status === 'withdrawn') r.withdrawn++;
    else {
      r.registered++;
      let any = false;
      p.sessions.forEach((s, i) => {
        if (pt.attendance[String(s.no)]) {
          r.attendance[i]!++;
          any = true;
        }
      });
      if (any) r.attendedAny++;
      if (completed(p, pt)) r.completed++;
    }
  }

  for (const c of certs) {
    if (c.revoked) continue;
    const m = /^(.+)-(\d+)$/.exec(c.eventId);
    if (!m || !provinces.has(m[1]!)) continue;
    const wave = Number(m[2]);
    const r = rowFor(m[1]!, wave, modeOfWave.get(wave) ?? 'luring');
    r.certificates++;
    if (delivered.has(c.number)) r.delivered++;
  }

  const list = [...rows.values()].sort((x, y) => (order.get(x.province) ?? 1e9) - (order.get(y.province) ?? 1e9) || (x.wave ?? 1e9) - (y.wave ?? 1e9) || x.mode.localeCompare(y.mode));
  const waves = new Map<string, ProgrammeReport['waves'][number]>();
  const byProvince = new Map<string, ProgrammeReport['provinces'][number]>();
  const total = zero(n);
  for (const r of list) {
    const wk = r.wave === null ? '' : String(r.wave);
    let w = waves.get(wk);
    if (!w) waves.set(wk, (w = { wave: r.wave, mode: r.wave === null ? null : r.mode, ...zero(n) }));
    add(w, r);
    let pr = byProvince.get(r.province);
    if (!pr) byProvince.set(r.province, (pr = { province: r.province, provinceName: r.provinceName, ...zero(n) }));
    add(pr, r);
    add(total, r);
  }
  return {
    programme: { id: p.id, name: p.name, year: p.year, owner, sessions: p.sessions.map((s) => ({ no: s.no, title: s.title, jp: s.jp })), completion: p.completion },
    rows: list,
    waves: [...waves.values()].sort((x, y) => (x.wave ?? 1e9) - (y.wave ?? 1e9)),
    provinces: [...byProvince.values()],
    total,
  };
}
