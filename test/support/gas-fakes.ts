/// <reference types="google-apps-script" />
// Fakes of the Apps Script globals the add-on's server code uses: SpreadsheetApp (one spreadsheet
// with sheets, ranges, formatting, frozen rows, filters, toasts, the add-on menu and the sidebar),
// UrlFetchApp (records every fetch and answers from scripted responders; it also serves the Sheets
// REST values:batchUpdate against the fake spreadsheet, RAW only), ScriptApp (AuthMode, identity and
// OAuth tokens), HtmlService, PropertiesService and CacheService.
//
// `authMode` mimics Apps Script's restrictions: under 'NONE' (a simple trigger before the add-on is
// authorised in the document) properties, caches, UrlFetch and tokens throw, as they do in production.
//
// install() puts them on globalThis (for modules imported in the test); `globals` is the same set
// for a node:vm context.

export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';

export interface FetchCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  contentType: string | undefined;
  payload: string | undefined;
  muteHttpExceptions: boolean;
  /** The payload parsed as JSON, when it is JSON. */
  json: unknown;
}

export type FetchReply = { status: number; body?: unknown; text?: string } | { throws: string };
type Matcher = (call: FetchCall) => boolean;

export interface FakeMenu {
  kind: 'addon';
  items: { caption: string; functionName: string }[];
}

interface CellFormat {
  fontWeight: string;
  background: string;
}

const key = (r: number, c: number) => `${r},${c}`;

function colNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0);
}

/** `'Kasus'!A1:H3` -> sheet name and bounds (the only A1 form the add-on writes). */
export function parseA1(range: string): { sheet: string; r1: number; c1: number; r2: number; c2: number } {
  const m = /^'((?:[^']|'')+)'!([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
  if (!m) throw new Error(`Unable to parse range: ${range}`);
  return { sheet: m[1]!.replace(/''/g, "'"), c1: colNumber(m[2]!), r1: Number(m[3]), c2: colNumber(m[4]!), r2: Number(m[5]) };
}

export class FakeFilter {
  readonly criteria = new Map<number, unknown>();
  private readonly sheet: FakeSheet;
  readonly bounds: { row: number; col: number; rows: number; cols: number };
  constructor(sheet: FakeSheet, bounds: { row: number; col: number; rows: number; cols: number }) {
    this.sheet = sheet;
    this.bounds = bounds;
  }
  getRange() {
    const b = this.bounds;
    return this.sheet.getRange(b.row, b.col, b.rows, b.cols);
  }
  getColumnFilterCriteria(col: number) {
    return (this.criteria.get(col) ?? null) as GoogleAppsScript.Spreadsheet.FilterCriteria | null;
  }
  setColumnFilterCriteria(col: number, c: unknown) {
    this.sheet.fakes.mutate(`Filter.setColumnFilterCriteria(${col})`);
    this.criteria.set(col, c);
    return this;
  }
  remove() {
    this.sheet.fakes.mutate('Filter.remove()');
    this.sheet.filter = null;
  }
}

export class FakeRange {
  private readonly sheet: FakeSheet;
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
  constructor(sheet: FakeSheet, row: number, col: number, rows: number, cols: number) {
    this.sheet = sheet;
    this.row = row;
    this.col = col;
    this.rows = rows;
    this.cols = cols;
  }
  private get label() {
    return `Range(${this.sheet.name}!R${this.row}C${this.col}:R${this.row + this.rows - 1}C${this.col + this.cols - 1})`;
  }
  private each(fn: (r: number, c: number) => void) {
    for (let r = this.row; r < this.row + this.rows; r++) for (let c = this.col; c < this.col + this.cols; c++) fn(r, c);
  }
  private format(r: number, c: number): CellFormat {
    let f = this.sheet.formats.get(key(r, c));
    if (!f) this.sheet.formats.set(key(r, c), (f = { fontWeight: 'normal', background: '#ffffff' }));
    return f;
  }
  getRow() {
    return this.row;
  }
  getColumn() {
    return this.col;
  }
  getNumRows() {
    return this.rows;
  }
  getNumColumns() {
    return this.cols;
  }
  getLastRow() {
    return this.row + this.rows - 1;
  }
  getLastColumn() {
    return this.col + this.cols - 1;
  }
  getFontWeight() {
    return this.format(this.row, this.col).fontWeight;
  }
  setFontWeight(w: string | null) {
    this.sheet.fakes.mutate(`${this.label}.setFontWeight(${w})`);
    this.each((r, c) => (this.format(r, c).fontWeight = w ?? 'normal'));
    return this;
  }
  getBackground() {
    return this.format(this.row, this.col).background;
  }
  setBackground(color: string | null) {
    this.sheet.fakes.mutate(`${this.label}.setBackground(${color})`);
    this.each((r, c) => (this.format(r, c).background = (color ?? '#ffffff').toLowerCase()));
    return this;
  }
  getValues(): string[][] {
    return Array.from({ length: this.rows }, (_, i) => Array.from({ length: this.cols }, (_, j) => this.sheet.cells.get(key(this.row + i, this.col + j)) ?? ''));
  }
  createFilter() {
    if (this.sheet.filter) throw new Error('You can\'t create a filter in a sheet that already has a filter.');
    this.sheet.fakes.mutate(`${this.label}.createFilter()`);
    this.sheet.filter = new FakeFilter(this.sheet, { row: this.row, col: this.col, rows: this.rows, cols: this.cols });
    return this.sheet.filter;
  }
}

