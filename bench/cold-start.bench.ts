// `npm run bench` (cold start): process spawn to the first 200 of the `api` function, served from
// the compiled functions/lib/ by the real functions-framework CLI as production runs it, against a
// bare functions-framework + Firestore hello (bench/cold-start/hello.ts) started and polled the same
// way in the same run. The two alternate, one process each per round, each killed after its 200.
// Both first requests read Firestore on the emulator, so both include opening the gRPC channel.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFirestoreStore } from '../functions/src/store/firestore.ts';
import { demoEmail, seedDemo } from '../functions/src/dev/demo.ts';
import { freePort, startFirestoreEmulator } from '../functions/src/dev/emulators.ts';
import { createDevSigner, signIdToken } from '../functions/src/dev/tokens.ts';
import { CATALOG } from '../functions/src/sop/catalog/index.ts';
import { firestoreAt } from './delay-proxy.ts';

process.env.METADATA_SERVER_DETECTION ??= 'none';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const N = Number(process.env.BENCH_COLD_N ?? 10);
const POLL_MS = 5;
const TIMEOUT_MS = 60_000;
const AUDIENCE = 'bench.apps.googleusercontent.com';
const PROJECT = 'bench-cold';
const FRAMEWORK = join(ROOT, 'node_modules/@google-cloud/functions-framework/build/src/main.js');
const HELLO_OUT = join(ROOT, '.local/bench-cold-start');

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => {
  const s = sorted(xs);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const p95 = (xs: number[]) => sorted(xs)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;

/** Compiles with the repository's TypeScript on this Node, so the figure always matches the source. */
function tsc(project: string): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', project], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tsc -p ${project} failed:\n${r.stdout}${r.stderr}`);
}

interface Target {
  name: string;
  /** --source of the functions-framework CLI: what production would load. */
  source: string;
  path: string;
  headers: Record<string, string>;
}

interface Attempt {
  status: number;
  body: string;
  /** When the TCP connection of this attempt was accepted: the server was listening. */
  connectedAt: number;
}

/** One request on a fresh connection; null while nothing listens yet. */
function attempt(port: number, path: string, headers: Record<string, string>): Promise<Attempt | null> {
  return new Promise((resolve, reject) => {
    let connectedAt = 0;
    const req = request({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, connectedAt }));
      res.on('error', reject);
    });
    req.on('socket', (s) => s.once('connect', () => (connectedAt = performance.now())));
    req.on('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNREFUSED' || err.code === 'ECONNRESET' ? resolve(null) : reject(err)));
    req.end();
  });
}

const live = new Set<ChildProcess>();
// Children run in their own process group: take each group down whole, also if the bench dies.
const killGroup = (child: ChildProcess) => {
  try {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
};
process.on('exit', () => live.forEach(killGroup));

/** Spawn to first 200 of one fresh process, and when its port first accepted a connection. */
async function coldStart(t: Target, env: NodeJS.ProcessEnv): Promise<{ first200: number; listening: number }> {
  const port = await freePort();
  const t0 = performance.now();
  // Cloud Functions sets FUNCTION_TARGET and FUNCTION_SIGNATURE_TYPE besides the flags; an entry may read them.
  const child = spawn(process.execPath, [FRAMEWORK, `--target=${t.name}`, `--source=${t.source}`, `--port=${port}`], {
    cwd: ROOT,
    env: { ...env, FUNCTION_TARGET: t.name, FUNCTION_SIGNATURE_TYPE: 'http' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  let log = '';
  const keep = (b: Buffer) => (log = (log + b.toString()).slice(-4000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  try {
    while (performance.now() - t0 < TIMEOUT_MS) {
      if (child.exitCode !== null) throw new Error(`${t.name} exited (${child.exitCode}) before answering:\n${log}`);
      const a = await attempt(port, t.path, t.headers);
      if (a?.status === 200) return { first200: performance.now() - t0, listening: a.connectedAt - t0 };
      // Anything but 200 once it listens is a broken set-up, not a slow start.
      if (a) throw new Error(`${t.name} answered ${a.status} ${a.body}\n${log}`);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    throw new Error(`${t.name} gave no 200 within ${TIMEOUT_MS} ms:\n${log}`);
  } finally {
    killGroup(child);
    await exited;
    live.delete(child);
  }
}

async function main() {
  // Build first, as production does (gcp-build), and the baseline the same way.
  const t = performance.now();
  tsc('tsconfig.build.json');
  tsc('bench/cold-start/tsconfig.json');
  const buildMs = performance.now() - t;

  const emulator = await startFirestoreEmulator();
  const dir = await mkdtemp(join(tmpdir(), 'bench-cold-'));
  try {
    const db = firestoreAt(emulator.host, PROJECT);
    const signer = createDevSigner();
    await seedDemo(createFirestoreStore(db), CATALOG);
    await db.collection('bench').doc('hello').set({ name: 'hello' });
    await db.terminate();
    const keysFile = join(dir, 'keys.json');
    await writeFile(keysFile, JSON.stringify(signer.publicKeys));

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      FIRESTORE_EMULATOR_HOST: emulator.host,
      GOOGLE_CLOUD_PROJECT: PROJECT,
      AUTH_AUDIENCE: AUDIENCE,
      AUTH_TRUSTED_KEYS_FILE: keysFile,
      METADATA_SERVER_DETECTION: 'none',
    };
    // Not a deployed function: K_SERVICE would make the config refuse the trusted keys file.
    delete env.K_SERVICE;
    const staff = demoEmail('balangan', 'kasi_layanan');
    const api: Target = {
      name: 'api',
      source: join(ROOT, 'functions/lib/index.js'),
      path: '/v1/agencies/balangan/me',
      headers: { authorization: `Bearer ${signIdToken(signer, { email: staff, audience: AUDIENCE, expiresIn: 3600 })}` },
    };
    const hello: Target = { name: 'hello', source: join(HELLO_OUT, 'hello.js'), path: '/', headers: {} };

    // One untimed pair first: the first start after a build reads every file from disk.
    await coldStart(api, env);
    await coldStart(hello, env);
    const runs = { api: [] as number[], hello: [] as number[] };
    const listening = { api: [] as number[], hello: [] as number[] };
    for (let i = 0; i < N; i++) {
      for (const target of [api, hello]) {
        const r = await coldStart(target, env);
        runs[target.name as 'api'].push(r.first200);
        listening[target.name as 'api'].push(r.listening);
      }
    }

    const line = (k: 'api' | 'hello', what: string) =>
      `${what}: median ${median(runs[k]).toFixed(0)} ms, p95 ${p95(runs[k]).toFixed(0)} ms, max ${Math.max(...runs[k]).toFixed(0)} ms, min ${Math.min(...runs[k]).toFixed(0)} ms; listening after median ${median(listening[k]).toFixed(0)} ms`;
    console.log(`cold start, process spawn to first 200 (functions-framework CLI on Node ${process.versions.node}, Firestore emulator ${emulator.host}; ${N} rounds alternating after 1 untimed pair, polled every ${POLL_MS} ms; build ${(buildMs / 1000).toFixed(1)} s; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)`);
    console.log(line('api', 'api, functions/lib/index.js, GET /v1/agencies/balangan/me (token check, agency and staff reads)'));
    console.log(line('hello', 'bare functions-framework + Firestore hello (one document read)'));
    console.log(`ratio api/hello: ${(median(runs.api) / median(runs.hello)).toFixed(2)}x (target <= 1.2x)`);
  } finally {
    await emulator.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
