// Transactions that keep contention inside. Firestore locks what a transaction reads; two
// transactions that read the same document and then both write it wait on each other until one
// is aborted (the emulator even until a lock timeout). So:
// - within this instance, transactions on the same case, and those that take the same counter,
//   queue in memory instead of meeting in Firestore (a case first, then counters in name order,
//   so two queues never wait on each other);
// - what still meets in Firestore (other instances, the worker) is retried here with full jitter
//   until a deadline, each attempt reading everything afresh: a real change of the case then shows
//   as the engine's own error (NOT_CURRENT_STEP, VERSION_CONFLICT on a stale expectedVersion);
// - anything else (a commit Firestore refuses) fails at once, and the rollback frees the case.
import type { Firestore, Transaction } from '@google-cloud/firestore';
import { DomainFailure, domainError } from '../sop/errors.ts';

/** Firestore's ABORTED: the transaction lost a lock or a conflict; safe to run again. */
const ABORTED = 10;

export interface TransactOptions {
  /** Give up retrying after this long (ms). */
  deadlineMs?: number;
  /** First backoff cap (ms); doubles per attempt up to maxDelayMs, full jitter. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How long a transaction waits in memory for a lock another one holds (ms). */
  lockWaitMs?: number;
  random?: () => number;
}

/** In-memory locks by key: each holder runs alone, the next waits its turn. */
export function createLocks() {
  const tails = new Map<string, Promise<void>>();
  return {
    async acquire(key: string, waitMs: number): Promise<() => void> {
      const before = tails.get(key) ?? Promise.resolve();
      let release!: () => void;
      const mine = new Promise<void>((r) => (release = r));
      const tail = before.then(() => mine);
      tails.set(key, tail);
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), waitMs)));
      const got = await Promise.race([before.then(() => 'ok' as const), timedOut]);
      clearTimeout(timer);
      const done = () => {
        release();
        if (tails.get(key) === tail) tails.delete(key);
      };
      if (got === 'timeout') {
        // Keep the queue intact: release our place as soon as our turn comes.
        void before.then(done);
        throw busy();
      }
      return done;
    },
  };
}

export function busy(): DomainFailure {
  return new DomainFailure(domainError('BUSY', 'Layanan sedang sangat sibuk sehingga perubahan belum tersimpan. Tidak ada yang berubah; coba lagi dalam beberapa detik.'));
}

/** Inside an attempt: takes more locks (counters), in name order, held until the attempt ends. */
export type LockMore = (keys: string[]) => Promise<void>;

export type Transactor = ReturnType<typeof createTransactor>;

export function createTransactor(db: Firestore, opts: TransactOptions = {}) {
  const deadlineMs = opts.deadlineMs ?? 20_000;
  const baseDelayMs = opts.baseDelayMs ?? 20;
  const maxDelayMs = opts.maxDelayMs ?? 1_000;
  const lockWaitMs = opts.lockWaitMs ?? 15_000;
  const random = opts.random ?? Math.random;
  const locks = createLocks();

  /**
   * Runs `fn` in a transaction holding the in-memory locks `keys` (the case), retrying on
   * ABORTED with full jitter until the deadline; past it the caller gets BUSY (503), never a conflict.
   */
  return async function transact<T>(keys: string[], fn: (tx: Transaction, lockMore: LockMore) => Promise<T>): Promise<T> {
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      const held: (() => void)[] = [];
      const heldKeys = new Set<string>();
      const take = async (ks: string[]) => {
        for (const k of [...new Set(ks)].filter((x) => !heldKeys.has(x)).sort()) {
          held.push(await locks.acquire(k, lockWaitMs));
          heldKeys.add(k);
        }
      };
      try {
        await take(keys);
        return await db.runTransaction((tx) => fn(tx, take), { maxAttempts: 1 });
      } catch (err) {
        if ((err as { code?: number }).code !== ABORTED) throw err;
        if (Date.now() - started > deadlineMs) throw busy();
      } finally {
        for (const release of held.reverse()) release();
      }
      const cap = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
      await new Promise((r) => setTimeout(r, Math.floor(random() * cap)));
    }
  };
}