export class FakeSheet {
  readonly fakes: GasFakes;
  readonly name: string;
  readonly cells = new Map<string, string>();
  readonly formats = new Map<string, CellFormat>();
  maxRows = 1000;
  maxCols = 26;
  frozenRows = 0;
  filter: FakeFilter | null = null;
  constructor(fakes: GasFakes, name: string) {
    this.fakes = fakes;
    this.name = name;
  }
  getName() {
    return this.name;
  }
  getRange(row: number, col: number, rows = 1, cols = 1) {
    if (row < 1 || col < 1 || row + rows - 1 > this.maxRows || col + cols - 1 > this.maxCols) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this, row, col, rows, cols);
  }
  getMaxRows() {
    return this.maxRows;
  }
  getMaxColumns() {
    return this.maxCols;
  }
  insertRowsAfter(after: number, howMany: number) {
    this.fakes.mutate(`Sheet(${this.name}).insertRowsAfter(${after}, ${howMany})`);
    this.maxRows += howMany;
    return this;
  }
  insertColumnsAfter(after: number, howMany: number) {
    this.fakes.mutate(`Sheet(${this.name}).insertColumnsAfter(${after}, ${howMany})`);
    this.maxCols += howMany;
    return this;
  }
  getFrozenRows() {
    return this.frozenRows;
  }
  setFrozenRows(n: number) {
    this.fakes.mutate(`Sheet(${this.name}).setFrozenRows(${n})`);
    this.frozenRows = n;
  }
  getFilter() {
    return this.filter;
  }
  /** The values as a grid, trimmed to the last non-empty row and column. */
  values(): string[][] {
    let lastRow = 0;
    let lastCol = 0;
    for (const [k, v] of this.cells) {
      if (v === '') continue;
      const [r, c] = k.split(',').map(Number) as [number, number];
      lastRow = Math.max(lastRow, r);
      lastCol = Math.max(lastCol, c);
    }
    return lastRow === 0 ? [] : this.getRange(1, 1, lastRow, lastCol).getValues();
  }
}

export class FakeSpreadsheet {
  readonly fakes: GasFakes;
  readonly id: string;
  readonly sheets: FakeSheet[] = [];
  readonly toasts: { message: string; title: string | undefined; timeoutSeconds: number | undefined }[] = [];
  /** Structural changes not yet flushed: the Sheets REST API does not see them until flush(). */
  pendingSheets = new Set<FakeSheet>();
  constructor(fakes: GasFakes, id: string) {
    this.fakes = fakes;
    this.id = id;
    this.sheets.push(new FakeSheet(fakes, 'Sheet1'));
  }
  getId() {
    return this.id;
  }
  getSheets() {
    return [...this.sheets];
  }
  getSheetByName(name: string) {
    return this.sheets.find((s) => s.name === name) ?? null;
  }
  insertSheet(name: string) {
    if (this.getSheetByName(name)) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this.fakes.mutate(`Spreadsheet.insertSheet(${name})`);
    const s = new FakeSheet(this.fakes, name);
    this.sheets.push(s);
    this.pendingSheets.add(s);
    return s;
  }
  toast(message: string, title?: string, timeoutSeconds?: number) {
    this.toasts.push({ message, title, timeoutSeconds });
  }
}

export class FakeProperties {
  readonly fakes: GasFakes;
  readonly label: string;
  readonly data = new Map<string, string>();
  constructor(fakes: GasFakes, label: string) {
    this.fakes = fakes;
    this.label = label;
  }
  getProperty(k: string) {
    return this.data.get(k) ?? null;
  }
  getProperties() {
    return Object.fromEntries(this.data);
  }
  setProperty(k: string, v: string) {
    this.fakes.mutate(`${this.label}.setProperty(${k}=${v})`);
    this.data.set(k, String(v));
    return this;
  }
  deleteProperty(k: string) {
    this.fakes.mutate(`${this.label}.deleteProperty(${k})`);
    this.data.delete(k);
    return this;
  }
}

