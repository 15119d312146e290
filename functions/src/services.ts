// The services behind the `api` function: cases, the reading desk, the review of partner
// submissions, the status pages and the HTTP routes. Apart from app.ts (which adds the outbox
// worker and the form intake for the other functions, the local stack and the tests), so the
// api's cold start loads neither the letter renderers nor the intake.
import { createTokenVerifier, type VerifierOptions } from './auth/verify.ts';
import { createCaseService, type OutboxNotifier } from './cases/service.ts';
import { createDeskService } from './desk/service.ts';
import { createRefs } from './forms/refs.ts';
import { createSubmissionReview } from './forms/review.ts';
import { createSopImportService } from './sopadmin/service.ts';
import { createStatusPages } from './forms/status.ts';
import { createApi } from './http/api.ts';
import type { Store } from './model/store.ts';
import { createStandardsService } from './standards/service.ts';
import type { ProgrammeStore } from './model/programme.ts';
import { createProgrammeParts } from './programme/wiring.ts';

export interface ServiceDeps {
  /** The store port's adapter: createFirestoreStore(db) in every entry point and test. */
  store: Store;
  auth: VerifierOptions;
  clock?: () => Date;
  /** Tells the worker about new outbox entries (Pub/Sub in production; in-process locally). */
  notify?: OutboxNotifier;
  /** Partner forms: the secret that signs case references and status links, and the API's public URL for them. */
  forms?: { secret: string; publicUrl: string };
  /** Bimtek programmes (needs `forms`: its secret signs status, check-in and certificate links). */
  programmes?: ProgrammeStore;
}

export function createServices(deps: ServiceDeps) {
  const clockOpt = deps.clock ? { clock: deps.clock } : {};
  const store = deps.store;
  // One signer for everything the forms secret signs: form links in e-mails, links staff hand
  // out, the status pages and the intake's check of the references it receives.
  const refs = deps.forms ? createRefs(deps.forms.secret) : null;
  const cases = createCaseService(store, { ...clockOpt, ...(deps.notify ? { notify: deps.notify } : {}), ...(refs ? { formRefs: refs } : {}) });
  const desk = createDeskService(store, cases, clockOpt);
  const review = createSubmissionReview(store, cases, { refs, ...clockOpt });
  const standards = createStandardsService(store, { ...clockOpt, ...(deps.notify ? { notify: deps.notify } : {}) });
  const sopImports = createSopImportService(store);
  const programme = deps.programmes && deps.forms ? createProgrammeParts({ programmes: deps.programmes, store, secret: deps.forms.secret, publicUrl: deps.forms.publicUrl, ...clockOpt, ...(deps.notify ? { notify: deps.notify } : {}) }) : null;
  const api = createApi({
    cases,
    desk,
    review,
    standards,
    sopImports,
    statusPages: createStatusPages(store, refs, deps.clock),
    verify: createTokenVerifier(deps.auth),
    ...(programme ? { programmeRoutes: programme.routes, programmePages: programme.pages } : {}),
  });
  return { store, cases, desk, api, refs, programme };
}
