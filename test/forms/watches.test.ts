// Nothing lost when notifications are: the intake down (no subscription, so what Forms publishes
// goes nowhere), then the scheduled sweep reads every form and records what was missed, exactly
// once. Watches kept alive: one about to expire is renewed, an expired one (gone from Forms) is
// recreated, one on another topic is replaced; responses flow through notifications afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersOf, startFormsStack, type FormsStack } from '../support/forms-stack.ts';
import { partnerForms } from '../../functions/src/forms/index.ts';

/** The agency's forms: every partner form (its SOPs are all installed). */
const N = partnerForms().length;

const AGENCY = 'balangan';
const DAY = 86_400_000;
let now = Date.now();
const clock = () => new Date(now);

let f: FormsStack;
beforeAll(async () => {
  f = await startFormsStack({ clock, agencies: [AGENCY] });
});
afterAll(async () => f?.close());

const formsOf = async () => (await f.s.app.store.agency(AGENCY))!.forms;
/** Watches Forms still has (an expired one is gone). */
const watchesOf = async () => Object.values(await formsOf()).map((e) => [...f.fake.forms.all.get(e.googleFormId)!.watches.values()].filter((w) => Date.parse(w.expireTime) > now));
const calls = (re: RegExp) => f.fake.requests.filter((r) => re.test(r.path)).length;

/** Submits one response per form given and returns [formId, responseId] pairs. */
async function submitSome(formIds: string[]) {
  return Promise.all(formIds.map(async (formId) => [formId, await f.submit(AGENCY, formId, answersOf(formId))] as const));
}
async function allRecorded(pairs: (readonly [string, string])[]) {
  await expect.poll(async () => (await Promise.all(pairs.map(([formId, id]) => f.recorded(AGENCY, formId, id)))).every((x) => x?.status === 'accepted')).toBe(true);
}

describe('nothing lost', () => {
  it('the intake down for a while: notifications go nowhere; the sweep records every response, once', async () => {
    await f.subscribe(false);
    const missed = await submitSome(['burt_peminjaman', 'pks_penawaran', 'burt_peminjaman', 'kitapun_pendaftaran', 'pks_penawaran', 'burt_peminjaman']);
    expect(await Promise.all(missed.map(([formId, id]) => f.recorded(AGENCY, formId, id)))).toEqual(missed.map(() => null));
    await f.subscribe(true);
    const r = await f.other.sweep();
    expect(r).toMatchObject({ forms: N, recorded: missed.length, failed: [] });
    await allRecorded(missed);
    // A second sweep finds nothing new, and nothing is recorded twice.
    expect((await f.other.sweep()).recorded).toBe(0);
    const cases = await f.s.db.collection('agencies').doc(AGENCY).collection('cases').get();
    expect(cases.size).toBe(missed.length);
    // Notifications flow again.
    const before = f.deliveries;
    const after = await submitSome(['pks_penawaran']);
    await allRecorded(after);
    await expect.poll(() => f.deliveries).toBeGreaterThan(before);
  });
});

describe('watches', () => {
  it('a watch about to expire is renewed by the sweep; one with a day or more left is left alone', async () => {
    const first = (await watchesOf()).map((ws) => ws.map((w) => w.expireTime));
    expect(first.every((ws) => ws.length === 1)).toBe(true);
    now += 5 * DAY;
    f.fake.requests.length = 0;
    expect((await f.other.sweep()).watches).toEqual({ ok: N, renewed: 0, created: 0 });
    expect(calls(/:renew$/)).toBe(0);
    now += 1.5 * DAY; // half a day left
    const r = await f.other.sweep();
    expect(r.watches).toEqual({ ok: 0, renewed: N, created: 0 });
    expect(calls(/:renew$/)).toBe(N);
    for (const ws of await watchesOf()) expect(ws.map((w) => w.expireTime)).toEqual([new Date(now + 7 * DAY).toISOString()]);
    const before = f.deliveries;
    await allRecorded(await submitSome(['burt_peminjaman']));
    await expect.poll(() => f.deliveries).toBeGreaterThan(before);
  });

  it('an expired watch is recreated, and what arrived meanwhile is read by the same sweep', async () => {
    now += 8 * DAY;
    // Expired: Forms no longer lists it, and publishes nothing for new responses.
    const before = f.deliveries;
    const meanwhile = await submitSome(['pks_penawaran', 'kitapun_pendaftaran']);
    expect((await watchesOf()).flat()).toEqual([]);
    f.fake.requests.length = 0;
    const r = await f.other.sweep();
    expect(r).toMatchObject({ watches: { ok: 0, renewed: 0, created: N }, recorded: 2, failed: [] });
    expect(f.deliveries).toBe(before);
    await allRecorded(meanwhile);
    const created = f.fake.requests.filter((q) => q.method === 'POST' && q.path.endsWith('/watches'));
    expect(created).toHaveLength(N);
    expect(created[0]!.body).toEqual({ watch: { target: { topic: { topicName: f.topicName } }, eventType: 'RESPONSES' } });
    await allRecorded(await submitSome(['burt_peminjaman']));
    await expect.poll(() => f.deliveries).toBeGreaterThan(before);
  });

  it('a watch on another topic (FORMS_TOPIC changed) is replaced; a suspended one is renewed', async () => {
    const [first, second] = await watchesOf();
    first![0]!.target = { topic: { topicName: 'projects/lama/topics/sop-forms-lama' } };
    second![0]!.state = 'SUSPENDED';
    second![0]!.errorType = 'PROJECT_NOT_AUTHORIZED';
    f.fake.requests.length = 0;
    const r = await f.other.sweep();
    expect(r.watches).toEqual({ ok: N - 2, renewed: 1, created: 1 });
    expect(f.fake.requests.filter((q) => q.method === 'DELETE')).toHaveLength(1);
    for (const ws of await watchesOf()) expect(ws.map((w) => [w.state, w.target?.topic?.topicName])).toEqual([['ACTIVE', f.topicName]]);
  });
});
