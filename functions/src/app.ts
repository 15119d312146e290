// Wires adapters to services; used by the worker and intake entries, the local stack and the
// tests, each handing in its own Firestore client, token verifier, document backends and
// notifier. The api function takes only createServices (services.ts).
import type { DocumentBackend, MailSender } from './documents/types.ts';
import { createFormService } from './forms/service.ts';
import type { Agency } from './model/records.ts';
import type { Pacer } from './outbox/pacer.ts';
import { createOutboxWorker, type WorkerDeps } from './outbox/worker.ts';
import { createServices, type ServiceDeps } from './services.ts';
import { createReminderService } from './standards/reminders.ts';

export interface AppDeps extends ServiceDeps {
  /** Where letters are rendered and sent; without it no worker is created (the API alone). */
  documents?: {
    backendFor(agency: Agency): DocumentBackend;
    mailerFor(agency: Agency): MailSender | null;
    pacers?: { docs?: Pacer; mail?: Pacer };
    worker?: Pick<WorkerDeps, 'maxAttempts' | 'baseDelayMs' | 'maxDelayMs' | 'leaseMs' | 'random'>;
  };
}

export type App = ReturnType<typeof createApp>;

export function createApp(deps: AppDeps) {
  const clockOpt = deps.clock ? { clock: deps.clock } : {};
  const { store, cases, desk, api, refs, programme } = createServices(deps);
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
  // Reminders, escalations and morning digests (the scheduled `remind` function).
  const reminders = createReminderService(store, { ...clockOpt, ...(deps.notify ? { notify: deps.notify } : {}) });
  return { store, cases, desk, api, worker, forms, reminders, programme };
}
