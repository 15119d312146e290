// `upload-logo` and the Google templates: the lambang daerah stored for both renderers (a local copy,
// the agency's Drive folder, its SHA-256 on the agency), the template Docs uploaded again with the
// image in their kop and the replaced ones trashed; upload-templates finding it again in Drive.
// Against the Firestore emulator and the fake Google API server, through the real Drive client.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { agencyLambang, installLambang, localLambang } from '../../functions/src/admin/lambang.ts';
import { LAMBANG_NAME } from '../../functions/src/documents/docx/lambang.ts';
import { uploadDocxTemplates } from '../../functions/src/documents/google.ts';
import { TEMPLATES_DIR } from '../../functions/src/documents/templates.ts';
import type { AgencyInput } from '../../functions/src/model/records.ts';
import { createFirestoreStore } from '../../functions/src/store/firestore.ts';
import { fakeClients, startFakeGoogle, type FakeGoogle } from '../support/fake-google/index.ts';
import { testFirestore } from '../support/firestore.ts';
import { TEST_LAMBANG } from '../support/letter-pages.ts';

const FILES = { surat_dinas: join(TEMPLATES_DIR, 'surat_dinas.docx'), draft_pks: join(TEMPLATES_DIR, 'draft_pks.docx') };
const LETTERHEAD = { pemerintah: 'PEMERINTAH KABUPATEN BALANGAN', dinas: 'DINAS PERPUSTAKAAN DAN KEARSIPAN', alamat: 'Paringin', kota: 'Balangan' };
const AGENCY: AgencyInput = { name: 'Dinas Perpustakaan dan Kearsipan Kabupaten Balangan', shortName: 'DISPUSIP Balangan', timeZone: 'Asia/Makassar', letterhead: LETTERHEAD };

let fake: FakeGoogle;
let clients: ReturnType<typeof fakeClients>;
const { db } = testFirestore('lambang');
const store = createFirestoreStore(db);
let localDir: string;

beforeAll(async () => {
  fake = await startFakeGoogle();
  clients = fakeClients(fake);
  localDir = await mkdtemp(join(tmpdir(), 'lambang-'));
});
afterAll(async () => {
  await fake.close();
  await db.terminate();
  await rm(localDir, { recursive: true, force: true });
});
beforeEach(() => fake.reset());

/** The .docx bodies uploaded to Drive, by file name. */
function uploadedDocx(): Map<string, PizZip> {
  const out = new Map<string, PizZip>();
  for (const r of fake.requests.filter((q) => q.path === '/upload/drive/v3/files')) {
    const [meta, media] = r.body as { contentType: string; body: unknown }[];
    if (media!.contentType.startsWith('application/vnd.openxmlformats')) out.set((meta!.body as { name: string }).name, new PizZip(media!.body as Buffer));
  }
  return out;
}

const deps = () => ({ store, drive: () => clients.drive, templateFiles: FILES, localDir });

describe('uploadDocxTemplates', () => {
  it("puts the agency's lambang in the kop of the uploaded templates, or none", async () => {
    await uploadDocxTemplates({ drive: clients.drive, folderId: 'folder-a', files: FILES, lambang: TEST_LAMBANG });
    const surat = uploadedDocx().get('surat_dinas')!;
    expect(surat.file('word/document.xml')!.asText()).toContain(`name="${LAMBANG_NAME}"`);
    const media = Object.keys(surat.files).filter((f) => f.startsWith('word/media/'));
    expect(media.map((m) => surat.file(m)!.asNodeBuffer().equals(TEST_LAMBANG))).toEqual([true]);

    fake.reset();
    await uploadDocxTemplates({ drive: clients.drive, folderId: 'folder-a', files: FILES });
    for (const [name, zip] of uploadedDocx()) {
      expect(zip.file('word/document.xml')!.asText(), name).not.toContain('<w:drawing>');
      expect(Object.keys(zip.files).filter((f) => f.startsWith('word/media/')), name).toEqual([]);
    }
  });
});

