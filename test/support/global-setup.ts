// Starts the Firestore and Pub/Sub emulators once for the whole test run; test files get their
// hosts through FIRESTORE_EMULATOR_HOST and PUBSUB_EMULATOR_HOST and use their own projectId so they never see each other's data.
import { startFirestoreEmulator, startPubSubEmulator, type RunningEmulator } from '../../functions/src/dev/emulators.ts';

let emulators: RunningEmulator[] = [];

export async function setup(): Promise<void> {
  const [firestore, pubsub] = await Promise.all([startFirestoreEmulator(), startPubSubEmulator()]);
  emulators = [firestore, pubsub];
  process.env.FIRESTORE_EMULATOR_HOST = firestore.host;
  process.env.PUBSUB_EMULATOR_HOST = pubsub.host;
}

export async function teardown(): Promise<void> {
  await Promise.all(emulators.map((e) => e.stop()));
}
