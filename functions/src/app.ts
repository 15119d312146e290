// Wires adapters to services; used by index.ts (production), the local stack and the tests,
// each handing in its own Firestore client and token verifier.
import type { Firestore } from '@google-cloud/firestore';
import { createTokenVerifier, type VerifierOptions } from './auth/verify.ts';
import { createCaseService } from './cases/service.ts';
import { createDeskService } from './desk/service.ts';
import { createApi } from './http/api.ts';
import { createCaseStore } from './store/firestore.ts';

export interface AppDeps {
  db: Firestore;
  auth: VerifierOptions;
  clock?: () => Date;
}

export function createApp(deps: AppDeps) {
  const clockOpt = deps.clock ? { clock: deps.clock } : {};
  const store = createCaseStore(deps.db);
  const cases = createCaseService(store, clockOpt);
  const desk = createDeskService(deps.db, cases, clockOpt);
  const api = createApi({ cases, desk, verify: createTokenVerifier(deps.auth) });
  return { store, cases, desk, api };
}
