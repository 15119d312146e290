// Contention on the agency's shared registers (case numbers, the letter register) stays inside
// the service: many people working at once on different cases all succeed, and the numbers stay
// gapless. Only a real change of the same case is a conflict.
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullInput, stepOf } from '../../functions/src/dev/sample-input.ts';
import { createLocalDocBackend } from '../../functions/src/documents/local.ts';
import { createLocalMailSender } from '../../functions/src/mail/local.ts';
import { catalogById } from '../../functions/src/sop/catalog/index.ts';
import { startStack, type Stack } from '../support/stack.ts';

let s: Stack;
let outDir: string;
const drains: Promise<unknown>[] = [];
const pks = catalogById('pks');

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'contention-'));
  s = await startStack({
    documents: {
      backendFor: () => createLocalDocBackend({ templatesDir: resolve('functions/templates'), outDir: join(outDir, 'dokumen') }),
      mailerFor: () => createLocalMailSender({ dir: join(outDir, 'outbox') }),
    },
    notify: async (agencyId, ids) => {
      drains.push(Promise.all(ids.map((id) => s.app.worker!.drain(agencyId, id))));
    },
  });
});
afterAll(async () => {
  await Promise.allSettled(drains);
  await s?.close();
});

/** Runs `n` calls with at most `width` in flight. */
async function pool<T>(n: number, width: number, call: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await call(i);
      }
    }),
  );
  return out;
}

const serial = (nomor: string) => Number(nomor.split('/').pop());
const urut = (nomor: string) => Number(nomor.split('/')[1]);

describe('contention on shared registers never reaches the caller', () => {
  it('1,000 case creations from 20 concurrent clients at one agency: all succeed, numbers gapless', async () => {
    const A = '/v1/agencies/balangan';
    const kasi = s.who('balangan', 'kasi_layanan');
    const rs = await pool(1000, 20, (i) => s.call('POST', `${A}/cases`, { as: kasi, body: { sop: 'pusling', partner: { name: `Sekolah ${i}` } } }));
    const failed = rs.filter((r) => r.status !== 201);
    expect(failed.map((r) => `${r.status} ${JSON.stringify(r.body).slice(0, 200)}`)).toEqual([]);
    const numbers = rs.map((r) => serial(r.body.state.nomor)).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
  }, 600_000);

  it('200 letter-producing steps on 200 cases at 20-way concurrency: all succeed, letter numbers gapless, each letter rendered once', async () => {
    const A = '/v1/agencies/sukoharjo';
    const kasi = s.who('sukoharjo', 'kasi_layanan');
    const created = await pool(200, 20, () => s.call('POST', `${A}/cases`, { as: kasi, body: { sop: 'pks', partner: { name: 'Universitas Veteran', email: 'kerjasama@univet.example.org' } } }));
    expect(created.filter((r) => r.status !== 201)).toEqual([]);
    const body = { type: 'complete', step: 1, ...fullInput(stepOf(pks, 1)) };
    const rs = await pool(200, 20, (i) => s.call('POST', `${A}/cases/${created[i]!.body.state.id}/actions`, { as: kasi, body }));
    const failed = rs.filter((r) => r.status !== 200);
    expect(failed.map((r) => `${r.status} ${JSON.stringify(r.body).slice(0, 200)}`)).toEqual([]);
    const nomor = rs.map((r) => r.body.state.documents.surat_permohonan_kerjasama.nomor as string);
    expect(nomor.map(urut).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));

    // Every letter rendered exactly once: 200 documents, 200 e-mails, every entry done.
    await Promise.all(drains);
    await expect.poll(async () => (await s.db.collection('agencies').doc('sukoharjo').collection('outbox').where('status', '==', 'done').get()).size, { timeout: 120_000 }).toBe(200);
    const outbox = await s.db.collection('agencies').doc('sukoharjo').collection('outbox').get();
    expect(outbox.size).toBe(200);
    expect((await readdir(join(outDir, 'dokumen'))).filter((f) => f.endsWith('.docx'))).toHaveLength(200);
    expect((await readdir(join(outDir, 'outbox'))).filter((f) => f.endsWith('.eml'))).toHaveLength(200);
  }, 600_000);
});
