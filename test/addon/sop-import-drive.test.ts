// Impor SOP from Drive, the add-on's server side against the Apps Script fakes: listDriveDocx asks
// Drive REST v3 files.list for the user's .docx files (not trashed, newest first, by name, a page at
// a time) with the user's OAuth token, and previewSopImportFromDrive reads the chosen one (metadata
// first, so a file over the panel's limit or not a .docx is refused before it is downloaded) into the
// same preview request as an upload from the device.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DRIVE_API_PREFIX, SHEETS_API_PREFIX } from '../../sheets-addon/build.ts';
import { DOCX_MIME, MAX_DOCX_BYTES } from '../../sheets-addon/src/limits.ts';
import * as server from '../../sheets-addon/src/server/main.ts';
import { A, API, errorOf, installFakes } from '../support/addon-server.ts';
import { DRIVE_READONLY, type GasFakes } from '../support/gas-fakes/index.ts';

let fakes: GasFakes;
let uninstall: () => void;
beforeEach(() => {
  // The manifest's whitelist as build.ts writes it: a Drive URL outside it would throw, as in production.
  ({ fakes, uninstall } = installFakes({ urlFetchWhitelist: [`${API}/`, SHEETS_API_PREFIX, DRIVE_API_PREFIX] }));
  fakes.documentProperties.data.set('AGENCY_ID', 'balangan');
});
afterEach(() => uninstall());

const FILES = 'https://www.googleapis.com/drive/v3/files';
const day = (n: number) => new Date(Date.UTC(2026, 10, n, 3)).toISOString();
/** Bytes above 127 too, so a signed/unsigned slip in the base64 shows. */
const bytesOf = (n: number, seed = 7) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) % 256);
const driveFetches = () => fakes.fetches.filter((f) => f.url.startsWith(FILES));
const paramsOf = (url: string) => Object.fromEntries(new URL(url).searchParams);

describe('listDriveDocx', () => {
  it("lists the user's .docx files only, not trashed, newest first, with the user's token and the request Drive documents", () => {
    fakes.drive
      .add({ id: 'docx-kunjungan-01', name: 'SOP Kunjungan Resmi.docx', mimeType: DOCX_MIME, modifiedTime: day(3), bytes: bytesOf(2048) })
      .add({ id: 'docx-referensi-01', name: 'SOP Layanan Referensi.docx', mimeType: DOCX_MIME, modifiedTime: day(9), bytes: bytesOf(5000) })
      .add({ id: 'docx-lama-000001', name: 'SOP lama.docx', mimeType: DOCX_MIME, modifiedTime: day(10), bytes: bytesOf(10), trashed: true })
      .add({ id: 'docx-orang-lain1', name: 'SOP orang lain.docx', mimeType: DOCX_MIME, modifiedTime: day(11), bytes: bytesOf(10), hidden: true })
      .add({ id: 'gdoc-sop-pusling', name: 'SOP Pusling', mimeType: 'application/vnd.google-apps.document', modifiedTime: day(12) })
      .add({ id: 'pdf-sop-pusling1', name: 'SOP Pusling.pdf', mimeType: 'application/pdf', modifiedTime: day(12), bytes: bytesOf(10) });
    const page = server.listDriveDocx(null, null);
    expect(page).toEqual({
      files: [
        { id: 'docx-referensi-01', name: 'SOP Layanan Referensi.docx', modifiedTime: day(9), sizeBytes: 5000 },
        { id: 'docx-kunjungan-01', name: 'SOP Kunjungan Resmi.docx', modifiedTime: day(3), sizeBytes: 2048 },
      ],
      nextPageToken: null,
    });
    const [call] = driveFetches();
    expect(driveFetches()).toHaveLength(1);
    expect(call).toMatchObject({ method: 'get', headers: { Authorization: 'Bearer oauth-token-of-rina' }, muteHttpExceptions: true });
    expect(paramsOf(call!.url)).toEqual({
      q: `mimeType='${DOCX_MIME}' and trashed=false`,
      pageSize: '50',
      orderBy: 'modifiedTime desc',
      fields: 'nextPageToken,files(id,name,modifiedTime,size)',
      corpora: 'allDrives',
      includeItemsFromAllDrives: 'true',
      supportsAllDrives: 'true',
    });
  });

  it('searches by name as Drive does (the start of a word, any case), quoting what the user typed', () => {
    fakes.drive
      .add({ id: 'docx-kunjungan-01', name: 'SOP Kunjungan Resmi.docx', mimeType: DOCX_MIME, modifiedTime: day(3), bytes: bytesOf(20) })
      .add({ id: 'docx-kepala-0001', name: "SOP Kepala's Office (draft).docx", mimeType: DOCX_MIME, modifiedTime: day(4), bytes: bytesOf(20) });
    expect(server.listDriveDocx('kunj', null).files.map((f) => f.id)).toEqual(['docx-kunjungan-01']);
    expect(server.listDriveDocx('ungan', null).files).toEqual([]);
    expect(server.listDriveDocx("kepala's", null).files.map((f) => f.id)).toEqual(['docx-kepala-0001']);
    expect(paramsOf(driveFetches().at(-1)!.url).q).toBe(`mimeType='${DOCX_MIME}' and trashed=false and name contains 'kepala\\'s'`);
    expect(server.listDriveDocx('  ', null).files).toHaveLength(2);
    expect(errorOf(() => server.listDriveDocx('a\nb', null))).toMatchObject({ code: 'INVALID_INPUT', path: 'search' });
    expect(errorOf(() => server.listDriveDocx('x'.repeat(101), null))).toMatchObject({ code: 'INVALID_INPUT', path: 'search' });
  });

  it('pages through 120 files 50 at a time, each once, none left out', () => {
    for (let i = 0; i < 120; i++) fakes.drive.add({ id: `docx-file-${String(i).padStart(5, '0')}`, name: `SOP ${i}.docx`, mimeType: DOCX_MIME, modifiedTime: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(), bytes: bytesOf(10) });
    const seen: string[] = [];
    let token: string | null = null;
    const sizes: number[] = [];
    do {
      const page = server.listDriveDocx(null, token);
      sizes.push(page.files.length);
      seen.push(...page.files.map((f) => f.id));
      token = page.nextPageToken;
    } while (token);
    expect(sizes).toEqual([50, 50, 20]);
    expect(new Set(seen).size).toBe(120);
    expect(seen[0]).toBe('docx-file-00119');
    expect(paramsOf(driveFetches()[1]!.url).pageToken).toBeTruthy();
    expect(errorOf(() => server.listDriveDocx(null, 'bukan token!'))).toMatchObject({ code: 'INVALID_INPUT', path: 'pageToken' });
  });

  it('a user who did not grant the Drive permission is told how to grant it', () => {
    fakes.missingScopes = [DRIVE_READONLY];
    expect(errorOf(() => server.listDriveDocx(null, null))).toMatchObject({ code: 'AUTH_REQUIRED' });
  });
});

