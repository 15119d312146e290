// The add-on's Apps Script server code against fakes of Google's globals (test/support/gas-fakes/):
// menu, identity token on every API call, idempotency keys, error mapping, agency resolution and
// opening the sidebar. The "Kasus" dashboard is in dashboard.test.ts.
import type { StepActionRequest } from '../../functions/src/contract.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as server from '../../sheets-addon/src/server/main.ts';
import { A, API, errorOf, installFakes } from '../support/addon-server.ts';
import type { FetchCall, GasFakes, GasFakesOptions } from '../support/gas-fakes/index.ts';
import { cellKey } from '../support/gas-fakes/spreadsheet.ts';

let fakes: GasFakes;
let uninstall: () => void;

function setUp(opts: GasFakesOptions = {}) {
  uninstall?.();
  ({ fakes, uninstall } = installFakes(opts));
}

beforeEach(() => setUp());
afterEach(() => uninstall());

const meReply = {
  agency: { id: 'balangan', name: 'Dinas Perpustakaan dan Kearsipan Kabupaten Balangan', shortName: 'DISPUSIP Balangan', timeZone: 'Asia/Makassar', letterhead: { kota: 'Paringin' } },
  staff: { email: 'rina@example.go.id', name: 'Rina', roles: ['kasi_layanan', 'peran_baru'] },
};
const sopsReply = {
  sops: [
    { id: 'pusling', roles: [{ id: 'kasi_layanan', label: 'Kasi Layanan, Otomasi dan Kerjasama' }, { id: 'petugas_pusling', label: 'Petugas Pusling' }] },
    { id: 'kunjungan', roles: [{ id: 'kasi_layanan', label: 'Kasi Layanan, Otomasi dan Kerjasama Perpustakaan' }] },
  ],
};

describe('menu (onOpen / onInstall)', () => {
  it('under AuthMode.NONE builds the add-on menu with exactly the three items and touches nothing else', () => {
    setUp({ authMode: 'NONE' });
    server.onOpen({ authMode: 'NONE' } as unknown as GoogleAppsScript.Events.SheetsOnOpen);
    expect(fakes.menus).toEqual([
      {
        kind: 'addon',
        items: [
          { caption: 'Buka panel', functionName: 'showSidebar' },
          { caption: 'Kasus baru', functionName: 'showNewCase' },
          { caption: 'Sinkronkan dasbor', functionName: 'syncDashboardFromMenu' },
        ],
      },
    ]);
    expect(fakes.fetches).toEqual([]);
    expect(fakes.calls).toEqual(['SpreadsheetApp.getUi']);
    expect(fakes.mutations).toEqual([]);
  });

  it('onInstall builds the same menu', () => {
    setUp({ authMode: 'FULL' });
    server.onInstall({ authMode: 'FULL' } as unknown as GoogleAppsScript.Events.AddonOnInstall);
    expect(fakes.menus.map((m) => m.items.map((i) => i.caption))).toEqual([['Buka panel', 'Kasus baru', 'Sinkronkan dasbor']]);
    expect(fakes.fetches).toEqual([]);
  });
});

