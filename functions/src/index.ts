// Function entry points only: `api` (HTTP, called by the Sheets add-on), `worker` (CloudEvent
// from the outbox Pub/Sub topic), `intake` (CloudEvent from the Forms watches' topic) and `sweep`
// (HTTP, called by Cloud Scheduler with OIDC), `remind` (HTTP, Cloud Scheduler: reminders,
// escalations, morning digests) and `send` (HTTP, Cloud Scheduler every minute: the programme
// mailings, paced per Gmail account).
// All six share this module (one deployment source) and the settings and store, loaded at start
// so a wrong setting stops the instance at once; each loads the rest of its wiring on first use:
// the api's cold start must not pay for the worker's Google Docs, Drive and Gmail clients, nor
// for the intake's Forms client.
import { cloudEvent, http, type CloudEvent } from '@google-cloud/functions-framework';
import { config } from './entry/runtime.ts';

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}

const api = once(async () => (await import('./entry/api.ts')).api);
const worker = once(async () => (await import('./entry/worker.ts')).worker);
const intake = once(async () => (await import('./entry/intake.ts')).intake);
const remind = once(async () => (await import('./entry/remind.ts')).reminders);
const send = once(async () => await import('./entry/send.ts'));

http('api', async (req, res) => (await api())(req, res));

cloudEvent('worker', async (event: CloudEvent<unknown>) => {
  const { handleOutboxEvent } = await import('./outbox/pubsub.ts');
  await handleOutboxEvent(await worker(), event.data);
});

cloudEvent('intake', async (event: CloudEvent<unknown>) => {
  await (await intake()).handleEvent(event.data);
});

// The outbox (lost notifications, retries, expired leases) and, when partner forms are set up,
// the forms: watches renewed or recreated, every form read for responses a notification missed.
http('sweep', async (_req, res) => {
  const [w, f] = await Promise.all([worker(), config.forms ? intake() : null]);
  const [outbox, forms] = await Promise.all([w.sweep(), f ? f.sweep() : null]);
  res.status(200).json({ outbox, forms });
});

// Reminders before and after due times, escalations and the 07.30 morning digests (Cloud
// Scheduler every 15 minutes; each notice and digest is recorded once, so overlapping runs are harmless).
http('remind', async (_req, res) => {
  res.status(200).json(await (await remind()).run());
});

// The programme mailings (Cloud Scheduler every minute): ~50 s of sending per run on the accounts
// whose lease it gets; an account another run still holds waits for the next minute.
http('send', async (_req, res) => {
  const s = await send();
  res.status(200).json(await s.sendLoop.run({ budgetMs: s.SEND_BUDGET_MS }));
});

// An instance serves one function (FUNCTION_TARGET); start loading its wiring while the server starts.
const preload: Record<string, () => Promise<unknown>> = {
  api,
  worker,
  intake,
  remind,
  send,
  sweep: () => Promise.all([worker(), config.forms ? intake() : null]),
};
void preload[process.env.FUNCTION_TARGET ?? '']?.().catch((err: unknown) => {
  console.error(JSON.stringify({ severity: 'ERROR', message: `loading ${process.env.FUNCTION_TARGET} failed`, error: err instanceof Error ? err.stack : String(err) }));
});
