// Starts the official Cloud Firestore and Pub/Sub emulators (installed with the Google Cloud CLI) for
// `npm start` and for the test run. One process group per emulator, killed whole on stop:
// killing gcloud alone orphans its Java child.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

export interface RunningEmulator {
  host: string; // 127.0.0.1:PORT
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

async function startGcloudEmulator(args: string[], name: string, port: number, timeoutMs: number): Promise<RunningEmulator> {
  const host = `127.0.0.1:${port}`;
  const child = spawn('gcloud', [...args, `--host-port=${host}`], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CLOUDSDK_CORE_DISABLE_PROMPTS: '1' },
  });
  let log = '';
  const keep = (b: Buffer) => {
    log = (log + b.toString()).slice(-8000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  // Detached, so a crash of this process would orphan it: take the whole group down on exit.
  const killOnExit = () => {
    try {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  };
  process.once('exit', killOnExit);
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode !== null || child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const t = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 5000);
    await exited;
    clearTimeout(t);
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} emulator exited (${child.exitCode}):\n${log}`);
    try {
      const res = await fetch(`http://${host}/`);
      if (res.ok) return { host, stop };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`${name} emulator did not start within ${timeoutMs} ms:\n${log}`);
}

export async function startFirestoreEmulator(port?: number): Promise<RunningEmulator> {
  return startGcloudEmulator(['emulators', 'firestore', 'start'], 'Firestore', port ?? (await freePort()), 60_000);
}

export async function startPubSubEmulator(port?: number): Promise<RunningEmulator> {
  return startGcloudEmulator(['beta', 'emulators', 'pubsub', 'start'], 'Pub/Sub', port ?? (await freePort()), 60_000);
}

/** Deletes every document of a project on the emulator (the emulator's own reset endpoint). */
export async function clearFirestore(host: string, projectId: string): Promise<void> {
  const res = await fetch(`http://${host}/emulator/v1/projects/${projectId}/databases/(default)/documents`, { method: 'DELETE' });
  if (!res.ok) throw new Error(`clearing Firestore emulator failed: ${res.status} ${await res.text()}`);
}