describe('calls to the API', () => {
  beforeEach(() => {
    fakes.documentProperties.data.set('AGENCY_ID', 'balangan');
  });

  it('every call carries the identity token; POSTs carry the idempotency key and a JSON body', () => {
    fakes.on({ method: 'get', url: `${A}/tasks` }, { status: 200, body: { tasks: [] } });
    fakes.on({ method: 'get', url: `${A}/sops` }, { status: 200, body: { sops: [] } });
    fakes.on({ method: 'get', url: `${A}/cases/AbC123` }, { status: 200, body: { case: { id: 'AbC123' } } });
    fakes.on({ method: 'post', url: `${A}/cases` }, { status: 201, body: { state: { id: 'New1' }, replayed: false } });
    fakes.on({ method: 'post', url: `${A}/cases/AbC123/actions` }, { status: 200, body: { state: { version: 3 }, replayed: false } });
    fakes.on({ method: 'post', url: `${A}/cases/AbC123/cancel` }, { status: 200, body: { state: { status: 'cancelled' }, replayed: false } });

    expect(server.listTasks(null)).toEqual({ tasks: [] });
    expect(server.listSops()).toEqual({ sops: [] });
    expect(server.getCase('AbC123')).toEqual({ case: { id: 'AbC123' } });
    const partner = { name: '=HYPERLINK("http://x")', phone: '+62 812 0000' };
    expect(server.createCase({ sop: 'pusling', partner }, 'key-create-0001')).toEqual({ state: { id: 'New1' }, replayed: false });
    server.takeStep('AbC123', { type: 'complete', step: 1, note: 'selesai' }, 'key-step-0001');
    server.cancelCase('AbC123', 'Mitra membatalkan', 2, 'key-cancel-0001');

    expect(fakes.fetches).toHaveLength(6);
    for (const f of fakes.fetches) {
      expect(f.headers.Authorization).toBe('Bearer id-token-of-rina');
      expect(f.muteHttpExceptions).toBe(true);
      expect(f.contentType).toBe('application/json');
    }
    const [tasks, sops, get, create, step, cancel] = fakes.fetches as [FetchCall, FetchCall, FetchCall, FetchCall, FetchCall, FetchCall];
    for (const f of [tasks, sops, get]) {
      expect(f.method).toBe('get');
      expect(f.headers['Idempotency-Key']).toBeUndefined();
      expect(f.payload).toBeUndefined();
    }
    expect(create).toMatchObject({ method: 'post', json: { sop: 'pusling', partner } });
    expect(create.headers['Idempotency-Key']).toBe('key-create-0001');
    expect(step).toMatchObject({ method: 'post', json: { type: 'complete', step: 1, note: 'selesai' } });
    expect(step.headers['Idempotency-Key']).toBe('key-step-0001');
    expect(cancel).toMatchObject({ method: 'post', json: { reason: 'Mitra membatalkan', expectedVersion: 2 } });
    expect(cancel.headers['Idempotency-Key']).toBe('key-cancel-0001');
  });

  it('listCases GETs the agency\'s cases with the identity token and hands the answer over as is', () => {
    const cases = [{ caseId: 'C2', nomor: 'PUSLING/2026/0002', status: 'Terlambat' }, { caseId: 'C1', nomor: 'PUSLING/2026/0001', status: 'Dibatalkan' }];
    fakes.on({ method: 'get', url: `${A}/cases` }, { status: 200, body: { cases } });
    expect(server.listCases(null)).toEqual({ cases });
    expect(fakes.fetches).toHaveLength(1);
    const [list] = fakes.fetches as [FetchCall];
    expect(list).toMatchObject({ method: 'get', url: `${A}/cases`, muteHttpExceptions: true });
    expect(list.headers.Authorization).toBe('Bearer id-token-of-rina');
    expect(list.headers['Idempotency-Key']).toBeUndefined();
    expect(list.payload).toBeUndefined();

    fakes.on({ method: 'get', url: `${A}/cases` }, { status: 403, body: { error: { code: 'NOT_STAFF', message: 'Anda bukan pegawai aktif instansi ini.' } } });
    expect(errorOf(() => server.listCases(null))).toEqual({ code: 'NOT_STAFF', message: 'Anda bukan pegawai aktif instansi ini.' });

    // A search and the next page go to the API as its query; a token that is no token is refused here.
    fakes.on({ method: 'get', url: `${A}/cases?q=sd%20negeri%2F2&pageToken=abc_-1&limit=20` }, { status: 200, body: { cases: [], nextPageToken: null } });
    expect(server.listCases({ q: 'sd negeri/2', pageToken: 'abc_-1', limit: 20 })).toEqual({ cases: [], nextPageToken: null });
    expect(errorOf(() => server.listCases({ pageToken: '../x' }))).toMatchObject({ code: 'INVALID_INPUT', path: 'pageToken' });
    expect(errorOf(() => server.listCases({ limit: 5000 }))).toMatchObject({ code: 'INVALID_INPUT', path: 'limit' });
    // A status narrows the list on the server; a status the API does not know is refused here.
    fakes.on({ method: 'get', url: `${A}/cases?q=0001&status=cancelled&limit=50` }, { status: 200, body: { cases: [], nextPageToken: null } });
    expect(server.listCases({ q: '0001', status: 'cancelled', limit: 50 })).toEqual({ cases: [], nextPageToken: null });
    expect(errorOf(() => server.listCases({ status: 'Terlambat' as never }))).toMatchObject({ code: 'INVALID_INPUT', path: 'status' });
  });

  it('Bimtek: participant pages and the programme\'s writes go to the API with the key; bad ids and limits are refused here', () => {
    const P = `${A}/programmes/spptikdemo`;
    fakes.on({ method: 'get', url: `${P}/participants?event=babel-1&status=registered&pageToken=tok_-1&limit=100` }, { status: 200, body: { participants: [], limit: 100, nextPageToken: null, total: null } });
    expect(server.listParticipants('spptikdemo', { event: 'babel-1', status: 'registered', pageToken: 'tok_-1', limit: 100 })).toMatchObject({ nextPageToken: null });
    fakes.on({ method: 'post', url: `${P}/attendance` }, { status: 200, body: { marked: 2, already: 0, refused: [] } });
    const marks = { event: 'babel-1', session: 2, participants: ['abcdefgh12', 'abcdefgh34'] };
    expect(server.markAttendance('spptikdemo', marks, 'key-hadir-0001')).toEqual({ marked: 2, already: 0, refused: [] });
    fakes.on({ method: 'post', url: `${P}/participants/abcdefgh12/withdraw` }, { status: 200, body: { participant: 'abcdefgh12', status: 'withdrawn', promoted: null } });
    expect(server.withdrawParticipant('spptikdemo', 'abcdefgh12', 'key-undur-0001')).toMatchObject({ status: 'withdrawn' });
    fakes.on({ method: 'post', url: `${P}/mailings` }, { status: 201, body: { mailingId: 'abcdef0123456789abcd', total: 3, created: true } });
    expect(server.startMailing('spptikdemo', 'sertifikat', 'babel-1', 'key-kirim-0001')).toMatchObject({ total: 3 });
    fakes.on({ method: 'get', url: `${P}/mailings/abcdef0123456789abcd` }, { status: 200, body: { sent: 1, queued: 2, failed: 0 } });
    expect(server.mailingProgress('spptikdemo', 'abcdef0123456789abcd')).toMatchObject({ sent: 1, queued: 2 });
    const [list, mark, withdraw, mail, progress] = fakes.fetches as [FetchCall, FetchCall, FetchCall, FetchCall, FetchCall];
    expect(list.method).toBe('get');
    expect(mark).toMatchObject({ method: 'post', json: marks });
    expect(mark.headers['Idempotency-Key']).toBe('key-hadir-0001');
    expect(withdraw.headers['Idempotency-Key']).toBe('key-undur-0001');
    expect(mail).toMatchObject({ json: { kind: 'sertifikat', event: 'babel-1' } });
    expect(progress.method).toBe('get');
    expect(fakes.fetches).toHaveLength(5);

    expect(errorOf(() => server.listParticipants('spptikdemo', { limit: 2001 }))).toMatchObject({ code: 'INVALID_INPUT', path: 'limit' });
    expect(errorOf(() => server.listParticipants('spptikdemo', { event: '../x' }))).toMatchObject({ code: 'INVALID_INPUT', path: 'event' });
    expect(errorOf(() => server.listParticipants('../x', {}))).toMatchObject({ code: 'INVALID_INPUT', path: 'programmeId' });
    expect(errorOf(() => server.withdrawParticipant('spptikdemo', 'A/B', 'key-undur-0002'))).toMatchObject({ code: 'INVALID_INPUT', path: 'participantId' });
    expect(errorOf(() => server.markAttendance('spptikdemo', marks, ''))).toMatchObject({ code: 'INVALID_INPUT', path: 'Idempotency-Key' });
    expect(fakes.fetches).toHaveLength(5);
  });

  it('Bimtek documents: the request is POSTed with its key and only its kind\'s fields; the list and one entry are GETs; bad input is refused here naming the field', () => {
    const P = `${A}/programmes/spptikdemo`;
    const entry = 'bimtek-hadir-0123456789abcdef01234567';
    const made = { request: entry, kind: 'daftar_hadir', event: 'babel-1', documents: [{ entry, title: 'Daftar Hadir Sesi 1', status: 'pending', url: null, pdfUrl: null, error: null }], replayed: false };
    fakes.on({ method: 'post', url: `${P}/documents` }, { status: 202, body: made });
    fakes.on({ method: 'get', url: `${P}/documents?event=babel-1` }, { status: 200, body: { requests: [] } });
    fakes.on({ method: 'get', url: `${P}/documents/${entry}-pelatih-001` }, { status: 200, body: { ...made.documents[0], status: 'ready', url: 'https://docs.google.com/document/d/x/edit' } });

    expect(server.requestProgrammeDocuments('spptikdemo', { kind: 'daftar_hadir', event: 'babel-1', session: 1, tanggal: '2024-05-19' }, 'key-dok-0001')).toEqual(made);
    // Empty optional boxes are left out rather than sent empty (the API would refuse "").
    server.requestProgrammeDocuments('spptikdemo', { kind: 'laporan_pelaksanaan', event: 'babel-1', kendala: 'Sinyal lemah di lokasi.', rekomendasi: '' }, 'key-dok-0002');
    expect(server.listProgrammeDocuments('spptikdemo', 'babel-1')).toEqual({ requests: [] });
    expect(server.programmeDocumentStatus('spptikdemo', `${entry}-pelatih-001`)).toMatchObject({ status: 'ready' });
    const [hadir, laporan, list, one] = fakes.fetches as [FetchCall, FetchCall, FetchCall, FetchCall];
    expect(hadir).toMatchObject({ method: 'post', url: `${P}/documents`, json: { kind: 'daftar_hadir', event: 'babel-1', session: 1, tanggal: '2024-05-19' } });
    expect(hadir.headers['Idempotency-Key']).toBe('key-dok-0001');
    expect(laporan.json).toEqual({ kind: 'laporan_pelaksanaan', event: 'babel-1', kendala: 'Sinyal lemah di lokasi.' });
    expect(laporan.headers['Idempotency-Key']).toBe('key-dok-0002');
    for (const f of [list, one]) {
      expect(f.method).toBe('get');
      expect(f.headers['Idempotency-Key']).toBeUndefined();
    }
    expect(fakes.fetches).toHaveLength(4);

    const refused = (input: unknown) => errorOf(() => server.requestProgrammeDocuments('spptikdemo', input as never, 'key-dok-0003'));
    expect(refused({ kind: 'sertifikat', event: 'babel-1' })).toMatchObject({ code: 'INVALID_INPUT', path: 'kind' });
    expect(refused({ kind: 'undangan', event: '../x' })).toMatchObject({ code: 'INVALID_INPUT', path: 'event' });
    expect(refused({ kind: 'undangan', event: 'babel-1', pukul: '8 pagi' })).toMatchObject({ code: 'INVALID_INPUT', path: 'pukul', message: 'Pukul harus jam JJ.MM, mis. 08.00.' });
    expect(refused({ kind: 'daftar_hadir', event: 'babel-1' })).toMatchObject({ code: 'INVALID_INPUT', path: 'session' });
    expect(refused({ kind: 'daftar_hadir', event: 'babel-1', session: 1, tanggal: '2024-02-31' })).toMatchObject({ code: 'INVALID_INPUT', path: 'tanggal' });
    expect(refused({ kind: 'undangan', event: 'babel-1', session: 1 })).toMatchObject({ code: 'INVALID_INPUT', path: 'session' });
    expect(refused({ kind: 'surat_tugas_pelatih', event: 'babel-1', sessions: [0] })).toMatchObject({ code: 'INVALID_INPUT', path: 'sessions' });
    expect(refused({ kind: 'laporan_pelaksanaan', event: 'babel-1', kendala: 'x'.repeat(3001) })).toMatchObject({ code: 'INVALID_INPUT', path: 'kendala' });
    expect(errorOf(() => server.requestProgrammeDocuments('spptikdemo', { kind: 'undangan', event: 'babel-1' }, ''))).toMatchObject({ code: 'INVALID_INPUT', path: 'Idempotency-Key' });
    expect(errorOf(() => server.listProgrammeDocuments('spptikdemo', 'Babel 1'))).toMatchObject({ code: 'INVALID_INPUT', path: 'event' });
    expect(errorOf(() => server.programmeDocumentStatus('spptikdemo', '../outbox/x'))).toMatchObject({ code: 'INVALID_INPUT', path: 'entry' });
    expect(errorOf(() => server.programmeDocumentStatus('../x', entry))).toMatchObject({ code: 'INVALID_INPUT', path: 'programmeId' });
    expect(fakes.fetches).toHaveLength(4);
  });

  it('the reading desk: visits and books read are POSTed with the idempotency key, the recap is a GET of the month', () => {
    const recap = { month: '2026-07', visits: 3, booksRead: 2, byDay: {}, byCategory: { pelajar: 2, umum: 1 }, byClassification: { '900': 2 }, titles: [{ title: 'Sejarah Banjar', count: 2 }] };
    fakes.on({ method: 'post', url: `${A}/desk/visits` }, { status: 201, body: { id: 'v1', name: 'Siti', category: 'pelajar', month: '2026-07', replayed: false } });
    fakes.on({ method: 'post', url: `${A}/desk/reads` }, { status: 200, body: { id: 'r1', title: 'Sejarah Banjar', copies: 2, month: '2026-07', replayed: true } });
    fakes.on({ method: 'get', url: `${A}/desk/recap?month=2026-07` }, { status: 200, body: recap });

    const visit = { name: 'Siti', institution: 'SMAN 1 Paringin', category: 'pelajar' as const, purpose: 'Tugas sekolah' };
    expect(server.recordVisit(visit, 'key-visit-0001')).toMatchObject({ id: 'v1', replayed: false });
    const read = { title: 'Sejarah Banjar', callNumber: '959.8 SEJ', classification: '959.8', copies: 2 };
    expect(server.recordRead(read, 'key-read-0001')).toMatchObject({ id: 'r1', replayed: true });
    expect(server.deskRecap('2026-07')).toEqual(recap);

    const [v, r, g] = fakes.fetches as [FetchCall, FetchCall, FetchCall];
    expect(fakes.fetches).toHaveLength(3);
    for (const f of fakes.fetches) {
      expect(f.headers.Authorization).toBe('Bearer id-token-of-rina');
      expect(f.muteHttpExceptions).toBe(true);
    }
    expect(v).toMatchObject({ method: 'post', url: `${A}/desk/visits`, json: visit });
    expect(v.headers['Idempotency-Key']).toBe('key-visit-0001');
    expect(r).toMatchObject({ method: 'post', url: `${A}/desk/reads`, json: read });
    expect(r.headers['Idempotency-Key']).toBe('key-read-0001');
    expect(g).toMatchObject({ method: 'get', url: `${A}/desk/recap?month=2026-07` });
    expect(g.headers['Idempotency-Key']).toBeUndefined();
    expect(g.payload).toBeUndefined();

    // The API's refusals reach the sidebar with their fields.
    const error = { code: 'WRONG_ROLE', message: 'Buku tamu pengunjung hanya dapat dicatat oleh Petugas Sirkulasi.' };
    fakes.on({ method: 'post', url: `${A}/desk/visits` }, { status: 403, body: { error } });
    expect(errorOf(() => server.recordVisit(visit, 'key-visit-0002'))).toEqual(error);
  });

  it('refuses a reading-desk call without a key, with a malformed body or month, before calling the API', () => {
    expect(errorOf(() => server.recordVisit({ name: 'Siti' }, ''))).toMatchObject({ code: 'INVALID_INPUT', path: 'Idempotency-Key' });
    expect(errorOf(() => server.recordRead({ title: 'X' }, undefined as unknown as string))).toMatchObject({ code: 'INVALID_INPUT', path: 'Idempotency-Key' });
    expect(errorOf(() => server.recordRead(null as unknown as { title: string }, 'key-read-0002'))).toMatchObject({ code: 'INVALID_INPUT', path: '(body)' });
    for (const month of ['2026-13', '2026-7', '2026-07&x=1', '', 202607 as unknown as string]) {
      expect(errorOf(() => server.deskRecap(month)), String(month)).toMatchObject({ code: 'INVALID_INPUT', path: 'month' });
    }
    expect(fakes.fetches).toEqual([]);
  });

  it('Kiriman mitra: the list with its query, one submission, a case from it with the key, and the partner link', () => {
    const list = { submissions: [], limit: 20, more: false };
    fakes.on({ method: 'get', url: `${A}/submissions?status=rejected&limit=20` }, { status: 200, body: list });
    fakes.on({ method: 'get', url: `${A}/submissions` }, { status: 200, body: { ...list, limit: 50 } });
    fakes.on({ method: 'get', url: `${A}/submissions/pusling_permintaan-ACYD_x-1` }, { status: 200, body: { id: 'pusling_permintaan-ACYD_x-1' } });
    fakes.on({ method: 'post', url: `${A}/submissions/pusling_permintaan-ACYD_x-1/case` }, { status: 201, body: { state: { id: 'New2' }, replayed: false } });
    fakes.on({ method: 'get', url: `${A}/cases/AbC123/partner-link` }, { status: 200, body: { url: 'https://docs.google.com/forms/x' } });

    expect(server.listSubmissions('rejected', 20)).toEqual(list);
    expect(server.listSubmissions(null, null)).toMatchObject({ limit: 50 });
    expect(server.getSubmission('pusling_permintaan-ACYD_x-1')).toEqual({ id: 'pusling_permintaan-ACYD_x-1' });
    const input = { answers: { email: ['benar@example.org'] } };
    expect(server.openSubmissionCase('pusling_permintaan-ACYD_x-1', input, 'key-sub-0001')).toEqual({ state: { id: 'New2' }, replayed: false });
    expect(server.partnerLink('AbC123')).toEqual({ url: 'https://docs.google.com/forms/x' });

    const [, , get, post, link] = fakes.fetches as FetchCall[];
    expect(get).toMatchObject({ method: 'get' });
    expect(post).toMatchObject({ method: 'post', json: input });
    expect(post!.headers['Idempotency-Key']).toBe('key-sub-0001');
    expect(link!.headers['Idempotency-Key']).toBeUndefined();
    for (const f of fakes.fetches) expect(f.headers.Authorization).toBe('Bearer id-token-of-rina');

    // Refused before the API is called.
    const before = fakes.fetches.length;
    expect(errorOf(() => server.listSubmissions('semua' as 'held', null))).toMatchObject({ code: 'INVALID_INPUT', path: 'status' });
    expect(errorOf(() => server.listSubmissions(null, 500))).toMatchObject({ code: 'INVALID_INPUT', path: 'limit' });
    expect(errorOf(() => server.getSubmission('../cases'))).toMatchObject({ code: 'INVALID_INPUT', path: 'submissionId' });
    expect(errorOf(() => server.openSubmissionCase('pusling_permintaan-ACYD_x-1', input, ''))).toMatchObject({ code: 'INVALID_INPUT', path: 'Idempotency-Key' });
    expect(errorOf(() => server.openSubmissionCase('pusling_permintaan-ACYD_x-1', null as unknown as object, 'key-sub-0002'))).toMatchObject({ code: 'INVALID_INPUT', path: '(body)' });
    expect(fakes.fetches).toHaveLength(before);
  });

  it("API errors become Error(JSON) with the API's code, message, path and fields", () => {
    const error = {
      code: 'MISSING_KELENGKAPAN',
      message: 'Kelengkapan langkah 3 belum lengkap: surat_permohonan.',
      path: 'documents.surat_permohonan',
      fields: [{ path: 'documents.surat_permohonan', message: 'Surat permohonan wajib dilampirkan.' }],
    };
    fakes.on({ method: 'post', url: `${A}/cases/AbC123/actions` }, { status: 400, body: { error } });
    expect(errorOf(() => server.takeStep('AbC123', { type: 'complete', step: 3 }, 'key-step-0002'))).toEqual(error);

    fakes.on({ method: 'get', url: `${A}/tasks` }, { status: 403, body: { error: { code: 'NOT_STAFF', message: 'Anda bukan pegawai aktif instansi ini.' } } });
    expect(errorOf(() => server.listTasks(null))).toEqual({ code: 'NOT_STAFF', message: 'Anda bukan pegawai aktif instansi ini.' });
  });

  it('a missing API_URL or identity token is a CONFIG error telling the admin what to set; nothing is fetched', () => {
    fakes.scriptProperties.data.delete('API_URL');
    const noUrl = errorOf(() => server.listTasks(null));
    expect(noUrl.code).toBe('CONFIG');
    expect(noUrl.message).toMatch(/API_URL/);
    expect(noUrl.message).toMatch(/Properti skrip/);

    setUp({ identityToken: null });
    fakes.documentProperties.data.set('AGENCY_ID', 'balangan');
    const noToken = errorOf(() => server.listTasks(null));
    expect(noToken.code).toBe('CONFIG');
    expect(noToken.message).toMatch(/openid/);
    expect(fakes.fetches).toEqual([]);
  });

  it('a user who granted only some permissions is told so, with the link that asks again: not a manifest problem', () => {
    setUp({ identityToken: null });
    fakes.documentProperties.data.set('AGENCY_ID', 'balangan');
    fakes.missingScopes = ['openid'];
    const e = errorOf(() => server.listTasks(null));
    expect(e.code).toBe('AUTH_REQUIRED');
    expect(e.message).toMatch(/sebagian izin tidak dicentang/);
    expect(e.message).toContain('https://script.google.com/macros/d/fake/authorize');
    expect(e.message).not.toMatch(/appsscript\.json|oauthScopes|Admin/);

    // The same when Sheets refuses the dashboard write for a scope the user left unticked.
    fakes.identityToken = 'id-token-of-rina';
    fakes.on({ method: 'get', url: `${A}/cases?limit=1000` }, { status: 200, body: { cases: [], nextPageToken: null } });
    fakes.on({ url: /sheets\.googleapis\.com/ }, { status: 403, body: { error: { code: 403, message: 'Request had insufficient authentication scopes.' } } });
    expect(errorOf(() => server.syncDashboard()).code).toBe('AUTH_REQUIRED');
  });

  it('a reply that is not JSON, or a fetch that fails, is a NETWORK error in Indonesian', () => {
    fakes.on({ url: `${A}/tasks` }, { status: 502, text: '<html><body>502 Bad Gateway</body></html>' });
    const bad = errorOf(() => server.listTasks(null));
    expect(bad.code).toBe('NETWORK');
    expect(bad.message).toMatch(/Layanan tidak dapat dihubungi.*HTTP 502/);

    fakes.on({ url: `${A}/sops` }, { status: 200, text: 'OK' });
    expect(errorOf(() => server.listSops()).code).toBe('NETWORK');

    fakes.on({ url: `${A}/tasks` }, { throws: 'Exception: Address unavailable: https://asia-southeast2-sop-test.cloudfunctions.net/api' });
    const down = errorOf(() => server.listTasks(null));
    expect(down.code).toBe('NETWORK');
    expect(down.message).toMatch(/coba lagi/);
  });

  it('refuses malformed google.script.run arguments before calling the API', () => {
    expect(errorOf(() => server.getCase('../../admin'))).toMatchObject({ code: 'INVALID_INPUT', path: 'caseId' });
    expect(errorOf(() => server.createCase({ sop: 'pusling' }, ''))).toMatchObject({ code: 'INVALID_INPUT', path: 'Idempotency-Key' });
    expect(errorOf(() => server.takeStep('AbC123', null as unknown as StepActionRequest, 'key-step-0003'))).toMatchObject({ code: 'INVALID_INPUT' });
    expect(fakes.fetches).toEqual([]);
  });
});

