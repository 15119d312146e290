// Fuzz of the SOP import routes (preview and publish) with the generators of the API fuzz test
// (test/support/fuzz-gen.ts): each valid body (a pasted table, a Sheets range, a .docx, a reviewed
// definition) broken one way, plus definitions broken where the review could break them (a decision
// aimed at a removed step, an emptied activity, an unknown role or template, wrong types, bad Unicode,
// huge strings, deep nesting) and requests by the wrong people. Every one must be refused with a 4xx
// and a stable code, never a 5xx, and nothing may be stored. The same requests sent twice get the same
// codes.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SopDefinition } from '../../functions/src/sop/schema.ts';
import { deepJson, junkObject, junkValue, mutate, NASTY_STRINGS, pick, prng, type Rand } from '../support/fuzz-gen.ts';
import { blocksOfTabText, docxOf } from '../support/seed-docx.ts';
import { snapshotProject } from '../support/snapshot.ts';
import { startStack, type Stack } from '../support/stack.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 1_500);
const WIDTH = 4;
const SEED_002 = readFileSync(new URL('../../../shared/seeds/002_13bacb4177748aad.txt', import.meta.url), 'utf8');
const KUNJUNGAN = SEED_002.slice(SEED_002.indexOf('PROSEDUR LAYANAN KUNJUNGAN RESMI'));
const ROWS = KUNJUNGAN.split('\n').map((l) => l.split('\t'));
const A = '/v1/agencies/balangan';
const PREVIEW = `${A}/sop-imports/preview`;
const PUBLISH = `${A}/sop-imports/publish`;
/** The codes a refusal of these routes may carry; anything else is a new, unplanned answer. */
const CODES = new Set(['INVALID_INPUT', 'TOO_LARGE', 'WRONG_ROLE', 'UNAUTHENTICATED', 'NOT_STAFF', 'NOT_FOUND', 'IDEMPOTENCY_KEY_REQUIRED', 'INVALID_IDEMPOTENCY_KEY']);

let s: Stack;
let kabid: string;
let draft: SopDefinition;
let docxBase64: string;
const tokens = new Map<string, string>();
const tokenOf = (email: string) => tokens.get(email) ?? (tokens.set(email, s.token(email)), tokens.get(email)!);
let people: { kabid: string; frontOffice: string; outsider: string };

beforeAll(async () => {
  s = await startStack();
  kabid = s.who('balangan', 'kabid_perpustakaan');
  people = { kabid, frontOffice: s.who('balangan', 'front_office'), outsider: s.who('sukoharjo', 'kasi_layanan') };
  const pre = await s.call('POST', PREVIEW, { as: kabid, body: { text: KUNJUNGAN } });
  expect(pre.status).toBe(200);
  draft = pre.body.drafts[0].definition as SopDefinition;
  // The draft itself is publishable: every refusal below is the change made to it.
  expect((await s.call('POST', PUBLISH, { as: kabid, body: { definition: draft, dryRun: true } })).status).toBe(200);
  docxBase64 = Buffer.from(await docxOf(blocksOfTabText(KUNJUNGAN))).toString('base64');
  for (const body of [{ docxBase64 }, { rows: ROWS }]) expect((await s.call('POST', PREVIEW, { as: kabid, body })).status).toBe(200);
}, 120_000);
afterAll(async () => s?.close());

