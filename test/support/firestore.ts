// A Firestore client on the run's emulator with a project of its own, so parallel test files
// never see each other's documents.
import { Firestore } from '@google-cloud/firestore';
import { randomUUID } from 'node:crypto';

export function emulatorHost(): string {
  const host = process.env.FIRESTORE_EMULATOR_HOST;
  if (!host) throw new Error('FIRESTORE_EMULATOR_HOST is not set: the vitest globalSetup did not start the emulator');
  return host;
}

export function testFirestore(prefix = 'test'): { db: Firestore; projectId: string } {
  const projectId = `${prefix}-${randomUUID().slice(0, 8)}`;
  const db = new Firestore({ projectId, host: emulatorHost(), ssl: false, preferRest: false });
  return { db, projectId };
}
