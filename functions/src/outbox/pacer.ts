// Paces calls under a per-minute quota (Docs API writes: 60/min per user; Gmail sends: about
// 60/min per user). A token bucket in this process: deploy the worker with one instance at most
// so the pace holds across the whole agency set.
export interface Pacer {
  take(): Promise<void>;
}

export function createPacer(perMinute: number, opts: { now?: () => number; sleep?: (ms: number) => Promise<void> } = {}): Pacer {
  if (!(perMinute > 0)) throw new Error(`pacer needs a positive rate, got ${perMinute}`);
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const interval = 60_000 / perMinute;
  const capacity = Math.max(1, Math.floor(perMinute / 6)); // a burst of ten seconds' worth
  let tokens = capacity;
  let last = now();
  let queue: Promise<void> = Promise.resolve();
  const refill = () => {
    const t = now();
    tokens = Math.min(capacity, tokens + (t - last) / interval);
    last = t;
  };
  return {
    take() {
      // Serialised, so concurrent callers queue in order instead of all waking at once.
      const turn = queue.then(async () => {
        refill();
        while (tokens < 1) {
          await sleep(Math.ceil((1 - tokens) * interval));
          refill();
        }
        tokens -= 1;
      });
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
}
