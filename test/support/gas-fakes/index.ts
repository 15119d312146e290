/// <reference types="google-apps-script" />
// Fakes of the Apps Script globals the add-on's server code uses: SpreadsheetApp (one spreadsheet
// with sheets, ranges, formatting, frozen rows, filters, embedded charts and toasts: ./spreadsheet.ts; the add-on
// menu and the sidebar: ./services.ts), UrlFetchApp (records every fetch and answers from scripted
// responders: ./url-fetch.ts; it also serves the Sheets REST values:batchUpdate against the fake
// spreadsheet, RAW only: ./sheets-rest.ts, and Drive REST v3 files.list/get from `drive`: ./drive-rest.ts),
// Utilities.base64Encode, ScriptApp (AuthMode, identity and OAuth tokens),
// HtmlService, PropertiesService and CacheService (./services.ts).
//
// `authMode` mimics Apps Script's restrictions: under 'NONE' (a simple trigger before the add-on is
// authorised in the document) properties, caches, UrlFetch and tokens throw, as they do in production.
//
// install() puts them on globalThis (for modules imported in the test); `globals` is the same set
// for a node:vm context.
import { FakeCache, FakeHtmlOutput, type FakeMenu, FakeProperties, fakeUi } from './services.ts';
import { DRIVE_FILES_URL, FakeDrive } from './drive-rest.ts';
import { SHEETS_VALUES_BATCH_UPDATE, sheetsValuesBatchUpdate } from './sheets-rest.ts';
import { type FakeSheet, FakeSpreadsheet } from './spreadsheet.ts';
import { type FetchCall, type FetchMatcher, type FetchResponder, FakeUrlFetch } from './url-fetch.ts';

export { FakeCache, FakeHtmlOutput, type FakeMenu, FakeProperties, type MutationLog } from './services.ts';
export { parseA1 } from './sheets-rest.ts';
export { DRIVE_READONLY, FakeDrive, type FakeDriveFile } from './drive-rest.ts';
export { FakeChart, FakeChartBuilder, FakeFilter, FakeRange, FakeSheet, FakeSpreadsheet } from './spreadsheet.ts';
export { type FetchCall, type FetchMatcher, type FetchReply, type FetchResponder, FakeUrlFetch } from './url-fetch.ts';

export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';

export interface GasFakesOptions {
  spreadsheetId?: string;
  identityToken?: string | null;
  oauthToken?: string;
  authMode?: AuthModeName;
  /** Project HTML files by name (without .html). */
  htmlFiles?: Record<string, string>;
  /** When set, fetches to URLs outside these prefixes throw, as with the manifest's urlFetchWhitelist. */
  urlFetchWhitelist?: string[];
}

export class GasFakes {
  /** Every service entry point called, e.g. `PropertiesService.getDocumentProperties`, `UrlFetchApp.fetch`. */
  readonly calls: string[] = [];
  /** Every change to the spreadsheet, its properties or its UI state. */
  readonly mutations: string[] = [];
  readonly menus: FakeMenu[] = [];
  readonly sidebars: FakeHtmlOutput[] = [];
  readonly flushes: number[] = [];
  readonly spreadsheet: FakeSpreadsheet;
  /** The user's selection for SpreadsheetApp.getActiveRange() (Impor SOP reads a pasted table from it). */
  activeRange: ReturnType<FakeSheet['getRange']> | null = null;
  readonly scriptProperties: FakeProperties;
  readonly documentProperties: FakeProperties;
  readonly userProperties: FakeProperties;
  readonly userCache = new FakeCache();
  readonly documentCache = new FakeCache();
  identityToken: string | null;
  /** Scopes of the manifest the user did not grant (granular consent); non-empty makes authorization REQUIRED. */
  missingScopes: string[] = [];
  oauthToken: string;
  authMode: AuthModeName;
  htmlFiles: Record<string, string>;
  urlFetchWhitelist: string[] | undefined;
  /** The user's Drive, served to UrlFetchApp as Drive REST v3 (./drive-rest.ts). */
  readonly drive = new FakeDrive();
  readonly urlFetch = new FakeUrlFetch((call) =>
    SHEETS_VALUES_BATCH_UPDATE.test(call.url) ? sheetsValuesBatchUpdate(call, this.spreadsheet, this.oauthToken) : DRIVE_FILES_URL.test(call.url) ? this.drive.serve(call, this.oauthToken, this.missingScopes) : undefined,
  );
  readonly globals: Record<string, unknown>;

  constructor(opts: GasFakesOptions = {}) {
    this.spreadsheet = new FakeSpreadsheet(this, opts.spreadsheetId ?? 'ss-test-1');
    this.scriptProperties = new FakeProperties(this, 'ScriptProperties');
    this.documentProperties = new FakeProperties(this, 'DocumentProperties');
    this.userProperties = new FakeProperties(this, 'UserProperties');
    this.identityToken = opts.identityToken === undefined ? 'id-token-of-rina' : opts.identityToken;
    this.oauthToken = opts.oauthToken ?? 'oauth-token-of-rina';
    this.authMode = opts.authMode ?? 'FULL';
    this.htmlFiles = opts.htmlFiles ?? { Sidebar: '<!doctype html><title>Layanan Perpustakaan</title>' };
    this.urlFetchWhitelist = opts.urlFetchWhitelist;
    this.globals = this.buildGlobals();
  }

