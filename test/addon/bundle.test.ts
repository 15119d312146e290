// The push-ready add-on folder: built by the real build (esbuild + the sidebar build) into a temp
// dir, then Code.js is loaded in node:vm with fakes of Apps Script's globals, the way Apps Script
// loads it: every function a trigger, a menu item or google.script.run calls must be top-level.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAddon, sidebarCallNames, whitelistPrefix, type AddonBuildResult } from '../../sheets-addon/build.ts';
import { GasFakes } from '../support/gas-fakes/index.ts';

const API = 'https://asia-southeast2-sop-test.cloudfunctions.net/api';
const SIDEBAR_CALLS = [
  'whoAmI',
  'listMemberships',
  'chooseAgency',
  'listTasks',
  'listSops',
  'listCases',
  'getCase',
  'createCase',
  'takeStep',
  'cancelCase',
  'recordVisit',
  'recordRead',
  'deskRecap',
  'syncDashboard',
  'syncDashboardRow',
  'listSubmissions',
  'getSubmission',
  'openSubmissionCase',
  'partnerLink',
  'previewSopImport',
  'previewSopImportFromSelection',
  'listDriveDocx',
  'previewSopImportFromDrive',
  'publishSopImport',
  'writeProgrammeReport',
  'listProgrammes',
  'programmeSummary',
  'listParticipants',
  'markAttendance',
  'withdrawParticipant',
  'issueCertificates',
  'startMailing',
  'listMailings',
  'mailingProgress',
  'requestProgrammeDocuments',
  'listProgrammeDocuments',
  'programmeDocumentStatus',
  'taskSummary',
  'sopReport',
  'requestReportDocument',
  'reportDocumentStatus',
  'ikmReport',
  'digestSetting',
  'setDigest',
  'writeSopReport',
];
const ENTRY_POINTS = ['onOpen', 'onInstall', 'showSidebar', 'showNewCase', 'syncDashboardFromMenu', ...SIDEBAR_CALLS];

let dir: string;
let built: AddonBuildResult;
let code: string;
let manifest: { oauthScopes: string[]; urlFetchWhitelist: string[]; runtimeVersion: string; timeZone: string };
let sidebarHtml: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'addon-build-'));
  built = await buildAddon({ outDir: dir, apiUrl: API, warn: () => {} });
  code = await readFile(path.join(dir, 'Code.js'), 'utf8');
  manifest = JSON.parse(await readFile(path.join(dir, 'appsscript.json'), 'utf8'));
  sidebarHtml = await readFile(path.join(dir, 'Sidebar.html'), 'utf8');
}, 120_000);
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function load(fakes: GasFakes): vm.Context {
  const ctx = vm.createContext({ ...fakes.globals, console });
  vm.runInContext(code, ctx, { filename: 'Code.js' });
  return ctx;
}

describe('the built folder', () => {
  it('holds exactly what clasp pushes: Code.js, appsscript.json, Sidebar.html', async () => {
    expect((await readdir(dir)).sort()).toEqual(['Code.js', 'Sidebar.html', 'appsscript.json']);
    expect(built.warnings).toEqual([]);
    expect(sidebarHtml).toMatch(/<script>/);
  });

  it('the manifest: V8, Asia/Jakarta, the scopes, the API, Sheets and Drive in the fetch whitelist', () => {
    expect(manifest).toMatchObject({ timeZone: 'Asia/Jakarta', runtimeVersion: 'V8', exceptionLogging: 'STACKDRIVER' });
    expect(manifest.oauthScopes.sort()).toEqual(
      [
        'openid',
        'https://www.googleapis.com/auth/userinfo.email',
        'https://www.googleapis.com/auth/script.external_request',
        'https://www.googleapis.com/auth/spreadsheets.currentonly',
        'https://www.googleapis.com/auth/script.container.ui',
        'https://www.googleapis.com/auth/drive.file',
        // Impor SOP lists the user's .docx files in Drive (README, "Sheets add-on": why not the Picker).
        'https://www.googleapis.com/auth/drive.readonly',
      ].sort(),
    );
    expect(manifest.urlFetchWhitelist).toEqual([`${API}/`, 'https://sheets.googleapis.com/', 'https://www.googleapis.com/drive/v3/']);
  });

  it('the contract lists the calls this test expects', async () => {
    const contract = await readFile(new URL('../../sheets-addon/src/contract.ts', import.meta.url), 'utf8');
    expect(sidebarCallNames(contract).sort()).toEqual([...SIDEBAR_CALLS].sort());
  });
});

