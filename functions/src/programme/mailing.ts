// Paced mailings: thousands of e-mails (certificates, invitations) sent within Gmail's limits.
// Each hosting province sends its own participants' messages from its own account, so 34
// accounts send side by side. Per account the pace is at most `perMinute` in any minute (one every
// 60/perMinute seconds) and `perDay` in any 24 hours (Gmail's window is rolling); the schedule is
// the earliest that keeps both, so it finishes at the theoretical minimum for each account's load.
//
// Crash-safe and exactly once: a message's send intent (with its time) is written before
// messages.send and its Gmail id after; a message found with an intent and no id is looked up by
// its Message-ID (findSent) instead of being sent again. The pacing ledger is rebuilt from those
// intents (every programme's messages of the account in the last 24 hours), so a restarted runner
// keeps the limits that the crashed one had used up.
import { EffectError, type MailSender } from '../documents/types.ts';
import type { MailMessage, Participant, ProgrammeStore } from '../model/programme.ts';
import type { Agency } from '../model/records.ts';

/** Gmail's per-user sending limits (Google Workspace): documented in the README. */
export const GMAIL_LIMITS = { perMinute: 60, perDay: 2_000 } as const;
export interface SendLimits {
  perMinute: number;
  perDay: number;
}
const MINUTE = 60_000;
const DAY = 86_400_000;
/** Attempts per message before it is marked failed (shown in the progress). */
export const MAX_ATTEMPTS = 5;
/** How long an account waits after an attachment could not be made (a template export failed). */
export const ATTACHMENT_RETRY_MS = 60_000;

/**
 * The earliest time at or after `now` a send may go, given the account's earlier sends (sorted,
 * ms): one every 60/perMinute s, and never a (perDay+1)-th within 24 hours.
 */
export function nextSlot(ledger: number[], now: number, limits: SendLimits): number {
  let t = now;
  const n = ledger.length;
  if (n) t = Math.max(t, ledger[n - 1]! + MINUTE / limits.perMinute);
  if (n >= limits.perMinute) t = Math.max(t, ledger[n - limits.perMinute]! + MINUTE);
  if (n >= limits.perDay) t = Math.max(t, ledger[n - limits.perDay]! + DAY);
  return Math.ceil(t);
}

/** When the last of `n` messages goes at the earliest, from an empty ledger at `start` (the theoretical minimum). */
export function minimumFinish(n: number, start: number, limits: SendLimits): number {
  if (n <= 0) return start;
  const k = n - 1;
  return start + Math.floor(k / limits.perDay) * DAY + (k % limits.perDay) * (MINUTE / limits.perMinute);
}

/** When the last of `remaining` messages goes, continuing from this ledger at `now`. */
export function expectedFinish(ledger: number[], remaining: number, now: number, limits: SendLimits): number | null {
  if (remaining <= 0) return null;
  const l = ledger.filter((t) => t > now - DAY);
  let t = now;
  for (let i = 0; i < remaining; i++) {
    t = nextSlot(l, t, limits);
    l.push(t);
    if (l.length > limits.perDay) l.shift();
  }
  return t;
}

/**
 * The queued messages of a mailing, in the order given, each sent by its participant's host
 * agency (its own Gmail account) and numbered in that account's queue; participants without an
 * e-mail address get none. `senders`: messages per account.
 */
export function queueMessages(mailingId: string, items: { participant: Participant; subject: string; text: string; certificate: string | null }[]): { messages: MailMessage[]; senders: Record<string, number> } {
  const senders: Record<string, number> = {};
  const messages: MailMessage[] = [];
  for (const { participant: pt, subject, text, certificate } of items) {
    if (!pt.email) continue;
    const seq = senders[pt.hostAgencyId] ?? 0;
    senders[pt.hostAgencyId] = seq + 1;
    messages.push({ id: pt.id, mailingId, participantId: pt.id, senderAgencyId: pt.hostAgencyId, to: pt.email, subject, text, certificate, seq, status: 'queued', intentAt: null, sentAt: null, messageId: null, attempts: 0, lastError: null });
  }
  return { messages, senders };
}

export function messageKey(m: Pick<MailMessage, 'mailingId' | 'id'>): string {
  return `bimtek-${m.mailingId}-${m.id}`;
}