describe('agency of the spreadsheet', () => {
  const one = [{ agencyId: 'balangan', agencyName: 'Dinas Perpustakaan dan Kearsipan Kabupaten Balangan', roles: ['kasi_layanan'] }];
  const two = [...one, { agencyId: 'sukoharjo', agencyName: 'Dinas Perpustakaan dan Kearsipan Kabupaten Sukoharjo', roles: ['petugas_monev'] }];

  it('one membership is chosen and stored automatically', () => {
    fakes.on({ url: `${API}/v1/me` }, { status: 200, body: { email: 'rina@example.go.id', memberships: one } });
    fakes.on({ url: `${A}/me` }, { status: 200, body: meReply });
    fakes.on({ url: `${A}/sops` }, { status: 200, body: sopsReply });
    expect(server.whoAmI()).toEqual({
      email: 'rina@example.go.id',
      name: 'Rina',
      agency: { id: 'balangan', name: 'Dinas Perpustakaan dan Kearsipan Kabupaten Balangan', shortName: 'DISPUSIP Balangan', timeZone: 'Asia/Makassar' },
      roles: [
        { id: 'kasi_layanan', label: 'Kasi Layanan, Otomasi dan Kerjasama' },
        { id: 'peran_baru', label: 'peran_baru' },
      ],
    });
    expect(fakes.documentProperties.getProperty('AGENCY_ID')).toBe('balangan');
    // Next time: the stored agency without asking /v1/me, the role labels from the user cache.
    server.whoAmI();
    expect(fakes.fetches.map((f) => f.url)).toEqual([`${API}/v1/me`, `${A}/me`, `${A}/sops`, `${A}/me`]);
  });

  it('several memberships -> CHOOSE_AGENCY; chooseAgency stores the choice after checking membership', () => {
    fakes.on({ url: `${API}/v1/me` }, { status: 200, body: { email: 'rina@example.go.id', memberships: two } });
    fakes.on({ url: `${A}/me` }, { status: 200, body: meReply });
    fakes.on({ url: `${A}/sops` }, { status: 200, body: sopsReply });
    expect(errorOf(() => server.whoAmI())).toMatchObject({ code: 'CHOOSE_AGENCY' });
    expect(fakes.documentProperties.getProperty('AGENCY_ID')).toBeNull();
    expect(server.listMemberships()).toEqual(two);

    expect(errorOf(() => server.chooseAgency('babel'))).toMatchObject({ code: 'NOT_STAFF', path: 'agencyId' });
    expect(fakes.documentProperties.getProperty('AGENCY_ID')).toBeNull();

    expect(server.chooseAgency('balangan').agency.id).toBe('balangan');
    expect(fakes.documentProperties.getProperty('AGENCY_ID')).toBe('balangan');
  });

  it('no membership at all is NOT_STAFF with the e-mail in the message', () => {
    fakes.on({ url: `${API}/v1/me` }, { status: 200, body: { email: 'orang.lain@gmail.com', memberships: [] } });
    const e = errorOf(() => server.whoAmI());
    expect(e.code).toBe('NOT_STAFF');
    expect(e.message).toMatch(/orang\.lain@gmail\.com/);
  });
});