describe('upload-logo', () => {
  it('stores the PNG for both renderers and uploads the template Docs again with it, trashing the old ones', async () => {
    fake.addTemplate('old-surat', 'lama', 'surat_dinas');
    fake.addTemplate('old-pks', 'lama', 'draft_pks');
    await store.putAgency('balangan', { ...AGENCY, google: { folderId: 'folder-b', templates: { surat_dinas: 'old-surat', draft_pks: 'old-pks' } } });

    const r = await installLambang(deps(), 'balangan', TEST_LAMBANG);

    expect(r.templates).toBe(2);
    expect((await localLambang(localDir, 'balangan'))!.equals(TEST_LAMBANG)).toBe(true);
    const agency = (await store.agency('balangan'))!;
    expect(agency.letterhead!.logo).toEqual({ sha256: r.sha256, driveFileId: r.driveFileId });
    expect(agency.letterhead!.pemerintah).toBe(LETTERHEAD.pemerintah);
    const png = fake.documents.get(r.driveFileId!)!;
    expect(png).toMatchObject({ mimeType: 'image/png', parents: ['folder-b'], appProperties: { sopLambang: 'balangan' } });
    expect(png.bytes!.equals(TEST_LAMBANG)).toBe(true);
    const ids = agency.google!.templates;
    expect(Object.keys(ids).sort()).toEqual(['draft_pks', 'surat_dinas']);
    expect(Object.values(ids)).not.toContain('old-surat');
    expect(fake.documents.get(ids['surat_dinas']!)!.parents).toEqual(['folder-b']);
    expect(fake.documents.get('old-surat')!.trashed).toBe(true);
    expect(fake.documents.get('old-pks')!.trashed).toBe(true);
    expect(uploadedDocx().get('surat_dinas')!.file('word/document.xml')!.asText()).toContain(`name="${LAMBANG_NAME}"`);

    // upload-templates finds it again in Drive, and notices a file that is not the one recorded.
    expect((await agencyLambang(clients.drive, agency))!.equals(TEST_LAMBANG)).toBe(true);
    png.bytes = Buffer.concat([TEST_LAMBANG, Buffer.from([0])]);
    await expect(agencyLambang(clients.drive, agency)).rejects.toThrow(/not the one recorded/);
  });

  it('without a Drive folder keeps the local copy and records the PNG for the templates uploaded later', async () => {
    await store.putAgency('sukoharjo', { ...AGENCY, name: 'Dinas Perpustakaan dan Kearsipan Kabupaten Sukoharjo' });
    const r = await installLambang(deps(), 'sukoharjo', TEST_LAMBANG);
    expect(r).toMatchObject({ driveFileId: null, templates: 0 });
    expect(fake.requests).toEqual([]);
    expect((await store.agency('sukoharjo'))!.letterhead!.logo).toEqual({ sha256: r.sha256 });
    expect(await agencyLambang(clients.drive, (await store.agency('sukoharjo'))!)).toBeNull();
    expect(await readFile(join(localDir, 'sukoharjo.png'))).toEqual(TEST_LAMBANG);
  });

  it('refuses a file that is not a PNG, and an agency without a letterhead, before storing anything', async () => {
    await expect(installLambang(deps(), 'balangan', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).rejects.toThrow(/bukan gambar PNG/);
    await store.putAgency('tanpa-kop', { name: 'Dinas X', shortName: 'X', timeZone: 'Asia/Jakarta' });
    await expect(installLambang(deps(), 'tanpa-kop', TEST_LAMBANG)).rejects.toThrow(/no letterhead/);
    await expect(installLambang(deps(), 'tidak-ada', TEST_LAMBANG)).rejects.toThrow(/does not exist/);
    expect(await localLambang(localDir, 'tanpa-kop')).toBeNull();
    expect(fake.requests).toEqual([]);
  });
});
