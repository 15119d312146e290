// Function entry points only: `api` (HTTP, called by the Sheets add-on), `worker` (CloudEvent
// from the outbox Pub/Sub topic) and `sweep` (HTTP, called by Cloud Scheduler with OIDC).
// All three share this module (one deployment source) and the settings and store, loaded at start
// so a wrong setting stops the instance at once; each loads the rest of its wiring on first use:
// the api's cold start must not pay for the worker's Google Docs, Drive and Gmail clients.
import { cloudEvent, http, type CloudEvent } from '@google-cloud/functions-framework';
import './entry/runtime.ts';

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}

const api = once(async () => (await import('./entry/api.ts')).api);
const worker = once(async () => (await import('./entry/worker.ts')).worker);

http('api', async (req, res) => (await api())(req, res));

cloudEvent('worker', async (event: CloudEvent<unknown>) => {
  const { handleOutboxEvent } = await import('./outbox/pubsub.ts');
  await handleOutboxEvent(await worker(), event.data);
});

http('sweep', async (_req, res) => {
  res.status(200).json(await (await worker()).sweep());
});

// An instance serves one function (FUNCTION_TARGET); start loading its wiring while the server starts.
const preload: Record<string, () => Promise<unknown>> = { api, worker, sweep: worker };
void preload[process.env.FUNCTION_TARGET ?? '']?.().catch((err: unknown) => {
  console.error(JSON.stringify({ severity: 'ERROR', message: `loading ${process.env.FUNCTION_TARGET} failed`, error: err instanceof Error ? err.stack : String(err) }));
});
