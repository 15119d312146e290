// Gmail sender: the MIME message goes out in ONE users.messages.send with `raw` (never a media
// upload: upload URLs ignore the client's rootUrl, and raw keeps the call a plain JSON POST). No
// automatic retries: a send whose answer was lost may have gone out, and only the worker, guarded
// by findSent, may decide to send again.
import type { gmail_v1 } from '@googleapis/gmail';
import { EffectError, type MailMessage, type MailSender } from '../documents/types.ts';
import { toEffectError } from '../google/errors.ts';
import { singleAttempt } from '../documents/google.ts';
import { buildMime, messageIdFor } from './mime.ts';

const DEFAULT_TIMEOUT_MS = 30_000;

export function createGmailSender(opts: { gmail: gmail_v1.Gmail; userId?: string; timeoutMs?: number }): MailSender {
  const { gmail } = opts;
  const userId = opts.userId ?? 'me';
  const call = singleAttempt(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);

  return {
    async send(msg: MailMessage): Promise<{ id: string }> {
      const mime = await buildMime(msg);
      let res;
      try {
        res = await gmail.users.messages.send({ userId, requestBody: { raw: mime.toString('base64url') } }, call);
      } catch (err) {
        throw toEffectError(err, 'Gmail users.messages.send');
      }
      const id = res.data.id;
      if (!id) throw new EffectError('Gmail users.messages.send gagal: jawaban tanpa id pesan', { retryable: false });
      return { id };
    },

    async findSent(key: string): Promise<{ id: string } | null> {
      // Gmail's search operator takes the Message-ID without its angle brackets.
      const messageId = messageIdFor(key).slice(1, -1);
      let res;
      try {
        res = await gmail.users.messages.list(
          { userId, q: `rfc822msgid:${messageId}`, includeSpamTrash: true, maxResults: 1 },
          call,
        );
      } catch (err) {
        throw toEffectError(err, 'Gmail users.messages.list');
      }
      const id = res.data.messages?.find((m) => typeof m.id === 'string' && m.id.length > 0)?.id;
      return id ? { id } : null;
    },
  };
}
