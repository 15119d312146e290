// Outbox notifications over Pub/Sub: the API publishes the ids of the entries a transition wrote;
// the `worker` CloudEvent function receives them (at least once) and drains each entry, which is
// safe to repeat. The sweeper catches whatever a lost message leaves behind.
import type { PubSub } from '@google-cloud/pubsub';
import { z } from 'zod';
import type { OutboxNotifier } from '../cases/service.ts';
import type { DrainResult, OutboxWorker } from './worker.ts';

// Ids as the API writes them (agency ids, `{caseId}-{docId}-r{n}`): anything else is acknowledged
// as malformed, never handed to the store, so a bad message cannot be redelivered forever.
export const outboxMessageSchema = z.strictObject({
  agencyId: z.string().regex(/^[a-z0-9-]{2,64}$/),
  entryIds: z.array(z.string().regex(/^[A-Za-z0-9_-]{1,200}$/)).min(1).max(100),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

export function createPubSubNotifier(pubsub: PubSub, topic: string): OutboxNotifier {
  const t = pubsub.topic(topic);
  return async (agencyId, entryIds) => {
    const msg: OutboxMessage = { agencyId, entryIds };
    await t.publishMessage({ json: msg, attributes: { agencyId } });
  };
}

/** The body of a Pub/Sub CloudEvent: `{ message: { data: base64 JSON } }`. */
const cloudEventData = z.object({ message: z.object({ data: z.string().optional() }).loose() }).loose();

/**
 * Handles one delivery. A malformed message is logged and acknowledged (returning normally):
 * redelivering it would never make it valid.
 */
export async function handleOutboxEvent(worker: OutboxWorker, data: unknown): Promise<DrainResult[]> {
  const envelope = cloudEventData.safeParse(data);
  let parsed: OutboxMessage | null = null;
  if (envelope.success && envelope.data.message.data) {
    try {
      const r = outboxMessageSchema.safeParse(JSON.parse(Buffer.from(envelope.data.message.data, 'base64').toString('utf8')));
      if (r.success) parsed = r.data;
    } catch {
      /* not JSON: reported below */
    }
  }
  if (!parsed) {
    console.error(JSON.stringify({ severity: 'ERROR', message: 'worker: malformed outbox message acknowledged without effect', data }));
    return [];
  }
  const results: DrainResult[] = [];
  for (const id of parsed.entryIds) results.push(await worker.drain(parsed.agencyId, id));
  return results;
}
