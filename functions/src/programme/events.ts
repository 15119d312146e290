// Pure rules of a programme, no I/O: its events (one per province and wave with places), their
// dates and places, the JP a participant attended, and whether they completed the programme.
import { rentangTanggal, tanggalPanjang } from '../documents/format.ts';
import type { Participant, Programme } from '../model/programme.ts';

export interface ProgrammeEvent {
  id: string;
  province: string;
  provinceName: string;
  hostAgencyId: string;
  wave: number;
  mode: 'luring' | 'daring';
  start: string;
  end: string;
  place: string | null;
  meetingUrl: string | null;
  capacity: number;
  /** "Gelombang 2, Kepulauan Bangka Belitung (luring)". */
  label: string;
}

export function eventsOf(p: Programme): ProgrammeEvent[] {
  const out: ProgrammeEvent[] = [];
  for (const pr of p.provinces) {
    for (const w of p.waves) {
      const capacity = p.quotas[pr.code]?.[String(w.no)] ?? 0;
      if (capacity <= 0) continue;
      const o = p.events.find((e) => e.province === pr.code && e.wave === w.no);
      out.push({
        id: `${pr.code}-${w.no}`,
        province: pr.code,
        provinceName: pr.name,
        hostAgencyId: pr.hostAgencyId,
        wave: w.no,
        mode: w.mode,
        start: o?.start ?? w.start,
        end: o?.end ?? w.end,
        place: o?.place ?? null,
        meetingUrl: o?.meetingUrl ?? null,
        capacity,
        label: `Gelombang ${w.no}, ${pr.name} (${w.mode})`,
      });
    }
  }
  return out;
}

export function eventById(p: Programme, id: string): ProgrammeEvent | null {
  return eventsOf(p).find((e) => e.id === id) ?? null;
}

export const totalJp = (p: Programme) => p.sessions.reduce((s, x) => s + x.jp, 0);

/** Presence by session number (any value: present); a participant or the report's projection of one. */
type Presence = { attendance: Record<string, unknown> };

export function attendedJp(p: Programme, pt: Presence): number {
  return p.sessions.filter((s) => pt.attendance[String(s.no)]).reduce((sum, s) => sum + s.jp, 0);
}

/** The programme's completion rule applied to a registered participant's attendance. */
export function completed(p: Programme, pt: Presence & Pick<Participant, 'status'>): boolean {
  if (pt.status !== 'registered') return false;
  if (p.completion.kind === 'all') return p.sessions.every((s) => pt.attendance[String(s.no)]);
  return attendedJp(p, pt) * 100 >= p.completion.minPercent * totalJp(p);
}

/** 19 Mei 2024 */
export function tanggal(iso: string): string {
  return tanggalPanjang(iso, 'UTC');
}

/** 19–22 Mei 2024, or 30 Mei – 2 Juni 2024 */
export function rentang(start: string, end: string): string {
  return rentangTanggal(start, end, 'UTC');
}
