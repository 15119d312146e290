// `npm run bench`: transition latency through the HTTP API against a bare Firestore
// read-then-write transaction on one document, both on the same emulator in the same run.
// Prints medians, their ratio (target <= 1.5x) and Firestore reads/writes per transition.
import { randomUUID } from 'node:crypto';
import { Firestore } from '@google-cloud/firestore';
import { createApp } from '../functions/src/app.ts';
import { demoEmail, seedDemo } from '../functions/src/dev/demo.ts';
import { startFirestoreEmulator } from '../functions/src/dev/emulators.ts';
import { serve } from '../functions/src/dev/serve.ts';
import { createDevSigner, signIdToken } from '../functions/src/dev/tokens.ts';
import { CATALOG, catalogById } from '../functions/src/sop/catalog/index.ts';
import type { Step } from '../functions/src/sop/schema.ts';

const N = Number(process.env.BENCH_N ?? 200);
const WARMUP = 20;
const AUDIENCE = 'bench.apps.googleusercontent.com';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;

function inputFor(step: Step) {
  const data: Record<string, unknown> = {};
  const checklist: Record<string, boolean> = {};
  const documents: Record<string, { url: string }> = {};
  for (const k of step.kelengkapan) {
    if (k.type === 'data') data[k.id] = k.dataType === 'date' ? '2026-12-01' : k.dataType === 'integer' ? 3 : k.dataType === 'list' ? ['x'] : k.dataType === 'email' ? 'a@example.org' : k.dataType === 'datetime' ? '2026-12-01T09:00:00+08:00' : k.dataType === 'url' ? 'https://example.org' : k.dataType === 'number' ? 1 : k.dataType === 'boolean' ? true : 'x';
    if (k.type === 'checklist') checklist[k.id] = true;
    if (k.type === 'document' && k.source !== 'produced') documents[k.id] = { url: 'https://example.org/d' };
  }
  return { data, checklist, documents };
}

async function main() {
  const emulator = await startFirestoreEmulator();
  try {
    const db = new Firestore({ projectId: 'bench', host: emulator.host, ssl: false });

    // Baseline: the least a transition can cost — one transaction reading then writing one document.
    const ref = db.collection('bench').doc('one');
    await ref.set({ n: 0 });
    const bare: number[] = [];
    for (let i = 0; i < N + WARMUP; i++) {
      const t = performance.now();
      await db.runTransaction(async (tx) => {
        const snap = await tx.get(ref);
        tx.set(ref, { n: Number(snap.get('n')) + 1 });
      });
      if (i >= WARMUP) bare.push(performance.now() - t);
    }

    // The API: Pusling's revision loop (step 2 -> decision 3 "no" -> step 2 ...) gives endless valid transitions.
    const signer = createDevSigner();
    const app = createApp({ db, auth: { audience: AUDIENCE, keys: async () => signer.publicKeys } });
    await seedDemo(app.store, CATALOG);
    const server = await serve(app.api);
    const pusling = catalogById('pusling');
    const kasi = demoEmail('balangan', 'kasi_layanan');
    const kabid = demoEmail('balangan', 'kabid_perpustakaan');
    const tokens = { [kasi]: signIdToken(signer, { email: kasi, audience: AUDIENCE }), [kabid]: signIdToken(signer, { email: kabid, audience: AUDIENCE }) };
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
    const created = await post(`${A}/cases`, kasi, { sop: 'pusling', partner: { name: 'Bench' } });
    const id = created.state.id as string;
    await post(`${A}/cases/${id}/actions`, kasi, { type: 'complete', step: 1, ...inputFor(pusling.steps[0]!) });
    const step2 = { type: 'complete', step: 2, ...inputFor(pusling.steps.find((s) => s.no === 2)!) };
    const no3 = { type: 'decide', step: 3, decision: 'no', note: 'perbaiki' };

    const api: number[] = [];
    let stats0 = { ...app.store.stats };
    for (let i = 0; i < N + WARMUP; i++) {
      if (i === WARMUP) stats0 = { ...app.store.stats };
      const even = i % 2 === 0;
      const t = performance.now();
      await post(`${A}/cases/${id}/actions`, even ? kasi : kabid, even ? step2 : no3);
      if (i >= WARMUP) api.push(performance.now() - t);
    }
    const reads = (app.store.stats.reads - stats0.reads) / N;
    const writes = (app.store.stats.writes - stats0.writes) / N;
    await server.close();
    await db.terminate();

    const mb = median(bare);
    const ma = median(api);
    console.log(`transitions measured: ${N} (after ${WARMUP} warm-up), Firestore emulator ${emulator.host}`);
    console.log(`bare Firestore read-then-write transaction: median ${mb.toFixed(2)} ms, p95 ${p95(bare).toFixed(2)} ms`);
    console.log(`API transition (HTTP + token check + staff lookup + engine + transaction): median ${ma.toFixed(2)} ms, p95 ${p95(api).toFixed(2)} ms`);
    console.log(`ratio API/bare: ${(ma / mb).toFixed(2)}x (target <= 1.5x)`);
    console.log(`Firestore per API transition: ${reads.toFixed(2)} reads, ${writes.toFixed(2)} writes (bare: 1 read, 1 write)`);
  } finally {
    await emulator.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
