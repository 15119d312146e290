// Builds the push-ready Apps Script folder (sheets-addon/dist, clasp's rootDir):
//   Code.js          the server code (src/server/main.ts) bundled as an IIFE assigned to one global,
//                    followed by one top-level stub per export: Apps Script (triggers, menu items,
//                    google.script.run) only calls top-level functions.
//   appsscript.json  the manifest, with urlFetchWhitelist for the API's URL (env ADDON_API_URL).
//   Sidebar.html     the sidebar (src/sidebar/build.ts).
// Usage: ADDON_API_URL=https://REGION-PROJECT.cloudfunctions.net/api npm run build:addon
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { build as esbuild } from 'esbuild';
import ts from 'typescript';
import { buildSidebarHtml } from './src/sidebar/build.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

export const GLOBAL_NAME = 'AddonServer';
export const DEFAULT_OUT_DIR = path.join(here, 'dist');
export const PLACEHOLDER_API_URL = 'https://REGION-PROJECT.cloudfunctions.net/';
export const SHEETS_API_PREFIX = 'https://sheets.googleapis.com/';
/** Impor SOP lists and reads the user's .docx files through Drive REST v3. */
export const DRIVE_API_PREFIX = 'https://www.googleapis.com/drive/v3/';
/** Functions the manifest, the triggers and the menu items call by name (see src/server/main.ts). */
export const MENU_AND_TRIGGER_FUNCTIONS = ['onOpen', 'onInstall', 'showSidebar', 'showNewCase', 'syncDashboardFromMenu'] as const;

export interface AddonBuildOptions {
  /** Where to write the folder; default sheets-addon/dist (emptied first). */
  outDir?: string;
  /** The API function's URL; default env ADDON_API_URL, else a placeholder (with a warning). */
  apiUrl?: string;
  warn?: (message: string) => void;
  /** The text of contract.ts to check the exports against; default the file itself (tests pass their own). */
  contractSource?: string;
}

export interface AddonBuildResult {
  outDir: string;
  /** Every top-level function written to Code.js. */
  entryPoints: string[];
  urlFetchWhitelist: string[];
  warnings: string[];
}

/** The member names of `interface SidebarCalls` in contract.ts (types are erased, so read the source). */
export function sidebarCallNames(contractSource: string): string[] {
  const sf = ts.createSourceFile('contract.ts', contractSource, ts.ScriptTarget.Latest, true);
  const decl = sf.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'SidebarCalls');
  if (!decl) throw new Error('contract.ts: interface SidebarCalls tidak ditemukan.');
  return decl.members.flatMap((m) => (m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) ? [m.name.text] : []));
}

/** The urlFetchWhitelist entry for the API: its URL as an https prefix ending in "/". */
export function whitelistPrefix(apiUrl: string): string {
  let u: URL;
  try {
    u = new URL(apiUrl.trim());
  } catch {
    throw new Error(`ADDON_API_URL bukan URL yang valid: "${apiUrl}".`);
  }
  if (u.protocol !== 'https:') throw new Error(`ADDON_API_URL harus https:// (Apps Script hanya mengizinkan https di urlFetchWhitelist): "${apiUrl}".`);
  if (u.search || u.hash) throw new Error(`ADDON_API_URL tidak boleh memuat query atau fragmen: "${apiUrl}".`);
  return `${u.origin}${u.pathname.replace(/\/+$/, '')}/`;
}

