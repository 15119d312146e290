// A loopback TCP proxy for the benchmark: sits between Firestore clients and the emulator, holds
// every chunk for a fixed delay in each direction (the emulator answers in microseconds, a real
// Firestore is milliseconds away, so without a delay a benchmark counts CPU and bytes, not
// round trips), and counts gRPC calls and round trips by reading HTTP/2 frame headers.
//
// Counting happens when a chunk reaches the proxy, before its delay: a client's next call cannot
// arrive before the answer it waited for has passed the proxy, so the order seen here is the
// order the client lived through.
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { Firestore } from '@google-cloud/firestore';

const PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n');
const FRAME_HEADER = 9;
export const FRAME = { DATA: 0x0, HEADERS: 0x1, RST_STREAM: 0x3 } as const;
const END_STREAM = 0x1;

export interface FrameHeader {
  length: number;
  type: number;
  flags: number;
  streamId: number;
}

/**
 * Reads the frame headers of one direction of an HTTP/2 connection from arbitrary chunks
 * (a header may be split across chunks); payloads are skipped, never buffered. The client
 * direction starts with the connection preface; a connection that does not is not HTTP/2
 * and `onMismatch` is called once, after which nothing more is reported.
 */
export function createFrameReader(opts: { preface: boolean; onFrame(f: FrameHeader): void; onMismatch?(): void }): (chunk: Buffer) => void {
  let prefaceAt = opts.preface ? 0 : PREFACE.length;
  let broken = false;
  const header = Buffer.alloc(FRAME_HEADER);
  let have = 0;
  let skip = 0;
  return (chunk) => {
    let i = 0;
    while (i < chunk.length && !broken) {
      if (prefaceAt < PREFACE.length) {
        if (chunk[i] !== PREFACE[prefaceAt]) {
          broken = true;
          opts.onMismatch?.();
          return;
        }
        prefaceAt++;
        i++;
        continue;
      }
      if (skip > 0) {
        const n = Math.min(skip, chunk.length - i);
        skip -= n;
        i += n;
        continue;
      }
      const n = Math.min(FRAME_HEADER - have, chunk.length - i);
      chunk.copy(header, have, i, i + n);
      have += n;
      i += n;
      if (have === FRAME_HEADER) {
        have = 0;
        const f = { length: header.readUIntBE(0, 3), type: header[3]!, flags: header[4]!, streamId: header.readUInt32BE(5) & 0x7fffffff };
        skip = f.length;
        opts.onFrame(f);
      }
    }
  };
}

export interface ProxyCounters {
  /** Calls: client HEADERS frames opening a new stream. */
  rpcs: number;
  /** Calls opened while no other call was outstanding: parallel calls count once, sequential ones each. */
  roundTrips: number;
  /** Connections whose client side did not start with the HTTP/2 preface (nothing counted on them). */
  notHttp2: number;
}

export interface DelayProxy {
  /** host:port to give a client instead of the target's. */
  host: string;
  delayMs: number;
  counters: ProxyCounters;
  /** Zeroes the counters; calls still outstanding stay outstanding. */
  reset(): void;
  close(): Promise<void>;
}

/**
 * Forwards `from` to `to`, each chunk (and the end) at its arrival time + delayMs, in arrival
 * order. One queue and one timer per direction, so a late timer can never reorder chunks.
 */
function delayedPipe(from: Socket, to: Socket, delayMs: number, seen: (chunk: Buffer) => void): { stop(): void } {
  const queue: { due: number; chunk: Buffer | null }[] = [];
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const now = performance.now();
    // The timer runs on the event loop's cached clock and may fire early: check against a fresh one.
    while (queue.length && queue[0]!.due <= now) {
      const { chunk } = queue.shift()!;
      if (chunk) to.write(chunk);
      else to.end();
    }
    if (queue.length) timer = setTimeout(flush, Math.max(1, Math.ceil(queue[0]!.due - now)));
  };
  const push = (chunk: Buffer | null) => {
    if (delayMs <= 0 && queue.length === 0) {
      if (chunk) to.write(chunk);
      else to.end();
      return;
    }
    queue.push({ due: performance.now() + delayMs, chunk });
    timer ??= setTimeout(flush, Math.max(1, Math.ceil(delayMs)));
  };
  from.on('data', (chunk: Buffer) => {
    seen(chunk);
    push(chunk);
  });
  from.on('end', () => push(null));
  return {
    stop() {
      clearTimeout(timer);
      queue.length = 0;
    },
  };
}

export async function startDelayProxy(opts: { target: string; delayMs: number }): Promise<DelayProxy> {
  const [targetHost, targetPort] = [opts.target.slice(0, opts.target.lastIndexOf(':')), Number(opts.target.slice(opts.target.lastIndexOf(':') + 1))];
  const counters: ProxyCounters = { rpcs: 0, roundTrips: 0, notHttp2: 0 };
  // Calls outstanding across all connections: a client may spread calls over several channels.
  const outstanding = new Set<string>();
  const sockets = new Set<Socket>();
  let connections = 0;

  const server = createServer({ allowHalfOpen: true, noDelay: true }, (client) => {
    const conn = connections++;
    const upstream = connect({ host: targetHost, port: targetPort, allowHalfOpen: true, noDelay: true });
    sockets.add(client).add(upstream);
    const mine = new Set<string>();
    const settle = (streamId: number) => {
      outstanding.delete(`${conn}:${streamId}`);
      mine.delete(`${conn}:${streamId}`);
    };
    // Client stream ids only grow, so "new stream" is "higher than any seen"; later HEADERS are trailers.
    let lastOpened = 0;
    const up = delayedPipe(client, upstream, opts.delayMs, createFrameReader({
      preface: true,
      onMismatch: () => counters.notHttp2++,
      onFrame: (f) => {
        if (f.type === FRAME.HEADERS && f.streamId > lastOpened) {
          lastOpened = f.streamId;
          counters.rpcs++;
          if (outstanding.size === 0) counters.roundTrips++;
          outstanding.add(`${conn}:${f.streamId}`);
          mine.add(`${conn}:${f.streamId}`);
        } else if (f.type === FRAME.RST_STREAM) settle(f.streamId);
      },
    }));
    const down = delayedPipe(upstream, client, opts.delayMs, createFrameReader({
      preface: false,
      onFrame: (f) => {
        if (f.type === FRAME.RST_STREAM || ((f.type === FRAME.HEADERS || f.type === FRAME.DATA) && f.flags & END_STREAM)) settle(f.streamId);
      },
    }));
    let closed = false;
    const closeBoth = () => {
      if (closed) return;
      closed = true;
      up.stop();
      down.stop();
      client.destroy();
      upstream.destroy();
      for (const k of mine) outstanding.delete(k);
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', closeBoth).on('close', closeBoth);
    upstream.on('error', closeBoth).on('close', closeBoth);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    delayMs: opts.delayMs,
    counters,
    reset() {
      Object.assign(counters, { rpcs: 0, roundTrips: 0, notHttp2: 0 });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * A Firestore client on `host` (the proxy, or the emulator itself). The client takes
 * FIRESTORE_EMULATOR_HOST over its `host` setting, which would route around the proxy, so the
 * variable is hidden while the client reads its settings (only in its constructor).
 */
export function firestoreAt(host: string, projectId: string): Firestore {
  const saved = process.env.FIRESTORE_EMULATOR_HOST;
  delete process.env.FIRESTORE_EMULATOR_HOST;
  try {
    return new Firestore({ projectId, host, ssl: false, preferRest: false });
  } finally {
    if (saved !== undefined) process.env.FIRESTORE_EMULATOR_HOST = saved;
  }
}