describe('previewSopImportFromDrive', () => {
  it('reads the metadata, then the bytes, and sends them as the upload does (base64, the title)', () => {
    const bytes = bytesOf(150_000);
    fakes.drive.add({ id: 'docx-kunjungan-01', name: 'SOP Kunjungan Resmi.docx', mimeType: DOCX_MIME, modifiedTime: day(3), bytes });
    fakes.on({ method: 'post', url: `${A}/sop-imports/preview` }, { status: 200, body: { drafts: [] } });
    expect(server.previewSopImportFromDrive('docx-kunjungan-01', 'SOP Kunjungan')).toEqual({ drafts: [] });
    const [meta, media, post] = fakes.fetches;
    expect(fakes.fetches).toHaveLength(3);
    expect(meta!.url).toBe(`${FILES}/docx-kunjungan-01?fields=id%2Cname%2CmimeType%2Csize&supportsAllDrives=true`);
    expect(media!.url).toBe(`${FILES}/docx-kunjungan-01?alt=media&supportsAllDrives=true`);
    for (const f of [meta!, media!]) expect(f.headers.Authorization).toBe('Bearer oauth-token-of-rina');
    expect(post).toMatchObject({ method: 'post', url: `${A}/sop-imports/preview`, json: { docxBase64: Buffer.from(bytes).toString('base64'), title: 'SOP Kunjungan' } });
  });

  it('refuses before downloading: a file over the limit, a Google Doc, a file the user cannot see, a bad id', () => {
    fakes.drive
      .add({ id: 'docx-besar-00001', name: 'SOP besar.docx', mimeType: DOCX_MIME, modifiedTime: day(3), bytes: bytesOf(MAX_DOCX_BYTES + 1) })
      .add({ id: 'gdoc-sop-pusling', name: 'SOP Pusling', mimeType: 'application/vnd.google-apps.document', modifiedTime: day(3) })
      .add({ id: 'docx-orang-lain1', name: 'SOP orang lain.docx', mimeType: DOCX_MIME, modifiedTime: day(3), bytes: bytesOf(10), hidden: true });
    const big = errorOf(() => server.previewSopImportFromDrive('docx-besar-00001', null));
    expect(big).toMatchObject({ code: 'INVALID_INPUT', path: 'fileId' });
    expect(big.message).toMatch(/SOP besar\.docx terlalu besar .*191 KB; paling besar 190 KB.*import-sop/);
    const gdoc = errorOf(() => server.previewSopImportFromDrive('gdoc-sop-pusling', null));
    expect(gdoc).toMatchObject({ code: 'INVALID_INPUT', path: 'fileId' });
    expect(gdoc.message).toMatch(/SOP Pusling bukan dokumen Word/);
    expect(errorOf(() => server.previewSopImportFromDrive('docx-orang-lain1', null))).toMatchObject({ code: 'NOT_FOUND', path: 'fileId' });
    expect(errorOf(() => server.previewSopImportFromDrive('../x', null))).toMatchObject({ code: 'INVALID_INPUT', path: 'fileId' });
    expect(errorOf(() => server.previewSopImportFromDrive('docx-orang-lain1', 'a\nb'))).toMatchObject({ code: 'INVALID_INPUT', path: 'title' });
    // Only metadata was read: no download, nothing sent to the API.
    expect(fakes.fetches.filter((f) => f.url.includes('alt=media'))).toEqual([]);
    expect(fakes.fetchesTo(API)).toEqual([]);
  });
});
