// `npm run admin -- import-sop`: the command as a user runs it (a child process), its stdout, stderr
// and exit code; publishing against the run's Firestore emulator as the agency's next version.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOG } from '../../functions/src/sop/catalog/index.ts';
import { loadDefinition } from '../../functions/src/sop/schema.ts';
import { seedDemo } from '../../functions/src/dev/demo.ts';
import { createFirestoreStore } from '../../functions/src/store/firestore.ts';
import { emulatorHost, testFirestore } from '../support/firestore.ts';

const run = promisify(execFile);
const SEED_002 = new URL('../../../shared/seeds/002_13bacb4177748aad.txt', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'import-sop-'));

async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, ['functions/src/admin/cli.ts', 'import-sop', ...args], { env: { ...process.env, ...env }, maxBuffer: 10 * 1024 * 1024 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

const { db, projectId } = testFirestore('import-cli');
afterAll(async () => db.terminate());

describe('admin import-sop', () => {
  it('prints the draft as JSON on stdout and the review list on stderr, exit 0', async () => {
    const r = await cli([SEED_002, '--table', '4', '--title', 'Kunjungan Resmi (impor)']);
    expect(r.code).toBe(0);
    const def = loadDefinition(JSON.parse(r.stdout));
    expect(def.title).toBe('Kunjungan Resmi (impor)');
    expect(def.steps).toHaveLength(10);
    expect(r.stderr).toMatch(/Tabel 4: Kunjungan Resmi \(impor\).*perlu diperiksa/);
    expect(r.stderr).toMatch(/\[langkah 6\] steps\.5\.actors actors: "Kepala Bidang Perpustakaan"/);
  }, 60_000);

  it('every table of a file as an array', async () => {
    const r = await cli([SEED_002]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as unknown[]).length).toBe(4);
  }, 60_000);

  it('refuses what is no SOP table with the reason on stderr, nothing on stdout, exit 1', async () => {
    const empty = join(dir, 'kosong.txt');
    writeFileSync(empty, '');
    const noWaktu = join(dir, 'tanpa-waktu.txt');
    writeFileSync(noWaktu, 'NO\tKEGIATAN\tPELAKSANA\tKelengkapan\tOutput\n\t\tPetugas\t\t\n1\tMenyusun\t\tATK\tRencana\n');
    const binary = join(dir, 'gambar.png');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe, 0, 1]));
    for (const [file, words] of [[empty, /kosong/], [noWaktu, /kolom Waktu/], [binary, /bukan teks/], [join(dir, 'tidak-ada.docx'), /tidak ditemukan/]] as const) {
      const r = await cli([file]);
      expect(r.code, file).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(words);
    }
  }, 60_000);

  it('--agency --publish stores the table as the next version of the SOP it names, with the agency role ids', async () => {
    const store = createFirestoreStore(db);
    await seedDemo(store, CATALOG);
    const r = await cli([SEED_002, '--table', '4', '--agency', 'balangan', '--publish'], { FIRESTORE_EMULATOR_HOST: emulatorHost(), GOOGLE_CLOUD_PROJECT: projectId });
    expect(r.stderr).toMatch(/Diterbitkan: kunjungan versi 2 untuk balangan/);
    expect(r.code).toBe(0);
    const active = await store.definition('balangan', 'kunjungan');
    expect(active).toMatchObject({ id: 'kunjungan', version: 2, code: 'KUNJUNGAN' });
    expect(active!.roles.map((x) => x.id)).toEqual(['front_office', 'agendaris', 'pustakawan_pendamping', 'kasi_layanan', 'kabid_perpustakaan']);
    expect((await store.definition('balangan', 'kunjungan', 1))!.source).toMatch(/seeds\/002/);
    // Another agency is untouched.
    expect((await store.definition('sukoharjo', 'kunjungan'))!.version).toBe(1);
  }, 90_000);
});
