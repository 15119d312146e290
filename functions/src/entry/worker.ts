// The outbox worker's wiring (the `worker` and `sweep` functions): Google Docs and Drive for the
// letters, Gmail with domain-wide delegation for the e-mails, both paced under Google's quotas.
import { docs } from '@googleapis/docs';
import { drive } from '@googleapis/drive';
import { gmail } from '@googleapis/gmail';
import { GoogleAuth, JWT } from 'google-auth-library';
import { createGoogleDocBackend } from '../documents/google.ts';
import { createGmailSender } from '../mail/gmail.ts';
import type { Agency } from '../model/records.ts';
import { createPacer } from '../outbox/pacer.ts';
import { createOutboxWorker } from '../outbox/worker.ts';
import { config, store } from './runtime.ts';

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

export const worker = createOutboxWorker({ store, backendFor, mailerFor, pacers: { docs: createPacer(config.docsPerMinute), mail: createPacer(config.mailPerMinute) } });