describe('Code.js in node:vm', () => {
  it('defines every entry point as a top-level function', () => {
    const ctx = load(new GasFakes());
    for (const name of ENTRY_POINTS) {
      expect(typeof ctx[name], name).toBe('function');
      expect(code, name).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    }
    expect([...built.entryPoints].sort()).toEqual([...ENTRY_POINTS].sort());
  });

  it('onOpen({authMode: "NONE"}) builds the menu and needs no authorisation', () => {
    const fakes = new GasFakes({ authMode: 'NONE' });
    const ctx = load(fakes);
    vm.runInContext("onOpen({ authMode: 'NONE' })", ctx);
    expect(fakes.menus.map((m) => m.items)).toEqual([
      [
        { caption: 'Buka panel', functionName: 'showSidebar' },
        { caption: 'Kasus baru', functionName: 'showNewCase' },
        { caption: 'Sinkronkan dasbor', functionName: 'syncDashboardFromMenu' },
      ],
    ]);
    expect(fakes.fetches).toEqual([]);
    // Every menu item names a top-level function.
    for (const item of fakes.menus[0]!.items) expect(typeof ctx[item.functionName]).toBe('function');
  });

  it('the sidebar and a sync work through the stubs, inside the manifest whitelist', () => {
    const fakes = new GasFakes({ htmlFiles: { Sidebar: sidebarHtml }, urlFetchWhitelist: manifest.urlFetchWhitelist });
    fakes.scriptProperties.data.set('API_URL', API);
    fakes.documentProperties.data.set('AGENCY_ID', 'balangan');
    fakes.on({ url: /\/v1\/agencies\/balangan\/cases(\?limit=1000)?$/ }, { status: 200, body: { cases: [{ nomor: 'PUSLING/2026/0001', mitra: '=1+1' }] } });
    const ctx = load(fakes);

    vm.runInContext('showSidebar()', ctx);
    expect(fakes.sidebars[0]?.getContent()).toBe(sidebarHtml);
    expect(fakes.sidebars[0]?.getTitle()).toBe('Layanan Perpustakaan');

    // "Semua kasus" reads the same rows through its own top-level stub.
    expect(JSON.stringify(vm.runInContext('listCases()', ctx))).toBe(JSON.stringify({ cases: [{ nomor: 'PUSLING/2026/0001', mitra: '=1+1' }] }));

    vm.runInContext('syncDashboardFromMenu()', ctx);
    expect(fakes.spreadsheet.toasts.map((t) => t.message)).toEqual(['1 kasus disinkronkan ke lembar "Kasus".']);
    expect(fakes.sheet('Kasus').values()[1]).toEqual(['PUSLING/2026/0001', '', '=1+1', '', '', '', '', '', '']);

    // google.script.run failures reach the sidebar as Error(JSON of ApiError).
    fakes.scriptProperties.data.delete('API_URL');
    expect(() => vm.runInContext('listTasks()', ctx)).toThrow(/"code":"CONFIG"/);
  });
});

describe('build checks', () => {
  it('fails when a SidebarCalls name has no export', async () => {
    const contract = 'export interface SidebarCalls {\n  whoAmI(): unknown;\n  archiveCase(caseId: string): unknown;\n}\n';
    const out = path.join(dir, 'never');
    await expect(buildAddon({ outDir: out, apiUrl: API, contractSource: contract, warn: () => {} })).rejects.toThrow(/archiveCase/);
    await expect(readdir(out)).rejects.toThrow();
  });

  it('the whitelist entry is the https URL of the API ending in "/"; a missing URL is a placeholder with a warning', async () => {
    expect(whitelistPrefix('https://asia-southeast2-p.cloudfunctions.net/api')).toBe('https://asia-southeast2-p.cloudfunctions.net/api/');
    expect(whitelistPrefix('https://api-abc-et.a.run.app/')).toBe('https://api-abc-et.a.run.app/');
    expect(() => whitelistPrefix('http://localhost:8080/api')).toThrow(/https/);

    const saved = process.env.ADDON_API_URL;
    delete process.env.ADDON_API_URL;
    try {
      const warnings: string[] = [];
      const r = await buildAddon({ outDir: path.join(dir, 'placeholder'), warn: (m) => warnings.push(m) });
      expect(r.urlFetchWhitelist[0]).toBe('https://REGION-PROJECT.cloudfunctions.net/');
      expect(warnings.join('\n')).toMatch(/ADDON_API_URL/);
    } finally {
      if (saved !== undefined) process.env.ADDON_API_URL = saved;
    }
  }, 60_000);
});
