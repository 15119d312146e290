import { describe, expect, it } from 'vitest';
import { createPacer } from '../../functions/src/outbox/pacer.ts';

// A virtual clock: sleeping advances it, so the test measures the pace, not the machine.
function virtualTime() {
  let t = 0;
  return { now: () => t, sleep: async (ms: number) => void (t += ms), get elapsed() { return t; } };
}

describe('pacer', () => {
  it('lets a burst of ten seconds through, then one call per interval', async () => {
    const v = virtualTime();
    const p = createPacer(60, { now: v.now, sleep: v.sleep });
    for (let i = 0; i < 10; i++) await p.take();
    expect(v.elapsed).toBe(0);
    for (let i = 0; i < 60; i++) await p.take();
    // 60 more calls at 60 per minute take a minute.
    expect(v.elapsed).toBeGreaterThanOrEqual(59_000);
    expect(v.elapsed).toBeLessThanOrEqual(61_000);
  });

  it('concurrent callers queue in order', async () => {
    const v = virtualTime();
    const p = createPacer(6, { now: v.now, sleep: v.sleep }); // burst of 1, then one per 10 s
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3].map((i) => p.take().then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2, 3]);
    expect(v.elapsed).toBe(30_000);
  });

  it('refuses a rate that is not positive', () => {
    expect(() => createPacer(0)).toThrow(/positive/);
  });
});
