// The thresholds of a step from the SOP data and the calendar: pure, no emulator.
import { describe, expect, it } from 'vitest';
import { alertsDue, alertTimes, escalationRoles } from '../../functions/src/sop/alerts.ts';
import { createCalendar } from '../../functions/src/sop/calendar.ts';
import { catalogById } from '../../functions/src/sop/catalog/index.ts';
import { stepOf } from '../../functions/src/sop/schema.ts';

const wib = createCalendar({ timeZone: 'Asia/Jakarta', holidays: ['2026-12-24', '2026-12-25'] });
const at = (s: string) => new Date(s);
const iso = (x: { kind: string; at: Date }[]) => x.map((t) => [t.kind, t.at.toISOString()]);

describe('alert thresholds', () => {
  const pusling = catalogById('pusling');
  it('minutes: soon at three quarters, overdue at the due time, escalation one standard time later', () => {
    const start = at('2026-12-23T10:00:00+07:00');
    const due = wib.dueAt(start, { raw: '180 Menit', basis: 'case', min: 180, max: 180, unit: 'minute', recognized: true, label: '' })!;
    expect(iso(alertTimes(pusling, stepOf(pusling, 1), start, due, wib))).toEqual([
      ['soon', at('2026-12-23T12:15:00+07:00').toISOString()],
      ['overdue', at('2026-12-23T13:00:00+07:00').toISOString()],
      ['escalation', at('2026-12-23T16:00:00+07:00').toISOString()],
    ]);
  });

  it('working days: a soon falling on a holiday or weekend moves to 08.00 of the due day; escalation one working day later', () => {
    const start = at('2026-12-23T16:10:00+07:00');
    const step = stepOf(pusling, 3); // "1 hari"
    const due = at('2026-12-28T16:10:00+07:00');
    expect(iso(alertTimes(pusling, step, start, due, wib))).toEqual([
      ['soon', at('2026-12-28T08:00:00+07:00').toISOString()],
      ['overdue', due.toISOString()],
      ['escalation', at('2026-12-29T16:10:00+07:00').toISOString()],
    ]);
  });

  it('the SOP policy sets the share, the margin in minutes or in standard times, and the escalation roles', () => {
    const start = at('2026-12-22T09:00:00+07:00');
    const due = at('2026-12-22T10:00:00+07:00');
    const step = stepOf(pusling, 1);
    expect(iso(alertTimes({ reminders: { soonShare: 0.5, escalateAfterMinutes: 30 } }, step, start, due, wib))).toEqual([
      ['soon', at('2026-12-22T09:30:00+07:00').toISOString()],
      ['overdue', due.toISOString()],
      ['escalation', at('2026-12-22T10:30:00+07:00').toISOString()],
    ]);
    expect(alertTimes({ reminders: { escalateAfterStandards: 2 } }, step, start, due, wib).at(-1)!.at).toEqual(at('2026-12-22T16:00:00+07:00'));
    expect(escalationRoles({ ...pusling, reminders: { escalateTo: ['kabid_perpustakaan'] } }, stepOf(pusling, 3))).toEqual(['kabid_perpustakaan']);
  });

  it('escalates to the supervisor of the actor: reportsTo, the head above a direct role, else the cancel roles', () => {
    const pks = catalogById('pks');
    const kasiStep = pks.steps.find((s) => s.actors.includes('kasi_layanan') && s.actors.length === 1)!;
    const kabidStep = pks.steps.find((s) => s.actors.length === 1 && s.actors[0] === 'kabid_perpustakaan')!;
    expect(escalationRoles(pks, kasiStep)).toEqual(['kabid_perpustakaan']);
    expect(escalationRoles(pks, kabidStep)).toEqual(['kepala_dinas']);
    const petugas = pusling.steps.find((s) => s.actors.every((a) => !pusling.roles.find((r) => r.id === a)?.relation))!;
    expect(escalationRoles(pusling, petugas)).toEqual(pusling.cancelRoles.filter((r) => !petugas.actors.includes(r)));
  });

  it('a late run sends only the most severe threshold passed and says which it skipped', () => {
    const times = [
      { kind: 'soon' as const, at: at('2026-12-22T09:45:00Z') },
      { kind: 'overdue' as const, at: at('2026-12-22T10:00:00Z') },
      { kind: 'escalation' as const, at: at('2026-12-22T11:00:00Z') },
    ];
    expect(alertsDue(times, times[0]!.at, at('2026-12-22T10:20:00Z'))).toEqual({ send: times[1], skipped: ['soon'], next: times[2]!.at });
    expect(alertsDue(times, times[2]!.at, at('2026-12-22T10:59:00Z'))).toEqual({ send: null, skipped: [], next: times[2]!.at });
    expect(alertsDue(times, times[2]!.at, at('2026-12-23T00:00:00Z'))).toEqual({ send: times[2], skipped: [], next: null });
  });
});
