// `npm run bench`: transition latency through the HTTP API against a bare Firestore
// read-then-write transaction on one document, both on the same emulator in the same run.
// The three measurements are interleaved (one of each per round) so JIT warm-up and emulator
// state affect them alike. Prints medians, the ratio (target <= 1.5x) and Firestore reads and
// writes per transition.
import { randomUUID } from 'node:crypto';
import { Firestore } from '@google-cloud/firestore';
import { createApp } from '../functions/src/app.ts';
import { createFirestoreStore } from '../functions/src/store/firestore.ts';
import { demoEmail, seedDemo } from '../functions/src/dev/demo.ts';
import { startFirestoreEmulator } from '../functions/src/dev/emulators.ts';
import { serve } from '../functions/src/dev/serve.ts';
import { createDevSigner, signIdToken } from '../functions/src/dev/tokens.ts';
import { CATALOG, catalogById } from '../functions/src/sop/catalog/index.ts';
import { fullInput as inputFor } from '../functions/src/dev/sample-input.ts';

// Local only: there is no GCE metadata server to probe for credentials.
process.env.METADATA_SERVER_DETECTION ??= 'none';

const N = Number(process.env.BENCH_N ?? 300);
const WARMUP = 50;
const AUDIENCE = 'bench.apps.googleusercontent.com';

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => {
  const s = sorted(xs);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const p95 = (xs: number[]) => sorted(xs)[Math.floor(xs.length * 0.95)]!;

async function main() {
  const emulator = await startFirestoreEmulator();
  try {
    const db = new Firestore({ projectId: 'bench', host: emulator.host, ssl: false });
    const signer = createDevSigner();
    const app = createApp({ store: createFirestoreStore(db), auth: { audience: AUDIENCE, keys: async () => signer.publicKeys } });
    await seedDemo(app.store, CATALOG);
    const server = await serve(app.api);
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

    // Baseline: the least a transition can cost, one transaction reading then writing one document.
    const ref = db.collection('bench').doc('one');
    await ref.set({ n: 0 });
    const bareOnce = () =>
      db.runTransaction(async (tx) => {
        const snap = await tx.get(ref);
        tx.set(ref, { n: Number(snap.get('n')) + 1 });
      });

    const bare: number[] = [];
    const api: number[] = [];
    const direct: number[] = [];
    const health: number[] = [];
    let stats0 = { ...app.store.stats };
    let apiReads = 0;
    let apiWrites = 0;
    for (let i = 0; i < N + WARMUP; i++) {
      const even = i % 2 === 0;
      const as = even ? kasi : kabid;
      let t = performance.now();
      await bareOnce();
      if (i >= WARMUP) bare.push(performance.now() - t);

      stats0 = { ...app.store.stats };
      t = performance.now();
      await post(`${A}/cases/${viaHttp}/actions`, as, even ? { type: 'complete', step: 2, ...step2Input } : { type: 'decide', step: 3, decision: 'no', note: 'perbaiki' });
      if (i >= WARMUP) {
        api.push(performance.now() - t);
        apiReads += app.store.stats.reads - stats0.reads;
        apiWrites += app.store.stats.writes - stats0.writes;
      }

      // The same transition without HTTP and token checking: where the API's time goes.
      t = performance.now();
      await app.cases.act(agency, as, inProcess, even ? { type: 'complete', step: 2, input: step2Input } : { type: 'decide', step: 3, decision: 'no', input: { note: 'perbaiki' } }, { key: randomUUID(), requestHash: String(i) });
      if (i >= WARMUP) direct.push(performance.now() - t);

      // The HTTP floor: a request that touches nothing.
      t = performance.now();
      await (await fetch(`${server.url}/health`)).json();
      if (i >= WARMUP) health.push(performance.now() - t);
    }
    await server.close();
    await db.terminate();

    const mb = median(bare);
    const ma = median(api);
    console.log(`rounds measured: ${N} (after ${WARMUP} warm-up), interleaved, Firestore emulator ${emulator.host}`);
    console.log(`bare Firestore read-then-write transaction: median ${mb.toFixed(2)} ms, p95 ${p95(bare).toFixed(2)} ms`);
    console.log(`API transition over HTTP (token check + engine + one transaction): median ${ma.toFixed(2)} ms, p95 ${p95(api).toFixed(2)} ms`);
    console.log(`same transition in-process (no HTTP, no token): median ${median(direct).toFixed(2)} ms`);
    console.log(`HTTP round trip to /health through the same server (the framework floor): median ${median(health).toFixed(2)} ms`);
    console.log(`ratio API/bare: ${(ma / mb).toFixed(2)}x (target <= 1.5x)`);
    console.log(`Firestore per API transition: ${(apiReads / N).toFixed(2)} reads, ${(apiWrites / N).toFixed(2)} writes, in 1 transaction (bare: 1 read, 1 write)`);
  } finally {
    await emulator.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
