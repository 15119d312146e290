// Responses from Google Forms into the case service, each recorded exactly once, none lost.
//
// A watch per form publishes "new responses" (no content) to Pub/Sub; the `intake` function then
// reads the form's responses from its cursor (forms.responses.list, `timestamp >=` a minute before
// the latest already recorded: responses can share a timestamp or become listable late) and hands
// each to FormService.receive, whose record per (form, response) makes every overlap and repeated
// delivery harmless. Notifications for the same form arriving while its responses are being read
// are folded into one more read after it, so a burst costs a few reads, not one per response.
// The scheduled `sweep` renews watches before they expire (seven days), recreates missing ones
// and reads every form anyway: what arrived while a watch was missing or the intake was down.
import { z } from 'zod';
import { EffectError } from '../documents/types.ts';
import type { FormLink } from '../model/records.ts';
import type { Store } from '../model/store.ts';
import type { FormResponse, GoogleForms } from './google.ts';
import { formById } from './index.ts';
import { choiceValue } from './items.ts';
import type { PartnerForm } from './schema.ts';
import type { FormService, IncomingResponse } from './service.ts';

/**
 * Forms that are not partner forms of an SOP (a programme's registration form): their definition
 * and the service that records their responses exactly once.
 */
export interface OtherForms {
  form(formId: string): Promise<PartnerForm | null>;
  receive(agencyId: string, r: IncomingResponse): Promise<{ replayed: boolean }>;
}

/** Documented in the README (partner forms). */
export const INTAKE_TIMING = {
  /** Each read starts this long before the latest response already recorded. */
  overlapMs: 60_000,
  /** Watches expiring sooner than this are renewed by the sweep. */
  renewWithinMs: 24 * 3_600_000,
  /** Responses recorded in parallel within one read. */
  concurrency: 8,
} as const;

/** A Forms watch notification as Pub/Sub delivers it in a CloudEvent: only attributes, no data. */
const notificationSchema = z
  .object({
    message: z
      .object({
        attributes: z.object({ formId: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/), eventType: z.string().max(40), watchId: z.string().max(200).optional() }).loose(),
      })
      .loose(),
  })
  .loose();

export interface ReadResult {
  listed: number;
  recorded: number;
  replayed: number;
}

export interface SweepResult {
  forms: number;
  recorded: number;
  watches: { ok: number; renewed: number; created: number };
  failed: { formId: string; agencyId: string; error: string }[];
}

const log = (severity: string, message: string, extra: Record<string, unknown> = {}) => console.error(JSON.stringify({ severity, message, ...extra }));

/** A Google response as FormService takes it: answers by our question ids, choices as option values. */
export function toIncoming(formId: string, questionIds: Record<string, string>, r: FormResponse, known?: PartnerForm): IncomingResponse {
  const form = known ?? formById(formId);
  if (!form) throw new Error(`unknown partner form ${formId}`);
  const answers: Record<string, string[]> = {};
  for (const q of form.questions) {
    const g = questionIds[q.id];
    const values = (g ? r.answers?.[g]?.textAnswers?.answers : undefined)?.map((a) => a.value ?? '') ?? [];
    if (values.length) answers[q.id] = q.kind === 'choice' ? values.map((v) => choiceValue(q, v)) : values;
  }
  return { formId, responseId: r.responseId, submittedAt: r.createTime, respondentEmail: r.respondentEmail ?? null, answers };
}

async function eachLimit<T>(items: T[], limit: number, f: (x: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await f(items[next++]!);
  }));
}

export type FormIntake = ReturnType<typeof createFormIntake>;