describe('sidebar', () => {
  it('"Buka panel" opens Sidebar.html titled "Layanan Perpustakaan"; "Kasus baru" opens it at the new-case view once', () => {
    fakes.documentProperties.data.set('AGENCY_ID', 'balangan');
    fakes.on({ url: `${A}/me` }, { status: 200, body: meReply });
    fakes.on({ url: `${A}/sops` }, { status: 200, body: sopsReply });

    server.showSidebar();
    expect(fakes.sidebars.map((s) => [s.file, s.title])).toEqual([['Sidebar', 'Layanan Perpustakaan']]);
    expect(server.whoAmI().initialView).toBeUndefined();

    server.showNewCase();
    expect(fakes.sidebars).toHaveLength(2);
    expect(server.whoAmI().initialView).toBe('new-case');
    expect(server.whoAmI().initialView).toBeUndefined();

    // "Kasus baru" then "Buka panel": the plain panel wins.
    server.showNewCase();
    server.showSidebar();
    expect(server.whoAmI().initialView).toBeUndefined();
  });
});

describe('Impor SOP from the selected range', () => {
  it('sends the selection as rows, as displayed, without the empty rows and columns around it; refuses no selection', () => {
    fakes.documentProperties.data.set('AGENCY_ID', 'balangan');
    const sheet = fakes.spreadsheet.getSheets()[0]!;
    const table = [
      ['', '', '', ''],
      ['NO', 'KEGIATAN', 'Petugas', 'Waktu', ''],
      ['1', 'Menyusun rencana', '', '30 menit', ''],
      ['', '', '', '', ''],
    ];
    table.forEach((r, i) => r.forEach((v, j) => v && sheet.cells.set(cellKey(i + 1, j + 1), v)));
    expect(errorOf(() => server.previewSopImportFromSelection(null))).toMatchObject({ code: 'INVALID_INPUT', path: 'rows' });
    fakes.activeRange = sheet.getRange(1, 1, 4, 5);
    fakes.on({ method: 'post', url: `${A}/sop-imports/preview` }, { status: 200, body: { drafts: [] } });
    expect(server.previewSopImportFromSelection('SOP Uji')).toEqual({ drafts: [] });
    const post = (fakes.fetches as FetchCall[]).at(-1)!;
    expect(post).toMatchObject({ method: 'post', json: { rows: [['NO', 'KEGIATAN', 'Petugas', 'Waktu'], ['1', 'Menyusun rencana', '', '30 menit']], title: 'SOP Uji' } });
    fakes.activeRange = sheet.getRange(10, 1, 2, 2);
    expect(errorOf(() => server.previewSopImportFromSelection(null))).toMatchObject({ code: 'INVALID_INPUT', path: 'rows' });
  });
});
