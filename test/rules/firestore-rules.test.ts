// Security rules (firestore.rules) against the run's Firestore emulator: clients write nothing,
// and only active, verified staff read their own agency's cases, events, SOPs, agency profile,
// own staff record and the holiday calendar.
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import {
  assertFails,
  assertSucceeds,
  initializeTestEnvironment,
  type RulesTestContext,
  type RulesTestEnvironment,
} from '@firebase/rules-unit-testing';
import { setLogLevel } from 'firebase/firestore';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { emulatorHost } from '../support/firestore.ts';

const A = 'agency-a';
const B = 'agency-b';
const ALICE = 'alice@a.go.id'; // active staff of A
const BOB = 'bob@a.go.id'; // staff of A, deactivated
const CAROL = 'carol@b.go.id'; // active staff of B
const OUTSIDER = 'mallory@example.com'; // verified e-mail, in nobody's staff

let testEnv: RulesTestEnvironment;

function parseHost(hostPort: string): { host: string; port: number } {
  const i = hostPort.lastIndexOf(':');
  const port = Number(hostPort.slice(i + 1));
  if (i <= 0 || !Number.isInteger(port)) throw new Error(`FIRESTORE_EMULATOR_HOST is not host:port: ${hostPort}`);
  return { host: hostPort.slice(0, i), port };
}

function verified(email: string): RulesTestContext {
  return testEnv.authenticatedContext(`uid-${email}`, { email, email_verified: true });
}

const db = (ctx: RulesTestContext) => ctx.firestore();
const get = (ctx: RulesTestContext, path: string) => db(ctx).doc(path).get();
const list = (ctx: RulesTestContext, path: string) => db(ctx).collection(path).get();

beforeAll(async () => {
  // The denied writes are expected; without this the SDK logs each rejected stream as a warning.
  setLogLevel('error');
  testEnv = await initializeTestEnvironment({
    projectId: `rules-${randomUUID().slice(0, 8)}`,
    firestore: { ...parseHost(emulatorHost()), rules: readFileSync('firestore.rules', 'utf8') },
  });
  await testEnv.withSecurityRulesDisabled(async (ctx) => {
    const fs = ctx.firestore();
    const staff = (email: string, active: boolean) => ({ email, name: email.split('@')[0], roles: ['petugas'], active });
    for (const [agency, member] of [
      [A, staff(ALICE, true)],
      [A, staff(BOB, false)],
      [B, staff(CAROL, true)],
    ] as const) {
      await fs.doc(`agencies/${agency}/staff/${member.email}`).set(member);
    }
    for (const agency of [A, B]) {
      await fs.doc(`agencies/${agency}`).set({ name: `Dinas ${agency}`, shortName: agency, timeZone: 'Asia/Jakarta' });
      await fs.doc(`agencies/${agency}/sops/sop-1`).set({ activeVersion: 1 });
      await fs.doc(`agencies/${agency}/sops/sop-1/versions/1`).set({ title: 'Layanan', steps: [] });
      await fs.doc(`agencies/${agency}/cases/case-1`).set({ id: 'case-1', status: 'open', version: 1 });
      await fs.doc(`agencies/${agency}/cases/case-1/events/000001`).set({ seq: 1, type: 'opened' });
      await fs.doc(`agencies/${agency}/counters/cases`).set({ next: 2 });
      await fs.doc(`agencies/${agency}/idempotency/h1`).set({ result: { ok: true } });
      await fs.doc(`agencies/${agency}/desk_visits/v1`).set({ visitor: 'Budi' });
      await fs.doc(`agencies/${agency}/desk_reads/r1`).set({ visitor: 'Budi', title: 'Buku' });
      // Outbox entries hold letter snapshots and partner e-mail addresses: server-side only.
      await fs.doc(`agencies/${agency}/outbox/o1`).set({ status: 'pending', email: { to: ['mitra@example.org'] } });
    }
    await fs.doc('holidays/2025').set({ dates: ['2025-01-01'] });
  });
});