export interface RunnerDeps {
  programmes: ProgrammeStore;
  agency(id: string): Promise<Agency | null>;
  /** The account that sends for this agency (Gmail as the agency's address). */
  senderFor(agency: Agency): MailSender | null;
  /** The certificate PDF of a message that carries one. */
  attachment?(programmeId: string, certificate: string): Promise<{ filename: string; content: Buffer }>;
  limits?: SendLimits;
  clock?: () => Date;
}

interface SenderState {
  agencyId: string;
  ledger: number[] | null;
  queue: MailMessage[];
  exhausted: boolean;
}

export type MailingRunner = ReturnType<typeof createMailingRunner>;

/**
 * Runs one mailing. `tick(now)` sends, per account, every message whose slot has come and says
 * when the next slot is; the production loop sleeps until then, a test moves its clock there.
 * `senders` limits it to those accounts: the send loop (sender.ts) runs one account's mailings one
 * after another, on the account it holds the lease of, so no two runners pace the same account.
 */
export function createMailingRunner(programmeId: string, mailingId: string, deps: RunnerDeps, opts: { senders?: readonly string[] } = {}) {
  const limits = deps.limits ?? GMAIL_LIMITS;
  const states = new Map<string, SenderState>();

  async function load(): Promise<SenderState[]> {
    if (!states.size) {
      const m = await deps.programmes.mailing(programmeId, mailingId);
      if (!m) throw new Error(`mailing ${mailingId} not found`);
      for (const a of Object.keys(m.senders).filter((x) => !opts.senders || opts.senders.includes(x))) states.set(a, { agencyId: a, ledger: null, queue: [], exhausted: false });
    }
    return [...states.values()];
  }

  async function ledgerOf(s: SenderState, now: number): Promise<number[]> {
    s.ledger ??= (await deps.programmes.sendLedger(programmeId, s.agencyId, new Date(now - DAY).toISOString())).map((x) => Date.parse(x));
    s.ledger = s.ledger.filter((t) => t > now - DAY);
    return s.ledger;
  }

  async function tickSender(s: SenderState, now: number): Promise<{ sent: number; failed: number; nextAt: number | null }> {
    const agency = await deps.agency(s.agencyId);
    const sender = agency ? deps.senderFor(agency) : null;
    let sent = 0;
    let failed = 0;
    for (;;) {
      if (!s.queue.length && !s.exhausted) {
        s.queue = await deps.programmes.queued(programmeId, mailingId, s.agencyId, 200);
        if (!s.queue.length) s.exhausted = true;
      }
      const msg = s.queue[0];
      if (!msg) return { sent, failed, nextAt: null };
      if (!agency?.mail || !sender) {
        await deps.programmes.updateMessage(programmeId, mailingId, msg.id, { status: 'failed', lastError: `Instansi ${s.agencyId} belum mengatur akun pengirim e-mail.` });
        s.queue.shift();
        failed++;
        continue;
      }
      const key = messageKey(msg);
      // The crash window: an intent without a Gmail id may have gone out. Its send is already in the ledger.
      if (msg.intentAt && !msg.messageId) {
        const found = await sender.findSent(key);
        if (found) {
          await deps.programmes.updateMessage(programmeId, mailingId, msg.id, { status: 'sent', messageId: found.id, sentAt: msg.intentAt });
          s.queue.shift();
          sent++;
          continue;
        }
      }
      const ledger = await ledgerOf(s, now);
      const slot = nextSlot(ledger, now, limits);
      if (slot > now) return { sent, failed, nextAt: slot };
      // The attachment is made before the intent: a failure here certainly sent nothing, so it
      // neither takes a slot nor needs findSent. A template that cannot be read pauses the account.
      let attachments: { filename: string; content: Buffer; contentType: string }[] = [];
      try {
        if (msg.certificate && deps.attachment) attachments = [{ ...(await deps.attachment(programmeId, msg.certificate)), contentType: 'application/pdf' }];
      } catch (err) {
        const attempts = msg.attempts + 1;
        const retryable = !(err instanceof EffectError) || err.retryable;
        const patch: Partial<MailMessage> = { attempts, lastError: err instanceof Error ? err.message : String(err) };
        if (!retryable || attempts >= MAX_ATTEMPTS) patch.status = 'failed';
        await deps.programmes.updateMessage(programmeId, mailingId, msg.id, patch);
        s.queue.shift();
        if (patch.status === 'failed') {
          failed++;
          continue;
        }
        s.exhausted = false;
        return { sent, failed, nextAt: now + (err instanceof EffectError && err.retryAfterMs ? err.retryAfterMs : ATTACHMENT_RETRY_MS) };
      }
      const at = new Date(now).toISOString();
      await deps.programmes.updateMessage(programmeId, mailingId, msg.id, { intentAt: at, attempts: msg.attempts + 1 });
      ledger.push(now);
      try {
        const r = await sender.send({ key, from: { name: agency.mail.fromName, address: agency.mail.fromAddress }, to: [msg.to], subject: msg.subject, text: msg.text, attachments });
        await deps.programmes.updateMessage(programmeId, mailingId, msg.id, { status: 'sent', messageId: r.id, sentAt: at, lastError: null });
        s.queue.shift();
        sent++;
      } catch (err) {
        const attempts = msg.attempts + 1;
        const retryable = !(err instanceof EffectError) || err.retryable;
        const lastError = err instanceof Error ? err.message : String(err);
        // A refusal is certain not to have sent: the intent is withdrawn so findSent is not needed next time.
        const refused = err instanceof EffectError && err.status !== null && err.status < 500;
        const patch: Partial<MailMessage> = { attempts, lastError, ...(refused ? { intentAt: null } : {}) };
        if (!retryable || attempts >= MAX_ATTEMPTS) patch.status = 'failed';
        await deps.programmes.updateMessage(programmeId, mailingId, msg.id, patch);
        s.queue.shift();
        if (patch.status === 'failed') failed++;
        else s.exhausted = false; // it is queued again: read it back after the rest
        if (refused) ledger.pop();
        if (err instanceof EffectError && err.retryAfterMs) return { sent, failed, nextAt: now + err.retryAfterMs };
      }
    }
  }

  return {
    /** Sends what is due at `now` on every account; `nextAt` is the earliest next slot, null when all is sent. */
    async tick(now: Date): Promise<{ sent: number; failed: number; nextAt: Date | null }> {
      const ss = await load();
      const rs = await Promise.all(ss.map((s) => tickSender(s, now.getTime())));
      const next = rs.map((r) => r.nextAt).filter((x): x is number => x !== null);
      return { sent: rs.reduce((a, r) => a + r.sent, 0), failed: rs.reduce((a, r) => a + r.failed, 0), nextAt: next.length ? new Date(Math.min(...next)) : null };
    },
    limits,
  };
}

