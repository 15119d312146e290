// The sidebar preview for `npm start` and the browser tests: GET /preview serves the very same
// sidebar HTML the add-on ships, with a shim (./shim.ts) that implements google.script.run
// against the same-origin local API and lets the person pick a demo staff identity.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HttpFunction } from '@google-cloud/functions-framework';
import { buildSidebarHtml, bundleBrowserScript } from '../src/sidebar/build.ts';

const SHIM = fileURLToPath(new URL('./shim.ts', import.meta.url));

/** The preview page; built on each request (esbuild takes milliseconds) so edits show on reload. */
export async function previewHtml(): Promise<string> {
  return buildSidebarHtml({ shim: await bundleBrowserScript(SHIM) });
}

export interface PreviewOptions {
  /**
   * The preview's stand-in for the user's Drive: the .docx files of this folder (default env
   * PREVIEW_DRIVE_DIR; none: an empty Drive). The add-on itself lists Drive through its REST API
   * (sheets-addon/src/server/drive.ts, tested against test/support/gas-fakes/drive-rest.ts).
   */
  driveDir?: string;
}

const DRIVE_PAGE = 50;
const driveId = (name: string) => Buffer.from(name, 'utf8').toString('base64url');

/** Drive's `name contains`: the text at the start of the name or of a word in it, case aside. */
function startsAWord(name: string, search: string): boolean {
  const n = name.toLowerCase();
  for (let i = n.indexOf(search); i >= 0; i = n.indexOf(search, i + 1)) if (i === 0 || !/[\p{L}\p{N}]/u.test(n[i - 1]!)) return true;
  return false;
}

/** GET /preview/drive?search=&pageToken= (a DriveDocxPage) and GET /preview/drive/<id> (the bytes). */
async function localDrive(dir: string | undefined, rest: string, query: Record<string, unknown>): Promise<{ status: number; json?: unknown; bytes?: Buffer }> {
  const names = dir ? (await readdir(dir).catch(() => [] as string[])).filter((n) => n.toLowerCase().endsWith('.docx')) : [];
  if (rest) {
    const name = Buffer.from(rest, 'base64url').toString('utf8');
    if (!names.includes(name)) return { status: 404, json: { error: { code: 'NOT_FOUND', message: 'Berkas tidak ditemukan di Drive pratinjau.' } } };
    return { status: 200, bytes: await readFile(join(dir!, name)) };
  }
  const search = String(query.search ?? '').trim().toLowerCase();
  const files = await Promise.all(
    names
      .filter((n) => !search || startsAWord(n, search))
      .map(async (n) => {
        const st = await stat(join(dir!, n));
        return { id: driveId(n), name: n, modifiedTime: st.mtime.toISOString(), sizeBytes: st.size };
      }),
  );
  files.sort((a, b) => b.modifiedTime.localeCompare(a.modifiedTime) || a.name.localeCompare(b.name));
  const from = Number(query.pageToken ?? 0) || 0;
  return { status: 200, json: { files: files.slice(from, from + DRIVE_PAGE), nextPageToken: from + DRIVE_PAGE < files.length ? String(from + DRIVE_PAGE) : null } };
}

export function createPreviewHandler(opts: PreviewOptions = {}): HttpFunction {
  const driveDir = opts.driveDir ?? process.env.PREVIEW_DRIVE_DIR;
  return async (req, res) => {
    const path = req.path.replace(/\/+$/, '');
    if (req.method === 'GET' && (path === '/preview/drive' || path.startsWith('/preview/drive/'))) {
      const r = await localDrive(driveDir, path.slice('/preview/drive/'.length), req.query as Record<string, unknown>);
      if (r.bytes) res.status(200).set('Content-Type', 'application/octet-stream').send(r.bytes);
      else res.status(r.status).json(r.json);
      return;
    }
    if (path !== '/preview') {
      res.status(404).json({ error: { code: 'NOT_FOUND', message: `Alamat ${req.path} tidak dikenal. Pratinjau sidebar ada di /preview.` } });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.status(405).set('Allow', 'GET, HEAD').json({ error: { code: 'NOT_FOUND', message: `Metode ${req.method} tidak didukung untuk /preview.` } });
      return;
    }
    try {
      const html = await previewHtml();
      res.status(200).set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).send(html);
    } catch (err) {
      console.error('preview: the sidebar could not be built:', err);
      res.status(500).set('Content-Type', 'text/plain; charset=utf-8').send(`Sidebar tidak dapat dibangun:\n${err instanceof Error ? err.message : String(err)}`);
    }
  };
}
