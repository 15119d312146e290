// Paced mailings against Gmail's limits as the fake Google server enforces them (60 a minute and
// 2,000 a day per account): 10,000 e-mails over the 34 provinces' accounts on a simulated clock
// finish exactly at the theoretical minimum with no send refused, a lost reply and a crashed
// runner in the middle neither lose nor duplicate a message, and the progress route shows sent,
// queued, failed and the expected finish. A second, small mailing crosses the daily limit.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MailMessage, Programme, ProgrammeStore } from '../../functions/src/model/programme.ts';
import { nationalProgramme, OWNER_AGENCY, seedProgramme } from '../../functions/src/programme/demo.ts';
import { createMailingRunner, expectedFinish, minimumFinish, nextSlot, type SendLimits } from '../../functions/src/programme/mailing.ts';
import { gmailSendersOn, startFakeGoogle, type FakeGoogle } from '../support/fake-google/index.ts';
import { startStack, type Stack } from '../support/stack.ts';

let s: Stack;
let fake: FakeGoogle;
let programmes: ProgrammeStore;
let p: Programme;
let virtual = Date.parse('2024-06-20T01:00:00Z');

beforeAll(async () => {
  s = await startStack({ clock: () => new Date(virtual) });
  fake = await startFakeGoogle();
  fake.forms.setClock(() => new Date(virtual));
  programmes = s.app.programme!.programmes;
  await seedProgramme(s.app.store, programmes, nationalProgramme());
  p = (await programmes.programme('spptik2024'))!;
}, 120_000);
afterAll(async () => {
  await s?.close();
  await fake?.close();
});

it('the slot rule keeps both windows and its finish is the closed form', () => {
  const limits = { perMinute: 60, perDay: 100 };
  const ledger: number[] = [];
  let t = 0;
  for (let i = 0; i < 250; i++) {
    t = nextSlot(ledger, t, limits);
    ledger.push(t);
  }
  for (const [i, x] of ledger.entries()) {
    expect(ledger.filter((y) => y > x - 60_000 && y <= x).length, `minute at ${i}`).toBeLessThanOrEqual(60);
    expect(ledger.filter((y) => y > x - 86_400_000 && y <= x).length, `day at ${i}`).toBeLessThanOrEqual(100);
  }
  expect(ledger.at(-1)).toBe(minimumFinish(250, 0, limits));
  expect(expectedFinish([], 250, 0, limits)).toBe(minimumFinish(250, 0, limits));
});

function messagesOf(mailingId: string, counts: Record<string, number>): MailMessage[] {
  return Object.entries(counts).flatMap(([agency, n]) =>
    Array.from({ length: n }, (_, seq) => ({ id: `${agency.replace(/[^a-z]/g, '')}${String(seq).padStart(6, '0')}`, mailingId, participantId: 'x', senderAgencyId: agency, to: `peserta${seq}@${agency}.example.id`, subject: 'Sertifikat', text: 'Sertifikat terlampir.', certificate: null, seq, status: 'queued' as const, intentAt: null, sentAt: null, messageId: null, attempts: 0, lastError: null })),
  );
}

async function drive(mailingId: string, limits: SendLimits, opts: { crashAfter?: number } = {}) {
  const deps = { programmes, agency: (id: string) => s.app.store.agency(id), senderFor: gmailSendersOn(fake), limits, clock: () => new Date(virtual) };
  let runner = createMailingRunner(p.id, mailingId, deps);
  let sent = 0;
  let crashed = false;
  for (;;) {
    const r = await runner.tick(new Date(virtual));
    sent += r.sent;
    if (opts.crashAfter !== undefined && !crashed && sent >= opts.crashAfter) {
      crashed = true;
      // The next send goes out but its answer is lost; then the runner dies and a new one takes over.
      fake.fail({ match: (q) => q.path.endsWith('/messages/send'), afterHandling: true, status: 500, times: 1 });
      if (r.nextAt) virtual = r.nextAt.getTime();
      await runner.tick(new Date(virtual));
      runner = createMailingRunner(p.id, mailingId, deps);
      continue;
    }
    if (!r.nextAt) return;
    virtual = r.nextAt.getTime();
  }
}

