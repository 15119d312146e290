// Partner forms end to end on this machine: the API stack on the Firestore emulator, the fake
// Google server whose Forms part the real @googleapis/forms client talks to, the forms created
// there by the production set-up code, and the intake behind a Pub/Sub emulator push subscription
// (served by functions-framework), to which the fake publishes watch notifications as Forms does.
// Between the subscription and the function stands what Eventarc does in production: the pushed
// message becomes a binary-mode CloudEvent (Forms notifications carry attributes and no data,
// which functions-framework's own conversion of a raw push does not accept).
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PubSub } from '@google-cloud/pubsub';
import { sampleAnswers } from '../../functions/src/dev/sample-answers.ts';
import { serveCloudEvent, type Served } from '../../functions/src/dev/serve.ts';
import { createGoogleForms } from '../../functions/src/forms/google.ts';
import { formById } from '../../functions/src/forms/index.ts';
import { createFormIntake, type FormIntake, type OtherForms } from '../../functions/src/forms/intake.ts';
import { submissionId } from '../../functions/src/forms/service.ts';
import { createAgencyForms } from '../../functions/src/forms/setup.ts';
import { fakeClients, startFakeGoogle, type FakeGoogle } from './fake-google/index.ts';
import { startStack, type Stack } from './stack.ts';

export interface FormsStack {
  s: Stack;
  fake: FakeGoogle;
  google: ReturnType<typeof createGoogleForms>;
  topicName: string;
  /** The intake behind the push subscription. */
  intake: FormIntake;
  /** A second intake instance (another function instance: the sweep), sharing nothing in memory. */
  other: FormIntake;
  /** Deliveries the pushed intake handled. */
  deliveries: number;
  /** Connects the push subscription (again); `false` leaves notifications without a subscriber, so they are lost. */
  subscribe(on: boolean): Promise<void>;
  /** Submits answers by OUR question ids (choice answers as option values) on the fake, as a respondent would. */
  submit(agency: string, formId: string, answers: Record<string, string[]>, opts?: { at?: Date }): Promise<string>;
  /** The submission of a response, once recorded. */
  recorded(agency: string, formId: string, responseId: string): Promise<Awaited<ReturnType<Stack['app']['store']['submission']>>>;
  close(): Promise<void>;
}

let n = 0;
/** Valid answers with a contact of their own, so the burst and repeat holds never apply. */
export function answersOf(formId: string, extra: Record<string, string[]> = {}): Record<string, string[]> {
  n++;
  const tag = `${process.pid % 1000}${n}`;
  const a = sampleAnswers(formById(formId)!);
  if (a.email) a.email = [`mitra${tag}@sekolah.example.org`];
  if (a.telepon) a.telepon = [`+62 812 ${tag.padStart(8, '0').replace(/(\d{4})(\d+)/, '$1 $2')}`];
  for (const k of ['lembaga', 'instansi', 'komunitas', 'perpustakaan']) if (a[k]) a[k] = [`${a[k]![0]} ${tag}`];
  return { ...a, ...extra };
}

/** Eventarc's part: a Pub/Sub push in, a CloudEvent `google.cloud.pubsub.topic.v1.messagePublished` out; the function's status back. */
async function startEventarcRelay(target: string, topicName: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const push = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { message?: { messageId?: string; publishTime?: string } };
      fetch(target, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'ce-specversion': '1.0',
          'ce-id': push.message?.messageId ?? randomUUID(),
          'ce-type': 'google.cloud.pubsub.topic.v1.messagePublished',
          'ce-source': `//pubsub.googleapis.com/${topicName}`,
          'ce-time': push.message?.publishTime ?? new Date().toISOString(),
        },
        body: JSON.stringify(push),
      })
        .then((r) => res.writeHead(r.status).end())
        .catch(() => res.writeHead(502).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

export async function startFormsStack(opts: { clock?: () => Date; agencies?: string[]; others?: (s: Stack) => OtherForms; concurrency?: number } = {}): Promise<FormsStack> {
  const fake = await startFakeGoogle();
  if (opts.clock) fake.forms.setClock(opts.clock);
  const s = await startStack(opts.clock ? { clock: opts.clock } : {});
  const google = createGoogleForms({ forms: fakeClients(fake).forms, drive: fakeClients(fake).drive, timeoutMs: 10_000 });
  for (const agency of opts.agencies ?? ['balangan', 'sukoharjo', 'babel']) await createAgencyForms({ store: s.app.store, google }, agency);

  const short = `forms-${randomUUID().slice(0, 8)}`;
  const topicName = `projects/${s.projectId}/topics/${short}`;
  const others = opts.others?.(s);
  const make = () =>
    createFormIntake({ store: s.app.store, forms: s.app.forms!, google, topicName: async () => topicName, ...(opts.clock ? { clock: opts.clock } : {}), ...(others ? { others } : {}), ...(opts.concurrency ? { concurrency: opts.concurrency } : {}) });
  const intake = make();
  const other = make();
  const pubsub = new PubSub({ projectId: s.projectId, apiEndpoint: process.env.PUBSUB_EMULATOR_HOST! });
  const [topic] = await pubsub.createTopic(short);
  let served: Served | null = null;
  let relay: { url: string; server: Server } | null = null;
  const stack: FormsStack = {
    s,
    fake,
    google,
    topicName,
    intake,
    other,
    deliveries: 0,
    async subscribe(on) {
      const sub = topic.subscription(`${short}-push`);
      if ((await sub.exists())[0]) await sub.delete();
      if (!on) return;
      served ??= await serveCloudEvent(async (ce) => {
        await intake.handleEvent(ce.data);
        stack.deliveries++;
      });
      relay ??= await startEventarcRelay(served.url, topicName);
      await topic.createSubscription(`${short}-push`, { pushConfig: { pushEndpoint: relay.url }, ackDeadlineSeconds: 60 });
    },
    async submit(agency, formId, answers, o) {
      const entry = (await s.app.store.agency(agency))!.forms[formId]!;
      const form = formById(formId)!;
      const byGoogle = Object.fromEntries(
        Object.entries(answers).map(([qid, vs]) => {
          const q = form.questions.find((x) => x.id === qid)!;
          return [entry.questionIds[qid]!, q.kind === 'choice' ? vs.map((v) => q.options!.find((x) => x.value === v)?.label ?? v) : vs];
        }),
      );
      return fake.forms.submit(entry.googleFormId, byGoogle, o);
    },
    recorded: (agency, formId, responseId) => s.app.store.submission(agency, submissionId(formId, responseId)),
    async close() {
      fake.forms.setNotifier(null);
      relay?.server.close();
      await served?.close();
      await pubsub.close();
      await s.close();
      await fake.close();
    },
  };
  // Forms publishes a notification with attributes only; so does the fake, to the emulator topic.
  fake.forms.setNotifier(async (name, attributes) => {
    await pubsub.topic(name.split('/').pop()!).publishMessage({ attributes });
  });
  await stack.subscribe(true);
  // The watches, as the first scheduled sweep makes them.
  await other.sweep();
  return stack;
}
