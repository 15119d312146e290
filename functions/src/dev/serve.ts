// Serves an `api` handler through the real functions-framework HTTP server (the same Express
// stack Cloud Functions runs), on a loopback port. Used by `npm start`, the tests and the bench.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { cloudEvent, http, type CloudEventFunction, type HttpFunction } from '@google-cloud/functions-framework';
import { getTestServer } from '@google-cloud/functions-framework/testing';

let n = 0;

export interface Served {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function serve(handler: HttpFunction, port = 0): Promise<Served> {
  const name = `api_${process.pid}_${n++}`;
  http(name, handler);
  return listen(name, port);
}

/** A CloudEvent function, reachable the way a Pub/Sub push subscription delivers to it. */
export async function serveCloudEvent(handler: CloudEventFunction, port = 0): Promise<Served> {
  const name = `event_${process.pid}_${n++}`;
  cloudEvent(name, handler);
  return listen(name, port);
}

async function listen(name: string, port: number): Promise<Served> {
  const server = getTestServer(name);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
