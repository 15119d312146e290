// Function entry points only: `api` (HTTP, called by the Sheets add-on), `worker` (CloudEvent
// from the outbox Pub/Sub topic) and `sweep` (HTTP, called by Cloud Scheduler with OIDC).
import { cloudEvent, http, type CloudEvent } from '@google-cloud/functions-framework';
import { Firestore } from '@google-cloud/firestore';
import { PubSub } from '@google-cloud/pubsub';
import { docs } from '@googleapis/docs';
import { drive } from '@googleapis/drive';
import { gmail } from '@googleapis/gmail';
import { GoogleAuth, JWT } from 'google-auth-library';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { createGoogleDocBackend } from './documents/google.ts';
import { createGmailSender } from './mail/gmail.ts';
import { createPacer } from './outbox/pacer.ts';
import { createPubSubNotifier, handleOutboxEvent } from './outbox/pubsub.ts';
import type { Agency } from './store/firestore.ts';

const config = loadConfig(process.env);
const db = new Firestore(config.projectId ? { projectId: config.projectId } : {});
const googleAuth = new GoogleAuth({ scopes: ['https://www.googleapis.com/auth/drive', 'https://www.googleapis.com/auth/documents'] });
// @googleapis/docs still ships an older google-auth-library major; the credentials object is the same at run time.
const driveClient = drive({ version: 'v3', auth: googleAuth });
const docsClient = docs({ version: 'v1', auth: googleAuth as never });

function backendFor(agency: Agency) {
  if (!agency.google) throw new Error(`Instansi ${agency.name} belum mengatur folder Drive dan templat Google Docs (npm run admin -- upload-templates).`);
  return createGoogleDocBackend({ drive: driveClient, docs: docsClient, templates: agency.google.templates, folderId: agency.google.folderId });
}

const mailers = new Map<string, ReturnType<typeof createGmailSender>>();
function mailerFor(agency: Agency) {
  if (!config.gmailKeyFile || !agency.mail) return null;
  let m = mailers.get(agency.mail.fromAddress);
  if (!m) {
    // Domain-wide delegation: the service account acts as the agency's sending address.
    const auth = new JWT({ keyFile: config.gmailKeyFile, scopes: ['https://www.googleapis.com/auth/gmail.send', 'https://www.googleapis.com/auth/gmail.readonly'], subject: agency.mail.fromAddress });
    m = createGmailSender({ gmail: gmail({ version: 'v1', auth }) });
    mailers.set(agency.mail.fromAddress, m);
  }
  return m;
}

const app = createApp({
  db,
  auth: { audience: config.audience, ...(config.trustedKeys ? { keys: async () => config.trustedKeys! } : {}) },
  notify: createPubSubNotifier(new PubSub(config.projectId ? { projectId: config.projectId } : {}), config.outboxTopic),
  documents: { backendFor, mailerFor, pacers: { docs: createPacer(config.docsPerMinute), mail: createPacer(config.mailPerMinute) } },
});

http('api', app.api);

cloudEvent('worker', async (event: CloudEvent<unknown>) => {
  await handleOutboxEvent(app.worker!, event.data);
});

http('sweep', async (_req, res) => {
  const counts = await app.worker!.sweep();
  res.status(200).json(counts);
});
