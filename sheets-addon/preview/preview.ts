// The sidebar preview for `npm start` and the browser tests: GET /preview serves the very same
// sidebar HTML the add-on ships, with a shim (./shim.ts) that implements google.script.run
// against the same-origin local API and lets the person pick a demo staff identity.
import { fileURLToPath } from 'node:url';
import type { HttpFunction } from '@google-cloud/functions-framework';
import { buildSidebarHtml, bundleBrowserScript } from '../src/sidebar/build.ts';

const SHIM = fileURLToPath(new URL('./shim.ts', import.meta.url));

/** The preview page; built on each request (esbuild takes milliseconds) so edits show on reload. */
export async function previewHtml(): Promise<string> {
  return buildSidebarHtml({ shim: await bundleBrowserScript(SHIM) });
}

export function createPreviewHandler(): HttpFunction {
  return async (req, res) => {
    const path = req.path.replace(/\/+$/, '');
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
