// The send loop: what drives the paced mailings (mailing.ts) in production, one run per Cloud
// Scheduler minute (the `send` function) and on a timer in `npm start`.
//
// A run finds the mailings with queued messages (every programme), takes the LEASE of each
// sending account they need (sendLeases/{agency}, a transaction on one small document with an
// expiry), and per account it holds runs that account's mailings one after another, oldest first:
// tick, sleep until the next slot, tick again, until the budget is spent; then it gives the leases
// back. Only the holder sends from an account, so two overlapping runs (or two instances) never
// send the same message twice nor pace one account twice; a crashed holder's lease expires by
// itself. An account another run holds is skipped and named in the answer (`busy`).
//
// The lease runs past the budget by LEASE_MARGIN_MS: a tick started just before the deadline may
// still be in one messages.send (at most the Gmail client's timeout, 30 s) when the run stops.
// Nobody else may start sending from that account until that call has ended.
import { randomUUID } from 'node:crypto';
import type { Mailing } from '../model/programme.ts';
import { createMailingRunner, type RunnerDeps } from './mailing.ts';

export const LEASE_MARGIN_MS = 60_000;

export interface SendLoopDeps extends RunnerDeps {
  /** Waits `ms` (real time in production; a test may move a clock). */
  sleep?: (ms: number) => Promise<void>;
  /** Names this instance in the lease holder (a fresh id is added per run). */
  instance?: string;
}

export interface SendRunResult {
  /** Sent and failed (given up) in this run. */
  sent: number;
  failed: number;
  /** Accounts this run sent from, and those another run held (they wait for the next run). */
  accounts: { held: string[]; busy: string[] };
  /** Per mailing: what this run sent and whether nothing is queued any more. */
  mailings: { programmeId: string; mailingId: string; sent: number; failed: number; done: boolean }[];
  /** The earliest next slot left when the budget ran out, ISO; null when nothing is left to send. */
  nextAt: string | null;
  /** When the run began and ended, ISO. */
  startedAt: string;
  endedAt: string;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function createSendLoop(deps: SendLoopDeps) {
  const clock = deps.clock ?? (() => new Date());
  const sleep = deps.sleep ?? realSleep;
  const instance = deps.instance ?? randomUUID().slice(0, 8);

  return {
    /** One run of at most `budgetMs` (the function's schedule less a margin: 50 s of a minute). */
    async run(opts: { budgetMs: number }): Promise<SendRunResult> {
      const start = clock().getTime();
      const deadline = start + opts.budgetMs;
      // Per run, not per instance: two overlapping runs in one instance must not share a lease.
      const holder = `${instance}-${randomUUID()}`;
      const open = (await deps.programmes.openMailings()).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
      const byAccount = new Map<string, Mailing[]>();
      for (const m of open) for (const [a, n] of Object.entries(m.senders)) if (n > 0) byAccount.set(a, [...(byAccount.get(a) ?? []), m]);

      const held: string[] = [];
      const busy: string[] = [];
      for (const a of [...byAccount.keys()].sort()) {
        if (await deps.programmes.acquireSendLease(a, holder, deadline + LEASE_MARGIN_MS, clock().getTime())) held.push(a);
        else busy.push(a);
      }

      const tally = new Map<string, { programmeId: string; mailingId: string; sent: number; failed: number; exhausted: boolean }>();
      const keyOf = (m: Mailing) => `${m.programmeId}/${m.id}`;
      const nexts: number[] = [];

      async function runAccount(account: string): Promise<void> {
        for (const m of byAccount.get(account)!) {
          const t = tally.get(keyOf(m)) ?? { programmeId: m.programmeId, mailingId: m.id, sent: 0, failed: 0, exhausted: false };
          tally.set(keyOf(m), t);
          const runner = createMailingRunner(m.programmeId, m.id, deps, { senders: [account] });
          for (;;) {
            if (clock().getTime() >= deadline) return;
            const r = await runner.tick(clock());
            t.sent += r.sent;
            t.failed += r.failed;
            if (!r.nextAt) {
              t.exhausted = true;
              break; // this account's part of the mailing is done: its next mailing
            }
            const wait = r.nextAt.getTime() - clock().getTime();
            if (clock().getTime() + Math.max(0, wait) >= deadline) {
              nexts.push(r.nextAt.getTime());
              return;
            }
            if (wait > 0) await sleep(wait);
          }
        }
      }

      try {
        await Promise.all(held.map(runAccount));
      } finally {
        await Promise.all(held.map((a) => deps.programmes.releaseSendLease(a, holder).catch(() => undefined)));
      }

      const mailings: SendRunResult['mailings'] = [];
      for (const t of tally.values()) {
        // Done only when no account of the mailing has anything queued (accounts another run holds included).
        const done = t.exhausted ? await deps.programmes.closeMailingIfDone(t.programmeId, t.mailingId) : false;
        mailings.push({ programmeId: t.programmeId, mailingId: t.mailingId, sent: t.sent, failed: t.failed, done });
      }
      return {
        sent: mailings.reduce((s, m) => s + m.sent, 0),
        failed: mailings.reduce((s, m) => s + m.failed, 0),
        accounts: { held, busy },
        mailings,
        nextAt: nexts.length ? new Date(Math.min(...nexts)).toISOString() : null,
        startedAt: new Date(start).toISOString(),
        endedAt: clock().toISOString(),
      };
    },
  };
}
