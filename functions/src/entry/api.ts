// The `api` function's wiring: the store, the token verifier and the services. It loads no Google
// Docs, Drive or Gmail client (those are the worker's), and Pub/Sub only when a step first has
// letters to announce, so a cold start pays for Firestore and the API alone.
import { createApp } from '../app.ts';
import type { OutboxNotifier } from '../cases/service.ts';
import { config, store } from './runtime.ts';

let publisher: Promise<OutboxNotifier> | undefined;
const notify: OutboxNotifier = async (agencyId, ids) => {
  publisher ??= Promise.all([import('@google-cloud/pubsub'), import('../outbox/pubsub.ts')]).then(([{ PubSub }, { createPubSubNotifier }]) =>
    createPubSubNotifier(new PubSub(config.projectId ? { projectId: config.projectId } : {}), config.outboxTopic),
  );
  return (await publisher)(agencyId, ids);
};

export const api = createApp({
  store,
  auth: { audience: config.audience, ...(config.trustedKeys ? { keys: async () => config.trustedKeys! } : {}) },
  notify,
}).api;
