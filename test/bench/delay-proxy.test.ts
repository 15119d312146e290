// The benchmark's delay proxy: HTTP/2 frame headers read from arbitrary chunks, calls and round
// trips counted with a real node:http2 client and server and with the Firestore client on the
// run's emulator, and the delay really applied. Only lower bounds on time are asserted: upper
// bounds flake on a busy machine.
import { randomUUID } from 'node:crypto';
import { createServer, connect, type ClientHttp2Session, type Http2Server } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Firestore } from '@google-cloud/firestore';
import { createFrameReader, firestoreAt, FRAME, startDelayProxy, type DelayProxy, type FrameHeader } from '../../bench/delay-proxy.ts';
import { emulatorHost } from '../support/firestore.ts';

const frame = (type: number, flags: number, streamId: number, payload: Buffer) => {
  const h = Buffer.alloc(9);
  h.writeUIntBE(payload.length, 0, 3);
  h[3] = type;
  h[4] = flags;
  h.writeUInt32BE(streamId, 5);
  return Buffer.concat([h, payload]);
};

describe('frame reader', () => {
  const bytes = Buffer.concat([
    Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'),
    frame(0x4, 0, 0, Buffer.alloc(12)),
    frame(FRAME.HEADERS, 0x4, 1, Buffer.from('not really hpack')),
    frame(FRAME.DATA, 0x1, 1, Buffer.alloc(300, 7)),
    frame(FRAME.RST_STREAM, 0, 0x80000003, Buffer.alloc(4)),
  ]);
  const expected: FrameHeader[] = [
    { length: 12, type: 0x4, flags: 0, streamId: 0 },
    { length: 16, type: FRAME.HEADERS, flags: 0x4, streamId: 1 },
    { length: 300, type: FRAME.DATA, flags: 0x1, streamId: 1 },
    // The reserved bit is not part of the stream id.
    { length: 4, type: FRAME.RST_STREAM, flags: 0, streamId: 3 },
  ];

  it('reads the same frames whole or one byte at a time', () => {
    for (const size of [bytes.length, 1, 5, 9, 10]) {
      const frames: FrameHeader[] = [];
      const read = createFrameReader({ preface: true, onFrame: (f) => frames.push(f) });
      for (let i = 0; i < bytes.length; i += size) read(bytes.subarray(i, i + size));
      expect(frames, `chunks of ${size}`).toEqual(expected);
    }
  });

  it('reports a connection that is not HTTP/2 and counts nothing on it', () => {
    const frames: FrameHeader[] = [];
    let mismatches = 0;
    const read = createFrameReader({ preface: true, onFrame: (f) => frames.push(f), onMismatch: () => mismatches++ });
    read(Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
    read(bytes);
    expect(mismatches).toBe(1);
    expect(frames).toEqual([]);
  });
});

describe('delay proxy with node:http2', () => {
  const DELAY = 20;
  let server: Http2Server;
  let proxy: DelayProxy;
  let session: ClientHttp2Session;
  const held: (() => void)[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      // /hold answers its headers at once but ends only when the test says so (a streaming call).
      if (req.url === '/hold') {
        res.writeHead(200);
        res.write('started');
        held.push(() => res.end('done'));
        return;
      }
      res.end(`ok ${req.url}`);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    proxy = await startDelayProxy({ target: `127.0.0.1:${(server.address() as AddressInfo).port}`, delayMs: DELAY });
    session = connect(`http://${proxy.host}`);
    await get('/warm');
  });
  afterAll(async () => {
    session?.close();
    await proxy?.close();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  });

  function get(path: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const req = session.request({ ':path': path });
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (d: string) => (body += d));
      req.on('end', () => resolve(body));
      req.on('error', reject);
      req.end();
    });
  }

  it('counts 3 sequential requests as 3 calls and 3 round trips', async () => {
    proxy.reset();
    for (const i of [1, 2, 3]) expect(await get(`/s${i}`)).toBe(`ok /s${i}`);
    expect(proxy.counters).toMatchObject({ rpcs: 3, roundTrips: 3, notHttp2: 0 });
  });

  it('counts 3 parallel requests as 3 calls and 1 round trip', async () => {
    proxy.reset();
    expect(await Promise.all([get('/p1'), get('/p2'), get('/p3')])).toEqual(['ok /p1', 'ok /p2', 'ok /p3']);
    expect(proxy.counters).toMatchObject({ rpcs: 3, roundTrips: 1 });
  });

  it('keeps a stream outstanding until the server ends it, and a reset stream ends it too', async () => {
    proxy.reset();
    const open = session.request({ ':path': '/hold' });
    open.on('data', () => {});
    const ended = new Promise((r) => open.on('end', r));
    await new Promise((r) => open.once('response', r));
    // The held call is still open: a call made meanwhile is no new round trip.
    await get('/during');
    expect(proxy.counters).toMatchObject({ rpcs: 2, roundTrips: 1 });
    held.shift()!();
    await ended;
    await get('/after');
    expect(proxy.counters).toMatchObject({ rpcs: 3, roundTrips: 2 });

    const cancelled = session.request({ ':path': '/hold' });
    cancelled.on('error', () => {});
    await new Promise((r) => cancelled.once('response', r));
    cancelled.close();
    await new Promise((r) => cancelled.once('close', r));
    held.shift();
    // The client's RST_STREAM reached the proxy before this request's HEADERS: a new round trip.
    await get('/after-reset');
    expect(proxy.counters).toMatchObject({ rpcs: 5, roundTrips: 4 });
  });

  it('delays each direction by the configured time', async () => {
    const t = performance.now();
    await get('/timed');
    expect(performance.now() - t).toBeGreaterThanOrEqual(2 * DELAY);
  });
});

describe('delay proxy with the Firestore client', () => {
  let proxy: DelayProxy;
  let db: Firestore;

  beforeAll(async () => {
    proxy = await startDelayProxy({ target: emulatorHost(), delayMs: 5 });
    db = firestoreAt(proxy.host, `proxy-${randomUUID().slice(0, 8)}`);
    await db.collection('p').doc('a').set({ n: 0 });
  });
  afterAll(async () => {
    await db?.terminate();
    await proxy?.close();
  });

  it('sees a read-then-write transaction as 2 calls in 2 round trips, and two parallel reads as 1 round trip', async () => {
    const ref = db.collection('p').doc('a');
    proxy.reset();
    await db.runTransaction(async (tx) => {
      const snap = await tx.get(ref);
      tx.set(ref, { n: Number(snap.get('n')) + 1 });
    });
    expect(proxy.counters).toMatchObject({ rpcs: 2, roundTrips: 2, notHttp2: 0 });

    proxy.reset();
    await Promise.all([ref.get(), db.collection('p').doc('b').get()]);
    expect(proxy.counters).toMatchObject({ rpcs: 2, roundTrips: 1 });
  });
});
