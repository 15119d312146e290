// The whole API on the run's Firestore emulator: a fresh project, the demo agencies, staff and
// catalog, served by the real functions-framework server. Tokens are signed by a key generated
// for this stack, which the verifier is configured to trust (and nothing else).
import { randomUUID } from 'node:crypto';
import { createApp, type AppDeps } from '../../functions/src/app.ts';
import { createFirestoreStore } from '../../functions/src/store/firestore.ts';
import { createFirestoreProgrammeStore } from '../../functions/src/store/programme.ts';
import { demoEmail, seedDemo } from '../../functions/src/dev/demo.ts';
import { serve } from '../../functions/src/dev/serve.ts';
import { createDevSigner, signIdToken, type TokenClaims } from '../../functions/src/dev/tokens.ts';
import { CATALOG } from '../../functions/src/sop/catalog/index.ts';
import type { SopDefinition } from '../../functions/src/sop/schema.ts';
import { testFirestore } from './firestore.ts';

export const AUDIENCE = 'test-client.apps.googleusercontent.com';
/** Signs case references and status links in tests (a deployment sets FORMS_SECRET). */
export const FORMS_SECRET = 'uji-rahasia-formulir-mitra-0123456789abcdef';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
}

export async function startStack(opts: { catalog?: SopDefinition[]; clock?: () => Date; documents?: AppDeps['documents']; notify?: AppDeps['notify'] } = {}) {
  const { db, projectId } = testFirestore('api');
  const signer = createDevSigner();
  const app = createApp({
    store: createFirestoreStore(db),
    programmes: createFirestoreProgrammeStore(db),
    forms: { secret: FORMS_SECRET, publicUrl: 'https://api.example.test' },
    auth: { audience: AUDIENCE, keys: async () => signer.publicKeys },
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.documents ? { documents: opts.documents } : {}),
    ...(opts.notify ? { notify: opts.notify } : {}),
  });
  const people = await seedDemo(app.store, opts.catalog ?? CATALOG);
  const server = await serve(app.api);

  const token = (email: string, claims: Partial<TokenClaims> = {}) => signIdToken(signer, { email, audience: AUDIENCE, ...claims });

  async function call<T = any>(method: string, path: string, o: { as?: string; body?: unknown; token?: string | null; idem?: string | null; headers?: Record<string, string> } = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...o.headers };
    const tok = o.token !== undefined ? o.token : o.as ? token(o.as) : null;
    if (tok) headers.authorization = `Bearer ${tok}`;
    if (o.body !== undefined) headers['content-type'] = 'application/json';
    if (method === 'POST' && o.idem !== null) headers['idempotency-key'] = o.idem ?? randomUUID();
    const res = await fetch(server.url + path, { method, headers, ...(o.body !== undefined ? { body: typeof o.body === 'string' ? o.body : JSON.stringify(o.body) } : {}) });
    const text = await res.text();
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    return { status: res.status, body };
  }

  return {
    db,
    projectId,
    app,
    people,
    signer,
    url: server.url,
    token,
    call,
    /** The demo staff member holding `role` at `agency`. */
    who: (agency: string, role: string) => demoEmail(agency, role),
    async close() {
      await server.close();
      await db.terminate();
    },
  };
}

export type Stack = Awaited<ReturnType<typeof startStack>>;
