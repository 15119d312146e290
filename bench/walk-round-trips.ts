// Round trips to Firestore of every step of every catalog SOP, counted by the delay proxy: the
// transition bench's loop takes two steps that produce no numbered or signed letter, and this
// shows what the others cost. Each SOP is walked from its start step, taking "yes" at every
// decision, as the roles of each step, until the case closes: the route comes from the data.
import { randomUUID } from 'node:crypto';
import type { createApp } from '../functions/src/app.ts';
import { demoEmail, type DemoAgencyId } from '../functions/src/dev/demo.ts';
import { fullInput } from '../functions/src/dev/sample-input.ts';
import type { SopDefinition } from '../functions/src/sop/schema.ts';
import type { DelayProxy } from './delay-proxy.ts';

type App = ReturnType<typeof createApp>;

/** Round trips per step, e.g. [2, 2, 3, ...] in route order, with the step numbers. */
export async function walkRoundTrips(app: App, proxy: DelayProxy, agencyId: DemoAgencyId, def: SopDefinition): Promise<{ step: number; roundTrips: number }[]> {
  const agency = (await app.store.agency(agencyId))!;
  const creator = demoEmail(agencyId, (def.createRoles ?? def.steps.find((s) => s.no === def.startStep)!.actors)[0]!);
  const caller = await app.cases.caller(agency, creator);
  let state = (await app.cases.create(caller, { sop: def.id, partner: { name: 'Mitra Uji', email: 'mitra@example.org' } }, { key: randomUUID(), requestHash: randomUUID() })).value.state;
  const out: { step: number; roundTrips: number }[] = [];
  // A guard against a loop in the data: no SOP has more steps than this many moves on its yes path.
  for (let moves = 0; state.status === 'open' && moves < def.steps.length * 2; moves++) {
    const step = def.steps.find((s) => s.no === state.currentStep)!;
    const input = fullInput(step);
    const action = step.kind === 'decision' ? ({ type: 'decide', step: step.no, decision: 'yes', input } as const) : ({ type: 'complete', step: step.no, input } as const);
    proxy.reset();
    state = (await app.cases.act(agency, demoEmail(agencyId, step.actors[0]!), state.id, action, { key: randomUUID(), requestHash: randomUUID() })).value.state;
    out.push({ step: step.no, roundTrips: proxy.counters.roundTrips });
  }
  return out;
}