export function createFormIntake(deps: { store: Store; forms: FormService; google: GoogleForms; topicName: () => Promise<string>; clock?: () => Date; concurrency?: number; others?: OtherForms }) {
  const { store, google } = deps;
  const clock = deps.clock ?? (() => new Date());
  const concurrency = deps.concurrency ?? INTAKE_TIMING.concurrency;
  /** Responses this instance recorded lately: a re-read skips them without a Firestore read. */
  const seen = new Set<string>();
  const reading = new Map<string, { again: boolean; done: Promise<ReadResult> }>();

  async function readOnce(link: FormLink): Promise<ReadResult> {
    const agency = await store.agency(link.agencyId);
    const entry = agency?.forms[link.formId];
    if (!agency || !entry || entry.googleFormId !== link.googleFormId) {
      log('WARNING', 'intake: form link without its agency form; nothing read', { ...link });
      return { listed: 0, recorded: 0, replayed: 0 };
    }
    const other = formById(link.formId) ? null : ((await deps.others?.form(link.formId)) ?? null);
    const receive = other ? deps.others!.receive : deps.forms.receive;
    const cursor = await store.formCursor(link.agencyId, link.formId);
    const last = cursor?.googleFormId === link.googleFormId ? cursor.since : null;
    const since = last ? new Date(Date.parse(last) - INTAKE_TIMING.overlapMs).toISOString() : null;
    const out: ReadResult = { listed: 0, recorded: 0, replayed: 0 };
    let latest = last;
    let token: string | undefined;
    do {
      const page = await google.listResponses(link.googleFormId, since, token);
      const responses = page.responses ?? [];
      out.listed += responses.length;
      await eachLimit(responses, concurrency, async (r) => {
        const key = `${link.googleFormId}/${r.responseId}`;
        if (seen.has(key)) return void out.replayed++;
        const { replayed } = await receive(link.agencyId, toIncoming(link.formId, entry.questionIds, r, other ?? undefined));
        if (seen.size > 50_000) seen.clear();
        seen.add(key);
        if (replayed) out.replayed++;
        else out.recorded++;
      });
      for (const r of responses) if (!latest || Date.parse(r.lastSubmittedTime) > Date.parse(latest)) latest = r.lastSubmittedTime;
      token = page.nextPageToken;
    } while (token);
    // Only after every listed response is recorded: a failure above leaves the cursor where it was.
    if (latest && latest !== last) await store.advanceFormCursor(link.agencyId, link.formId, { googleFormId: link.googleFormId, since: latest, updatedAt: clock().toISOString() });
    return out;
  }

  /** Reads the form now, or once more after the read under way (which may have listed too early). */
  function read(link: FormLink): Promise<ReadResult> {
    const key = `${link.agencyId}/${link.formId}`;
    const running = reading.get(key);
    if (running) {
      running.again = true;
      return running.done;
    }
    const slot = { again: false, done: Promise.resolve<ReadResult>({ listed: 0, recorded: 0, replayed: 0 }) };
    slot.done = (async () => {
      const total: ReadResult = { listed: 0, recorded: 0, replayed: 0 };
      try {
        do {
          slot.again = false;
          const r = await readOnce(link);
          total.listed += r.listed;
          total.recorded += r.recorded;
          total.replayed += r.replayed;
        } while (slot.again);
        return total;
      } finally {
        reading.delete(key);
      }
    })();
    reading.set(key, slot);
    return slot.done;
  }

  /** The form's RESPONSES watch on our topic: kept, renewed when it expires within a day, or (re)created. */
  async function ensureWatch(googleFormId: string): Promise<'ok' | 'renewed' | 'created'> {
    const topicName = await deps.topicName();
    const watches = (await google.listWatches(googleFormId)).filter((w) => w.eventType === 'RESPONSES');
    let mine = watches.find((w) => w.target?.topic?.topicName === topicName);
    // One RESPONSES watch per form and project: one on another topic (FORMS_TOPIC changed) must go.
    for (const w of watches.filter((x) => x !== mine)) await google.deleteWatch(googleFormId, w.id);
    if (mine && mine.state === 'ACTIVE' && mine.expireTime && Date.parse(mine.expireTime) - clock().getTime() > INTAKE_TIMING.renewWithinMs) return 'ok';
    if (mine) {
      try {
        await google.renewWatch(googleFormId, mine.id);
        return 'renewed';
      } catch (err) {
        // Expired meanwhile (NOT_FOUND) or suspended for a reason that remains: start afresh.
        if (!(err instanceof EffectError) || err.retryable) throw err;
        log('WARNING', 'intake: watch could not be renewed; recreating it', { googleFormId, watchId: mine.id, error: err.message });
        if (err.status !== 404) await google.deleteWatch(googleFormId, mine.id).catch(() => undefined);
        mine = undefined;
      }
    }
    await google.createWatch(googleFormId, topicName);
    return 'created';
  }

  return {
    read,
    ensureWatch,

    /**
     * One Pub/Sub delivery. A malformed or unknown notification, or one about a form Google says is
     * gone or not ours to read, is logged and acknowledged (returning normally): redelivery cannot
     * fix it, and the sweep reads every known form anyway. Passing failures (Firestore, Google 5xx,
     * 429) are thrown so Pub/Sub delivers the notification again.
     */
    async handleEvent(data: unknown): Promise<ReadResult | null> {
      const parsed = notificationSchema.safeParse(data);
      if (!parsed.success) {
        log('ERROR', 'intake: malformed notification acknowledged without effect', { data: JSON.stringify(data ?? null).slice(0, 2000) });
        return null;
      }
      const { formId, eventType } = parsed.data.message.attributes;
      if (eventType !== 'RESPONSES') return null;
      const link = await store.formLink(formId);
      if (!link) {
        log('WARNING', 'intake: notification for an unknown form acknowledged', { googleFormId: formId });
        return null;
      }
      try {
        return await read(link);
      } catch (err) {
        if (err instanceof EffectError && !err.retryable) {
          log('ERROR', 'intake: form cannot be read; acknowledged (the sweep will try again)', { ...link, error: err.message });
          return null;
        }
        throw err;
      }
    },

    /** Every form of every agency: its watch kept alive, its responses read. One broken form does not stop the others. */
    async sweep(): Promise<SweepResult> {
      const links = await store.formLinks();
      const out: SweepResult = { forms: links.length, recorded: 0, watches: { ok: 0, renewed: 0, created: 0 }, failed: [] };
      await eachLimit(links, 4, async (link) => {
        try {
          const kept = await ensureWatch(link.googleFormId);
          out.watches[kept]++;
        } catch (err) {
          out.failed.push({ formId: link.formId, agencyId: link.agencyId, error: `watch: ${err instanceof Error ? err.message : String(err)}` });
        }
        try {
          // Not `out.recorded += await ...`: that reads the sum before the wait, and parallel reads would overwrite each other.
          const { recorded } = await read(link);
          out.recorded += recorded;
        } catch (err) {
          out.failed.push({ formId: link.formId, agencyId: link.agencyId, error: `read: ${err instanceof Error ? err.message : String(err)}` });
        }
      });
      if (out.failed.length) log('ERROR', 'intake sweep: some forms failed', { failed: out.failed });
      return out;
    },
  };
}