  mutate(what: string) {
    this.mutations.push(what);
  }

  private call(name: string, needsAuth: boolean) {
    this.calls.push(name);
    if (needsAuth && this.authMode === 'NONE') {
      throw new Error(`You do not have permission to call ${name}. Required permissions are not granted in AuthMode.NONE.`);
    }
  }

  /** Every fetch, in order. */
  get fetches(): FetchCall[] {
    return this.urlFetch.fetches;
  }

  /** Scripts the answer to matching fetches; the latest matching responder wins. */
  on(match: FetchMatcher | { method?: string; url: string | RegExp }, reply: FetchResponder) {
    this.urlFetch.on(match, reply);
    return this;
  }

  /** Fetches to the given URL prefix (e.g. the API). */
  fetchesTo(prefix: string) {
    return this.fetches.filter((f) => f.url.startsWith(prefix));
  }

  sheetsWrites() {
    return this.fetches.filter((f) => f.url.startsWith('https://sheets.googleapis.com/'));
  }

  sheet(name: string): FakeSheet {
    const s = this.spreadsheet.getSheetByName(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  private buildGlobals(): Record<string, unknown> {
    const f = this;
    /** An entry point that is recorded in `calls` and refused under AuthMode.NONE when it needs authorisation. */
    const entry =
      <A extends unknown[], T>(name: string, needsAuth: boolean, fn: (...args: A) => T) =>
      (...args: A): T => {
        f.call(name, needsAuth);
        return fn(...args);
      };
    const ui = fakeUi(this.menus, this.sidebars);
    const AuthMode = { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION' };
    return {
      SpreadsheetApp: {
        getUi: entry('SpreadsheetApp.getUi', false, () => ui),
        getActive: entry('SpreadsheetApp.getActive', true, () => f.spreadsheet),
        getActiveSpreadsheet: entry('SpreadsheetApp.getActiveSpreadsheet', true, () => f.spreadsheet),
        /** The range the user selected (a test sets `activeRange`); null when nothing is selected. */
        getActiveRange: entry('SpreadsheetApp.getActiveRange', true, () => f.activeRange),
        flush: entry('SpreadsheetApp.flush', false, () => {
          f.flushes.push(f.fetches.length);
          f.spreadsheet.pendingSheets.clear();
        }),
      },
      UrlFetchApp: {
        fetch: entry('UrlFetchApp.fetch', true, (url: string, params: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions = {}) => f.urlFetch.fetch(url, params, f.urlFetchWhitelist)),
      },
      ScriptApp: {
        AuthMode,
        AuthorizationStatus: { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' },
        getAuthorizationInfo: entry('ScriptApp.getAuthorizationInfo', false, () => ({
          getAuthorizationStatus: () => (f.missingScopes.length ? 'REQUIRED' : 'NOT_REQUIRED'),
          getAuthorizationUrl: () => (f.missingScopes.length ? 'https://script.google.com/macros/d/fake/authorize' : null),
        })),
        getIdentityToken: entry('ScriptApp.getIdentityToken', true, () => f.identityToken),
        getOAuthToken: entry('ScriptApp.getOAuthToken', true, () => f.oauthToken),
      },
      Utilities: {
        /** Apps Script's: a string (as UTF-8) or Byte[] (signed) to standard base64. */
        base64Encode: entry('Utilities.base64Encode', false, (data: string | number[]) =>
          (typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.map((b) => b & 0xff))).toString('base64'),
        ),
      },
      HtmlService: {
        createHtmlOutputFromFile: entry('HtmlService.createHtmlOutputFromFile', false, (name: string) => {
          const content = f.htmlFiles[name.replace(/\.html$/, '')];
          if (content === undefined) throw new Error(`No HTML file named ${name} was found.`);
          return new FakeHtmlOutput(name, content);
        }),
      },
      PropertiesService: {
        getScriptProperties: entry('PropertiesService.getScriptProperties', true, () => f.scriptProperties),
        getDocumentProperties: entry('PropertiesService.getDocumentProperties', true, () => f.documentProperties),
        getUserProperties: entry('PropertiesService.getUserProperties', true, () => f.userProperties),
      },
      CacheService: {
        getUserCache: entry('CacheService.getUserCache', true, () => f.userCache),
        getDocumentCache: entry('CacheService.getDocumentCache', true, () => f.documentCache),
      },
    };
  }

  /** Puts the fakes on globalThis; returns the function that restores what was there. */
  install(): () => void {
    const g = globalThis as Record<string, unknown>;
    const saved = Object.keys(this.globals).map((k) => [k, Object.getOwnPropertyDescriptor(g, k)] as const);
    for (const [k, v] of Object.entries(this.globals)) g[k] = v;
    return () => {
      for (const [k, d] of saved) {
        if (d) Object.defineProperty(g, k, d);
        else delete g[k];
      }
    };
  }
}