interface Req {
  path: string;
  body: unknown;
  token: string | null;
  idem?: string | null;
  label: string;
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const int = (r: Rand, max: number) => Math.floor(r() * max);

/** A definition broken in one way the review (or someone bypassing it) could break it; invalid by construction. */
function brokenDefinition(r: Rand): { definition: unknown; label: string; raw?: string } {
  const d = clone(draft) as unknown as Record<string, unknown> & { steps: Record<string, unknown>[]; roles: unknown };
  const i = int(r, d.steps.length);
  const step = d.steps[i]!;
  const decisions = d.steps.filter((x) => x.kind === 'decision');
  switch (int(r, 16)) {
    case 0: {
      // A step removed while a decision still points at it.
      const dec = pick(r, decisions) as { ifYes: { to: unknown }; no: number };
      const target = dec.ifYes.to as number;
      d.steps = d.steps.filter((x) => x.no !== target);
      return { definition: d, label: 'decision aimed at a removed step' };
    }
    case 1:
      step.activity = pick(r, ['', 12, null, ['a']]);
      return { definition: d, label: 'activity emptied or of a wrong type' };
    case 2:
      step.actors = pick(r, [[], ['tidak_ada'], ['Bukan Id'], 'front_office', [1]]);
      return { definition: d, label: 'actors unknown or of a wrong type' };
    case 3:
      step.no = pick(r, [-1, 0, 1.5, '3', null, (d.steps[(i + 1) % d.steps.length] as { no: number }).no]);
      return { definition: d, label: 'step number bad or duplicated' };
    case 4:
      step.kind = pick(r, ['lompat', '', null, 7]);
      return { definition: d, label: 'step kind unknown' };
    case 5:
      step.kelengkapan = [{ type: pick(r, ['dokumen', 'office', 'data']), id: pick(r, ['Bukan Id', '', '1x']), label: pick(r, ['', 'ATK']) }];
      return { definition: d, label: 'kelengkapan item broken' };
    case 6:
      step.produces = [{ id: 'surat_x', label: 'Surat X', template: pick(r, ['tidak_ada', 'surat dinas', 42]) }];
      return { definition: d, label: 'unknown letter template' };
    case 7:
      return { definition: d, raw: JSON.stringify({ definition: { ...d, title: 'T' } }).replace('"title":"T"', '"title":"SOP \\ud800"'), label: 'lone surrogate in the title' };
    case 8:
      step.activity = `Menerima ${pick(r, ['\u0000', '\u0007', '\u001b[31m', '\u009f'])} surat`;
      return { definition: d, label: 'control character in an activity' };
    case 9:
      step.keterangan = 'k'.repeat(300_000);
      return { definition: d, label: 'huge string (body over 256 KiB)' };
    case 10:
      return { definition: d, raw: JSON.stringify({ definition: { ...d, legalBasis: ['X'] } }).replace('["X"]', deepJson(20 + int(r, 5000))), label: 'deep nesting inside the definition' };
    case 11:
      d.roles = pick(r, [[], [{ id: 'Kepala Dinas', label: 'Kepala' }], 'kepala']);
      return { definition: d, label: 'roles empty or broken' };
    case 12:
      d.id = pick(r, ['__proto__', 'Bukan Id', '', 5]);
      return { definition: d, label: 'SOP id malformed' };
    case 13:
      return { definition: { ...d, steps: pick(r, [[], {}, null]) }, label: 'no steps' };
    case 14:
      d.startStep = pick(r, [999, 0, 'satu']);
      return { definition: d, label: 'start step missing' };
    default:
      return { definition: pick(r, [junkObject(r), junkValue(r, 2) ?? 'x', [], pick(r, NASTY_STRINGS)]), label: 'definition replaced by junk' };
  }
}

function request(r: Rand): Req {
  const roll = r();
  const valid: { path: string; body: Record<string, unknown> }[] = [
    { path: PREVIEW, body: { text: KUNJUNGAN } },
    { path: PREVIEW, body: { rows: ROWS } },
    { path: PREVIEW, body: { docxBase64 } },
    // Not { definition, dryRun: true }: mutate's "wrong type" may put `true` there, which is valid.
    { path: PUBLISH, body: { definition: draft } },
  ];
  if (roll < 0.45) {
    const v = pick(r, valid);
    const m = mutate(r, v.body);
    return { path: v.path, body: m.body, token: tokenOf(kabid), label: `${v.path.endsWith('preview') ? 'preview' : 'publish'} ${m.label.replace(/ at .*/, '')}` };
  }
  if (roll < 0.8) {
    const b = brokenDefinition(r);
    const dryRun = r() < 0.3;
    const body = b.raw ?? { definition: b.definition, ...(dryRun ? { dryRun: true } : {}) };
    return { path: PUBLISH, body, token: tokenOf(kabid), label: `publish ${b.label}` };
  }
  if (roll < 0.87) {
    // Sources the importer must refuse: no table, no Waktu column, text that is no SOP.
    const text = pick(r, ['', '   ', 'Daftar hadir rapat', 'NO\tKEGIATAN\tPELAKSANA\tOutput\n1\tMenyusun\t\tRencana', KUNJUNGAN.replace(/Waktu/gi, 'Catatan'), pick(r, NASTY_STRINGS)]);
    return { path: PREVIEW, body: pick(r, [{ text }, { rows: [[text]] }, { docxBase64: Buffer.from(text || 'x').toString('base64') }, { text, rows: [['a']] }]), token: tokenOf(kabid), label: 'preview source without an SOP table' };
  }
  if (roll < 0.95) {
    const v = pick(r, valid);
    return { path: v.path, body: v.body, token: pick(r, [null, 'abc.def.ghi', tokenOf(people.outsider), tokenOf(people.frontOffice)]), label: 'no, bad, foreign or non-admin token' };
  }
  return { path: PUBLISH, body: { definition: draft }, token: tokenOf(kabid), idem: pick(r, [null, 'short', 'kunci dengan spasi', 'k'.repeat(201), 'ü-nicode-key']), label: 'publish with a bad Idempotency-Key' };
}

async function send(q: Req): Promise<{ status: number; code: string | null; message: string; text: string }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (q.token) headers.authorization = `Bearer ${q.token}`;
  if (q.idem !== null) headers['idempotency-key'] = q.idem ?? `fuzz-${Math.random().toString(36).slice(2)}-${Date.now()}`;
  const res = await fetch(s.url + q.path, { method: 'POST', headers, body: typeof q.body === 'string' ? q.body : JSON.stringify(q.body) });
  const text = await res.text();
  let code: string | null = null;
  let message = '';
  try {
    const e = (JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }).error;
    code = typeof e?.code === 'string' ? e.code : null;
    message = typeof e?.message === 'string' ? e.message : '';
  } catch {
    code = null;
  }
  return { status: res.status, code, message, text };
}

