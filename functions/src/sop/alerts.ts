// When a step is flagged and to whom: pure, from the SOP data (its `reminders` policy and the
// step's standard time) and the agency's working-day calendar. The engine stores the first alert
// instant on the case (`alertAt`); the scheduled `remind` function finds cases by it and moves it
// to the next one, so each threshold of a step is handled exactly once.
import type { WorkCalendar } from './calendar.ts';
import type { SopDefinition, Step } from './schema.ts';
import { parseWaktu } from './waktu.ts';

export type AlertKind = 'soon' | 'overdue' | 'escalation';

/** Severity order: a late run that finds several thresholds passed sends only the most severe. */
export const ALERT_ORDER: readonly AlertKind[] = ['soon', 'overdue', 'escalation'];

export const REMINDER_DEFAULTS = { soonShare: 0.75, escalateAfterStandards: 1 } as const;

export interface AlertTime {
  kind: AlertKind;
  at: Date;
}

/**
 * The thresholds of one step instance (started at `startedAt`, due at `dueAt`), in time order:
 * "soon" once `soonShare` of the window has passed (on a working day), "overdue" at the due time, "escalation" once
 * late by the margin: `escalateAfterMinutes`, else the standard time applied again from the due
 * time `escalateAfterStandards` times (working days stay working days, minutes stay clock time).
 */
export function alertTimes(def: Pick<SopDefinition, 'reminders'>, step: Step, startedAt: Date, dueAt: Date, calendar: WorkCalendar, itemCount?: number): AlertTime[] {
  const policy = def.reminders ?? {};
  const out: AlertTime[] = [];
  const window = dueAt.getTime() - startedAt.getTime();
  if (window > 0) {
    let soon = new Date(startedAt.getTime() + Math.round(window * (policy.soonShare ?? REMINDER_DEFAULTS.soonShare)));
    // Nobody reads a reminder on a Sunday or a holiday: it moves to 08.00 of the next working day
    // (for a step due in working days, the morning of its due day), if that is still before the due time.
    if (!calendar.isWorkingDay(soon)) soon = calendar.addWorkingDays(soon, 0);
    if (soon.getTime() > startedAt.getTime() && soon.getTime() < dueAt.getTime()) out.push({ kind: 'soon', at: soon });
  }
  out.push({ kind: 'overdue', at: dueAt });
  let escalation: Date | null = null;
  if (policy.escalateAfterMinutes !== undefined) {
    escalation = new Date(dueAt.getTime() + policy.escalateAfterMinutes * 60_000);
  } else {
    const w = parseWaktu(step.waktu);
    escalation = dueAt;
    for (let i = 0; i < (policy.escalateAfterStandards ?? REMINDER_DEFAULTS.escalateAfterStandards) && escalation; i++) {
      escalation = calendar.dueAt(escalation, w, itemCount !== undefined ? { itemCount } : {});
    }
  }
  if (escalation && escalation.getTime() > dueAt.getTime()) out.push({ kind: 'escalation', at: escalation });
  return out;
}

/** The first threshold at or after `from` (the case's stored alertAt marks what was handled), or null. */
export function nextAlertAt(times: AlertTime[], after: Date): Date | null {
  const next = times.filter((t) => t.at.getTime() > after.getTime()).sort((a, b) => a.at.getTime() - b.at.getTime())[0];
  return next?.at ?? null;
}

/**
 * What a run at `now` does for a step whose handled thresholds end before `alertAt`: the most
 * severe threshold passed since (earlier ones passed meanwhile are skipped: a "due soon" after the
 * due time says nothing), and the next alert instant after `now`.
 */
export function alertsDue(times: AlertTime[], alertAt: Date, now: Date): { send: AlertTime | null; skipped: AlertKind[]; next: Date | null } {
  const passed = times.filter((t) => t.at.getTime() >= alertAt.getTime() && t.at.getTime() <= now.getTime());
  passed.sort((a, b) => ALERT_ORDER.indexOf(a.kind) - ALERT_ORDER.indexOf(b.kind));
  const send = passed.at(-1) ?? null;
  return { send, skipped: passed.slice(0, -1).map((t) => t.kind), next: nextAlertAt(times, now) };
}

/**
 * The roles a late step escalates to: the policy's `escalateTo`; else the supervisors of its
 * actors (an indirect role's `reportsTo`, the head of agency above a direct role); else the SOP's
 * cancelRoles (its supervising roles) that are neither the actors nor below them. Possibly none
 * (the top role of an SOP without a head role): the escalation is then recorded without an e-mail.
 */
export function escalationRoles(def: Pick<SopDefinition, 'roles' | 'cancelRoles' | 'reminders'>, step: Pick<Step, 'actors'>): string[] {
  if (def.reminders?.escalateTo) return [...def.reminders.escalateTo];
  const out = new Set<string>();
  const heads = def.roles.filter((r) => r.relation === 'head').map((r) => r.id);
  for (const a of step.actors) {
    const role = def.roles.find((r) => r.id === a);
    if (role?.reportsTo) out.add(role.reportsTo);
    else if (role?.relation === 'direct') for (const h of heads) out.add(h);
  }
  for (const a of step.actors) out.delete(a);
  // Never down the line: a cancel role reporting to one of the actors is their subordinate.
  const below = (r: string) => step.actors.includes(def.roles.find((x) => x.id === r)?.reportsTo ?? '');
  if (out.size === 0) for (const r of def.cancelRoles) if (!step.actors.includes(r) && !below(r)) out.add(r);
  return [...out];
}
