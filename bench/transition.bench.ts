// `npm run bench`: transition latency through the HTTP API against a bare Firestore
// read-then-write transaction on one document, both on the same emulator in the same run.
// The measurements are interleaved (one of each per round) so JIT warm-up and emulator state
// affect them alike. Prints medians, the ratio (target <= 1.5x) and Firestore reads and writes
// per transition.
//
// Then the same again with a fixed delay injected between the Firestore clients and the emulator
// (bench/delay-proxy.ts): the emulator answers in microseconds, so without it the ratio mostly
// counts documents written; with it, it counts round trips, which the proxy also reports.
import { randomUUID } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import type { Firestore } from '@google-cloud/firestore';
import { createApp } from '../functions/src/app.ts';
import { createFirestoreStore } from '../functions/src/store/firestore.ts';
import { demoEmail, seedDemo } from '../functions/src/dev/demo.ts';
import { startFirestoreEmulator } from '../functions/src/dev/emulators.ts';
import { serve } from '../functions/src/dev/serve.ts';
import { createDevSigner, signIdToken, type DevSigner } from '../functions/src/dev/tokens.ts';
import { CATALOG, catalogById } from '../functions/src/sop/catalog/index.ts';
import { fullInput as inputFor } from '../functions/src/dev/sample-input.ts';
import { firestoreAt, startDelayProxy, type DelayProxy } from './delay-proxy.ts';
import { walkRoundTrips } from './walk-round-trips.ts';

// Local only: there is no GCE metadata server to probe for credentials.
process.env.METADATA_SERVER_DETECTION ??= 'none';