async function bundleServer(): Promise<string> {
  const result = await esbuild({
    entryPoints: [path.join(here, 'src/server/main.ts')],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL_NAME,
    target: 'es2020',
    platform: 'neutral',
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** Runs the bundle in an empty context (no Apps Script globals: nothing may run at load time) and lists its exports. */
function exportsOf(bundle: string): { functions: string[]; others: string[] } {
  const ctx = vm.createContext({});
  vm.runInContext(`${bundle}\n;globalThis.__exports = Object.keys(${GLOBAL_NAME}).map((k) => [k, typeof ${GLOBAL_NAME}[k]]);`, ctx, { filename: 'Code.js' });
  const pairs = (ctx as { __exports: [string, string][] }).__exports;
  return { functions: pairs.filter(([, t]) => t === 'function').map(([k]) => k), others: pairs.filter(([, t]) => t !== 'function').map(([k]) => k) };
}

export async function buildAddon(options: AddonBuildOptions = {}): Promise<AddonBuildResult> {
  const warnings: string[] = [];
  const warn = (m: string) => {
    warnings.push(m);
    (options.warn ?? ((x: string) => console.warn(x)))(m);
  };
  const outDir = path.resolve(options.outDir ?? DEFAULT_OUT_DIR);

  // Code.js: bundle + one stub per export, checked against the contract and the menu.
  const bundle = await bundleServer();
  const { functions, others } = exportsOf(bundle);
  if (others.length) throw new Error(`src/server/main.ts hanya boleh mengekspor fungsi titik masuk; bukan fungsi: ${others.join(', ')}.`);
  const required = [...MENU_AND_TRIGGER_FUNCTIONS, ...sidebarCallNames(options.contractSource ?? (await readFile(path.join(here, 'src/contract.ts'), 'utf8')))];
  const missing = required.filter((n) => !functions.includes(n));
  if (missing.length) throw new Error(`src/server/main.ts tidak mengekspor fungsi yang dipanggil Apps Script/google.script.run: ${missing.join(', ')}.`);
  const bad = functions.filter((n) => !/^[A-Za-z$][\w$]*$/.test(n) || n.endsWith('_'));
  if (bad.length) throw new Error(`Nama fungsi tidak bisa dipanggil dari Apps Script: ${bad.join(', ')}.`);
  const stubs = functions.map((n) => `function ${n}(...args) {\n  return ${GLOBAL_NAME}.${n}(...args);\n}`);
  const code = [
    '// Generated by sheets-addon/build.ts from sheets-addon/src/server: do not edit.',
    bundle.trimEnd(),
    '',
    '// Entry points: Apps Script calls only top-level functions (triggers, menu items, google.script.run).',
    ...stubs,
    '',
  ].join('\n');

  // appsscript.json: the manifest with the API's URL in the whitelist.
  const apiUrl = options.apiUrl ?? process.env.ADDON_API_URL;
  let apiPrefix: string;
  if (apiUrl && apiUrl.trim()) {
    apiPrefix = whitelistPrefix(apiUrl);
  } else {
    apiPrefix = PLACEHOLDER_API_URL;
    warn(
      `PERINGATAN: ADDON_API_URL tidak diisi; urlFetchWhitelist memakai placeholder ${PLACEHOLDER_API_URL}. ` +
        'Untuk produksi, jalankan ulang dengan ADDON_API_URL=<URL fungsi api> (wajib sebelum clasp push).',
    );
  }
  const manifest = JSON.parse(await readFile(path.join(here, 'appsscript.json'), 'utf8')) as Record<string, unknown>;
  const urlFetchWhitelist = [apiPrefix, SHEETS_API_PREFIX, DRIVE_API_PREFIX];
  manifest.urlFetchWhitelist = urlFetchWhitelist;

  const sidebar = await buildSidebarHtml();

  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, 'Code.js'), code);
  await writeFile(path.join(outDir, 'appsscript.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await writeFile(path.join(outDir, 'Sidebar.html'), sidebar);
  return { outDir, entryPoints: functions, urlFetchWhitelist, warnings };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  buildAddon()
    .then((r) => {
      console.log(`Add-on siap di ${path.relative(process.cwd(), r.outDir) || r.outDir}: Code.js (${r.entryPoints.length} fungsi), appsscript.json, Sidebar.html.`);
      console.log(`urlFetchWhitelist: ${r.urlFetchWhitelist.join(', ')}`);
    })
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exitCode = 1;
    });
}
