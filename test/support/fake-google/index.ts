// The fake Google API server lives in functions/src/dev/fake-google, where `npm start` can use it
// too (its Forms part serves the local partner forms); tests keep importing it from here.
export * from '../../../functions/src/dev/fake-google/index.ts';

import { createGmailSender } from '../../../functions/src/mail/gmail.ts';
import type { Agency } from '../../../functions/src/model/records.ts';
import { fakeClients, type FakeGoogle } from '../../../functions/src/dev/fake-google/index.ts';

/** Each agency's Gmail account on the fake (one sender per agency, as the paced mailings use them). */
export function gmailSendersOn(fake: FakeGoogle): (a: Agency) => ReturnType<typeof createGmailSender> {
  const clients = fakeClients(fake);
  const cache = new Map<string, ReturnType<typeof createGmailSender>>();
  return (a) => {
    let m = cache.get(a.id);
    if (!m) cache.set(a.id, (m = createGmailSender({ gmail: clients.gmail, userId: a.mail!.fromAddress, timeoutMs: 10_000 })));
    return m;
  };
}