const N = Number(process.env.BENCH_N ?? 300);
const WARMUP = 50;
const DELAY_MS = Number(process.env.BENCH_DELAY_MS ?? 5);
// Every round trip now costs 2 x the delay: fewer rounds keep the whole bench within minutes.
const DELAY_N = Number(process.env.BENCH_DELAY_N ?? 100);
const DELAY_WARMUP = 20;
const AUDIENCE = 'bench.apps.googleusercontent.com';

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => {
  const s = sorted(xs);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const p95 = (xs: number[]) => sorted(xs)[Math.floor(xs.length * 0.95)]!;

function appOn(db: Firestore, signer: DevSigner) {
  return createApp({ store: createFirestoreStore(db), auth: { audience: AUDIENCE, keys: async () => signer.publicKeys } });
}

type Kind = 'bare' | 'api' | 'direct' | 'health';
interface Calls {
  rpcs: number;
  roundTrips: number;
}
interface Figures {
  times: Record<Kind, number[]>;
  /** Summed over the measured rounds, from the proxy; zero without one. */
  calls: Record<Kind, Calls>;
  /** Round trips of each API step separately: the two steps of the loop do not cost the same. */
  apiRoundTrips: { complete: number[]; decide: number[] };
  apiReads: number;
  apiWrites: number;
}

/** One interleaved run on `db` (the emulator, or the proxy in front of it), on a project of its own. */
async function measure(db: Firestore, rounds: number, warmup: number, proxy?: DelayProxy): Promise<Figures> {
  const signer = createDevSigner();
  const app = appOn(db, signer);
  await seedDemo(app.store, CATALOG);
  const server = await serve(app.api);
  try {
    const pusling = catalogById('pusling');
    const kasi = demoEmail('balangan', 'kasi_layanan');
    const kabid = demoEmail('balangan', 'kabid_perpustakaan');
    const tokens: Record<string, string> = { [kasi]: signIdToken(signer, { email: kasi, audience: AUDIENCE }), [kabid]: signIdToken(signer, { email: kabid, audience: AUDIENCE }) };
    const post = async (path: string, as: string, body: unknown) => {
      const res = await fetch(server.url + path, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens[as]}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as any;
      if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };
    const A = '/v1/agencies/balangan';
    const agency = (await app.store.agency('balangan'))!;

    // Pusling's revision loop (step 2 -> decision 3 "no" -> step 2 ...) gives endless valid transitions.
    const loopCase = async () => {
      const created = await post(`${A}/cases`, kasi, { sop: 'pusling', partner: { name: 'Bench' } });
      const id = created.state.id as string;
      await post(`${A}/cases/${id}/actions`, kasi, { type: 'complete', step: 1, ...inputFor(pusling.steps[0]!) });
      return id;
    };
    const viaHttp = await loopCase();
    const inProcess = await loopCase();
    const step2Input = inputFor(pusling.steps.find((s) => s.no === 2)!);
    // Returning the plan needs its reason (`alasan_dikembalikan`, asked on the "no" exit).
    const step3Input = inputFor(pusling.steps.find((s) => s.no === 3)!);

    // Baseline: the least a transition can cost, one transaction reading then writing one document.
    const ref = db.collection('bench').doc('one');
    await ref.set({ n: 0 });
    const bareOnce = () =>
      db.runTransaction(async (tx) => {
        const snap = await tx.get(ref);
        tx.set(ref, { n: Number(snap.get('n')) + 1 });
      });

    const f: Figures = {
      times: { bare: [], api: [], direct: [], health: [] },
      calls: { bare: { rpcs: 0, roundTrips: 0 }, api: { rpcs: 0, roundTrips: 0 }, direct: { rpcs: 0, roundTrips: 0 }, health: { rpcs: 0, roundTrips: 0 } },
      apiRoundTrips: { complete: [], decide: [] },
      apiReads: 0,
      apiWrites: 0,
    };
    let measured = false;
    const timed = async (kind: Kind, fn: () => Promise<unknown>) => {
      proxy?.reset();
      const t = performance.now();
      await fn();
      if (!measured) return;
      f.times[kind].push(performance.now() - t);
      if (proxy) {
        f.calls[kind].rpcs += proxy.counters.rpcs;
        f.calls[kind].roundTrips += proxy.counters.roundTrips;
      }
    };
    for (let i = 0; i < rounds + warmup; i++) {
      measured = i >= warmup;
      const even = i % 2 === 0;
      const as = even ? kasi : kabid;
      await timed('bare', bareOnce);

      const stats0 = { ...app.store.stats };
      await timed('api', () => post(`${A}/cases/${viaHttp}/actions`, as, even ? { type: 'complete', step: 2, ...step2Input } : { type: 'decide', step: 3, decision: 'no', ...step3Input, note: 'perbaiki' }));
      if (measured) {
        f.apiReads += app.store.stats.reads - stats0.reads;
        f.apiWrites += app.store.stats.writes - stats0.writes;
        if (proxy) f.apiRoundTrips[even ? 'complete' : 'decide'].push(proxy.counters.roundTrips);
      }

      // The same transition without HTTP and token checking: where the API's time goes.
      await timed('direct', () =>
        app.cases.act(agency, as, inProcess, even ? { type: 'complete', step: 2, input: step2Input } : { type: 'decide', step: 3, decision: 'no', input: { ...step3Input, note: 'perbaiki' } }, { key: randomUUID(), requestHash: String(i) }),
      );

      // The HTTP floor: a request that touches nothing.
      await timed('health', async () => (await fetch(`${server.url}/health`)).json());
    }
    return f;
  } finally {
    await server.close();
  }
}

const ms = (x: number) => `${x.toFixed(2)} ms`;
const per = (total: number, n: number) => (total / n).toFixed(2);
/** "2" when every request made the same number, else the range: a mean alone hides a cache miss. */
const spread = (xs: number[]) => (Math.min(...xs) === Math.max(...xs) ? String(xs[0]) : `${Math.min(...xs)}-${Math.max(...xs)}, mean ${per(xs.reduce((a, b) => a + b, 0), xs.length)}`);

async function main() {
  const emulator = await startFirestoreEmulator();
  try {
    const db = firestoreAt(emulator.host, 'bench');
    const f = await measure(db, N, WARMUP);
    await db.terminate();
    const mb = median(f.times.bare);
    const ma = median(f.times.api);
    console.log(`rounds measured: ${N} (after ${WARMUP} warm-up), interleaved, Firestore emulator ${emulator.host}; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`);
    console.log(`bare Firestore read-then-write transaction: median ${ms(mb)}, p95 ${ms(p95(f.times.bare))}`);
    console.log(`API transition over HTTP (token check + engine + one transaction): median ${ms(ma)}, p95 ${ms(p95(f.times.api))}`);
    console.log(`same transition in-process (no HTTP, no token): median ${ms(median(f.times.direct))}`);
    console.log(`HTTP round trip to /health through the same server (the framework floor): median ${ms(median(f.times.health))}`);
    console.log(`ratio API/bare: ${(ma / mb).toFixed(2)}x (target <= 1.5x)`);
    console.log(`Firestore per API transition: ${per(f.apiReads, N)} reads, ${per(f.apiWrites, N)} writes, in 1 transaction (bare: 1 read, 1 write)`);

    const proxy = await startDelayProxy({ target: emulator.host, delayMs: DELAY_MS });
    try {
      // Both the app's client and the bare transaction's go through the proxy.
      const slow = firestoreAt(proxy.host, 'bench-delay');
      const d = await measure(slow, DELAY_N, DELAY_WARMUP, proxy);
      await slow.terminate();
      if (proxy.counters.notHttp2 > 0 || d.calls.bare.rpcs === 0) throw new Error(`the delay proxy saw no gRPC traffic (${JSON.stringify(proxy.counters)}): the clients went around it`);
      const db2 = median(d.times.bare);
      const da = median(d.times.api);
      const rt = (k: Kind) => `${per(d.calls[k].roundTrips, DELAY_N)} round trips, ${per(d.calls[k].rpcs, DELAY_N)} RPCs`;
      console.log('');
      console.log(`with ${DELAY_MS} ms injected each way between the Firestore clients and the emulator (a round trip costs >= ${2 * DELAY_MS} ms): ${DELAY_N} rounds after ${DELAY_WARMUP} warm-up, interleaved; load average ${loadavg()[0]!.toFixed(1)}`);
      console.log(`bare read-then-write transaction: median ${ms(db2)}, p95 ${ms(p95(d.times.bare))}; per transaction ${rt('bare')}`);
      console.log(`API transition over HTTP: median ${ms(da)}, p95 ${ms(p95(d.times.api))}; per transition ${rt('api')} (complete step 2: ${spread(d.apiRoundTrips.complete)}, decide step 3: ${spread(d.apiRoundTrips.decide)} round trips)`);
      console.log(`same transition in-process (no HTTP, no token): median ${ms(median(d.times.direct))}; per transition ${rt('direct')}`);
      console.log(`ratio API/bare under the injected delay: ${(da / db2).toFixed(2)}x (goal <= 1.2x)`);
      console.log(`round trips API/bare: ${per(d.calls.api.roundTrips, DELAY_N)} vs ${per(d.calls.bare.roundTrips, DELAY_N)} (goal: the same number of round trips as the bare transaction)`);

      // Every step of every SOP, on a warm instance (agency, holidays and definitions cached by the walks before).
      const walkDb = firestoreAt(proxy.host, 'bench-walks');
      const walkApp = appOn(walkDb, createDevSigner());
      await seedDemo(walkApp.store, CATALOG);
      console.log('');
      console.log('round trips per step, every SOP on its "yes" path (second walk of each, warm caches; 2 = the bare transaction):');
      for (const def of CATALOG) {
        await walkRoundTrips(walkApp, proxy, 'balangan', def);
        const steps = await walkRoundTrips(walkApp, proxy, 'balangan', def);
        const over = steps.filter((x) => x.roundTrips > 2);
        console.log(`  ${def.id}: ${steps.map((x) => `${x.step}:${x.roundTrips}`).join(' ')}; ${over.length ? `more than 2 at step${over.length > 1 ? 's' : ''} ${over.map((x) => x.step).join(', ')}` : 'every step 2'}`);
      }
      await walkDb.terminate();
    } finally {
      await proxy.close();
    }
  } finally {
    await emulator.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
