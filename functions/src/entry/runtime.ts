// What every deployed function shares: the settings (checked once, with a message per missing
// value) and the store on the project's Firestore.
import { Firestore } from '@google-cloud/firestore';
import { loadConfig } from '../config.ts';
import { createFirestoreStore } from '../store/firestore.ts';

export const config = loadConfig(process.env);
export const store = createFirestoreStore(new Firestore(config.projectId ? { projectId: config.projectId } : {}));
