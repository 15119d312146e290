// The transaction runner on the real emulator: a commit Firestore refuses fails at once and holds
// nothing; transactions on one key in one instance queue instead of colliding; collisions between
// instances are retried to success; past the deadline the caller gets BUSY, never a conflict.
import { afterAll, describe, expect, it } from 'vitest';
import { DomainFailure } from '../../functions/src/sop/errors.ts';
import { createTransactor } from '../../functions/src/store/transact.ts';
import { testFirestore } from '../support/firestore.ts';

const { db } = testFirestore('transact');
afterAll(async () => db.terminate());

/** Resolves when `n` callers have arrived: forces two transactions to overlap. */
function barrier(n: number) {
  let arrived = 0;
  let open!: () => void;
  const all = new Promise<void>((r) => (open = r));
  return () => {
    if (++arrived === n) open();
    return all;
  };
}

describe('transactions', () => {
  it('a commit Firestore refuses fails at once, is not retried, and the document is free for the next one', async () => {
    const transact = createTransactor(db);
    const ref = db.collection('t').doc('refused');
    await ref.set({ n: 0 });
    let attempts = 0;
    const t = performance.now();
    const err = await transact([ref.path], async (tx) => {
      attempts++;
      await tx.get(ref);
      tx.set(ref, { n: 1, blob: 'x'.repeat(1_100_000) });
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(DomainFailure);
    expect(attempts).toBe(1);
    expect(performance.now() - t).toBeLessThan(2000);
    await transact([ref.path], async (tx) => {
      const snap = await tx.get(ref);
      tx.set(ref, { n: Number(snap.get('n')) + 1 });
    });
    expect((await ref.get()).get('n')).toBe(1);
  });

  it('in one instance, 30 transactions on one key queue: each runs once, none aborts', async () => {
    const transact = createTransactor(db);
    const ref = db.collection('t').doc('queued');
    await ref.set({ n: 0 });
    let attempts = 0;
    await Promise.all(
      Array.from({ length: 30 }, () =>
        transact([ref.path], async (tx) => {
          attempts++;
          const snap = await tx.get(ref);
          tx.set(ref, { n: Number(snap.get('n')) + 1 });
        }),
      ),
    );
    expect(attempts).toBe(30);
    expect((await ref.get()).get('n')).toBe(30);
  });

  it('two instances that collide on one document are retried until both commit', async () => {
    const ref = db.collection('t').doc('collide');
    await ref.set({ n: 0 });
    const both = barrier(2);
    let attempts = 0;
    const run = (transact: ReturnType<typeof createTransactor>) =>
      transact([ref.path], async (tx) => {
        attempts++;
        const snap = await tx.get(ref);
        if (attempts <= 2) await both(); // the first attempts overlap: each holds what the other wants
        tx.set(ref, { n: Number(snap.get('n')) + 1 });
      });
    await Promise.all([run(createTransactor(db)), run(createTransactor(db))]);
    expect((await ref.get()).get('n')).toBe(2);
    expect(attempts).toBeGreaterThan(2);
  }, 120_000);

  it('past the deadline a collision is BUSY (503), and nothing of the refused attempt is written', async () => {
    const ref = db.collection('t').doc('busy');
    await ref.set({ n: 0 });
    const both = barrier(2);
    const run = (transact: ReturnType<typeof createTransactor>) =>
      transact([ref.path], async (tx) => {
        const snap = await tx.get(ref);
        await both();
        tx.set(ref, { n: Number(snap.get('n')) + 1 });
      }).then(
        () => 'ok',
        (e: unknown) => (e instanceof DomainFailure ? e.error.code : String(e)),
      );
    const results = await Promise.all([run(createTransactor(db, { deadlineMs: 0 })), run(createTransactor(db, { deadlineMs: 0 }))]);
    expect(results).toContain('BUSY');
    expect(results.every((r) => r === 'ok' || r === 'BUSY')).toBe(true);
    expect((await ref.get()).get('n')).toBe(results.filter((r) => r === 'ok').length);
  }, 120_000);
});