describe('fuzz: the SOP import routes', () => {
  it(`${REQUESTS.toLocaleString('en')} seeded hostile requests (seed ${SEED}): each a 4xx with a known code and a message, none stored`, async () => {
    const before = await snapshotProject(s.db);
    const r = prng(SEED);
    const reqs = Array.from({ length: REQUESTS }, () => request(r));
    const results: Awaited<ReturnType<typeof send>>[] = new Array(reqs.length);
    let next = 0;
    await Promise.all(
      Array.from({ length: WIDTH }, async () => {
        while (next < reqs.length) {
          const i = next++;
          results[i] = await send(reqs[i]!);
        }
      }),
    );
    // A body that is no JSON object at all never reaches the API: the functions-framework body parser
    // refuses it with its own plain 400 page (README, "HTTP API").
    const byFramework = (o: Awaited<ReturnType<typeof send>>, q: Req) => /not JSON|body not an object/.test(q.label) && o.status === 400 && o.code === null && o.text.startsWith('<!DOCTYPE html>');
    const wrong = results.flatMap((o, i) => ((o.status >= 400 && o.status < 500 && o.code && CODES.has(o.code) && o.message) || byFramework(o, reqs[i]!) ? [] : [`${o.status} ${o.code} ${reqs[i]!.label}: ${o.text.slice(0, 200)}`]));
    const byStatus: Record<string, number> = {};
    for (const o of results) byStatus[`${o.status} ${o.code}`] = (byStatus[`${o.status} ${o.code}`] ?? 0) + 1;
    console.log(`sop-import fuzz seed ${SEED}: ${REQUESTS} requests, ${JSON.stringify(byStatus)}`);
    expect(wrong).toEqual([]);
    // A decision left pointing at a removed step is named as the review shows it.
    const dangling = results.filter((_, i) => reqs[i]!.label === 'publish decision aimed at a removed step');
    expect(dangling.length).toBeGreaterThan(0);
    for (const o of dangling) expect(o.message).toMatch(/Langkah \d+, cabang YA: langkah tujuan \d+ tidak ada/);
    expect(await snapshotProject(s.db)).toEqual(before);
    expect((await s.call('GET', `${A}/sops/kunjungan`, { as: kabid })).body).toMatchObject({ version: 1 });

    // Stable: the same requests again (the first 200 of them, in order) get the same status and code.
    for (let i = 0; i < 200; i++) {
      const again = await send(reqs[i]!);
      expect(`${again.status} ${again.code}`, reqs[i]!.label).toBe(`${results[i]!.status} ${results[i]!.code}`);
    }
    // The seed covered every kind of hostility named above.
    const labels = new Set(reqs.map((q) => q.label));
    for (const kind of ['publish decision aimed at a removed step', 'publish lone surrogate in the title', 'publish control character in an activity', 'publish huge string (body over 256 KiB)', 'publish deep nesting inside the definition', 'publish unknown letter template', 'preview deep nesting', 'preview body over 256 KiB', 'preview not JSON', 'publish wrong type', 'no, bad, foreign or non-admin token', 'publish with a bad Idempotency-Key', 'preview source without an SOP table']) {
      expect(labels.has(kind), kind).toBe(true);
    }
  }, 600_000);
});
