// firestore.rules for programmes shared across agencies: the owner's staff read every participant,
// a hosting province's staff only their own province's (one by one and by query), nobody reads
// contacts, registrations, quotas or mailings, and no client writes anything.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { assertFails, assertSucceeds, initializeTestEnvironment, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { setLogLevel } from 'firebase/firestore';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { emulatorHost } from '../support/firestore.ts';

const OWNER = 'perpusnas';
const BABEL = 'babel';
const KALSEL = 'dispusip-kalsel';
const people = { owner: `panitia@${OWNER}.go.id`, babel: `panitia@${BABEL}.go.id`, kalsel: `panitia@${KALSEL}.go.id`, gone: `lama@${BABEL}.go.id` };
const P = 'programmes/spptik24';
let env: RulesTestEnvironment;

const as = (email: string) => env.authenticatedContext(`uid-${email}`, { email, email_verified: true }).firestore();

beforeAll(async () => {
  setLogLevel('error');
  const [host, port] = emulatorHost().split(':');
  env = await initializeTestEnvironment({ projectId: `rules-prog-${randomUUID().slice(0, 8)}`, firestore: { host: host!, port: Number(port), rules: readFileSync('firestore.rules', 'utf8') } });
  await env.withSecurityRulesDisabled(async (ctx) => {
    const fs = ctx.firestore();
    for (const [agency, email, active] of [[OWNER, people.owner, true], [BABEL, people.babel, true], [KALSEL, people.kalsel, true], [BABEL, people.gone, false]] as const) {
      await fs.doc(`agencies/${agency}/staff/${email}`).set({ email, name: 'x', roles: ['panitia_bimtek'], active });
    }
    await fs.doc(P).set({ ownerAgencyId: OWNER, hostAgencyIds: [BABEL, KALSEL], name: 'Bimtek SPP-TIK' });
    await fs.doc(`${P}/participants/pbabel1`).set({ hostAgencyId: BABEL, province: 'babel', name: 'Siti' });
    await fs.doc(`${P}/participants/pkalsel1`).set({ hostAgencyId: KALSEL, province: 'kalsel', name: 'Rudi' });
    await fs.doc(`${P}/contacts/p_1`).set({ participantId: 'pbabel1' });
    await fs.doc(`${P}/registrations/r1`).set({ outcome: 'registered' });
    await fs.doc(`${P}/quotas/babel_1`).set({ capacity: 10, taken: 1 });
    await fs.doc(`${P}/mailings/m1`).set({ total: 1 });
    await fs.doc('certificates/X-000001-AAAA').set({ name: 'Siti' });
  });
});
afterAll(async () => env?.cleanup());

describe('firestore.rules: programme participants', () => {
  it('the owner reads the programme and every participant, also as a list', async () => {
    const db = as(people.owner);
    await assertSucceeds(db.doc(P).get());
    await assertSucceeds(db.doc(`${P}/participants/pbabel1`).get());
    await assertSucceeds(db.doc(`${P}/participants/pkalsel1`).get());
    await assertSucceeds(db.collection(`${P}/participants`).get());
  });

  it('a host reads its own province’s participants (one, and by query) and never another province’s', async () => {
    const db = as(people.babel);
    await assertSucceeds(db.doc(`${P}/participants/pbabel1`).get());
    await assertSucceeds(db.collection(`${P}/participants`).where('hostAgencyId', '==', BABEL).get());
    await assertFails(db.doc(`${P}/participants/pkalsel1`).get());
    await assertFails(db.collection(`${P}/participants`).get());
    await assertFails(db.collection(`${P}/participants`).where('hostAgencyId', '==', KALSEL).get());
    await assertFails(as(people.kalsel).doc(`${P}/participants/pbabel1`).get());
  });

  it('deactivated staff and outsiders read nothing; nobody reads contacts, registrations, quotas, mailings or the register', async () => {
    await assertFails(as(people.gone).doc(`${P}/participants/pbabel1`).get());
    await assertFails(as('orang@example.com').doc(`${P}/participants/pbabel1`).get());
    for (const who of [people.owner, people.babel]) {
      const db = as(who);
      for (const path of ['contacts/p_1', 'registrations/r1', 'quotas/babel_1', 'mailings/m1']) await assertFails(db.doc(`${P}/${path}`).get());
      await assertFails(db.doc('certificates/X-000001-AAAA').get());
    }
  });

  it('no client writes a participant, not even the owner', async () => {
    await assertFails(as(people.owner).doc(`${P}/participants/pbabel1`).update({ name: 'Ubah' }));
    await assertFails(as(people.babel).doc(`${P}/participants/new`).set({ hostAgencyId: BABEL }));
  });
});
