// The `send` function's wiring (HTTP, Cloud Scheduler every minute with OIDC): the paced programme
// mailings (programme/sender.ts), Gmail with domain-wide delegation as each host agency's address,
// and Drive (read only) for the owner's certificate template, exported once per instance.
import { drive } from '@googleapis/drive';
import { gmail } from '@googleapis/gmail';
import { GoogleAuth, JWT } from 'google-auth-library';
import { createGmailSender } from '../mail/gmail.ts';
import type { MailSender } from '../documents/types.ts';
import type { Agency } from '../model/records.ts';
import { createCertificateAttachments } from '../programme/certificate-files.ts';
import { createSendLoop } from '../programme/sender.ts';
import { config, programmes, store } from './runtime.ts';

/** Of the scheduler's 60 s: 50 s sending, the rest for the leases' release and the answer. */
export const SEND_BUDGET_MS = 50_000;

if (!config.forms) throw new Error('The send function needs PUBLIC_URL and FORMS_SECRET: certificates carry PUBLIC_URL/v/<number> in their QR code.');
const publicUrl = config.forms.publicUrl;

const senders = new Map<string, MailSender>();
function senderFor(agency: Agency): MailSender | null {
  if (!config.gmailKeyFile || !agency.mail) return null;
  let m = senders.get(agency.mail.fromAddress);
  if (!m) {
    const auth = new JWT({ keyFile: config.gmailKeyFile, scopes: ['https://www.googleapis.com/auth/gmail.send', 'https://www.googleapis.com/auth/gmail.readonly'], subject: agency.mail.fromAddress });
    m = createGmailSender({ gmail: gmail({ version: 'v1', auth }) });
    senders.set(agency.mail.fromAddress, m);
  }
  return m;
}

const driveClient = drive({ version: 'v3', auth: new GoogleAuth({ scopes: ['https://www.googleapis.com/auth/drive.readonly'] }) });

export const sendLoop = createSendLoop({
  programmes,
  agency: (id) => store.agency(id),
  senderFor,
  attachment: createCertificateAttachments({ programmes, drive: driveClient, verifyUrl: (n) => `${publicUrl}/v/${n}` }),
  ...(process.env.K_REVISION ? { instance: process.env.K_REVISION } : {}),
});
