// What the `api` offers of the service standards: a member's own digest setting (and, below,
// the SOP performance report, the IKM and complaints). Roles come from the staff directory.
import type { Caller } from '../cases/service.ts';
import type { Store } from '../model/store.ts';

export type StandardsService = ReturnType<typeof createStandardsService>;

export function createStandardsService(store: Store, opts: { clock?: () => Date } = {}) {
  const clock = opts.clock ?? (() => new Date());
  return {
    clock,
    /** The caller's own morning digest, on or off (reminders about their steps always come). */
    async setDigest(c: Caller, on: boolean): Promise<{ digest: boolean }> {
      await store.reminders.setDigest(c.agency.id, c.actor.email, on);
      return { digest: on };
    },
  };
}