afterAll(async () => {
  await testEnv?.cleanup();
});

// Everything a client might try to read in agency A (agency-scoped paths only).
const agencyAPaths = [
  `agencies/${A}`,
  `agencies/${A}/cases/case-1`,
  `agencies/${A}/cases/case-1/events/000001`,
  `agencies/${A}/sops/sop-1`,
  `agencies/${A}/sops/sop-1/versions/1`,
  `agencies/${A}/staff/${ALICE}`,
  `agencies/${A}/staff/${BOB}`,
  `agencies/${A}/counters/cases`,
  `agencies/${A}/idempotency/h1`,
  `agencies/${A}/desk_visits/v1`,
  `agencies/${A}/desk_reads/r1`,
  `agencies/${A}/outbox/o1`,
];

describe('firestore.rules: active staff of their own agency', () => {
  it('reads the agency profile, a case and its events', async () => {
    const alice = verified(ALICE);
    await assertSucceeds(get(alice, `agencies/${A}`));
    await assertSucceeds(get(alice, `agencies/${A}/cases/case-1`));
    await assertSucceeds(get(alice, `agencies/${A}/cases/case-1/events/000001`));
    await assertSucceeds(list(alice, `agencies/${A}/cases/case-1/events`));
  });

  it('reads SOP definitions and their versions, and the holidays', async () => {
    const alice = verified(ALICE);
    await assertSucceeds(get(alice, `agencies/${A}/sops/sop-1`));
    await assertSucceeds(get(alice, `agencies/${A}/sops/sop-1/versions/1`));
    await assertSucceeds(list(alice, `agencies/${A}/sops/sop-1/versions`));
    await assertSucceeds(get(alice, 'holidays/2025'));
  });

  it('reads their own staff doc, but not another member’s nor the roster', async () => {
    const alice = verified(ALICE);
    await assertSucceeds(get(alice, `agencies/${A}/staff/${ALICE}`));
    await assertFails(get(alice, `agencies/${A}/staff/${BOB}`));
    await assertFails(list(alice, `agencies/${A}/staff`));
  });

  it('cannot read counters, idempotency records, reading-desk records or the outbox', async () => {
    const alice = verified(ALICE);
    for (const path of ['counters/cases', 'idempotency/h1', 'desk_visits/v1', 'desk_reads/r1', 'outbox/o1']) {
      await assertFails(get(alice, `agencies/${A}/${path}`));
    }
    for (const coll of ['counters', 'idempotency', 'desk_visits', 'desk_reads', 'outbox']) {
      await assertFails(list(alice, `agencies/${A}/${coll}`));
    }
  });

  it('lists their agency’s cases (also with a query) but not another agency’s', async () => {
    const alice = verified(ALICE);
    await assertSucceeds(list(alice, `agencies/${A}/cases`));
    await assertSucceeds(db(alice).collection(`agencies/${A}/cases`).where('status', '==', 'open').get());
    await assertFails(list(alice, `agencies/${B}/cases`));
  });

  it('cannot read anything of another agency', async () => {
    const alice = verified(ALICE);
    await assertFails(get(alice, `agencies/${B}`));
    await assertFails(get(alice, `agencies/${B}/cases/case-1`));
    await assertFails(get(alice, `agencies/${B}/cases/case-1/events/000001`));
    await assertFails(get(alice, `agencies/${B}/sops/sop-1`));
    await assertFails(get(alice, `agencies/${B}/staff/${CAROL}`));
    // Carol, symmetrically, cannot read A's case.
    await assertFails(get(verified(CAROL), `agencies/${A}/cases/case-1`));
  });
});

