// The `api` function's wiring: the store, the token verifier and the services. It loads no Google
// Docs, Drive, Gmail or Forms client (those are the worker's and the intake's), and Pub/Sub only
// when a step first has letters to announce, so a cold start pays for Firestore and the API alone.
// With FORMS_SECRET and PUBLIC_URL set it also signs the partners' case references and status links.
import { createServices } from '../services.ts';
import { config, notifyOutbox, programmes, store } from './runtime.ts';

export const api = createServices({
  store,
  auth: { audience: config.audience, ...(config.trustedKeys ? { keys: async () => config.trustedKeys! } : {}) },
  notify: notifyOutbox,
  programmes,
  ...(config.forms ? { forms: config.forms } : {}),
}).api;
