// Starts the Firestore emulator once for the whole test run; test files get its host through
// FIRESTORE_EMULATOR_HOST and use their own projectId so they never see each other's data.
import { startFirestoreEmulator, type RunningEmulator } from '../../functions/src/dev/emulators.ts';

let emulator: RunningEmulator | undefined;

export async function setup(): Promise<void> {
  emulator = await startFirestoreEmulator();
  process.env.FIRESTORE_EMULATOR_HOST = emulator.host;
}

export async function teardown(): Promise<void> {
  await emulator?.stop();
}