describe('firestore.rules: no client writes', () => {
  it('staff cannot create, update or delete a case', async () => {
    const fs = db(verified(ALICE));
    await assertFails(fs.doc(`agencies/${A}/cases/case-2`).set({ id: 'case-2', status: 'open', version: 1 }));
    await assertFails(fs.doc(`agencies/${A}/cases/case-1`).update({ status: 'closed' }));
    await assertFails(fs.doc(`agencies/${A}/cases/case-1`).delete());
  });

  it('staff cannot append, change or delete an event', async () => {
    const fs = db(verified(ALICE));
    await assertFails(fs.doc(`agencies/${A}/cases/case-1/events/000002`).set({ seq: 2, type: 'forged' }));
    await assertFails(fs.collection(`agencies/${A}/cases/case-1/events`).add({ seq: 2, type: 'forged' }));
    await assertFails(fs.doc(`agencies/${A}/cases/case-1/events/000001`).update({ type: 'rewritten' }));
    await assertFails(fs.doc(`agencies/${A}/cases/case-1/events/000001`).delete());
  });

  it('staff cannot edit their own staff doc (e.g. add a role or reactivate)', async () => {
    await assertFails(db(verified(ALICE)).doc(`agencies/${A}/staff/${ALICE}`).update({ roles: ['petugas', 'kepala'] }));
    await assertFails(db(verified(BOB)).doc(`agencies/${A}/staff/${BOB}`).update({ active: true }));
    await assertFails(db(verified(OUTSIDER)).doc(`agencies/${A}/staff/${OUTSIDER}`).set({ email: OUTSIDER, roles: ['admin'], active: true }));
  });

  it('staff cannot write counters, idempotency records, SOPs, the agency or holidays', async () => {
    const fs = db(verified(ALICE));
    await assertFails(fs.doc(`agencies/${A}/counters/cases`).set({ next: 1 }));
    await assertFails(fs.doc(`agencies/${A}/idempotency/h2`).set({ result: {} }));
    await assertFails(fs.doc(`agencies/${A}/sops/sop-1/versions/2`).set({ title: 'x' }));
    await assertFails(fs.doc(`agencies/${A}`).update({ name: 'x' }));
    await assertFails(fs.doc('holidays/2026').set({ dates: [] }));
  });
});

describe('firestore.rules: everyone else reads nothing', () => {
  it('an inactive staff member reads nothing of the agency', async () => {
    const bob = verified(BOB);
    for (const path of agencyAPaths) await assertFails(get(bob, path));
    await assertFails(list(bob, `agencies/${A}/cases`));
  });

  it('a user whose e-mail is not verified reads nothing', async () => {
    const unverified = testEnv.authenticatedContext('uid-alice-unverified', { email: ALICE, email_verified: false });
    for (const path of [...agencyAPaths, 'holidays/2025']) await assertFails(get(unverified, path));
    await assertFails(list(unverified, `agencies/${A}/cases`));
    // A token without any e-mail at all (e.g. anonymous sign-in) is no better.
    const noEmail = testEnv.authenticatedContext('uid-anon');
    await assertFails(get(noEmail, `agencies/${A}/cases/case-1`));
    await assertFails(get(noEmail, 'holidays/2025'));
  });

  it('an unauthenticated client reads nothing', async () => {
    const anon = testEnv.unauthenticatedContext();
    for (const path of [...agencyAPaths, 'holidays/2025']) await assertFails(get(anon, path));
    await assertFails(list(anon, `agencies/${A}/cases`));
    await assertFails(list(anon, 'agencies'));
  });

  it('a verified user who is in no agency’s staff reads no agency data', async () => {
    const outsider = verified(OUTSIDER);
    for (const path of agencyAPaths) await assertFails(get(outsider, path));
    await assertFails(list(outsider, `agencies/${A}/cases`));
    await assertFails(list(outsider, 'agencies'));
    // Known limit: holidays are not agency-scoped and rules cannot check "staff of any agency",
    // so any verified e-mail may read the (public) national holiday calendar.
    await assertSucceeds(get(outsider, 'holidays/2025'));
  });

  it('nobody can list the agencies collection, and unknown collections are closed', async () => {
    await assertFails(list(verified(ALICE), 'agencies'));
    await assertFails(get(verified(ALICE), 'somewhere/else'));
    await assertFails(db(verified(ALICE)).doc('somewhere/else').set({ x: 1 }));
  });
});