export class FakeCache {
  readonly data = new Map<string, string>();
  get(k: string) {
    return this.data.get(k) ?? null;
  }
  put(k: string, v: string, _seconds?: number) {
    this.data.set(k, v);
  }
  remove(k: string) {
    this.data.delete(k);
  }
}

export class FakeHtmlOutput {
  readonly file: string;
  readonly content: string;
  title = '';
  constructor(file: string, content: string) {
    this.file = file;
    this.content = content;
  }
  setTitle(t: string) {
    this.title = t;
    return this;
  }
  getTitle() {
    return this.title;
  }
  getContent() {
    return this.content;
  }
}

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
  readonly fetches: FetchCall[] = [];
  readonly menus: FakeMenu[] = [];
  readonly sidebars: FakeHtmlOutput[] = [];
  readonly flushes: number[] = [];
  readonly spreadsheet: FakeSpreadsheet;
  readonly scriptProperties: FakeProperties;
  readonly documentProperties: FakeProperties;
  readonly userProperties: FakeProperties;
  readonly userCache = new FakeCache();
  readonly documentCache = new FakeCache();
  identityToken: string | null;
  oauthToken: string;
  authMode: AuthModeName;
  htmlFiles: Record<string, string>;
  urlFetchWhitelist: string[] | undefined;
  private readonly responders: { match: Matcher; reply: FetchReply | ((call: FetchCall) => FetchReply) }[] = [];
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

  /** Scripts the answer to matching fetches; the latest matching responder wins. */
  on(match: Matcher | { method?: string; url: string | RegExp }, reply: FetchReply | ((call: FetchCall) => FetchReply)) {
    const m: Matcher =
      typeof match === 'function'
        ? match
        : (c) => (!match.method || c.method === match.method.toLowerCase()) && (typeof match.url === 'string' ? c.url === match.url : match.url.test(c.url));
    this.responders.unshift({ match: m, reply });
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

  private fetch(url: string, params: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions = {}) {
    this.call('UrlFetchApp.fetch', true);
    if (this.urlFetchWhitelist && !this.urlFetchWhitelist.some((p) => url.startsWith(p))) {
      throw new Error(`Exception: The URL ${url} is not on the urlFetchWhitelist in the manifest.`);
    }
    const headers = Object.fromEntries(Object.entries(params.headers ?? {}).map(([k, v]) => [k, String(v)]));
    const payload = typeof params.payload === 'string' ? params.payload : params.payload === undefined ? undefined : JSON.stringify(params.payload);
    let json: unknown;
    try {
      json = payload === undefined ? undefined : JSON.parse(payload);
    } catch {
      json = undefined;
    }
    const call: FetchCall = { url, method: String(params.method ?? 'get').toLowerCase(), headers, contentType: params.contentType, payload, muteHttpExceptions: params.muteHttpExceptions === true, json };
    this.fetches.push(call);
    const found = this.responders.find((r) => r.match(call));
    let reply: FetchReply;
    if (found) reply = typeof found.reply === 'function' ? found.reply(call) : found.reply;
    else if (/^https:\/\/sheets\.googleapis\.com\/v4\/spreadsheets\/[^/]+\/values:batchUpdate$/.test(url)) reply = this.sheetsValuesBatchUpdate(call);
    else throw new Error(`Exception: no scripted response for ${call.method.toUpperCase()} ${url}`);
    if ('throws' in reply) throw new Error(reply.throws);
    const text = reply.text ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
    if (!call.muteHttpExceptions && (reply.status < 200 || reply.status >= 300)) {
      throw new Error(`Exception: Request failed for ${url} returned code ${reply.status}. Truncated server response: ${text.slice(0, 200)}`);
    }
    return { getResponseCode: () => reply.status, getContentText: () => text, getHeaders: () => ({ 'Content-Type': 'application/json' }) };
  }

  /** The Sheets REST API's spreadsheets.values.batchUpdate, against the fake spreadsheet. */
  private sheetsValuesBatchUpdate(call: FetchCall): FetchReply {
    const error = (status: number, message: string): FetchReply => ({ status, body: { error: { code: status, message, status: 'INVALID_ARGUMENT' } } });
    const id = decodeURIComponent(/spreadsheets\/([^/]+)\/values/.exec(call.url)![1]!);
    if (call.method !== 'post') return error(404, 'Not found');
    if (call.headers.Authorization !== `Bearer ${this.oauthToken}`) return { status: 401, body: { error: { code: 401, message: 'Request had invalid authentication credentials.' } } };
    if (id !== this.spreadsheet.id) return error(404, 'Requested entity was not found.');
    const body = call.json as { valueInputOption?: string; data?: { range: string; majorDimension?: string; values: unknown[][] }[] } | undefined;
    if (!body || !['RAW', 'USER_ENTERED'].includes(body.valueInputOption ?? '')) return error(400, "Invalid valueInputOption: ''");
    if (body.valueInputOption !== 'RAW') return error(400, 'This fake stores RAW values only.');
    const writes: { sheet: FakeSheet; r: number; c: number; v: string }[] = [];
    for (const d of body.data ?? []) {
      const a = parseA1(d.range);
      const sheet = this.spreadsheet.getSheetByName(a.sheet);
      if (!sheet || this.spreadsheet.pendingSheets.has(sheet)) return error(400, `Unable to parse range: ${d.range}`);
      if (a.r2 > sheet.maxRows || a.c2 > sheet.maxCols) return error(400, `Range (${d.range}) exceeds grid limits. Max rows: ${sheet.maxRows}, max columns: ${sheet.maxCols}`);
      if (d.values.length > a.r2 - a.r1 + 1) return error(400, `Requested writing within range [${d.range}], but tried writing to row [${a.r1 + d.values.length - 1}]`);
      d.values.forEach((row, i) => {
        if (row.length > a.c2 - a.c1 + 1) throw new Error(`row wider than ${d.range}`);
        row.forEach((v, j) => writes.push({ sheet, r: a.r1 + i, c: a.c1 + j, v: v === null || v === undefined ? '' : String(v) }));
      });
    }
    for (const w of writes) w.sheet.cells.set(key(w.r, w.c), w.v);
    return { status: 200, body: { spreadsheetId: id, totalUpdatedCells: writes.length, responses: (body.data ?? []).map((d) => ({ updatedRange: d.range })) } };
  }

  private buildGlobals(): Record<string, unknown> {
    const f = this;
    const ui = {
      createAddonMenu() {
        const menu: FakeMenu = { kind: 'addon', items: [] };
        const api = {
          addItem(caption: string, functionName: string) {
            menu.items.push({ caption, functionName });
            return api;
          },
          addSeparator() {
            return api;
          },
          addToUi() {
            f.menus.push(menu);
          },
        };
        return api;
      },
      showSidebar(html: FakeHtmlOutput) {
        f.sidebars.push(html);
      },
    };
    const AuthMode = { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION' };
    return {
      SpreadsheetApp: {
        getUi() {
          f.call('SpreadsheetApp.getUi', false);
          return ui;
        },
        getActive() {
          f.call('SpreadsheetApp.getActive', true);
          return f.spreadsheet;
        },
        getActiveSpreadsheet() {
          f.call('SpreadsheetApp.getActiveSpreadsheet', true);
          return f.spreadsheet;
        },
        flush() {
          f.call('SpreadsheetApp.flush', false);
          f.flushes.push(f.fetches.length);
          f.spreadsheet.pendingSheets.clear();
        },
      },
      UrlFetchApp: { fetch: (url: string, params?: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions) => f.fetch(url, params) },
      ScriptApp: {
        AuthMode,
        getIdentityToken() {
          f.call('ScriptApp.getIdentityToken', true);
          return f.identityToken;
        },
        getOAuthToken() {
          f.call('ScriptApp.getOAuthToken', true);
          return f.oauthToken;
        },
      },
      HtmlService: {
        createHtmlOutputFromFile(name: string) {
          f.call('HtmlService.createHtmlOutputFromFile', false);
          const content = f.htmlFiles[name.replace(/\.html$/, '')];
          if (content === undefined) throw new Error(`No HTML file named ${name} was found.`);
          return new FakeHtmlOutput(name, content);
        },
      },
      PropertiesService: {
        getScriptProperties() {
          f.call('PropertiesService.getScriptProperties', true);
          return f.scriptProperties;
        },
        getDocumentProperties() {
          f.call('PropertiesService.getDocumentProperties', true);
          return f.documentProperties;
        },
        getUserProperties() {
          f.call('PropertiesService.getUserProperties', true);
          return f.userProperties;
        },
      },
      CacheService: {
        getUserCache() {
          f.call('CacheService.getUserCache', true);
          return f.userCache;
        },
        getDocumentCache() {
          f.call('CacheService.getDocumentCache', true);
          return f.documentCache;
        },
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
