// Function entry points only.
import { http } from '@google-cloud/functions-framework';
import { Firestore } from '@google-cloud/firestore';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';

const config = loadConfig(process.env);
const app = createApp({
  db: new Firestore(config.projectId ? { projectId: config.projectId } : {}),
  auth: { audience: config.audience, ...(config.trustedKeys ? { keys: async () => config.trustedKeys! } : {}) },
});

http('api', app.api);