it('10,000 e-mails over 34 accounts: within every limit, at the theoretical minimum, a crash neither loses nor doubles one', { timeout: 600_000 }, async () => {
  fake.gmail.setLimits({ perMinute: 60, perDay: 2_000 });
  const limits = { perMinute: 60, perDay: 2_000 };
  const hosts = p.provinces.map((x) => x.hostAgencyId);
  const counts = Object.fromEntries(hosts.map((h, i) => [h, Math.floor(10_000 / hosts.length) + (i < 10_000 % hosts.length ? 1 : 0)]));
  const messages = messagesOf('nasional00001', counts);
  expect(messages).toHaveLength(10_000);
  await programmes.createMailing({ id: 'nasional00001', programmeId: p.id, kind: 'sertifikat', title: 'Sertifikat', createdAt: new Date(virtual).toISOString(), createdBy: 'uji', total: messages.length, senders: counts }, messages);
  const start = virtual;
  const minimum = Math.max(...Object.values(counts).map((n) => minimumFinish(n, start, limits)));
  const evenMinimum = minimumFinish(Math.ceil(10_000 / hosts.length), start, limits);

  const before = await s.call('GET', `/v1/agencies/${OWNER_AGENCY}/programmes/${p.id}/mailings/nasional00001`, { as: `panitia@${OWNER_AGENCY}.demo.perpustakaan.id` });
  expect(before.status).toBe(200);
  expect(before.body).toMatchObject({ total: 10_000, sent: 0, queued: 10_000, failed: 0, expectedFinish: new Date(minimum).toISOString() });
  const real = Date.now();
  await drive('nasional00001', limits, { crashAfter: 5_000 });
  const elapsed = Date.now() - real;

  expect(fake.gmail.refused).toEqual([]);
  expect(fake.sent).toHaveLength(10_000);
  expect(new Set(fake.sent.map((m) => m.messageId)).size).toBe(10_000);
  for (const h of hosts) {
    const mine = fake.sent.filter((m) => m.userId === `bimtek@${h === 'babel' ? 'babel' : h.slice('dispusip-'.length)}.demo.perpustakaan.id` || (h === 'babel' && m.userId === 'surat@babel.demo.perpustakaan.id'));
    expect(mine.length, h).toBe(counts[h]);
    for (const m of mine) expect(mine.filter((x) => x.at > m.at - 60_000 && x.at <= m.at).length).toBeLessThanOrEqual(60);
  }
  expect(Math.max(...fake.sent.map((m) => m.at))).toBe(minimum);
  const after = await s.call('GET', `/v1/agencies/${OWNER_AGENCY}/programmes/${p.id}/mailings/nasional00001`, { as: `panitia@${OWNER_AGENCY}.demo.perpustakaan.id` });
  expect(after.body).toMatchObject({ sent: 10_000, queued: 0, failed: 0, expectedFinish: null });
  // A host sees its own account's progress only through the programme it hosts.
  const host = await s.call('GET', `/v1/agencies/dispusip-jatim/programmes/${p.id}/mailings/nasional00001`, { as: 'panitia@dispusip-jatim.demo.perpustakaan.id' });
  expect(host.status).toBe(200);
  console.log(`mailing: 10,000 e-mails over ${hosts.length} accounts finish ${((minimum - start) / 1000).toFixed(0)} s after the start (simulated), ratio to the minimum for this split ${((Math.max(...fake.sent.map((m) => m.at)) - start) / (minimum - start)).toFixed(3)}, to an even split ${((minimum - start) / (evenMinimum - start)).toFixed(3)}; driven in ${elapsed} ms`);
});

it('past the daily limit an account waits for the 24-hour window, never refused', { timeout: 300_000 }, async () => {
  fake.reset();
  fake.forms.setClock(() => new Date(virtual));
  const limits = { perMinute: 60, perDay: 100 };
  fake.gmail.setLimits(limits);
  virtual += 2 * 86_400_000;
  const counts = { babel: 250, 'dispusip-kalsel': 30 };
  const messages = messagesOf('harian000001', counts);
  await programmes.createMailing({ id: 'harian000001', programmeId: p.id, kind: 'sertifikat', title: 'Sertifikat', createdAt: new Date(virtual).toISOString(), createdBy: 'uji', total: messages.length, senders: counts }, messages);
  const start = virtual;
  await drive('harian000001', limits);
  expect(fake.gmail.refused).toEqual([]);
  expect(fake.sent).toHaveLength(280);
  expect(Math.max(...fake.sent.map((m) => m.at))).toBe(minimumFinish(250, start, limits));
});
