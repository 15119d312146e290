// Wires adapters to services; used by index.ts (production), the local stack and the tests,
// each handing in its own Firestore client, token verifier, document backends and notifier.
import { createTokenVerifier, type VerifierOptions } from './auth/verify.ts';
import { createCaseService, type OutboxNotifier } from './cases/service.ts';
import { createDeskService } from './desk/service.ts';
import { createRefs } from './forms/refs.ts';
import { createSubmissionReview } from './forms/review.ts';
import { createFormService } from './forms/service.ts';
import { createStatusPages } from './forms/status.ts';
import type { DocumentBackend, MailSender } from './documents/types.ts';
import { createApi } from './http/api.ts';
import type { Pacer } from './outbox/pacer.ts';
import { createOutboxWorker, type WorkerDeps } from './outbox/worker.ts';
import type { Agency } from './model/records.ts';
import type { Store } from './model/store.ts';

export interface AppDeps {
  /** The store port's adapter: createFirestoreStore(db) in every entry point and test. */
  store: Store;
  auth: VerifierOptions;
  clock?: () => Date;
  /** Tells the worker about new outbox entries (Pub/Sub in production; in-process locally). */
  notify?: OutboxNotifier;
  /** Where letters are rendered and sent; without it no worker is created (the API alone). */
  documents?: {
    backendFor(agency: Agency): DocumentBackend;
    mailerFor(agency: Agency): MailSender | null;
    pacers?: { docs?: Pacer; mail?: Pacer };
    worker?: Pick<WorkerDeps, 'maxAttempts' | 'baseDelayMs' | 'maxDelayMs' | 'leaseMs' | 'random'>;
  };
  /** Partner forms: the secret that signs case references and status links, and the API's public URL for them. */
  forms?: { secret: string; publicUrl: string };
}

export type App = ReturnType<typeof createApp>;

export function createApp(deps: AppDeps) {
  const clockOpt = deps.clock ? { clock: deps.clock } : {};
  const store = deps.store;
  // One signer for everything the forms secret signs: form links in e-mails, links staff hand
  // out, the status pages and the intake's check of the references it receives.
  const refs = deps.forms ? createRefs(deps.forms.secret) : null;
  const cases = createCaseService(store, { ...clockOpt, ...(deps.notify ? { notify: deps.notify } : {}), ...(refs ? { formRefs: refs } : {}) });
  const desk = createDeskService(store, cases, clockOpt);
  const review = createSubmissionReview(store, cases, { refs, ...clockOpt });
  const api = createApi({ cases, desk, review, statusPages: createStatusPages(store, refs, deps.clock), verify: createTokenVerifier(deps.auth) });
  const worker = deps.documents
    ? createOutboxWorker({
        store,
        backendFor: deps.documents.backendFor,
        mailerFor: deps.documents.mailerFor,
        ...(deps.documents.pacers ? { pacers: deps.documents.pacers } : {}),
        ...clockOpt,
        ...deps.documents.worker,
      })
    : null;
  const forms = deps.forms && refs ? createFormService(store, cases, { refs, publicUrl: deps.forms.publicUrl, ...clockOpt }) : null;
  return { store, cases, desk, api, worker, forms };
}