export interface MailingProgress {
  mailingId: string;
  title: string;
  total: number;
  sent: number;
  queued: number;
  failed: number;
  /** When the last queued message goes at the pace of the limits, ISO; null when nothing is queued. */
  expectedFinish: string | null;
  bySender: { agencyId: string; sent: number; queued: number; failed: number; expectedFinish: string | null }[];
  limits: SendLimits;
}

/** Sent, queued, failed and the expected finish, per account and in all. */
export async function mailingProgress(programmes: ProgrammeStore, programmeId: string, mailingId: string, now: Date, limits: SendLimits = GMAIL_LIMITS, only?: string): Promise<MailingProgress | null> {
  const m = await programmes.mailing(programmeId, mailingId);
  if (!m) return null;
  // A host follows its own account: the figures of another province's account are not its business.
  if (only !== undefined && !(only in m.senders)) return null;
  const counts = await programmes.mailingCounts(programmeId, mailingId);
  const bySender = await Promise.all(
    Object.keys(m.senders)
      .filter((a) => only === undefined || a === only)
      .sort()
      .map(async (a) => {
        const c = counts[a] ?? { queued: 0, sent: 0, failed: 0 };
        const ledger = c.queued ? (await programmes.sendLedger(programmeId, a, new Date(now.getTime() - DAY).toISOString())).map((x) => Date.parse(x)) : [];
        const fin = expectedFinish(ledger, c.queued, now.getTime(), limits);
        return { agencyId: a, ...c, expectedFinish: fin === null ? null : new Date(fin).toISOString() };
      }),
  );
  const finishes = bySender.map((s) => s.expectedFinish).filter((x): x is string => x !== null).sort();
  return {
    mailingId,
    title: m.title,
    total: only === undefined ? m.total : (m.senders[only] ?? 0),
    sent: bySender.reduce((a, s) => a + s.sent, 0),
    queued: bySender.reduce((a, s) => a + s.queued, 0),
    failed: bySender.reduce((a, s) => a + s.failed, 0),
    expectedFinish: finishes.at(-1) ?? null,
    bySender,
    limits,
  };
}
