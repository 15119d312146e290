// What every deployed function shares: the settings (checked once, with a message per missing
// value), the store on the project's Firestore, and the outbox notifier, which loads Pub/Sub only
// when a transition first has letters or receipts to announce.
import { Firestore } from '@google-cloud/firestore';
import type { OutboxNotifier } from '../cases/service.ts';
import { loadConfig } from '../config.ts';
import { createFirestoreStore } from '../store/firestore.ts';
import { createFirestoreProgrammeStore } from '../store/programme.ts';

export const config = loadConfig(process.env);
const db = new Firestore(config.projectId ? { projectId: config.projectId } : {});
export const store = createFirestoreStore(db);
export const programmes = createFirestoreProgrammeStore(db);

let publisher: Promise<OutboxNotifier> | undefined;
export const notifyOutbox: OutboxNotifier = async (agencyId, ids) => {
  publisher ??= Promise.all([import('@google-cloud/pubsub'), import('../outbox/pubsub.ts')]).then(([{ PubSub }, { createPubSubNotifier }]) =>
    createPubSubNotifier(new PubSub(config.projectId ? { projectId: config.projectId } : {}), config.outboxTopic),
  );
  return (await publisher)(agencyId, ids);
};
