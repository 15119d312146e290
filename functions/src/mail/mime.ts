// One MIME message per outbox key. Its Message-ID is derived from the key, so after a crash
// between "send" and "record the send" the worker can ask Gmail whether that message went out.
import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { MailMessage } from '../documents/types.ts';

export const MESSAGE_ID_DOMAIN = 'sop-perpustakaan.local';

/** `<first 32 hex of sha256(key)@sop-perpustakaan.local>`, angle brackets included. */
export function messageIdFor(key: string): string {
  const hash = createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 32);
  return `<${hash}@${MESSAGE_ID_DOMAIN}>`;
}

/** The RFC 5322 message: UTF-8 subject and text, the attachments, the deterministic Message-ID. */
export async function buildMime(msg: MailMessage): Promise<Buffer> {
  const composer = new MailComposer({
    from: { name: msg.from.name, address: msg.from.address },
    to: msg.to,
    ...(msg.cc && msg.cc.length > 0 ? { cc: msg.cc } : {}),
    subject: msg.subject,
    text: msg.text,
    messageId: messageIdFor(msg.key),
    attachments: msg.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: a.content,
    })),
    // Everything is in memory: never let a value be read as a file path or fetched as a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return composer.compile().build();
}
